import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { createMetrics, startMetricsServer } from '../lib/metrics';
import { payloadDataConverter } from '../lib/payload-codec';
import { WORKER_TUNING } from '../workers/temporal-worker-tuning';
import { createB0Activities } from './b0.activities';

/**
 * The bench worker: B0's workflow and no-op activities on the bench's own task queue, so the
 * platform's worker never carries them. `npm run bench` starts it as a child process (a worker of its
 * own, like the platform's), reads its ready line from stdout and stops it with SIGTERM.
 * Usage: b0-worker.ts --address HOST:PORT --namespace NS --task-queue QUEUE
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { address: { type: 'string' }, namespace: { type: 'string' }, 'task-queue': { type: 'string' } },
  });
  const { address, namespace, 'task-queue': taskQueue } = values;
  if (!address || !namespace || !taskQueue) throw new Error('usage: b0-worker.ts --address HOST:PORT --namespace NS --task-queue QUEUE');

  Runtime.install({ logger: new DefaultLogger('WARN') });
  const metrics = createMetrics('bench-worker');
  const metricsServer = await startMetricsServer(metrics, 0);
  const connection = await NativeConnection.connect({ address });
  // The platform worker's pollers and cache (workers/temporal-worker-tuning.ts): the same costs per task.
  const worker = await Worker.create({
    ...WORKER_TUNING,
    connection,
    namespace,
    taskQueue,
    workflowsPath: require.resolve('./b0.workflow'),
    // The platform's encrypting converter, so the bench pays what the platform pays per payload.
    dataConverter: payloadDataConverter(config().PAYLOAD_KEYRING),
    activities: createB0Activities(),
  });
  const running = worker.run();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    });
  }
  console.log(JSON.stringify({ event: 'ready', metricsPort: metricsServer.port, pid: process.pid }));
  await running;
  await connection.close();
  await metricsServer.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
