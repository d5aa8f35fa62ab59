import { setTimeout as delay } from 'node:timers/promises';
import { checkHealth, runInfra, type Component } from '../../scripts/stack';
import type { CuttableProxy } from './cuttable-proxy';

/** The faults a chaos run injects. */
export const FAULT_KINDS = ['worker-kill', 'services-kill', 'temporal-restart', 'kafka-outage', 'postgres-restart'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultCounts = Record<FaultKind, number>;

/** One injected fault: from its injection until what it took down was back. */
export interface FaultRecord {
  kind: FaultKind;
  startedAt: number;
  recoveredAt: number;
  detail: string;
}

/** Injects one fault and resolves once what it took down is back (or throws when it did not come back). */
export type InjectFault = (kind: FaultKind) => Promise<string>;

/**
 * SIGKILLs a supervised platform process and waits for the supervisor to start another one.
 * `pidOf` reads the current pid (the pid file of `npm start`, or the test's supervisor).
 */
export async function killProcess(role: 'temporal-worker' | 'services', pidOf: (role: string) => number | undefined, timeoutMs = 120_000): Promise<string> {
  const pid = pidOf(role);
  if (pid === undefined) throw new Error(`${role} is not running (no pid)`);
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = pidOf(role);
    if (now !== undefined && now !== pid && alive(now)) return `${role} pid ${pid} SIGKILLed, back as pid ${now}`;
    if (Date.now() > deadline) throw new Error(`${role} did not come back within ${timeoutMs / 1000}s after SIGKILL of pid ${pid}`);
    await delay(100);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Faults of the shared components for `npm run chaos` against `npm start`: the component scripts
 * stop and start the real Temporal dev server, Kafka and PostgreSQL.
 */
export function realComponentFaults(opts: { kafkaOutageMs: number; postgresDownMs: number; log: (line: string) => void }): (kind: 'temporal-restart' | 'kafka-outage' | 'postgres-restart') => Promise<string> {
  const bounce = async (component: Component, downMs: number): Promise<string> => {
    const began = Date.now();
    opts.log(`stopping ${component}`);
    await runInfra(component, 'stop');
    if (await checkHealth(component)) throw new Error(`${component} still answers after stop (not started by scripts/infra/${component}.sh?)`);
    await delay(downMs);
    opts.log(`starting ${component} again`);
    await runInfra(component, 'start');
    return `${component} stopped and started again (down ${((Date.now() - began) / 1000).toFixed(1)}s)`;
  };
  return (kind) => {
    switch (kind) {
      case 'temporal-restart':
        return bounce('temporal', 0);
      case 'kafka-outage':
        return bounce('kafka', opts.kafkaOutageMs);
      case 'postgres-restart':
        return bounce('postgres', opts.postgresDownMs);
    }
  };
}

/**
 * Outages of a component seen only by the processes behind a cuttable proxy (the test's platform):
 * every connection dropped and new ones refused for `downMs`, while other users of the shared
 * server are not disturbed.
 */
export async function cutProxy(name: string, proxy: CuttableProxy, downMs: number): Promise<string> {
  await proxy.cut();
  await delay(downMs);
  await proxy.open();
  return `${name} unreachable for ${(downMs / 1000).toFixed(0)}s (connections cut at a proxy)`;
}

/**
 * The order of the faults: the n-th of a kind with `count` faults sits at (n + ½) / count of the run,
 * so each kind spreads evenly over it (a single Kafka outage in the middle, the worker kills all
 * along) instead of the rare kinds bunching up.
 */
export function faultSchedule(counts: FaultCounts): FaultKind[] {
  return FAULT_KINDS.flatMap((kind) => Array.from({ length: counts[kind] }, (_, n) => ({ kind, at: (n + 0.5) / counts[kind] })))
    .sort((a, b) => a.at - b.at || FAULT_KINDS.indexOf(a.kind) - FAULT_KINDS.indexOf(b.kind))
    .map((f) => f.kind);
}

/**
 * Injects the scheduled faults one after another, the n-th not before `from + n * spacing` so that
 * they spread over [from, until]; resolves with what happened once the last one has recovered.
 * A fault that fails to inject or recover is recorded (detail starts with FAILED) and the run goes on.
 */
export async function injectFaults(schedule: readonly FaultKind[], inject: InjectFault, from: number, until: number, log: (line: string) => void): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  const spacing = schedule.length > 1 ? (until - from) / (schedule.length - 1) : 0;
  for (const [n, kind] of schedule.entries()) {
    const at = from + n * spacing;
    if (at > Date.now()) await delay(at - Date.now());
    const startedAt = Date.now();
    log(`fault ${n + 1}/${schedule.length}: ${kind}`);
    let detail: string;
    try {
      detail = await inject(kind);
    } catch (err) {
      detail = `FAILED: ${err instanceof Error ? err.message : String(err)}`;
    }
    records.push({ kind, startedAt, recoveredAt: Date.now(), detail });
    log(`fault ${n + 1}/${schedule.length}: ${detail} (${((Date.now() - startedAt) / 1000).toFixed(1)}s)`);
  }
  return records;
}
