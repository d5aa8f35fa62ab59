import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import type { Config } from '../../lib/config';
import { startGrpcServer } from '../../lib/grpc';
import { createEventPublisher, createKafka, createProducer, kafkaSettings } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import { payloadDataConverter } from '../../lib/payload-codec';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { createRedis, type Redis } from '../../lib/redis';
import { createDiagnosticsClient } from '../../proto/diagnostics';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { startDevSmtpServer, type DevSmtpServer } from '../../scripts/dev-smtp-server';
import { createEmailConsumer, createSmtpTransport } from '../../workers/email-worker.run';
import { createServer } from 'node:net';
import { selectServices } from '../../services/registry';
import { createAnalyticsConsumer } from '../../workers/analytics-worker.run';
import { createLoyaltyConsumer } from '../../workers/loyalty-worker.run';
import { createTemporalWorker } from '../../workers/temporal-worker.run';
import { quietTemporalLogs } from './temporal-logs';

export interface RunningPlatform {
  config: Config;
  /** gRPC clients of the platform's domain services. */
  clients: DomainClients;
  /** The SMTP server the email worker sends to. */
  smtp: DevSmtpServer;
  /** Base URL of the REST api. */
  api: string;
  prisma: PrismaClient;
  redis: Redis;
  temporal: Client;
  worker: Worker;
  stop(): Promise<void>;
}

/**
 * What a platform's start has started, each with its closer, closed newest first. A stop asked for
 * while the start is under way makes the start go no further than its current step (`check`).
 * `closeAll` closes what it has not closed yet, so a second call closes what a step under way during
 * the first one went on to start.
 */
export class Closers {
  private readonly closers: (() => Promise<unknown>)[] = [];
  private closedUpTo = 0;
  private stopping = false;
  private chain: Promise<void> = Promise.resolve();

  push(close: () => Promise<unknown>): void {
    this.closers.push(close);
  }

  /** Asks the start to stop at its next step. */
  stop(): void {
    this.stopping = true;
  }

  /** Throws once a stop was asked for: called by the start after each of its steps. */
  check(): void {
    if (this.stopping) throw new Error('the test platform was stopped while it was starting');
  }

  closeAll(): Promise<void> {
    this.stopping = true;
    this.chain = this.chain.then(async () => {
      const fresh = this.closers.slice(this.closedUpTo);
      this.closedUpTo = this.closers.length;
      for (const close of fresh.reverse()) await close().catch(() => undefined);
    });
    return this.chain;
  }
}

/** How long a stop waits for a start under way to reach its next step before closing what it started. */
const START_STEP_WAIT_MS = 60_000;

/** The platforms of this test file that were started (or are starting) and not stopped yet. */
const unstopped = new Set<{ closers: Closers; starting: Promise<unknown> }>();

/**
 * Stops what the platforms of this test file left running: a start that outlived its hook's timeout
 * (its test file never got the platform to stop), a platform no test stopped. Run after every
 * integration test file (test/support/after-each-file.ts): a Kafka consumer left running retries
 * forever once the stack is stopped, and it (or a Temporal worker's threads) keeps jest from ever
 * exiting. A start under way is first let finish its current step (closing a Temporal connection
 * under a worker being created leaves the worker's threads behind), for `START_STEP_WAIT_MS` at most.
 */
export async function stopUnstoppedPlatforms(): Promise<number> {
  const left = [...unstopped];
  unstopped.clear();
  for (const { closers, starting } of left) {
    closers.stop();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([starting.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, START_STEP_WAIT_MS)))]);
    clearTimeout(timer);
    await closers.closeAll();
  }
  return left.length;
}

/**
 * Every process of the platform, in this test process, on the real servers: the gRPC services, the
 * Temporal worker, the analytics and loyalty consumers and the api, each on a free port. When any
 * of it fails to start, what had started is closed before the error is thrown.
 */
