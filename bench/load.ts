import { summarize, type LatencySummary } from './stats';

/** One operation under load: resolves when it succeeded, rejects with why it failed. */
export type Operation = (client: number, index: number) => Promise<void>;

/** What one load pattern measured. */
export interface LoadResult {
  /** Concurrent clients (1 for sequential). */
  clients: number;
  completed: number;
  failed: number;
  /** The first few failure messages, to tell why. */
  failures: string[];
  elapsedSeconds: number;
  /** Completed operations per second over the whole run, from the first start to the last answer. */
  throughput: number;
  latencyMs: LatencySummary;
  /** Closed loop on the platform's machine: CPU ms per completed workflow by platform part (bench/process-cpu.ts). */
  cpuMsPerWorkflow?: { totalMs: number; byPart: Record<string, number> };
  /** How long the bench waited for the platform to go quiet before the run, and its last second's share of a core. */
  settled?: { waitedMs: number; share: number | undefined };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function result(clients: number, durations: number[], failures: string[], elapsedMs: number): LoadResult {
  return {
    clients,
    completed: durations.length,
    failed: failures.length,
    failures: [...new Set(failures)].slice(0, 5),
    elapsedSeconds: round2(elapsedMs / 1000),
    throughput: round2(durations.length / (elapsedMs / 1000)),
    latencyMs: summarize(durations),
  };
}

async function timed(op: Operation, client: number, index: number, durations: number[], failures: string[]): Promise<void> {
  const started = performance.now();
  try {
    await op(client, index);
    durations.push(performance.now() - started);
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  }
}

/** `count` operations one after another: the latency one user sees on an idle system. */
export async function sequential(count: number, op: Operation, progress?: (done: number) => void): Promise<LoadResult> {
  const durations: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    await timed(op, 0, i, durations, failures);
    progress?.(i + 1);
  }
  return result(1, durations, failures, performance.now() - started);
}

/**
 * A closed loop: `clients` clients each start their next operation as soon as their last one
 * answered, for `seconds`; operations still running then are awaited and counted (so every client
 * completes at least one, and throughput is over the time until the last answer).
 */
export async function closedLoop(clients: number, seconds: number, op: Operation): Promise<LoadResult> {
  const durations: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let index = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      do {
        await timed(op, client, index++, durations, failures);
      } while (performance.now() < deadline);
    }),
  );
  return result(clients, durations, failures, performance.now() - started);
}

/** `count` operations started at once (an open burst): how fast the system drains it. */
export async function burst(count: number, op: Operation): Promise<LoadResult> {
  const durations: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => timed(op, i, i, durations, failures)));
  return result(count, durations, failures, performance.now() - started);
}
