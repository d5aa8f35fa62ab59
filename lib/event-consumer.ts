import type { Kafka } from 'kafkajs';
import { parseEnvelope, type EventEnvelope } from './events';
import { topicName, type KafkaSettings, type TopicName } from './kafka';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export interface EventConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A consumer group that hands each envelope to `handle`. A handler that throws is retried by KafkaJS
 * (the offset is committed only after success), so a database outage delays events and loses none.
 * Messages that are not envelopes are logged and skipped.
 */
export function createEventConsumer(opts: {
  kafka: Kafka;
  settings: Pick<KafkaSettings, 'topicPrefix'>;
  group: string;
  topics: TopicName[];
  handle: (event: EventEnvelope) => Promise<void>;
  logger: Logger;
  metrics: Metrics;
  /** Read topics from the beginning when the group has no committed offset yet. */
  fromBeginning?: boolean;
}): EventConsumer {
  const consumer = opts.kafka.consumer({ groupId: `${opts.settings.topicPrefix}${opts.group}` });
  return {
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics: opts.topics.map((t) => topicName(opts.settings, t)), fromBeginning: opts.fromBeginning ?? true });
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const event = parseEnvelope(message.value);
          if (!event) {
            opts.logger.warn({ topic, partition, offset: message.offset }, 'skipping a message that is not an event envelope');
            return;
          }
          await opts.metrics.time('event', event.type, () => opts.handle(event));
        },
      });
    },
    stop: () => consumer.disconnect(),
  };
}
