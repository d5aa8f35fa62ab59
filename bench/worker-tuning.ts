import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';
import { WORKER_TUNING } from '../workers/temporal-worker-tuning';
import { createB0Activities } from './b0.activities';
import { B0_ACTIVITIES, B0_WORKFLOW_TYPE } from './b0.contract';
import { summarize } from './stats';

/**
 * Worker settings A/B on B0 (never part of `npm test`): one worker per variant in this process, each on
 * its own task queue, measured in interleaved rounds so they share the machine's drift. Each round, per
 * variant: a burst (N workflows started at once: how fast first workflow tasks are picked up when many
 * new workflows arrive) and a closed loop of C clients for S seconds (throughput).
 *
 *   npx tsx bench/worker-tuning.ts --burst 100 --clients 16 --seconds 5 --rounds 2
 */
const VARIANTS: Record<string, Partial<WorkerOptions>> = {
  'sdk-defaults': {},
  platform: WORKER_TUNING,
  'ratio-0.5': { ...WORKER_TUNING, nonStickyToStickyPollRatio: 0.5 },
  'ratio-1': { ...WORKER_TUNING, nonStickyToStickyPollRatio: 1 },
  autoscaling: { workflowTaskPollerBehavior: { type: 'autoscaling' }, activityTaskPollerBehavior: { type: 'autoscaling' } },
};

const say = (line: string) => process.stderr.write(`[worker-tuning] ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { burst: { type: 'string', default: '100' }, clients: { type: 'string', default: '16' }, seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '2' }, variants: { type: 'string' } },
  });
  const burst = Number(values.burst);
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const names = values.variants ? values.variants.split(',') : Object.keys(VARIANTS);
  const cfg = config();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataConverter = payloadDataConverter(cfg.PAYLOAD_KEYRING);
  const nativeConnection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const connection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE, dataConverter });
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./b0.workflow'), logger: new DefaultLogger('WARN') });
  const run = randomUUID().slice(0, 8);
  const workers = await Promise.all(
    names.map(async (name) => {
      const taskQueue = `bench-tuning-${run}-${name}`;
      const worker = await Worker.create({ connection: nativeConnection, namespace: cfg.TEMPORAL_NAMESPACE, taskQueue, workflowBundle, dataConverter, activities: createB0Activities(), ...VARIANTS[name] });
      return { name, taskQueue, worker, running: worker.run() };
    }),
  );
  const results: Record<string, { burstMs: number[]; burstLatency: number[]; loopPerSecond: number[]; loopLatency: number[] }> = {};
  for (const w of workers) results[w.name] = { burstMs: [], burstLatency: [], loopPerSecond: [], loopLatency: [] };
  const once = async (taskQueue: string): Promise<number> => {
    const t0 = performance.now();
    await client.workflow.execute(B0_WORKFLOW_TYPE, { taskQueue, workflowId: `bench-tuning-${randomUUID()}`, args: [B0_ACTIVITIES] });
    return performance.now() - t0;
  };
  for (let round = 1; round <= rounds; round++) {
    // Alternate the order each round: neither variant always runs first.
    const order = round % 2 ? workers : [...workers].reverse();
    for (const w of order) {
      const t0 = performance.now();
      const latencies = await Promise.all(Array.from({ length: burst }, () => once(w.taskQueue)));
      const burstMs = performance.now() - t0;
      results[w.name]!.burstMs.push(burstMs);
      results[w.name]!.burstLatency.push(...latencies);
      const until = performance.now() + seconds * 1000;
      const loop: number[] = [];
      const l0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < until) loop.push(await once(w.taskQueue));
        }),
      );
      const perSecond = loop.length / ((performance.now() - l0) / 1000);
      results[w.name]!.loopPerSecond.push(perSecond);
      results[w.name]!.loopLatency.push(...loop);
      say(`round ${round}/${rounds} ${w.name}: burst of ${burst} in ${Math.round(burstMs)} ms; ${clients} clients ${perSecond.toFixed(2)}/s`);
    }
  }
  const table = Object.fromEntries(
    Object.entries(results).map(([name, r]) => {
      const burstLatency = summarize(r.burstLatency);
      const loopLatency = summarize(r.loopLatency);
      return [
        name,
        {
          burstMs: r.burstMs.map(Math.round),
          burstP50: burstLatency.p50,
          burstP99: burstLatency.p99,
          loopPerSecond: r.loopPerSecond.map((x) => Math.round(x * 100) / 100),
          loopP50: loopLatency.p50,
          loopP99: loopLatency.p99,
        },
      ];
    }),
  );
  console.table(table);
  console.log(JSON.stringify({ run, burst, clients, seconds, rounds, options: Object.fromEntries(names.map((n) => [n, VARIANTS[n]])), results: table }));
  for (const w of workers) w.worker.shutdown();
  await Promise.all(workers.map((w) => w.running));
  await nativeConnection.close();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
