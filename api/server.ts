import { Client, Connection } from '@temporalio/client';
import express from 'express';
import type { Server } from 'node:http';
import { domainAddresses, type Config } from '../lib/config';
import { createLogger } from '../lib/logger';
import { createMetrics } from '../lib/metrics';
import { AesGcmPayloadCodec, payloadDataConverter } from '../lib/payload-codec';
import { objectStorageFrom } from '../lib/object-storage';
import { createRedis } from '../lib/redis';
import { GracefulShutdown } from '../lib/shutdown';
import { temporalConnectionOptions } from '../lib/temporal-connection';
import { workflowClientInterceptors } from '../lib/telemetry';
import { closeDomainClients, createDomainClients } from '../proto/services';
import { createApp } from './app';
import { ensureSettlementScheduleInBackground } from './routes/merchant-settlement-schedule';
import { codecEndpoint } from './routes/codec';
import { rateLimitSettings } from './rate-limits';

/** Runs the REST api until SIGTERM/SIGINT; stops accepting requests first, then closes clients. */
export async function runApi(config: Config): Promise<void> {
  const logger = createLogger('api', config.LOG_LEVEL);
  const metrics = createMetrics('api');
  const shutdown = new GracefulShutdown(logger);
  shutdown.listen();

  const redis = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  shutdown.add('redis', () => redis.quit());
  // Lazy: the api starts (and answers what needs no workflow) while Temporal is down; calls that
  // need it answer 503 until it is back, and the channel reconnects by itself.
  const connection = Connection.lazy(temporalConnectionOptions(config));
  void connection.ensureConnected().catch((err: unknown) => logger.error({ err, address: config.TEMPORAL_ADDRESS }, 'Temporal is unreachable; the api keeps retrying on each request'));
  shutdown.add('temporal', () => connection.close());
  // When traces are exported, the tracing interceptor puts the REST request's trace context in the workflow's headers.
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(config.PAYLOAD_KEYRING), interceptors: { workflow: workflowClientInterceptors(config) } });

  const clients = createDomainClients(domainAddresses(config));
  shutdown.add('grpc-clients', () => closeDomainClients(clients));
  const app = createApp({
    temporal,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    redis,
    logger,
    metrics,
    clients,
    jwtSecret: config.JWT_SECRET,
    webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
    carrierWebhookSecret: config.CARRIER_WEBHOOK_SECRET,
    corsOrigins: [...config.CORS_ORIGINS],
    cartTtlSeconds: config.CART_TTL_SECONDS,
    rateLimits: rateLimitSettings(config),
    objectStorage: objectStorageFrom(config),
  });
  // The Temporal Web UI's codec endpoint, in front of the api's own routes (its own CORS and body limit).
  const withCodec = express();
  withCodec.disable('x-powered-by');
  const codecAuth = config.CODEC_ENDPOINT_AUTH === 'staff' ? { jwtSecret: config.JWT_SECRET, redis } : undefined;
  withCodec.use('/codec', codecEndpoint({ codec: new AesGcmPayloadCodec(config.PAYLOAD_KEYRING), uiOrigins: [new URL(config.TEMPORAL_UI_URL).origin], auth: codecAuth, logger }));
  withCodec.use(app);
  const server: Server = await new Promise((resolve, reject) => {
    const s = withCodec.listen(config.API_PORT, config.API_HOST, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  shutdown.add('http', () => new Promise<void>((resolve) => server.close(() => resolve())));
  logger.info({ url: `http://${config.API_HOST}:${config.API_PORT}` }, 'api listening');
  // Idempotent: every api process makes sure the daily merchant settlement is scheduled.
  ensureSettlementScheduleInBackground(temporal, { taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
}
