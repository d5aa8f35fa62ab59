import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pidFile, restartDelayMs, Supervisor, type RoleSpec, type SupervisedChild, type SupervisorClock } from './supervisor';

/** A child process that exits when the test says so (or when killed, like a real one). */
class FakeChild extends EventEmitter implements SupervisedChild {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly signals: string[] = [];
  constructor(
    readonly pid: number,
    private readonly ignoreTerm = false,
  ) {
    super();
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (!(this.ignoreTerm && signal === 'SIGTERM')) setImmediate(() => this.exit(null, signal));
    return true;
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    this.emit('exit', code, signal);
  }
  async writeStderr(line: string): Promise<void> {
    this.stderr.write(`${line}\n`);
    await new Promise((r) => setImmediate(r));
  }
}

/** A clock whose timers run only when the test advances it. */
class FakeClock implements SupervisorClock {
  time = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const t of due) t.fn();
  }
  pending(): number[] {
    return this.timers.map((t) => t.at - this.time);
  }
}

const settle = () => new Promise((r) => setImmediate(r));

function setup(roles = ['services', 'temporal-worker'], opts: { ignoreTerm?: boolean } = {}) {
  const clock = new FakeClock();
  const children: Record<string, FakeChild[]> = {};
  let nextPid = 1000;
  const pidDir = mkdtempSync(path.join(tmpdir(), 'supervisor-test-'));
  const specs: RoleSpec[] = roles.map((role) => ({ role, command: 'node', args: [`${role}.js`] }));
  const supervisor = new Supervisor({
    roles: specs,
    pidDir,
    clock,
    backoff: { initialMs: 1_000, maxMs: 8_000 },
    giveUp: { crashes: 5, windowMs: 60_000 },
    stderrLines: 3,
    killAfterMs: 30_000,
    spawn: (spec) => {
      const child = new FakeChild(nextPid++, opts.ignoreTerm);
      (children[spec.role] ??= []).push(child);
      return child;
    },
  });
  const events: string[] = [];
  supervisor.on('restarting', (e) => events.push(`restarting ${e.role} after ${e.signal ?? e.code}, restart ${e.restarts}, in ${e.delayMs}ms`));
  supervisor.on('gave-up', (e) => events.push(`gave up on ${e.role} after ${e.crashes} crashes: ${e.lastStderr.join(' | ')}`));
  const latest = (role: string) => children[role]!.at(-1)!;
  return { clock, children, supervisor, events, pidDir, latest };
}

