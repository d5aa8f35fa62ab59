import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';
import { workerTracing } from '../lib/telemetry';
import { cachedWorkflowBundle } from '../workers/temporal-worker-bundle';
import { WORKER_TUNING } from '../workers/temporal-worker-tuning';
import { FULFILMENT_WORKFLOW_TYPE, fulfilmentStatusQuery, fulfilmentWorkflowId, recordTrackingUpdate, type FulfilmentInput } from '../workflows/fulfilment.contract';

/**
 * Worker memory per parked fulfilment (never part of `npm test`): a worker with the platform's bundle
 * and stub activities on its own task queue of the dev server; N fulfilments started and dispatched
 * (each then waits days for the carrier, held in the worker's sticky cache); the worker's RSS before
 * and after, per cached workflow. Run with the GC exposed so both readings follow a collection:
 *
 *   node --expose-gc --import tsx bench/fulfilment-footprint.ts --count 300 [--traced] [--reuse false] [--scans 20] [--can-after 100000] [--main-thread]
 */
const say = (line: string) => process.stderr.write(`[fulfilment-footprint] ${line}\n`);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const settle = async () => {
  for (let i = 0; i < 3; i += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return process.memoryUsage();
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '300' }, traced: { type: 'boolean', default: false }, reuse: { type: 'string', default: 'true' }, scans: { type: 'string', default: '0' }, 'can-after': { type: 'string' }, 'main-thread': { type: 'boolean', default: false } } });
  const canAfter = values['can-after'] === undefined ? undefined : Number(values['can-after']);
  const scans = Number(values.scans);
  const count = Number(values.count);
  canAfterEvents = canAfter;
  const cfg = config();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataConverter = payloadDataConverter(cfg.PAYLOAD_KEYRING);
  const client = new Client({ connection: await Connection.connect({ address: cfg.TEMPORAL_ADDRESS }), namespace: cfg.TEMPORAL_NAMESPACE, dataConverter });
  const tracing = workerTracing({ OTEL_TRACES_EXPORTER: values.traced ? 'console' : 'none' });
  const taskQueue = `bench-footprint-${randomUUID().slice(0, 8)}`;
  // --main-thread (debugMode): workflows run in this thread, so the JS heap after a GC is what the cached workflows hold (RSS alone is blurred by allocator churn).
  const options: Partial<WorkerOptions> = { ...WORKER_TUNING, maxCachedWorkflows: count + 50, reuseV8Context: values.reuse !== 'false', ...(values['main-thread'] ? { debugMode: true } : {}) };
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS }),
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowBundle: await cachedWorkflowBundle({ workflowsPath: require.resolve('../workflows'), workflowInterceptorModules: tracing.workflowInterceptorModules }),
    dataConverter,
    activities: {
      createShipment: async (i: { shipmentId: string; orderId: string; postalCode: string }) => ({ ...i, trackingNumber: '412345678901', status: 'LABEL_CREATED', events: [] }),
      publishEvent: async () => undefined,
    },
    ...(tracing.sinks ? { sinks: tracing.sinks } : {}),
    ...options,
  });
  const running = worker.run();
  const handles: WorkflowHandle[] = [];
  try {
    // Warm-up: the bundle loaded and one workflow run, so the baseline holds what any worker holds.
    const warm = await client.workflow.start(FULFILMENT_WORKFLOW_TYPE, { workflowId: fulfilmentWorkflowId(`warm-${taskQueue}`), taskQueue, args: [input(`warm-${taskQueue}`)] });
    handles.push(warm);
    await warm.executeUpdate(recordTrackingUpdate, { args: [{ eventId: 'warm', status: 'DISPATCHED', occurredAt: new Date().toISOString(), reportedBy: 'carrier' }] });
    const before = await settle();
    say(`baseline: rss ${mb(before.rss)} MB, heapUsed(main) ${mb(before.heapUsed)} MB, cached ${worker.getStatus().numCachedWorkflows}`);
    for (let i = 0; i < count; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, count - i) }, async (_, j) => {
          const orderId = `fp-${taskQueue}-${i + j}`;
          const handle = await client.workflow.start(FULFILMENT_WORKFLOW_TYPE, { workflowId: fulfilmentWorkflowId(orderId), taskQueue, args: [input(orderId)] });
          await handle.executeUpdate(recordTrackingUpdate, { args: [{ eventId: `${orderId}:d`, status: 'DISPATCHED', occurredAt: new Date().toISOString(), reportedBy: 'carrier' }] });
          // Repeated scans (a parcel the carrier scans at every depot): how the footprint grows with events.
          for (let k = 0; k < scans; k += 1) {
            await handle.executeUpdate(recordTrackingUpdate, { args: [{ eventId: `${orderId}:s${k}`, status: 'DISPATCHED', occurredAt: new Date().toISOString(), reportedBy: 'carrier', detail: `depot ${k}` }] });
          }
          return handle;
        }),
      );
      handles.push(...batch);
    }
    await handles.at(-1)!.query(fulfilmentStatusQuery);
    const after = await settle();
    const cached = worker.getStatus().numCachedWorkflows;
    const history = (await handles.at(-1)!.fetchHistory()).events?.length ?? 0;
    say(`after ${count}: rss ${mb(after.rss)} MB, heapUsed(main) ${mb(after.heapUsed)} MB, cached ${cached}, history events of one: ${history}`);
    say(`per cached fulfilment: rss ${Math.round(((after.rss - before.rss) / count / 1024) * 10) / 10} KB, heap ${Math.round(((after.heapUsed - before.heapUsed) / count / 1024) * 10) / 10} KB`);
    process.stdout.write(`${JSON.stringify({ count, scans, traced: values.traced, reuseV8Context: options.reuseV8Context, rssBeforeMB: mb(before.rss), rssAfterMB: mb(after.rss), perWorkflowKB: Math.round((after.rss - before.rss) / count / 1024), perWorkflowHeapKB: Math.round((after.heapUsed - before.heapUsed) / count / 1024), canAfter, cached, historyEvents: history })}\n`);
  } finally {
    await Promise.all(handles.map((h) => h.terminate('bench over').catch(() => undefined)));
    worker.shutdown();
    await running;
  }
}

let canAfterEvents: number | undefined;
function input(orderId: string): FulfilmentInput {
  return { orderId, customerId: 'cust-bench', customerEmail: 'cust-bench@example.com', postalCode: '150-0001', ...(canAfterEvents === undefined ? {} : { continueAsNewAfterEvents: canAfterEvents }) };
}

main().catch((err: unknown) => {
  say(String(err instanceof Error ? err.stack : err));
  process.exit(1);
});
