import type { Kafka } from 'kafkajs';
import nodemailer from 'nodemailer';
import { DEFAULT_WEB_BASE_URL, type Config } from '../lib/config';
import { createEventConsumer, type EventConsumer } from '../lib/event-consumer';
import { createKafka, kafkaSettings, TOPICS } from '../lib/kafka';
import { createLogger, type Logger } from '../lib/logger';
import { createMetrics, startMetricsServer, type Metrics } from '../lib/metrics';
import { createPrisma, sqlPool, type PrismaClient } from '../lib/prisma';
import { GracefulShutdown } from '../lib/shutdown';
import { createIdentityEmailHandler, identityEventType } from '../services/notifications/identity-emails';
import { createOrderEmailHandler, type MailTransport } from '../services/notifications/order-emails';
import { sqlSentEmailLedger } from '../services/notifications/sent-email-ledger';

export const EMAIL_CONSUMER = 'email';

export type EmailWorkerConfig = Pick<
  Config,
  'LOG_LEVEL' | 'DATABASE_URL' | 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID' | 'KAFKA_TOPIC_PREFIX' | 'METRICS_PORT' | 'METRICS_HOST' | 'SMTP_HOST' | 'SMTP_PORT' | 'MAIL_FROM' | 'WEB_BASE_URL'
>;

/**
 * An SMTP transport (plain SMTP, STARTTLS when the server offers it) whose timeouts end well within
 * the send transaction's. Pooled: emails reuse an open connection instead of paying a TCP connect,
 * greeting, EHLO (and STARTTLS) each, which was most of the worker's CPU per email besides SQL; a
 * connection the server closed is replaced on the next send, and a send that fails on it is retried
 * by the consumer like any SMTP outage. sendMail still resolves only once the server accepted it.
 */
export function createSmtpTransport(settings: Pick<Config, 'SMTP_HOST' | 'SMTP_PORT'>): MailTransport & { close(): void } {
  return nodemailer.createTransport({
    pool: true,
    // The consumer sends one email at a time per partition it handles; a few connections cover them.
    maxConnections: 3,
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT,
    secure: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/** The email consumer: one email per order event (completed, failed, cancelled, refunded, shipped, delivered) and per identity event (verification, password reset). */
export function createEmailConsumer(deps: {
  kafka: Kafka;
  prisma: PrismaClient;
  topicPrefix: string;
  transport: MailTransport;
  from: string;
  /** Base URL of the web front end, for the links of identity emails (config WEB_BASE_URL). */
  webBaseUrl?: string;
  logger: Logger;
  metrics: Metrics;
}): EventConsumer {
  const handleOrder = createOrderEmailHandler({ ledger: sqlSentEmailLedger(sqlPool(deps.prisma)), transport: deps.transport, from: deps.from, logger: deps.logger });
  const handleIdentity = createIdentityEmailHandler({
    prisma: deps.prisma,
    transport: deps.transport,
    from: deps.from,
    webBaseUrl: deps.webBaseUrl ?? DEFAULT_WEB_BASE_URL,
    logger: deps.logger,
  });
  return createEventConsumer({
    kafka: deps.kafka,
    settings: { topicPrefix: deps.topicPrefix },
    group: EMAIL_CONSUMER,
    topics: [TOPICS.orders, TOPICS.identity],
    logger: deps.logger,
    metrics: deps.metrics,
    handle: async (event) => {
      await (identityEventType(event.type) ? handleIdentity(event) : handleOrder(event));
    },
  });
}

/** Runs the email worker until SIGTERM/SIGINT. */
export async function runEmailWorker(config: EmailWorkerConfig): Promise<void> {
  const logger = createLogger('email-worker', config.LOG_LEVEL);
  const metrics = createMetrics('email-worker');
  const shutdown = new GracefulShutdown(logger);
  shutdown.listen();
  const prisma = createPrisma(config.DATABASE_URL);
  shutdown.add('prisma', () => prisma.$disconnect());
  const transport = createSmtpTransport(config);
  shutdown.add('smtp', () => transport.close());
  const kafka = createKafka(kafkaSettings(config, 'email-worker'), logger);
  const consumer = createEmailConsumer({ kafka, prisma, topicPrefix: config.KAFKA_TOPIC_PREFIX, transport, from: config.MAIL_FROM, webBaseUrl: config.WEB_BASE_URL, logger, metrics });
  await consumer.start();
  shutdown.add('consumer', () => consumer.stop());
  const metricsServer = await startMetricsServer(metrics, config.METRICS_PORT, config.METRICS_HOST);
  shutdown.add('metrics', () => metricsServer.close());
  logger.info({ metricsPort: metricsServer.port, smtp: `${config.SMTP_HOST}:${config.SMTP_PORT}` }, 'email worker consuming');
}
