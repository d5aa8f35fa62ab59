import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createEventConsumer, type EventConsumer } from '../../lib/event-consumer';
import { createEnvelope, type EventEnvelope } from '../../lib/events';
import { createEventPublisher, createKafka, createProducer, ensureTopics, kafkaSettings, topicName, TOPICS, type EventPublisher, type Producer } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { startDevSmtpServer, type DevSmtpServer, type ReceivedEmail } from '../../scripts/dev-smtp-server';
import { createAnalyticsHandler, salesReport } from '../../services/analytics/order-aggregates';
import type { MailTransport } from '../../services/notifications/order-emails';
import { ORDER_EVENT_TYPES, type OrderCompletedData, type OrderFailedData } from '../../services/notifications/order-events';
import { createEmailConsumer, createSmtpTransport } from '../../workers/email-worker.run';
import { eventually } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * The email and analytics consumers on real Kafka (topics of this file's own), PostgreSQL and an SMTP
 * server: every order event is emailed once and counted once, however often Kafka delivers it.
 */
describe('order event consumers (real Kafka, PostgreSQL, SMTP)', () => {
  const base = testConfig();
  const config = testConfig({ KAFKA_TOPIC_PREFIX: `${base.KAFKA_TOPIC_PREFIX}consumers-${randomUUID().slice(0, 8)}.` });
  const topicPrefix = config.KAFKA_TOPIC_PREFIX;
  const logger = createLogger('test', config.LOG_LEVEL);
  const metrics = createMetrics('test');
  const from = 'Checkout <orders@checkout.local>';

  let smtp: DevSmtpServer;
  let prisma: PrismaClient;
  let kafka: Kafka;
  let producer: Producer;
  let publisher: EventPublisher;
  let smtpTransport: ReturnType<typeof createSmtpTransport>;
  const consumers: EventConsumer[] = [];
  /** Event ids whose next send fails like an SMTP outage, and how many sends failed so far. */
  const failNextSend = new Set<string>();
  let failedSends = 0;

  beforeAll(async () => {
    smtp = await startDevSmtpServer({ port: 0 });
    prisma = createPrisma(config.DATABASE_URL);
    kafka = createKafka(kafkaSettings(config, 'test-consumers'), logger);
    await ensureTopics(kafka, { topicPrefix });
    producer = createProducer(kafka);
    await producer.connect();
    publisher = createEventPublisher(producer, { topicPrefix });
    smtpTransport = createSmtpTransport({ SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port });
    const transport: MailTransport = {
      sendMail: (message) => {
        const eventId = message.headers['X-Checkout-Event-Id'] ?? '';
        if (failNextSend.delete(eventId)) {
          failedSends++;
          return Promise.reject(new Error('connect ECONNREFUSED (simulated SMTP outage)'));
        }
        return smtpTransport.sendMail(message);
      },
    };
    consumers.push(createEmailConsumer({ kafka, prisma, topicPrefix, transport, from, logger, metrics }));
    consumers.push(
      createEventConsumer({ kafka, settings: { topicPrefix }, group: 'analytics', topics: [TOPICS.orders], handle: createAnalyticsHandler(prisma, { logger }), logger, metrics }),
    );
    await Promise.all(consumers.map((c) => c.start()));
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop().catch(() => undefined);
    await producer?.disconnect();
    if (kafka) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: Object.values(TOPICS).map((t) => topicName({ topicPrefix }, t)) }).catch(() => undefined);
      await admin.disconnect();
    }
    smtpTransport?.close();
    await smtp?.stop();
    await prisma?.$disconnect();
  });

  const customerEmail = () => `customer-${randomUUID().slice(0, 8)}@example.jp`;
  const emailsFor = (event: EventEnvelope): ReceivedEmail[] => smtp.messages().filter((m) => m.headers['x-checkout-event-id'] === event.id);
  const emailFor = (event: EventEnvelope) => smtp.waitFor((m) => m.headers['x-checkout-event-id'] === event.id, 45_000);
  const processed = (event: EventEnvelope) =>
    eventually(async () => ((await prisma.processedEvent.count({ where: { consumer: 'analytics', eventId: event.id } })) === 1 ? true : undefined), 45_000, `analytics to record ${event.id}`);

  function orderEvent<T>(type: string, orderId: string, data: T): EventEnvelope<T> {
    return createEnvelope({ id: `checkout:${orderId}:${type}`, type, source: '/workflows/checkout', subject: orderId, data });
  }

  it('emails a completed order once and counts its sales once when Kafka delivers it twice', async () => {
    const orderId = `ord-${randomUUID()}`;
    const tea = `TEA-${randomUUID().slice(0, 8)}`;
    const cup = `CUP-${randomUUID().slice(0, 8)}`;
    const data: OrderCompletedData = {
      orderId,
      customerId: 'cus-1',
      customerEmail: customerEmail(),
      currency: 'JPY',
      totalMinor: 6200,
      lines: [
        { sku: tea, name: 'Sencha', quantity: 3, unitPriceMinor: 1500, lineTotalMinor: 4500 },
        { sku: cup, name: 'Yunomi', quantity: 1, unitPriceMinor: 1700, lineTotalMinor: 1700 },
      ],
      paymentMethod: 'CARD',
      deliverySlot: { slotId: 'tokyo-23:2026-11-24:14:00', date: '2026-11-24', windowStart: '14:00', windowEnd: '17:00' },
      // 00:30 on the 23rd in Tokyo: the sale belongs to the Tokyo business day, not the UTC one.
      completedAt: '2026-11-22T15:30:00Z',
    };
    const completed = orderEvent(ORDER_EVENT_TYPES.completed, orderId, data);
    const refunded = orderEvent(ORDER_EVENT_TYPES.refunded, orderId, {
      orderId,
      customerId: 'cus-1',
      customerEmail: data.customerEmail,
      amountMinor: 6200,
      currency: 'JPY',
      refundedAt: '2026-11-23T01:00:00Z',
    });

    await publisher.publish(TOPICS.orders, completed);
    await publisher.publish(TOPICS.orders, completed);
    // Same key, same partition: once the refund is handled, both copies of the completion were too.
    await publisher.publish(TOPICS.orders, refunded);

    const confirmation = await emailFor(completed);
    expect(confirmation).toMatchObject({ from: 'orders@checkout.local', to: [data.customerEmail], subject: `Your order ${orderId} is confirmed` });
    expect(confirmation.text).toContain('Total: ¥6,200');
    expect(confirmation.text).toContain('Delivery: 2026-11-24, 14:00-17:00');
    expect(confirmation.html).toContain('Sencha');
    const refund = await emailFor(refunded);
    expect(refund.subject).toBe(`Your refund for order ${orderId}`);
    expect(emailsFor(completed)).toHaveLength(1);
    const sent = await prisma.sentEmail.findMany({ where: { eventId: completed.id } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'order.completed', recipient: data.customerEmail, subject: confirmation.subject });
    expect(sent[0]!.messageId).toBe(confirmation.headers['message-id']);

    await processed(refunded);
    expect(await prisma.processedEvent.count({ where: { consumer: 'analytics', eventId: completed.id } })).toBe(1);
    const sales = await prisma.dailySales.findMany({ where: { sku: { in: [tea, cup] } }, orderBy: { sku: 'asc' } });
    expect(sales.map((s) => [s.day.toISOString().slice(0, 10), s.sku, s.orders, s.quantity, Number(s.revenueMinor)])).toEqual([
      ['2026-11-23', cup, 1, 1, 1700],
      ['2026-11-23', tea, 1, 3, 4500],
    ]);
    const report = await salesReport(prisma, '2026-11-23', '2026-11-23');
    expect(report.sales.filter((s) => s.sku === tea)).toEqual([{ day: '2026-11-23', sku: tea, orders: 1, quantity: 3, revenueMinor: 4500, currency: 'JPY' }]);
  });

  it('emails a failed order once and counts the failure once by reason', async () => {
    const orderId = `ord-${randomUUID()}`;
    // A reason of this test's own, so concurrent tests counting real reasons cannot interfere.
    const reason = `TEST_OUT_OF_STOCK_${randomUUID().slice(0, 8)}`;
    const data: OrderFailedData = { orderId, customerId: 'cus-2', customerEmail: customerEmail(), reason, message: 'Sencha is out of stock', failedAt: '2026-11-22T03:00:00Z' };
    const failed = orderEvent(ORDER_EVENT_TYPES.failed, orderId, data);
    const cancelled = orderEvent(ORDER_EVENT_TYPES.cancelled, orderId, { orderId, customerId: 'cus-2', customerEmail: data.customerEmail, reason: 'test marker', cancelledAt: '2026-11-22T03:01:00Z' });

    await publisher.publish(TOPICS.orders, failed);
    await publisher.publish(TOPICS.orders, failed);
    await publisher.publish(TOPICS.orders, cancelled);

    const email = await emailFor(failed);
    expect(email).toMatchObject({ to: [data.customerEmail], subject: `We could not complete your order ${orderId}` });
    expect(email.text).toContain(`Reason: Sencha is out of stock (${reason})`);
    await emailFor(cancelled);
    expect(emailsFor(failed)).toHaveLength(1);
    expect(await prisma.sentEmail.count({ where: { eventId: failed.id } })).toBe(1);

    await processed(cancelled);
    const failures = await prisma.dailyFailures.findMany({ where: { reason } });
    expect(failures.map((f) => [f.day.toISOString().slice(0, 10), f.count])).toEqual([['2026-11-22', 1]]);
  });

  it('sends the email on redelivery when SMTP failed the first time', async () => {
    const orderId = `ord-${randomUUID()}`;
    const cancelled = orderEvent(ORDER_EVENT_TYPES.cancelled, orderId, { orderId, customerId: 'cus-3', customerEmail: customerEmail(), reason: 'customer request', cancelledAt: '2026-11-22T04:00:00Z' });
    failNextSend.add(cancelled.id);
    const failedBefore = failedSends;

    await publisher.publish(TOPICS.orders, cancelled);

    const email = await emailFor(cancelled);
    expect(email.subject).toBe(`Your order ${orderId} has been cancelled`);
    expect(failedSends).toBe(failedBefore + 1);
    expect(emailsFor(cancelled)).toHaveLength(1);
    // The row commits just after SMTP accepted the message.
    await eventually(async () => ((await prisma.sentEmail.count({ where: { eventId: cancelled.id } })) === 1 ? true : undefined), 10_000, 'the SentEmail row');
  });
});
