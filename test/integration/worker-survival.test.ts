import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { DLQ_HEADERS } from '../../lib/event-consumer';
import { createEnvelope } from '../../lib/events';
import { createKafka, createProducer, deadLetterTopicName, ensureTopics, kafkaSettings, topicName, TOPICS, type Producer } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { startDevSmtpServer, type DevSmtpServer } from '../../scripts/dev-smtp-server';
import { Supervisor } from '../../scripts/supervisor';
import { platformRoles } from '../../scripts/supervisor-roles';
import { eventually, freePort } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * The email, analytics and loyalty workers as real processes (under the supervisor) on topics of
 * this file's own: messages that are not JSON, huge, of the wrong shape or full of Unicode crash
 * none of them; each worker dead-letters what it cannot read and goes on with the next event.
 */
describe('Kafka workers survive malformed messages (real processes, Kafka, PostgreSQL)', () => {
  const base = testConfig();
  const topicPrefix = `${base.KAFKA_TOPIC_PREFIX}survival-${randomUUID().slice(0, 8)}.`;
  const exits: string[] = [];
  let supervisor: Supervisor;
  let smtp: DevSmtpServer;
  let kafka: Kafka;
  let producer: Producer;
  let prisma: PrismaClient;

  beforeAll(async () => {
    kafka = createKafka(kafkaSettings(base, 'test-survival'), createLogger('test', 'silent'));
    await ensureTopics(kafka, { topicPrefix });
    producer = createProducer(kafka);
    await producer.connect();
    prisma = createPrisma(base.DATABASE_URL);
    smtp = await startDevSmtpServer({ port: 0 });
    const grpcPort = await freePort();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: base.DATABASE_URL,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REDIS_KEY_PREFIX: base.REDIS_KEY_PREFIX,
      SMTP_PORT: String(smtp.port),
      GRPC_PORT: String(grpcPort),
      GRPC_SERVICES_ADDRESS: `127.0.0.1:${grpcPort}`,
      OTEL_TRACES_EXPORTER: 'none',
    };
    supervisor = new Supervisor({
      roles: platformRoles({ metricsBase: 0, env, only: ['services', 'analytics-worker', 'email-worker', 'loyalty-worker'] }),
      pidDir: mkdtempSync(path.join(tmpdir(), 'worker-survival-test-')),
      backoff: { initialMs: 200, maxMs: 2_000 },
    });
    supervisor.on('exited', ({ role, code, signal }) => exits.push(`${role} ${signal ?? code}`));
    const consuming = new Set<string>();
    const allConsuming = new Promise<void>((resolve) =>
      supervisor.on('line', ({ role, line }) => {
        if (line.includes('worker consuming')) consuming.add(role);
        if (consuming.size === 3) resolve();
      }),
    );
    supervisor.start();
    await allConsuming;
  }, 180_000);

  afterAll(async () => {
    await supervisor?.stop();
    await producer?.disconnect();
    if (kafka) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: Object.values(TOPICS).flatMap((t) => [topicName({ topicPrefix }, t), deadLetterTopicName(topicName({ topicPrefix }, t))]) }).catch(() => undefined);
      await admin.disconnect();
    }
    await smtp?.stop();
    await prisma?.$disconnect();
  });

  it('dead-letters unreadable messages, skips malformed events, and processes the next event', async () => {
    const orders = topicName({ topicPrefix }, TOPICS.orders);
    const garbage = [
      'not json at all 抹茶 🍵',
      `{"id": "truncated ${'x'.repeat(900_000)}`,
      JSON.stringify(['an', 'array']),
      JSON.stringify({ id: 1, type: null }),
    ];
    const wrongShape = createEnvelope({ type: 'order.completed', source: '/test', subject: 'ord-抹茶', data: { orderId: '抹茶', lines: 'none', totalMinor: '🍵' } });
    const next = createEnvelope({ type: 'order.failed', source: '/test', subject: `ord-${randomUUID()}`, data: { orderId: randomUUID(), reason: { code: 'OUT_OF_STOCK', message: '抹茶 is gone' } } });
    // One key: every message lands on one partition, behind each other.
    await producer.send({ topic: orders, acks: -1, messages: [...garbage, JSON.stringify(wrongShape), JSON.stringify(next)].map((value) => ({ key: 'same-key', value })) });

    // Every consumer of the orders topic (analytics, email, loyalty) got past the garbage to the last event.
    await eventually(
      async () => ((await prisma.processedEvent.count({ where: { eventId: next.id } })) >= 1 ? true : undefined),
      90_000,
      'the analytics worker to process the event after the garbage',
    );
    const dlqReader = kafka.consumer({ groupId: `${topicPrefix}dlq-reader` });
    const dead: { consumer: string; reason: string }[] = [];
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: deadLetterTopicName(orders), fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ message }) => {
        dead.push({ consumer: message.headers?.[DLQ_HEADERS.consumer]?.toString() ?? '', reason: message.headers?.[DLQ_HEADERS.reason]?.toString() ?? '' });
      },
    });
    try {
      // Each of the three consumers dead-letters each of the four unreadable messages.
      await eventually(async () => (dead.length >= garbage.length * 3 ? true : undefined), 90_000, 'the unreadable messages in the DLQ');
    } finally {
      await dlqReader.disconnect();
    }
    expect(new Set(dead.map((d) => d.consumer))).toEqual(new Set(['analytics', 'email', 'loyalty']));
    expect(dead.every((d) => d.reason.startsWith('not an event envelope'))).toBe(true);
    expect(exits).toEqual([]);
  }, 300_000);
});
