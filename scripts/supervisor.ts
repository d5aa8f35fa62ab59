import { spawn as spawnProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Keeps the platform's processes running: a process that exits (crash, SIGKILL, OOM) is started again
 * after an exponential backoff, and one that crashes `giveUp.crashes` times within `giveUp.windowMs`
 * is left down with its last stderr lines reported, while the others keep running.
 *
 * API (also used by the chaos run):
 * - `new Supervisor({ roles, pidDir })`, then `start()`; `stop()` stops every process it started.
 * - `restart(role)` stops one process (SIGTERM) and starts it again at once, without counting a crash;
 *   `kill(role, signal)` only sends a signal (the exit then counts as a crash and is restarted).
 * - `pid(role)`, `status()`; each running role's pid is also in `<pidDir>/platform-<role>.pid`.
 * - events: `started`, `exited`, `restarting`, `gave-up`, `line` (see SupervisorEvents).
 * Spawning and the clock are injected, so the policy is tested without real processes.
 */

/** One process to keep running. */
export interface RoleSpec {
  role: string;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** What the supervisor needs of a child process (a ChildProcess has all of it). */
export interface SupervisedChild {
  readonly pid?: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  once(event: 'error', listener: (err: Error) => void): unknown;
}

export type SpawnChild = (spec: RoleSpec) => SupervisedChild;

export interface SupervisorClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SupervisorOptions {
  roles: readonly RoleSpec[];
  /** Where `platform-<role>.pid` files are written; none when absent. */
  pidDir?: string;
  /** First restart delay, doubled for each crash in the window, capped at maxMs. */
  backoff?: { initialMs: number; maxMs: number };
  /** Give up on a role after this many crashes within this window. */
  giveUp?: { crashes: number; windowMs: number };
  /** How many of a role's last stderr lines a give-up reports. */
  stderrLines?: number;
  /** A process still running this long after SIGTERM in stop()/restart() gets SIGKILL. */
  killAfterMs?: number;
  spawn?: SpawnChild;
  clock?: SupervisorClock;
}

export type RoleState = 'running' | 'backoff' | 'gave-up' | 'stopped';

export interface RoleStatus {
  role: string;
  state: RoleState;
  pid?: number;
  /** Restarts after crashes since start() (restart() is not counted). */
  restarts: number;
}

export interface SupervisorEvents {
  started: [{ role: string; pid?: number; restarts: number }];
  exited: [{ role: string; code: number | null; signal: NodeJS.Signals | null; expected: boolean }];
  restarting: [{ role: string; code: number | null; signal: NodeJS.Signals | null; restarts: number; delayMs: number; crashesInWindow: number }];
  'gave-up': [{ role: string; crashes: number; windowMs: number; code: number | null; signal: NodeJS.Signals | null; lastStderr: string[] }];
  line: [{ role: string; stream: 'stdout' | 'stderr'; line: string }];
}

export const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 30_000 };
export const DEFAULT_GIVE_UP = { crashes: 5, windowMs: 60_000 };

const realClock: SupervisorClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Spawns a role with piped output; the child is in this process's group, so Ctrl-C reaches it. */
export const spawnRole: SpawnChild = (spec) =>
  spawnProcess(spec.command, [...spec.args], { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });

/** The delay before restart number `crashesInWindow`: exponential, capped. */
export function restartDelayMs(backoff: { initialMs: number; maxMs: number }, crashesInWindow: number): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, crashesInWindow - 1));
}

/** Where the pid of a supervised role is written. */
export function pidFile(pidDir: string, role: string): string {
  return path.join(pidDir, `platform-${role}.pid`);
}

interface RoleRuntime {
  spec: RoleSpec;
  state: RoleState;
  child?: SupervisedChild;
  crashes: number[];
  restarts: number;
  stderr: string[];
  timer?: unknown;
  /** Set by restart()/stop(): the next exit is not a crash. */
  expectExit: boolean;
  exited?: Promise<void>;
}

