import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the CPU of a closed-loop run went, process by process: read from /proc before and after the
 * run (Linux, the bench on the platform's machine; elsewhere nothing is reported). On a machine the
 * run saturates, throughput is (cores) / (CPU per workflow), so this tells which part of the platform
 * a ratio such as saga over B0 is made of.
 */

/** The platform part a process belongs to, from its command line; undefined for anything else. */
export function processLabel(cmdline: string): string | undefined {
  if (cmdline === '') return undefined;
  if (/(^|\/)postgres(:| |$)/.test(cmdline) || cmdline.startsWith('postgres:')) return 'postgres';
  if (/\btemporal\b.* server start-dev\b/.test(cmdline)) return 'temporal-server';
  if (/\bjava\b.*\bkafka\b/i.test(cmdline)) return 'kafka';
  if (/\bredis-server\b/.test(cmdline)) return 'redis';
  const ours: Array<[RegExp, string]> = [
    [/\bapi\/main\.(ts|js)\b/, 'api'],
    [/\bservices\/main\.(ts|js)\b/, 'services'],
    [/\bworkers\/temporal-worker\.(ts|js)\b/, 'temporal-worker'],
    [/\bworkers\/email-worker\.(ts|js)\b/, 'email-worker'],
    [/\bworkers\/loyalty-worker\.(ts|js)\b/, 'loyalty-worker'],
    [/\bworkers\/analytics-worker\.(ts|js)\b/, 'analytics-worker'],
    [/\bdev-smtp-server\.(ts|js)\b/, 'dev-smtp'],
    [/\bbench\/b0-worker\.(ts|js)\b/, 'b0-worker'],
    [/\bbench\/bench\.(ts|js)\b/, 'bench'],
  ];
  return ours.find(([pattern]) => pattern.test(cmdline))?.[1];
}

/** CPU time (user + system) in ms of a /proc/<pid>/stat line: fields 14 and 15, after the `(comm)` that may hold spaces. */
export function statCpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU ms used so far by the processes of each platform part (their threads included), or undefined
 * without a /proc. A process that exits between two readings (a database backend closed meanwhile)
 * takes its CPU with it: the figures are a lower bound.
 */
export function cpuByPart(proc = '/proc', ticks = clockTicks()): Map<string, number> | undefined {
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((p) => /^\d+$/.test(p));
  } catch {
    return undefined;
  }
  const byPart = new Map<string, number>();
  for (const pid of pids) {
    try {
      const part = processLabel(readFileSync(path.join(proc, pid, 'cmdline'), 'utf8').replaceAll('\0', ' ').trim());
      if (!part) continue;
      const ms = (statCpuTicks(readFileSync(path.join(proc, pid, 'stat'), 'utf8')) * 1000) / ticks;
      byPart.set(part, (byPart.get(part) ?? 0) + ms);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return byPart;
}

/** CPU ms per completed workflow of each part between two readings, the largest first, with their total. */
export function cpuPerWorkflow(before: Map<string, number>, after: Map<string, number>, completed: number): { totalMs: number; byPart: Record<string, number> } | undefined {
  if (completed <= 0) return undefined;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const parts = [...after]
    .map(([part, ms]) => [part, (ms - (before.get(part) ?? 0)) / completed] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  return { totalMs: round1(parts.reduce((sum, [, ms]) => sum + ms, 0)), byPart: Object.fromEntries(parts.map(([part, ms]) => [part, round1(ms)])) };
}

/** Adds what each part used between two readings to `sum` (several runs of one kind, pooled). */
export function addCpuDelta(sum: Map<string, number>, before: Map<string, number>, after: Map<string, number>): void {
  for (const [part, ms] of after) sum.set(part, (sum.get(part) ?? 0) + ms - (before.get(part) ?? 0));
}

/** CPU ms the platform's parts used between two readings, `excluded` parts (the bench itself) left out. */
export function platformCpuMs(before: Map<string, number>, after: Map<string, number>, excluded: string[] = ['bench']): number {
  let ms = 0;
  for (const [part, total] of after) if (!excluded.includes(part)) ms += Math.max(0, total - (before.get(part) ?? 0));
  return ms;
}

/**
 * Waits until the platform is quiet: under `quietShare` of one core over a second (its idle polling
 * is about 0.1), at most `maxMs`. A closed-loop run then does not share the machine with what the run
 * before it left behind (consumers catching up, fulfilments' first tasks). Resolves with the time
 * waited and the last second's share; at once without a /proc.
 */
export async function settle(opts: { quietShare?: number; maxMs?: number; read?: () => Map<string, number> | undefined; sleep?: (ms: number) => Promise<void> } = {}): Promise<{ waitedMs: number; share: number | undefined }> {
  const { quietShare = 0.25, maxMs = 30_000, read = () => cpuByPart(), sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = opts;
  let waitedMs = 0;
  for (;;) {
    const before = read();
    if (!before) return { waitedMs, share: undefined };
    await sleep(1000);
    waitedMs += 1000;
    const after = read();
    if (!after) return { waitedMs, share: undefined };
    const share = platformCpuMs(before, after) / 1000;
    if (share < quietShare || waitedMs >= maxMs) return { waitedMs, share: Math.round(share * 100) / 100 };
  }
}
