import type { Logger } from './logger';

type Hook = { name: string; run: () => Promise<unknown> | unknown };

/**
 * Runs registered hooks once, newest first, on SIGTERM or SIGINT (or when called), then exits.
 * A hook that hangs is abandoned after the timeout so a stop never waits forever.
 */
export class GracefulShutdown {
  private readonly hooks: Hook[] = [];
  private stopping?: Promise<void>;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = 20_000,
  ) {}

  /** Registers something to close; the last one registered closes first. */
  add(name: string, run: Hook['run']): void {
    this.hooks.push({ name, run });
  }

  /** Installs the signal handlers; a second signal exits at once. */
  listen(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.stopping) {
        this.logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      this.logger.info({ signal }, 'shutting down');
      void this.run().then(() => process.exit(0));
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  /** Runs every hook in reverse order of registration; errors are logged, not thrown. */
  run(): Promise<void> {
    this.stopping ??= (async () => {
      for (const hook of [...this.hooks].reverse()) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
        });
        try {
          const outcome = await Promise.race([Promise.resolve(hook.run()), timeout]);
          if (outcome === 'timeout') this.logger.error({ hook: hook.name }, 'shutdown hook timed out');
        } catch (err) {
          this.logger.error({ hook: hook.name, err }, 'shutdown hook failed');
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return this.stopping;
  }
}
