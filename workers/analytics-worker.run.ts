import type { Config } from '../lib/config';
import { createEventConsumer, type EventConsumer } from '../lib/event-consumer';
import { createKafka, kafkaSettings, TOPICS } from '../lib/kafka';
import { createLogger, type Logger } from '../lib/logger';
import { createMetrics, startMetricsServer, type Metrics } from '../lib/metrics';
import { createPrisma, type PrismaClient } from '../lib/prisma';
import { GracefulShutdown } from '../lib/shutdown';
import type { Kafka } from 'kafkajs';
import { handleOrderEvent } from '../services/analytics/order-aggregates';

export const ANALYTICS_CONSUMER = 'analytics';

/** The analytics consumer: records every platform event once in the analytics schema. */
export function createAnalyticsConsumer(deps: { kafka: Kafka; prisma: PrismaClient; topicPrefix: string; logger: Logger; metrics: Metrics }): EventConsumer {
  return createEventConsumer({
    kafka: deps.kafka,
    settings: { topicPrefix: deps.topicPrefix },
    group: ANALYTICS_CONSUMER,
    topics: [TOPICS.system, TOPICS.orders],
    logger: deps.logger,
    metrics: deps.metrics,
    handle: async (event) => {
      const outcome = await handleOrderEvent(deps.prisma, event, { consumer: ANALYTICS_CONSUMER, logger: deps.logger });
      deps.logger.debug({ eventId: event.id, type: event.type, outcome }, 'event handled');
    },
  });
}

/** Runs the analytics worker until SIGTERM/SIGINT. */
export async function runAnalyticsWorker(config: Config): Promise<void> {
  const logger = createLogger('analytics-worker', config.LOG_LEVEL);
  const metrics = createMetrics('analytics-worker');
  const shutdown = new GracefulShutdown(logger);
  shutdown.listen();
  const prisma = createPrisma(config.DATABASE_URL);
  shutdown.add('prisma', () => prisma.$disconnect());
  const kafka = createKafka(kafkaSettings(config, 'analytics-worker'), logger);
  const consumer = createAnalyticsConsumer({ kafka, prisma, topicPrefix: config.KAFKA_TOPIC_PREFIX, logger, metrics });
  await consumer.start();
  shutdown.add('consumer', () => consumer.stop());
  const metricsServer = await startMetricsServer(metrics, config.METRICS_PORT, config.METRICS_HOST);
  shutdown.add('metrics', () => metricsServer.close());
  logger.info({ metricsPort: metricsServer.port }, 'analytics worker consuming');
}
