import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { createEventConsumer, DLQ_HEADERS, type EventConsumer } from '../../lib/event-consumer';
import { createEnvelope, type EventEnvelope } from '../../lib/events';
import { createKafka, createProducer, deadLetterTopicName, ensureTopics, kafkaSettings, topicName, TOPICS, type Producer } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import { eventually } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * Poison messages on the real Kafka: a message whose handler always fails, and one that is not an
 * event at all, end in `<topic>.dlq` with their reason and origin in headers, and the next message
 * of the same partition is processed.
 */
describe('dead-letter topic (real Kafka)', () => {
  const base = testConfig();
  const topicPrefix = `${base.KAFKA_TOPIC_PREFIX}dlq-${randomUUID().slice(0, 8)}.`;
  const topic = topicName({ topicPrefix }, TOPICS.system);
  const logger = createLogger('test', 'silent');
  const metrics = createMetrics('test');
  let kafka: Kafka;
  let producer: Producer;
  let consumer: EventConsumer;
  const handled: string[] = [];
  const attemptsOf = new Map<string, number>();
  const dlq: KafkaMessage[] = [];
  let dlqReader: ReturnType<Kafka['consumer']>;

  beforeAll(async () => {
    kafka = createKafka(kafkaSettings(base, 'test-dlq'), logger);
    // One partition: the poison message and the next one are certainly behind each other.
    await ensureTopics(kafka, { topicPrefix }, 1);
    producer = createProducer(kafka);
    await producer.connect();
    consumer = createEventConsumer({
      kafka,
      settings: { topicPrefix },
      group: 'dlq-test',
      topics: [TOPICS.system],
      logger,
      metrics,
      retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 100 },
      handle: async (event: EventEnvelope) => {
        attemptsOf.set(event.id, (attemptsOf.get(event.id) ?? 0) + 1);
        if ((event.data as { poison?: boolean }).poison) throw new TypeError('cannot read 抹茶 of undefined');
        handled.push(event.id);
      },
    });
    await consumer.start();
    dlqReader = kafka.consumer({ groupId: `${topicPrefix}dlq-reader` });
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: deadLetterTopicName(topic), fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ message }) => {
        dlq.push(message);
      },
    });
  });

  afterAll(async () => {
    await consumer?.stop().catch(() => undefined);
    await dlqReader?.disconnect().catch(() => undefined);
    await producer?.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: Object.values(TOPICS).flatMap((t) => [topicName({ topicPrefix }, t), deadLetterTopicName(topicName({ topicPrefix }, t))]) }).catch(() => undefined);
    await admin.disconnect();
  });

  const send = (value: string | Buffer) => producer.send({ topic, acks: -1, messages: [{ key: 'same-key', value }] });
  const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

  it('dead-letters a message that always fails and processes the next one on the partition', async () => {
    const poison = createEnvelope({ type: 'system.ping', source: '/test', subject: 'same-key', data: { poison: true } });
    const next = createEnvelope({ type: 'system.ping', source: '/test', subject: 'same-key', data: { poison: false } });
    await send(JSON.stringify(poison));
    await send(JSON.stringify(next));

    await eventually(async () => (handled.includes(next.id) ? true : undefined), 45_000, 'the message after the poison one to be handled');
    expect(attemptsOf.get(poison.id)).toBe(3);
    const dead = await eventually(async () => dlq.find((m) => m.value?.toString() === JSON.stringify(poison)), 30_000, 'the poison message in the DLQ');
    expect(header(dead, DLQ_HEADERS.originalTopic)).toBe(topic);
    expect(header(dead, DLQ_HEADERS.originalPartition)).toBe('0');
    expect(header(dead, DLQ_HEADERS.attempts)).toBe('3');
    expect(header(dead, DLQ_HEADERS.consumer)).toBe('dlq-test');
    expect(header(dead, DLQ_HEADERS.originalOffset)).toMatch(/^\d+$/);
    // The reason keeps its Unicode escaped: header values stay ASCII.
    const reason = header(dead, DLQ_HEADERS.reason)!;
    expect(reason).toBe('TypeError: cannot read \\u62b9\\u8336 of undefined');
    expect(/^[\x20-\x7e]*$/.test(reason)).toBe(true);

    const counted = await metrics.registry.getSingleMetric('events_dead_lettered_total')!.get();
    expect(counted.values.find((v) => v.labels.topic === topic && v.labels.consumer === 'dlq-test')?.value).toBe(1);
  });

  it('dead-letters a message that is not an event (not JSON, huge) at once, Unicode and all, and moves on', async () => {
    const garbage = `{"not json 抹茶 🍵 ${'x'.repeat(200_000)}`;
    const next = createEnvelope({ type: 'system.ping', source: '/test', subject: 'same-key', data: {} });
    await send(garbage);
    await send(JSON.stringify(next));

    await eventually(async () => (handled.includes(next.id) ? true : undefined), 45_000, 'the message after the garbage to be handled');
    const dead = await eventually(async () => dlq.find((m) => m.value?.toString() === garbage), 30_000, 'the garbage in the DLQ');
    expect(header(dead, DLQ_HEADERS.reason)).toMatch(/^not an event envelope/);
    expect(header(dead, DLQ_HEADERS.attempts)).toBe('0');
  });
});
