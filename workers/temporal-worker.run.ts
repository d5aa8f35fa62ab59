import type { DataConverter } from '@temporalio/common';
import { createServer, type AddressInfo } from 'node:net';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { cachedWorkflowBundle } from './temporal-worker-bundle';
import { WORKER_TUNING } from './temporal-worker-tuning';
import { domainAddresses, type Config } from '../lib/config';
import { connectInBackground, createEventPublisher, createKafka, createProducer, kafkaSettings } from '../lib/kafka';
import { createLogger, type Logger } from '../lib/logger';
import { createMetrics, startMetricsServer, type Metrics } from '../lib/metrics';
import { payloadDataConverter } from '../lib/payload-codec';
import { GracefulShutdown } from '../lib/shutdown';
import { temporalConnectionOptions, workerDeploymentOptions, type TemporalConnectionOptions } from '../lib/temporal-connection';
import { workerTracing, workflowClientInterceptors } from '../lib/telemetry';
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
  /** How payloads are encoded: the platform's encrypting converter (payloadDataConverter), the same as its clients'. */
  dataConverter: DataConverter;
  workerOptions?: Partial<WorkerOptions>;
  /** Trace workflows and activities (config OTEL_TRACES_EXPORTER); off by default: spans nobody exports only cost. */
  tracing?: Pick<Config, 'OTEL_TRACES_EXPORTER'>;
}): Promise<Worker> {
  const tracing = workerTracing(opts.tracing ?? { OTEL_TRACES_EXPORTER: 'none' });
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    // Built once per distinct source and cached on disk: a restart does not run webpack again. The
    // interceptor modules are part of the cache key: a traced and an untraced worker use different bundles.
    workflowBundle: await cachedWorkflowBundle({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: tracing.workflowInterceptorModules }),
    dataConverter: opts.dataConverter,
    activities: createActivities(opts.deps),
    interceptors: {
      activity: [
        // Tracing first, so the activity's metrics and everything it calls run inside its span.
        ...tracing.activityInterceptors,
        (ctx) => ({
          inbound: {
            execute: (input, next) => opts.metrics.time('activity', ctx.info.activityType, () => next(input)),
          },
        }),
      ],
      // The client activities use (Context.current().client: the fulfilment a completed checkout starts),
      // traced like the api's when traces are exported.
      client: { workflow: workflowClientInterceptors(opts.tracing ?? { OTEL_TRACES_EXPORTER: 'none' }) },
      // When traced, RunWorkflow and StartActivity spans (WORKFLOW_TRACING_MODULE) are built into the bundle
      // above, so a checkout's trace goes from the client's StartWorkflow through the workflow to each activity.
    },
    // The workflow's spans leave the sandbox through this sink to the process's exporter.
    ...(tracing.sinks ? { sinks: tracing.sinks } : {}),
    // Pollers and cache as measured (workers/temporal-worker-tuning.ts); a caller's options win.
    ...WORKER_TUNING,
    ...opts.workerOptions,
  });
}

const SDK_LEVEL: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN' };

/**
 * The fields of a pino line for one SDK log entry. The tracing interceptors put the workflow's or
 * activity's span ids in its meta: lifted to the line's top level, where every other traced log
 * line has them; the rest stays under `temporal`.
 */
export function sdkLogFields(meta: Record<string, unknown> | undefined): Record<string, unknown> {
  const { trace_id, span_id, trace_flags: _flags, ...rest } = meta ?? {};
  return { ...(trace_id ? { trace_id, span_id } : {}), temporal: rest };
}

/** Where the worker's SDK metrics are served when TEMPORAL_SDK_METRICS_PORT is unset (next to the platform's 9464-9468). */
export const DEFAULT_SDK_METRICS_PORT = 9469;

