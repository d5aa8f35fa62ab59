import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import type { Config } from './config';
import type { EventEnvelope } from './events';
import { fixKafkaRequestQueueIdleLoop } from './kafkajs-request-queue';
import type { Logger } from './logger';

export type { Consumer, Producer };

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Prepended to topic and group names (test runs use their own). */
  topicPrefix: string;
}

/** A KafkaJS client whose own log lines go through pino. */
export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  fixKafkaRequestQueueIdleLoop();
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: () => ({ level, log }) => {
      const { message, ...extra } = log;
      const fn = level <= logLevel.ERROR ? logger.error.bind(logger) : logger.warn.bind(logger);
      fn({ kafka: extra }, message);
    },
    retry: { initialRetryTime: 300, retries: 8 },
  });
}

/** The platform's topics: one per aggregate, keyed by the aggregate id. */
export const TOPICS = {
  orders: 'orders',
  identity: 'identity',
  system: 'system',
} as const;
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export function topicName(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: TopicName): string {
  return `${settings.topicPrefix}${topic}`;
}

/**
 * Text made safe for a Kafka header value: printable ASCII, anything else escaped as \uXXXX. Headers
 * are bytes to Kafka, but the tools and bridges that read them expect ASCII; Unicode belongs in the value.
 */
export function asciiHeader(text: string, max = 500): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).slice(0, max);
}

/** Where a consumer puts a message it gave up on: the full topic name plus `.dlq`. */
export function deadLetterTopicName(fullTopicName: string): string {
  return `${fullTopicName}.dlq`;
}

/**
 * A producer for envelopes: the default (murmur2) partitioner, so one key always lands on one
 * partition. Durability comes from acks from all in-sync replicas; duplicates from a retried send
 * are skipped by consumers, which record event ids.
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
}

/**
 * Connects a producer (or anything with connect()) without holding up the caller: retried with
 * backoff while Kafka is unreachable, so a process can start during a Kafka outage. Sends made
 * before it connects fail and are retried by their callers.
 */
export function connectInBackground(client: { connect(): Promise<void> }, what: string, logger: Logger, stopped: () => boolean = () => false): Promise<void> {
  return (async () => {
    for (let attempt = 1; !stopped(); attempt++) {
      try {
        await client.connect();
        return;
      } catch (err) {
        const delay = Math.min(30_000, 1_000 * 2 ** Math.min(attempt - 1, 5));
        logger.error({ err, attempt, retryInMs: delay }, `${what} could not connect; retrying`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  })();
}

/** Publishes envelopes; resolves once the broker has acknowledged them (acks from all in-sync replicas). */
export interface EventPublisher {
  publish(topic: TopicName, event: EventEnvelope): Promise<void>;
}

export function createEventPublisher(producer: Producer, settings: Pick<KafkaSettings, 'topicPrefix'>): EventPublisher {
  return {
    async publish(topic, event) {
      await producer.send({
        topic: topicName(settings, topic),
        acks: -1,
        messages: [{ key: event.subject, value: JSON.stringify(event), headers: { 'ce-type': asciiHeader(event.type), 'ce-id': asciiHeader(event.id) } }],
      });
    },
  };
}

/** Creates the platform's topics and their dead-letter topics when missing (3 partitions, keyed by aggregate id). */
export async function ensureTopics(kafka: Kafka, settings: Pick<KafkaSettings, 'topicPrefix'>, partitions = 3, attempts = 6): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = Object.values(TOPICS)
          .flatMap((t) => [topicName(settings, t), deadLetterTopicName(topicName(settings, t))])
          .filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })) });
        }
        return;
      } catch (err) {
        // A broker that has just started can answer the leader check with a retriable error
        // ("This server does not host this topic-partition") for topics it is still creating; the
        // next attempt finds them and creates only what is still missing.
        if (!(err as { retriable?: boolean }).retriable || attempt >= attempts) throw err;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** The Kafka settings of a config, with the process role in the client id. */
export function kafkaSettings(config: Pick<Config, 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID' | 'KAFKA_TOPIC_PREFIX'>, role: string): KafkaSettings {
  return { brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-${role}`, topicPrefix: config.KAFKA_TOPIC_PREFIX };
}