export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly roles = new Map<string, RoleRuntime>();
  private readonly spawnChild: SpawnChild;
  private readonly clock: SupervisorClock;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly giveUp: { crashes: number; windowMs: number };
  private readonly stderrLines: number;
  private readonly killAfterMs: number;
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {
    super();
    this.spawnChild = options.spawn ?? spawnRole;
    this.clock = options.clock ?? realClock;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.giveUp = options.giveUp ?? DEFAULT_GIVE_UP;
    this.stderrLines = options.stderrLines ?? 20;
    this.killAfterMs = options.killAfterMs ?? 30_000;
    for (const spec of options.roles) {
      if (this.roles.has(spec.role)) throw new Error(`role ${spec.role} is listed twice`);
      this.roles.set(spec.role, { spec, state: 'stopped', crashes: [], restarts: 0, stderr: [], expectExit: false });
    }
    if (options.pidDir) mkdirSync(options.pidDir, { recursive: true });
  }

  /** Starts every role. */
  start(): void {
    for (const runtime of this.roles.values()) this.launch(runtime);
  }

  pid(role: string): number | undefined {
    const runtime = this.roles.get(role);
    return runtime?.state === 'running' ? runtime.child?.pid : undefined;
  }

  status(): RoleStatus[] {
    return [...this.roles.values()].map((r) => ({ role: r.spec.role, state: r.state, pid: r.state === 'running' ? r.child?.pid : undefined, restarts: r.restarts }));
  }

  /** Sends a signal to a role's process; its exit is then handled like any crash. */
  kill(role: string, signal: NodeJS.Signals = 'SIGKILL'): boolean {
    const runtime = this.runtime(role);
    return runtime.state === 'running' && runtime.child ? runtime.child.kill(signal) : false;
  }

  /**
   * Stops a role (SIGTERM, SIGKILL after killAfterMs) and starts it again at once; also brings back
   * a role that was given up on. Resolves when the new process has been spawned.
   */
  async restart(role: string): Promise<void> {
    const runtime = this.runtime(role);
    if (this.stopping) return;
    this.clock.clearTimeout(runtime.timer);
    runtime.timer = undefined;
    if (runtime.state === 'running') await this.terminate(runtime, true);
    runtime.crashes = [];
    if (!this.stopping) this.launch(runtime);
  }

  /**
   * Stops every process: SIGTERM (unless `alreadySignalled`, e.g. Ctrl-C reached the whole process
   * group), SIGKILL after killAfterMs; pending restarts are cancelled.
   */
  async stop(alreadySignalled = false): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.roles.values()].map(async (runtime) => {
        this.clock.clearTimeout(runtime.timer);
        runtime.timer = undefined;
        if (runtime.state === 'running') await this.terminate(runtime, !alreadySignalled);
        runtime.state = 'stopped';
      }),
    );
  }

  private runtime(role: string): RoleRuntime {
    const runtime = this.roles.get(role);
    if (!runtime) throw new Error(`no such role: ${role} (known: ${[...this.roles.keys()].join(', ')})`);
    return runtime;
  }

  private async terminate(runtime: RoleRuntime, signal: boolean): Promise<void> {
    const { child, exited } = runtime;
    if (!child || !exited) return;
    runtime.expectExit = true;
    const killer = this.clock.setTimeout(() => child.kill('SIGKILL'), this.killAfterMs);
    if (signal) child.kill('SIGTERM');
    await exited;
    this.clock.clearTimeout(killer);
  }

  private launch(runtime: RoleRuntime): void {
    const { spec } = runtime;
    runtime.expectExit = false;
    runtime.stderr = [];
    let child: SupervisedChild;
    try {
      child = this.spawnChild(spec);
    } catch (err) {
      // A spawn that throws (ENOENT, EMFILE) is a crash like any other.
      runtime.stderr.push(err instanceof Error ? err.message : String(err));
      runtime.state = 'running';
      this.onExit(runtime, null, null);
      return;
    }
    runtime.child = child;
    runtime.state = 'running';
    let resolveExited!: () => void;
    runtime.exited = new Promise((resolve) => (resolveExited = resolve));
    this.follow(runtime, child.stdout, 'stdout');
    this.follow(runtime, child.stderr, 'stderr');
    let done = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (done) return;
      done = true;
      if (runtime.child === child) this.onExit(runtime, code, signal);
      resolveExited();
    };
    child.once('exit', finish);
    child.once('error', (err) => {
      // 'error' without 'exit' means the process never ran.
      runtime.stderr.push(err.message);
      if (child.pid === undefined) finish(null, null);
    });
    this.writePid(spec.role, child.pid);
    this.emit('started', { role: spec.role, pid: child.pid, restarts: runtime.restarts });
  }

  private follow(runtime: RoleRuntime, stream: Readable | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      if (name === 'stderr') {
        runtime.stderr.push(line);
        if (runtime.stderr.length > this.stderrLines) runtime.stderr.shift();
      }
      this.emit('line', { role: runtime.spec.role, stream: name, line });
    });
  }

  private onExit(runtime: RoleRuntime, code: number | null, signal: NodeJS.Signals | null): void {
    const role = runtime.spec.role;
    const expected = runtime.expectExit || this.stopping;
    runtime.child = undefined;
    runtime.state = 'stopped';
    this.removePid(role);
    this.emit('exited', { role, code, signal, expected });
    if (expected) return;

    const now = this.clock.now();
    runtime.crashes = [...runtime.crashes.filter((t) => now - t < this.giveUp.windowMs), now];
    if (runtime.crashes.length >= this.giveUp.crashes) {
      runtime.state = 'gave-up';
      this.emit('gave-up', { role, crashes: runtime.crashes.length, windowMs: this.giveUp.windowMs, code, signal, lastStderr: [...runtime.stderr] });
      return;
    }
    const delayMs = restartDelayMs(this.backoff, runtime.crashes.length);
    runtime.state = 'backoff';
    runtime.restarts++;
    this.emit('restarting', { role, code, signal, restarts: runtime.restarts, delayMs, crashesInWindow: runtime.crashes.length });
    runtime.timer = this.clock.setTimeout(() => {
      runtime.timer = undefined;
      if (!this.stopping && runtime.state === 'backoff') this.launch(runtime);
    }, delayMs);
  }

  private writePid(role: string, pid: number | undefined): void {
    if (!this.options.pidDir || pid === undefined) return;
    writeFileSync(pidFile(this.options.pidDir, role), `${pid}\n`);
  }

  private removePid(role: string): void {
    if (this.options.pidDir) rmSync(pidFile(this.options.pidDir, role), { force: true });
  }
}