export async function startPlatform(config: Config): Promise<RunningPlatform> {
  const closers = new Closers();
  const starting = startPlatformWith(config, closers);
  const entry = { closers, starting };
  unstopped.add(entry);
  try {
    const platform = await starting;
    return {
      ...platform,
      async stop() {
        unstopped.delete(entry);
        await closers.closeAll();
      },
    };
  } catch (err) {
    unstopped.delete(entry);
    await closers.closeAll();
    throw err;
  }
}

async function startPlatformWith(config: Config, closers: Closers): Promise<RunningPlatform> {
  quietTemporalLogs();
  const logger = createLogger('test', config.LOG_LEVEL);
  const metrics = createMetrics('test');

  const prisma = createPrisma(config.DATABASE_URL);
  closers.push(() => prisma.$disconnect());
  // Services call each other through clients, so the address must be known before the server starts.
  const servicesAddress = `127.0.0.1:${await freePort()}`;
  closers.check();
  const clients = createDomainClients(servicesAddress);
  closers.push(async () => closeDomainClients(clients));
  const kafka = createKafka(kafkaSettings(config, 'test'), logger);
  const producer = createProducer(kafka);
  closers.push(() => producer.disconnect());
  await producer.connect();
  closers.check();
  const events = createEventPublisher(producer, { topicPrefix: config.KAFKA_TOPIC_PREFIX });
  const redis = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  closers.push(() => redis.quit());
  const grpcServer = await startGrpcServer(
    '127.0.0.1',
    Number(servicesAddress.split(':')[1]),
    selectServices(['all'], { prisma, metrics, logger, clients, now: () => new Date(), redis, events, jwtSecret: config.JWT_SECRET }),
  );
  closers.push(() => grpcServer.stop());
  closers.check();

  const consumer = createAnalyticsConsumer({ kafka, prisma, topicPrefix: config.KAFKA_TOPIC_PREFIX, logger, metrics });
  closers.push(() => consumer.stop());
  await consumer.start();
  closers.check();
  const loyaltyConsumer = createLoyaltyConsumer({ kafka, loyalty: clients.loyalty, topicPrefix: config.KAFKA_TOPIC_PREFIX, logger, metrics });
  closers.push(() => loyaltyConsumer.stop());
  await loyaltyConsumer.start();
  closers.check();
  const smtp = await startDevSmtpServer({ port: 0 });
  closers.push(() => smtp.stop());
  closers.check();
  const transport = createSmtpTransport({ SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port });
  closers.push(async () => transport.close());
  const emails = createEmailConsumer({ kafka, prisma, topicPrefix: config.KAFKA_TOPIC_PREFIX, transport, from: config.MAIL_FROM, webBaseUrl: config.WEB_BASE_URL, logger, metrics });
  closers.push(() => emails.stop());
  await emails.start();
  closers.check();

  const diagnostics = createDiagnosticsClient(servicesAddress);
  closers.push(async () => diagnostics.close());
  const nativeConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  closers.push(() => nativeConnection.close());
  closers.check();
  const worker = await createTemporalWorker({
    dataConverter: payloadDataConverter(config.PAYLOAD_KEYRING),
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { ...clients, diagnostics, publisher: events },
    metrics,
  });
  const workerRun = worker.run();
  closers.push(async () => {
    worker.shutdown();
    await workerRun;
  });
  closers.check();

  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  closers.push(() => connection.close());
  closers.check();
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(config.PAYLOAD_KEYRING) });
  const app = createApp({ temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, redis, logger, metrics, clients, jwtSecret: config.JWT_SECRET, webhookSecret: config.PAYMENT_WEBHOOK_SECRET, carrierWebhookSecret: config.CARRIER_WEBHOOK_SECRET });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  closers.check();

  return {
    config,
    clients,
    smtp,
    api: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    prisma,
    redis,
    temporal,
    worker,
    async stop() {
      await closers.closeAll();
    },
  };
}

/** Polls `fn` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
