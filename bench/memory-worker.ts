import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { config, domainAddresses } from '../lib/config';
import { connectInBackground, createEventPublisher, createKafka, createProducer, kafkaSettings } from '../lib/kafka';
import { createLogger } from '../lib/logger';
import { createMetrics } from '../lib/metrics';
import { payloadDataConverter } from '../lib/payload-codec';
import { createDiagnosticsClient } from '../proto/diagnostics';
import { closeDomainClients, createDomainClients } from '../proto/services';
import { createTemporalWorker } from '../workers/temporal-worker.run';
import { WORKER_TUNING } from '../workers/temporal-worker-tuning';
import { createB0Activities } from './b0.activities';

/**
 * The bench's memory worker: B0's workflow, or the platform's workflows and activities (the same
 * factory as the platform worker, against the real services), on a task queue of the bench's own, in
 * a child process started with `--expose-gc`. Its workflows run on the main thread (`debugMode`: the
 * same reused V8 context as the platform's workflow thread), so `GET /heap` can collect all garbage
 * and answer the V8 heap that is left: what the cached workflows hold, without the garbage an RSS
 * reading carries (in earlier runs the RSS "per cached workflow" of the saga ranged from -3 MB to 0.3 MB).
 * Usage: node --expose-gc --import tsx memory-worker.ts --kind b0|saga --address HOST:PORT --namespace NS --task-queue QUEUE
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { kind: { type: 'string' }, address: { type: 'string' }, namespace: { type: 'string' }, 'task-queue': { type: 'string' } },
  });
  const { kind, address, namespace, 'task-queue': taskQueue } = values;
  if ((kind !== 'b0' && kind !== 'saga') || !address || !namespace || !taskQueue) {
    throw new Error('usage: memory-worker.ts --kind b0|saga --address HOST:PORT --namespace NS --task-queue QUEUE');
  }
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('memory-worker.ts needs node --expose-gc');

  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cfg = config();
  const connection = await NativeConnection.connect({ address });
  const dataConverter = payloadDataConverter(cfg.PAYLOAD_KEYRING);
  const closers: Array<() => unknown> = [];
  let worker: Worker;
  if (kind === 'b0') {
    worker = await Worker.create({ ...WORKER_TUNING, debugMode: true, connection, namespace, taskQueue, workflowsPath: require.resolve('./b0.workflow'), dataConverter, activities: createB0Activities() });
  } else {
    const logger = createLogger('bench-memory-worker', 'warn');
    const producer = createProducer(createKafka(kafkaSettings(cfg, 'bench-memory-worker'), logger));
    let stopping = false;
    connectInBackground(producer, 'Kafka producer', logger, () => stopping);
    const diagnostics = createDiagnosticsClient(domainAddresses(cfg).diagnostics);
    const clients = createDomainClients(domainAddresses(cfg));
    closers.push(() => (stopping = true), () => producer.disconnect(), () => diagnostics.close(), () => closeDomainClients(clients));
    worker = await createTemporalWorker({
      connection,
      namespace,
      taskQueue,
      deps: { ...clients, diagnostics, publisher: createEventPublisher(producer, { topicPrefix: cfg.KAFKA_TOPIC_PREFIX }) },
      metrics: createMetrics('bench-memory-worker'),
      dataConverter,
      workerOptions: { debugMode: true },
    });
  }

  const server = createServer((req, res) => {
    if (req.url !== '/heap') {
      res.writeHead(404).end();
      return;
    }
    // Twice: the first pass can leave objects whose finalizers freed more.
    collect();
    collect();
    const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ heapUsed, external, arrayBuffers, rss, cachedWorkflows: worker.getStatus().numCachedWorkflows }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const running = worker.run();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    });
  }
  console.log(JSON.stringify({ event: 'ready', heapPort: (server.address() as AddressInfo).port, pid: process.pid }));
  await running;
  for (const close of closers) await close();
  server.close();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
