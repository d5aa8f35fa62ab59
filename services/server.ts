import { domainAddresses, type Config } from '../lib/config';
import { startGrpcServer } from '../lib/grpc';
import { createLogger } from '../lib/logger';
import { createMetrics, startMetricsServer } from '../lib/metrics';
import { connectInBackground, createEventPublisher, createKafka, createProducer, kafkaSettings } from '../lib/kafka';
import { createPrisma } from '../lib/prisma';
import { createRedis } from '../lib/redis';
import { GracefulShutdown } from '../lib/shutdown';
import { closeDomainClients, createDomainClients } from '../proto/services';
import { startReservationExpiry } from './inventory/reservation-expiry';
import { selectServices } from './registry';

/** Runs the selected domain services in one gRPC server until SIGTERM/SIGINT. */
export async function runServices(config: Config): Promise<void> {
  const logger = createLogger('services', config.LOG_LEVEL);
  const metrics = createMetrics('services');
  const shutdown = new GracefulShutdown(logger);
  shutdown.listen();

  const prisma = createPrisma(config.DATABASE_URL);
  shutdown.add('prisma', () => prisma.$disconnect());
  const clients = createDomainClients(domainAddresses(config));
  shutdown.add('grpc-clients', () => closeDomainClients(clients));
  const redis = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  shutdown.add('redis', () => redis.quit());
  const producer = createProducer(createKafka(kafkaSettings(config, 'services'), logger));
  // Not awaited: the services must answer even while Kafka is down (a publish then fails and is retried).
  void connectInBackground(producer, 'Kafka producer', logger);
  shutdown.add('kafka-producer', () => producer.disconnect());
  const events = createEventPublisher(producer, { topicPrefix: config.KAFKA_TOPIC_PREFIX });
  const services = selectServices(config.SERVICES, { prisma, metrics, logger, clients, now: () => new Date(), redis, events, jwtSecret: config.JWT_SECRET });
  if (config.SERVICES.includes('all') || config.SERVICES.includes('inventory')) {
    shutdown.add('inventory-expiry', startReservationExpiry({ prisma, logger, now: () => new Date() }, 30_000));
  }
  const server = await startGrpcServer(config.GRPC_HOST, config.GRPC_PORT, services);
  shutdown.add('grpc', () => server.stop());
  const metricsServer = await startMetricsServer(metrics, config.METRICS_PORT, config.GRPC_HOST);
  shutdown.add('metrics', () => metricsServer.close());
  logger.info(
    { grpc: `${config.GRPC_HOST}:${server.port}`, services: services.map((s) => s.name), metricsPort: metricsServer.port },
    'domain services listening',
  );
}
