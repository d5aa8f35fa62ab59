import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { Config } from '../lib/config';
import { createEventPublisher, createKafka, createProducer, kafkaSettings } from '../lib/kafka';
import { createLogger, type Logger } from '../lib/logger';
import { createMetrics, startMetricsServer, type Metrics } from '../lib/metrics';
import { GracefulShutdown } from '../lib/shutdown';
import { createDiagnosticsClient } from '../proto/diagnostics';
import { closeDomainClients, createDomainClients } from '../proto/services';

/** Where the worker finds its workflows: the bundle is built from this file. */
export const WORKFLOWS_PATH = require.resolve('../workflows');

/** A worker for the platform's task queue over the given connection and activity clients. */
export async function createTemporalWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  metrics: Metrics;
  workerOptions?: Partial<WorkerOptions>;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: createActivities(opts.deps),
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: {
            execute: (input, next) => opts.metrics.time('activity', ctx.info.activityType, () => next(input)),
          },
        }),
      ],
    },
    ...opts.workerOptions,
  });
}

const SDK_LEVEL: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN' };

/** Sends the Temporal SDK's own log lines (worker state, workflow logs) through pino as JSON. */
export function installSdkLogger(logger: Logger): void {
  const level = SDK_LEVEL[logger.level] ?? 'ERROR';
  Runtime.install({
    logger: new DefaultLogger(level, ({ level: entryLevel, message, meta }) => {
      const method = entryLevel === 'ERROR' ? 'error' : entryLevel === 'WARN' ? 'warn' : entryLevel === 'INFO' ? 'info' : 'debug';
      logger[method]({ temporal: meta }, message);
    }),
  });
}

/** Runs the Temporal worker until SIGTERM/SIGINT, then drains in-flight tasks. */
export async function runTemporalWorker(config: Config): Promise<void> {
  const logger = createLogger('temporal-worker', config.LOG_LEVEL);
  installSdkLogger(logger);
  const metrics = createMetrics('temporal-worker');
  const shutdown = new GracefulShutdown(logger);

  const kafka = createKafka(kafkaSettings(config, 'temporal-worker'), logger);
  const producer = createProducer(kafka);
  await producer.connect();
  shutdown.add('kafka-producer', () => producer.disconnect());
  const diagnostics = createDiagnosticsClient(config.GRPC_SERVICES_ADDRESS);
  const clients = createDomainClients(config.GRPC_SERVICES_ADDRESS);
  shutdown.add('grpc-clients', () => {
    diagnostics.close();
    closeDomainClients(clients);
  });

  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  shutdown.add('temporal-connection', () => connection.close());
  const worker = await createTemporalWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { ...clients, diagnostics, publisher: createEventPublisher(producer, { topicPrefix: config.KAFKA_TOPIC_PREFIX }) },
    metrics,
  });
  const metricsServer = await startMetricsServer(metrics, config.METRICS_PORT);
  shutdown.add('metrics', () => metricsServer.close());

  // Worker.shutdown() lets running activities finish and then resolves worker.run().
  const running = worker.run();
  shutdown.add('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  shutdown.listen();
  logger.info({ namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, metricsPort: metricsServer.port }, 'Temporal worker running');
  await running;
}
