import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';
import { activityTracingInterceptor, WORKFLOW_TRACING_MODULE, workflowTracingSinks } from '../lib/telemetry';
import { checkoutInput, stubs } from '../test/support/checkout-stubs';
import { CHECKOUT_WORKFLOW_TYPE, checkoutWorkflowId, type CheckoutInput, type CheckoutResult } from '../workflows/checkout.contract';
import { fulfilmentWorkflowId } from '../workflows/fulfilment.contract';
import { summarize } from './stats';

/**
 * The checkout saga's workflow side alone, A/B on the real Temporal server (never part of `npm test`):
 * the card saga with stub activities (no services), one worker per variant in this process, runs
 * interleaved one by one, so the variants share the machine's drift. Variants: `old-traced` (the
 * workflow code of an older checkout, `--old DIR`, with the tracing interceptors and no exporter, as
 * the platform ran before), `old` (the same code untraced), `now` (this code, untraced). What it
 * isolates: the tracing interceptors, and the workflow's own changes (fewer search-attribute upserts,
 * publish and fulfilment together). The fulfilment children it starts are terminated at the end.
 *
 *   npx tsx bench/saga-workflow-ab.ts --old /tmp/checkout-s2 -n 20
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { old: { type: 'string' }, now: { type: 'string' }, n: { type: 'string', default: '20' }, warmup: { type: 'string', default: '3' }, variants: { type: 'string', default: 'old-traced,old,now' } },
  });
  if (!values.old) throw new Error('usage: saga-workflow-ab.ts --old DIR (a checkout of the older code, with node_modules) [-n 20]');
  const n = Number(values.n);
  const warmup = Number(values.warmup);
  const cfg = config();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataConverter = payloadDataConverter(cfg.PAYLOAD_KEYRING);
  const nativeConnection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const connection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE, dataConverter });
  const logger = new DefaultLogger('WARN');
  const oldWorkflows = path.resolve(values.old, 'workflows', 'index.ts');
  // --now DIR: another checkout in place of this one (say, this code with a patch turned off).
  const nowWorkflows = values.now ? path.resolve(values.now, 'workflows', 'index.ts') : require.resolve('../workflows');
  const wanted = new Set(values.variants.split(','));
  const all = [
    { name: 'old-traced', bundle: () => bundleWorkflowCode({ workflowsPath: oldWorkflows, workflowInterceptorModules: [WORKFLOW_TRACING_MODULE], logger }), traced: true },
    { name: 'old', bundle: () => bundleWorkflowCode({ workflowsPath: oldWorkflows, logger }), traced: false },
    { name: 'now', bundle: () => bundleWorkflowCode({ workflowsPath: nowWorkflows, logger }), traced: false },
  ];
  const variants = all.filter((v) => wanted.has(v.name));
  const run = randomUUID().slice(0, 8);
  const workers = await Promise.all(
    variants.map(async (v) => {
      const taskQueue = `bench-saga-ab-${run}-${v.name}`;
      const worker = await Worker.create({
        connection: nativeConnection,
        namespace: cfg.TEMPORAL_NAMESPACE,
        taskQueue,
        workflowBundle: await v.bundle(),
        dataConverter,
        activities: stubs().activities,
        ...(v.traced ? { interceptors: { activity: [activityTracingInterceptor] }, sinks: workflowTracingSinks() } : {}),
      });
      return { ...v, taskQueue, worker, running: worker.run(), times: [] as number[] };
    }),
  );
  const orderIds: string[] = [];
  const once = async (taskQueue: string): Promise<number> => {
    const orderId = `bench-ab-${run}-${orderIds.length}`;
    orderIds.push(orderId);
    const t0 = performance.now();
    await client.workflow.execute<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(orderId), taskQueue, args: [checkoutInput(orderId)] });
    return performance.now() - t0;
  };
  for (let i = 0; i < warmup + n; i++) {
    // Rotate the order each round: no variant always runs first.
    for (let j = 0; j < workers.length; j++) {
      const w = workers[(i + j) % workers.length]!;
      const ms = await once(w.taskQueue);
      if (i >= warmup) w.times.push(ms);
    }
    if ((i + 1) % 5 === 0) process.stderr.write(`[saga-ab] ${i + 1}/${warmup + n}\n`);
  }
  const table = Object.fromEntries(workers.map((w) => [w.name, { p50: summarize(w.times).p50, p99: summarize(w.times).p99, mean: Math.round(summarize(w.times).mean * 10) / 10 }]));
  console.table(table);
  console.log(JSON.stringify({ run, n, results: table }));
  // The fulfilment children park for days: terminated, so the shared server keeps no open workflows of ours.
  await Promise.all(orderIds.map((id) => client.workflow.getHandle(fulfilmentWorkflowId(id)).terminate('bench done').catch(() => undefined)));
  for (const w of workers) w.worker.shutdown();
  await Promise.all(workers.map((w) => w.running));
  await nativeConnection.close();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
