import { EventEmitter } from 'node:events';

/**
 * Watches the components (PostgreSQL, Redis, Kafka, Temporal) with a periodic health check and
 * reports each change: `down` once when a component stops answering, `up` when it answers again.
 * With `restart`, a component this command started that is still down on the next check is started
 * again (`restarting`, then `restart-failed` if that did not work). The platform's processes do
 * not depend on this: they wait for a missing component and reconnect by themselves.
 */
export interface ComponentWatcherOptions<C extends string> {
  components: readonly C[];
  /** True when the component answers (scripts/infra/<name>.sh status). */
  check(name: C): Promise<boolean>;
  /** Starts a component; only called for `restartable` ones when `restart` is set. */
  start?(name: C): Promise<void>;
  /** Components this command started (the only ones it may restart). */
  restartable?: readonly C[];
  restart?: boolean;
}

export interface ComponentWatcherEvents<C extends string> {
  down: [{ name: C; ours: boolean }];
  up: [{ name: C; downForChecks: number }];
  restarting: [{ name: C }];
  'restart-failed': [{ name: C; error: unknown }];
}

export class ComponentWatcher<C extends string> extends EventEmitter<ComponentWatcherEvents<C>> {
  /** How many consecutive checks found each component down. */
  private readonly misses = new Map<C, number>();
  private checking?: Promise<void>;

  constructor(private readonly options: ComponentWatcherOptions<C>) {
    super();
  }

  /** Runs one round of checks (a round still running is awaited instead of starting another). */
  checkOnce(): Promise<void> {
    this.checking ??= this.round().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Checks every `intervalMs` until the returned function is called. */
  every(intervalMs: number): () => void {
    const timer = setInterval(() => void this.checkOnce(), intervalMs);
    return () => clearInterval(timer);
  }

  private async round(): Promise<void> {
    for (const name of this.options.components) {
      const healthy = await this.options.check(name).catch(() => false);
      const misses = this.misses.get(name) ?? 0;
      if (healthy) {
        if (misses > 0) this.emit('up', { name, downForChecks: misses });
        this.misses.delete(name);
        continue;
      }
      this.misses.set(name, misses + 1);
      const ours = this.options.restartable?.includes(name) ?? false;
      if (misses === 0) {
        this.emit('down', { name, ours });
      } else if (this.options.restart && ours && this.options.start) {
        this.emit('restarting', { name });
        await this.options.start(name).catch((error: unknown) => this.emit('restart-failed', { name, error }));
      }
    }
  }
}
