import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createEventConsumer, type EventConsumer } from '../../lib/event-consumer';
import { createEnvelope } from '../../lib/events';
import { createKafka, createProducer, deadLetterTopicName, ensureTopics, kafkaSettings, topicName, TOPICS, type Producer } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import { eventually } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * The consumers' fetch on the real Kafka: events published a few milliseconds apart reach a consumer
 * in a few batches (each one fetch and one offset commit), not one fetch per event as with KafkaJS's
 * default of answering a fetch at its first byte.
 */
describe('event consumer fetch batching (real Kafka)', () => {
  const base = testConfig();
  const topicPrefix = `${base.KAFKA_TOPIC_PREFIX}fetch-${randomUUID().slice(0, 8)}.`;
  const topic = topicName({ topicPrefix }, TOPICS.system);
  const logger = createLogger('test', 'silent');
  let kafka: Kafka;
  let producer: Producer;
  let consumer: EventConsumer;
  const handled: string[] = [];
  /** The size of every batch KafkaJS handed the consumer, empty fetches left out. */
  const batches: number[] = [];

  beforeAll(async () => {
    kafka = createKafka(kafkaSettings(base, 'test-fetch'), logger);
    await ensureTopics(kafka, { topicPrefix }, 1);
    producer = createProducer(kafka);
    await producer.connect();
    // The real client; only its consumers are watched for the batches they process.
    const watched = Object.create(kafka) as Kafka;
    watched.consumer = (config) => {
      const created = kafka.consumer(config);
      created.on(created.events.END_BATCH_PROCESS, ({ payload }) => {
        if (payload.batchSize > 0) batches.push(payload.batchSize);
      });
      return created;
    };
    consumer = createEventConsumer({
      kafka: watched,
      settings: { topicPrefix },
      group: 'fetch-test',
      topics: [TOPICS.system],
      logger,
      metrics: createMetrics('test'),
      handle: async (event) => {
        handled.push(event.id);
      },
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop().catch(() => undefined);
    await producer?.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(TOPICS).flatMap((t) => [topicName({ topicPrefix }, t), deadLetterTopicName(topicName({ topicPrefix }, t))]) }).catch(() => undefined);
    await admin.disconnect();
  });

  it('takes events published a few milliseconds apart in a few batches, every event handled once', async () => {
    // The consumer has joined and fetches: a first event is handled.
    const first = createEnvelope({ type: 'system.ping', source: '/test', subject: 'k', data: { n: 0 } });
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: JSON.stringify(first) }] });
    await eventually(async () => (handled.includes(first.id) ? true : undefined), 45_000, 'the first event to be handled');
    batches.length = 0;

    const events = Array.from({ length: 10 }, (_, n) => createEnvelope({ type: 'system.ping', source: '/test', subject: 'k', data: { n: n + 1, 名前: 'テスト' } }));
    for (const event of events) {
      await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: JSON.stringify(event) }] });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(async () => (events.every((e) => handled.includes(e.id)) ? true : undefined), 45_000, 'every event to be handled');

    expect(handled.filter((id) => events.some((e) => e.id === id))).toHaveLength(events.length);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(events.length);
    // KafkaJS's default fetch (answered at the first byte) hands these over one or two per batch.
    expect(batches.length).toBeLessThanOrEqual(4);
  });
});