describe('Supervisor', () => {
  it('restarts a crashed process with exponential backoff, naming its exit, and leaves the others alone', async () => {
    const { clock, children, supervisor, events, latest } = setup();
    supervisor.start();
    latest('services').exit(null, 'SIGKILL');
    expect(events).toEqual(['restarting services after SIGKILL, restart 1, in 1000ms']);
    expect(supervisor.status().find((s) => s.role === 'services')?.state).toBe('backoff');
    clock.advance(999);
    expect(children.services).toHaveLength(1);
    clock.advance(1);
    expect(children.services).toHaveLength(2);
    latest('services').exit(1);
    clock.advance(2_000);
    latest('services').exit(1);
    expect(events.slice(1)).toEqual(['restarting services after 1, restart 2, in 2000ms', 'restarting services after 1, restart 3, in 4000ms']);
    expect(children['temporal-worker']).toHaveLength(1);
    expect(supervisor.pid('temporal-worker')).toBe(children['temporal-worker']![0]!.pid);
  });

  it('gives up on a process after 5 crashes within a minute, reporting its last stderr lines, and keeps the others running', async () => {
    const { clock, children, supervisor, events, latest } = setup();
    const gaveUp: string[] = [];
    supervisor.on('gave-up', (e) => gaveUp.push(e.role));
    supervisor.start();
    for (let crash = 1; crash <= 5; crash++) {
      await latest('services').writeStderr(`line ${crash}a`);
      await latest('services').writeStderr(`Error: boom ${crash}`);
      latest('services').exit(1);
      clock.advance(8_000);
    }
    expect(gaveUp).toEqual(['services']);
    expect(events.at(-1)).toBe('gave up on services after 5 crashes: line 5a | Error: boom 5');
    expect(children.services).toHaveLength(5);
    expect(supervisor.status()).toEqual([
      { role: 'services', state: 'gave-up', pid: undefined, restarts: 4 },
      { role: 'temporal-worker', state: 'running', pid: children['temporal-worker']![0]!.pid, restarts: 0 },
    ]);
  });

  it('forgets crashes older than the window, so a process that crashes now and then is never given up on', () => {
    const { clock, supervisor, events, latest } = setup(['services']);
    supervisor.start();
    for (let crash = 1; crash <= 8; crash++) {
      latest('services').exit(1);
      clock.advance(30_000);
    }
    expect(events.filter((e) => e.startsWith('gave up'))).toEqual([]);
    // At most two crashes are ever in the 60 s window: the backoff stays short.
    expect(events.at(-1)).toBe('restarting services after 1, restart 8, in 2000ms');
  });

  it('writes each running role’s pid file and removes it when the process exits', () => {
    const { clock, supervisor, pidDir, latest } = setup(['services']);
    supervisor.start();
    const file = pidFile(pidDir, 'services');
    expect(readFileSync(file, 'utf8').trim()).toBe(String(latest('services').pid));
    latest('services').exit(null, 'SIGKILL');
    expect(existsSync(file)).toBe(false);
    clock.advance(1_000);
    expect(readFileSync(file, 'utf8').trim()).toBe(String(latest('services').pid));
  });

  it('restart() stops a role with SIGTERM and starts it again at once without counting a crash', async () => {
    const { children, supervisor, events } = setup(['services']);
    supervisor.start();
    await supervisor.restart('services');
    expect(children.services![0]!.signals).toEqual(['SIGTERM']);
    expect(children.services).toHaveLength(2);
    expect(events).toEqual([]);
    expect(supervisor.status()[0]).toMatchObject({ state: 'running', restarts: 0 });
  });

  it('stop() terminates every process, SIGKILLs one that ignores SIGTERM, and restarts nothing', async () => {
    const { clock, children, supervisor, events } = setup(['services', 'api'], { ignoreTerm: true });
    supervisor.start();
    const stopped = supervisor.stop();
    await settle();
    expect(children.services![0]!.signals).toEqual(['SIGTERM']);
    clock.advance(30_000);
    await stopped;
    expect(children.services![0]!.signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(children.api![0]!.signals).toEqual(['SIGTERM', 'SIGKILL']);
    clock.advance(60_000);
    expect(children.services).toHaveLength(1);
    expect(events).toEqual([]);
    expect(supervisor.status().map((s) => s.state)).toEqual(['stopped', 'stopped']);
  });

  it('stop(true) after Ctrl-C only waits for the children the terminal already signalled', async () => {
    const { children, supervisor } = setup(['services']);
    supervisor.start();
    const stopped = supervisor.stop(true);
    children.services![0]!.exit(null, 'SIGINT');
    await stopped;
    expect(children.services![0]!.signals).toEqual([]);
  });

  it('cancels a pending restart when stopping', async () => {
    const { clock, children, supervisor, latest } = setup(['services']);
    supervisor.start();
    latest('services').exit(1);
    await supervisor.stop();
    clock.advance(10_000);
    expect(children.services).toHaveLength(1);
  });

  it('treats a spawn that throws as a crash', () => {
    const clock = new FakeClock();
    let calls = 0;
    const restarting: number[] = [];
    const supervisor = new Supervisor({
      roles: [{ role: 'api', command: 'missing', args: [] }],
      clock,
      spawn: () => {
        calls++;
        throw new Error('spawn missing ENOENT');
      },
    });
    supervisor.on('restarting', (e) => restarting.push(e.delayMs));
    supervisor.start();
    clock.advance(1_000);
    expect(calls).toBe(2);
    expect(restarting).toEqual([1_000, 2_000]);
  });
});

describe('restartDelayMs', () => {
  it('doubles per crash in the window up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => restartDelayMs({ initialMs: 1_000, maxMs: 10_000 }, n))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});
