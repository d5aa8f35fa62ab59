import { summarize, type LatencySummary } from './stats';

/**
 * One operation under load: resolves when it succeeded, rejects with why it failed. It is timed from
 * its call until it resolves, unless it resolves with a number: then that is its latency in ms (an
 * operation that only times part of what it waits for, such as the early answer of a saga it awaits).
 */
export type Operation = (client: number, index: number) => Promise<void | number>;

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
  /** A closed loop measured in rounds: each round's own figures, in the order they ran. */
  rounds?: RoundFigures[];
}

/** One round of a closed loop: its own throughput, latency and CPU per workflow, and the quiet it started in. */
export interface RoundFigures {
  throughput: number;
  completed: number;
  p50: number;
  p99: number;
  cpuMsPerWorkflow?: { totalMs: number; byPart: Record<string, number> };
  /** How long the bench waited for the platform to go quiet before the round, and its last second's share of a core. */
  settled?: { waitedMs: number; share: number | undefined };
}

/** A load pattern's figures with the latencies and failures they came from, so that rounds of one kind pool. */
export interface Measured {
  result: LoadResult;
  durations: number[];
  failures: string[];
  elapsedMs: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function measured(clients: number, durations: number[], failures: string[], elapsedMs: number): Measured {
  const result: LoadResult = {
    clients,
    completed: durations.length,
    failed: failures.length,
    failures: [...new Set(failures)].slice(0, 5),
    elapsedSeconds: round2(elapsedMs / 1000),
    throughput: round2(durations.length / (elapsedMs / 1000)),
    latencyMs: summarize(durations),
  };
  return { result, durations, failures, elapsedMs };
}

/**
 * Rounds of one kind and client count as one result: their latencies together, throughput as all
 * completed over all the time they ran (the waits between rounds left out).
 */
export function pool(rounds: readonly Measured[]): LoadResult {
  if (rounds.length === 0) throw new Error('nothing to pool');
  return measured(
    rounds[0]!.result.clients,
    rounds.flatMap((r) => r.durations),
    rounds.flatMap((r) => r.failures),
    rounds.reduce((ms, r) => ms + r.elapsedMs, 0),
  ).result;
}

/**
 * The order of the kinds in round `round` (from 0): as given, then reversed, and so on (A B C, C B A,
 * A B C ...). A drift of the shared machine over a run (it is steady for a few seconds, not for
 * minutes) then weighs on each kind alike, instead of on whichever kind always runs last.
 */
export function roundOrder<T>(kinds: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...kinds] : [...kinds].reverse();
}

/** How many of `count` operations round `round` of `rounds` runs: as even as can be, the first rounds taking the rest. */
export function roundShare(count: number, rounds: number, round: number): number {
  return Math.floor(count / rounds) + (round < count % rounds ? 1 : 0);
}

async function timed(op: Operation, client: number, index: number, durations: number[], failures: string[]): Promise<void> {
  const started = performance.now();
  try {
    const own = await op(client, index);
    durations.push(typeof own === 'number' ? own : performance.now() - started);
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  }
}

/** `count` operations one after another: the latency one user sees on an idle system. */
export async function sequential(count: number, op: Operation, progress?: (done: number) => void): Promise<Measured> {
  const durations: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    await timed(op, 0, i, durations, failures);
    progress?.(i + 1);
  }
  return measured(1, durations, failures, performance.now() - started);
}

/**
 * A closed loop: `clients` clients each start their next operation as soon as their last one
 * answered, for `seconds`; operations still running then are awaited and counted (so every client
 * completes at least one, and throughput is over the time until the last answer).
 */
export async function closedLoop(clients: number, seconds: number, op: Operation): Promise<Measured> {
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
  return measured(clients, durations, failures, performance.now() - started);
}

/** `count` operations started at once (an open burst): how fast the system drains it. */
export async function burst(count: number, op: Operation): Promise<Measured> {
  const durations: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, (_, i) => timed(op, i, i, durations, failures)));
  return measured(count, durations, failures, performance.now() - started);
}
