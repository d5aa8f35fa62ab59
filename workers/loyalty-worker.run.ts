import type { Kafka } from 'kafkajs';
import { domainAddresses, type Config } from '../lib/config';
import { createEventConsumer, type EventConsumer } from '../lib/event-consumer';
import { callUnary } from '../lib/grpc';
import { createKafka, kafkaSettings, TOPICS } from '../lib/kafka';
import { createLogger, type Logger } from '../lib/logger';
import { createMetrics, startMetricsServer, type Metrics } from '../lib/metrics';
import { GracefulShutdown } from '../lib/shutdown';
import type { EarnRequest } from '../proto/generated/checkout/loyalty/v1/EarnRequest';
import type { PointsChange__Output } from '../proto/generated/checkout/loyalty/v1/PointsChange';
import { closeDomainClients, createDomainClients, type LoyaltyServiceClient } from '../proto/services';
import { earnPointsFor } from '../services/loyalty/earn-points';

export const LOYALTY_CONSUMER = 'loyalty';

/** The loyalty consumer: credits the points of every `order.completed` once, through the loyalty service. */
export function createLoyaltyConsumer(deps: { kafka: Kafka; loyalty: LoyaltyServiceClient; topicPrefix: string; logger: Logger; metrics: Metrics }): EventConsumer {
  const { loyalty } = deps;
  const earn = (request: EarnRequest) => callUnary<EarnRequest, PointsChange__Output>(loyalty.earn.bind(loyalty), request);
  return createEventConsumer({
    kafka: deps.kafka,
    settings: { topicPrefix: deps.topicPrefix },
    group: LOYALTY_CONSUMER,
    topics: [TOPICS.orders],
    logger: deps.logger,
    metrics: deps.metrics,
    handle: async (event) => {
      const outcome = await earnPointsFor(event, earn, deps.logger);
      deps.logger.debug({ eventId: event.id, type: event.type, outcome }, 'event handled');
    },
  });
}

/** Runs the loyalty worker until SIGTERM/SIGINT. */
export async function runLoyaltyWorker(config: Config): Promise<void> {
  const logger = createLogger('loyalty-worker', config.LOG_LEVEL);
  const metrics = createMetrics('loyalty-worker');
  const shutdown = new GracefulShutdown(logger);
  shutdown.listen();
  const clients = createDomainClients(domainAddresses(config));
  shutdown.add('grpc clients', async () => closeDomainClients(clients));
  const kafka = createKafka(kafkaSettings(config, 'loyalty-worker'), logger);
  const consumer = createLoyaltyConsumer({ kafka, loyalty: clients.loyalty, topicPrefix: config.KAFKA_TOPIC_PREFIX, logger, metrics });
  await consumer.start();
  shutdown.add('consumer', () => consumer.stop());
  const metricsServer = await startMetricsServer(metrics, config.METRICS_PORT, config.METRICS_HOST);
  shutdown.add('metrics', () => metricsServer.close());
  logger.info({ metricsPort: metricsServer.port }, 'loyalty worker consuming');
}