/** The SDK metrics' port: TEMPORAL_SDK_METRICS_PORT, else 9469, or a free one when METRICS_PORT is 0 (several workers on one host). */
export async function sdkMetricsPort(config: Pick<Config, 'TEMPORAL_SDK_METRICS_PORT' | 'METRICS_PORT'>): Promise<number> {
  const port = config.TEMPORAL_SDK_METRICS_PORT ?? (config.METRICS_PORT === 0 ? 0 : DEFAULT_SDK_METRICS_PORT);
  if (port !== 0) return port;
  // Core wants an address, not "any port": ask the OS for one it just freed.
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

/**
 * Installs the Temporal SDK's runtime: its own log lines (worker state, workflow logs) go through
 * pino as JSON, and, given an address, its metrics (temporal_*: schedule-to-start latency, sticky
 * cache, task slots, poll results) are served for Prometheus at http://<address>/metrics.
 * True when they are.
 */
export function installSdkLogger(logger: Logger, metricsBindAddress?: string): boolean {
  const level = SDK_LEVEL[logger.level] ?? 'ERROR';
  const sdkLogger = new DefaultLogger(level, ({ level: entryLevel, message, meta }) => {
      const method = entryLevel === 'ERROR' ? 'error' : entryLevel === 'WARN' ? 'warn' : entryLevel === 'INFO' ? 'info' : 'debug';
      logger[method](sdkLogFields(meta), message);
  });
  if (!metricsBindAddress) {
    Runtime.install({ logger: sdkLogger });
    return false;
  }
  try {
    Runtime.install({
      logger: sdkLogger,
      telemetryOptions: {
        // Seconds and unit/_total suffixes: Prometheus' naming, as the rest of the platform's metrics.
        metrics: { prometheus: { bindAddress: metricsBindAddress, useSecondsForDurations: true, unitSuffix: true, countersTotalSuffix: true } },
      },
    });
    return true;
  } catch (err) {
    // A taken port costs the SDK metrics, not the worker: it still runs workflows.
    logger.error({ err, metricsBindAddress }, 'Temporal SDK metrics not served (cannot bind); the worker runs without them');
    Runtime.install({ logger: sdkLogger });
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff for reconnecting to Temporal: 1 s, doubling, at most 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}

/** Connects to Temporal, retrying with backoff while it is unreachable (a worker may start during an outage). */
async function connectWithRetry(options: TemporalConnectionOptions, logger: Logger, stopped: () => boolean): Promise<NativeConnection | undefined> {
  const address = options.address;
  for (let attempt = 1; !stopped(); attempt++) {
    try {
      return await NativeConnection.connect(options);
    } catch (err) {
      const delay = reconnectDelayMs(attempt);
      logger.error({ err, address, attempt, retryInMs: delay }, 'Temporal is unreachable; retrying');
      await sleep(delay);
    }
  }
  return undefined;
}

/**
 * Runs the Temporal worker until SIGTERM/SIGINT, then drains in-flight tasks. A worker whose run()
 * ends without being asked (the server was gone too long, a fatal poll error) is re-created over a
 * new connection after a backoff, so the process rides out a Temporal outage.
 */
export async function runTemporalWorker(config: Config): Promise<void> {
  const logger = createLogger('temporal-worker', config.LOG_LEVEL);
  const sdkMetricsAddress = `127.0.0.1:${await sdkMetricsPort(config)}`;
  if (installSdkLogger(logger, sdkMetricsAddress)) logger.info({ sdkMetrics: `http://${sdkMetricsAddress}/metrics` }, 'Temporal SDK metrics served');
  const metrics = createMetrics('temporal-worker');
  const shutdown = new GracefulShutdown(logger);
  let stopping = false;
  shutdown.listen();

  const kafka = createKafka(kafkaSettings(config, 'temporal-worker'), logger);
  const producer = createProducer(kafka);
  // Not awaited: publishing retries in its activity until Kafka answers, so Kafka may be down now.
  connectInBackground(producer, 'Kafka producer', logger, () => stopping);
  shutdown.add('kafka-producer', () => producer.disconnect());
  const diagnostics = createDiagnosticsClient(domainAddresses(config).diagnostics);
  const clients = createDomainClients(domainAddresses(config));
  shutdown.add('grpc-clients', () => {
    diagnostics.close();
    closeDomainClients(clients);
  });
  const metricsServer = await startMetricsServer(metrics, config.METRICS_PORT, config.METRICS_HOST);
  shutdown.add('metrics', () => metricsServer.close());
  const deps: ActivityDeps = { ...clients, diagnostics, publisher: createEventPublisher(producer, { topicPrefix: config.KAFKA_TOPIC_PREFIX }) };

  let current: { worker: Worker; running: Promise<void>; connection: NativeConnection } | undefined;
  // Worker.shutdown() lets running activities finish and then resolves worker.run().
  shutdown.add('worker', async () => {
    stopping = true;
    if (current?.worker.getState() === 'RUNNING') current.worker.shutdown();
    await current?.running.catch(() => undefined);
    await current?.connection.close().catch(() => undefined);
  });

  for (let generation = 1; !stopping; generation++) {
    // Options built per connection: a rotated client certificate (a re-mounted Secret) is read again.
    const connection = await connectWithRetry(temporalConnectionOptions(config), logger, () => stopping);
    if (!connection) return;
    try {
      const versioning = workerDeploymentOptions(config);
      const worker = await createTemporalWorker({
        dataConverter: payloadDataConverter(config.PAYLOAD_KEYRING),
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        deps,
        metrics,
        workerOptions: versioning ? { workerDeploymentOptions: versioning } : undefined,
        tracing: config,
      });
      const running = worker.run();
      current = { worker, running, connection };
      logger.info(
        { namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, metricsPort: metricsServer.port, generation, version: versioning?.version },
        'Temporal worker running',
      );
      await running;
      if (!stopping) logger.error({ generation }, 'Temporal worker stopped without being asked to: re-creating it');
    } catch (err) {
      if (stopping) return;
      logger.error({ err, generation }, 'Temporal worker failed: re-creating it');
    }
    if (stopping) return;
    await connection.close().catch(() => undefined);
    await sleep(reconnectDelayMs(Math.min(generation, 5)));
  }
}
