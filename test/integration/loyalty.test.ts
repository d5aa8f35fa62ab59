import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { createEnvelope, type EventEnvelope } from '../../lib/events';
import { callUnary } from '../../lib/grpc';
import { createEventPublisher, createKafka, createProducer, kafkaSettings, TOPICS, type EventPublisher } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import type { EarnRequest } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import type { PointsChange__Output } from '../../proto/generated/checkout/loyalty/v1/PointsChange';
import type { RedeemRequest } from '../../proto/generated/checkout/loyalty/v1/RedeemRequest';
import type { RestoreRequest } from '../../proto/generated/checkout/loyalty/v1/RestoreRequest';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';
import { rejection } from '../support/rejection';
import { DomainError } from '../../lib/errors';

interface CheckoutView {
  orderId: string;
  state: string;
  totalMinor?: number;
  pointsRedeemed?: number;
  failure?: { code: string };
}
interface PointsView {
  balance: number;
  entries: { orderId: string; kind: string; points: number; at: string }[];
}

/**
 * Loyalty points on the real stack: earned from order.completed by the loyalty consumer, redeemed by
 * the checkout saga and given back by its compensation; and the loyalty service's own rules over gRPC.
 */
describe('loyalty points (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;
  let producer: Producer;
  let events: EventPublisher;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    producer = createProducer(createKafka(kafkaSettings(platform.config, 'loyalty-test'), createLogger('test', 'warn')));
    await producer.connect();
    events = createEventPublisher(producer, { topicPrefix: platform.config.KAFKA_TOPIC_PREFIX });
  });
  afterAll(async () => {
    await producer?.disconnect();
    await platform?.stop();
  });

  const loyalty = () => platform.clients.loyalty;
  const earn = (request: EarnRequest) => callUnary<EarnRequest, PointsChange__Output>(loyalty().earn.bind(loyalty()), request);
  const redeem = (request: RedeemRequest) => callUnary<RedeemRequest, PointsChange__Output>(loyalty().redeem.bind(loyalty()), request);
  const restore = (request: RestoreRequest) => callUnary<RestoreRequest, PointsChange__Output>(loyalty().restore.bind(loyalty()), request);
  /** Gives a customer points through the service, as a completed order of another test would. */
  const seed = (customerId: string, points: number) => earn({ customerId, orderId: `seed-${randomUUID()}`, points, idempotencyKey: `seed:${randomUUID()}` });

  async function checkout(token: string, body: unknown) {
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, Prefer: 'wait=30' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as CheckoutView };
  }
  async function points(token: string): Promise<PointsView> {
    const res = await fetch(`${platform.api}/v1/me/points`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as PointsView;
  }
  const pointsReach = (token: string, balance: number) =>
    eventually(async () => {
      const view = await points(token);
      return view.balance === balance ? view : undefined;
    }, 30_000, `a balance of ${balance}`);
  const body = (sku: string, slot: { slotId: string; postalCode: string }, extra: Record<string, unknown> = {}, cardToken = 'tok_visa', quantity = 1) => ({
    lines: [{ sku, quantity }],
    address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
    payment: { type: 'card', cardToken },
    deliverySlotId: slot.slotId,
    ...extra,
  });
  const ledgerOf = (customerId: string) => platform.prisma.loyaltyLedgerEntry.findMany({ where: { customerId }, orderBy: { id: 'asc' }, select: { orderId: true, kind: true, points: true } });

  it('earns floor(total / 100) points for a completed checkout, once even when the event is delivered twice', async () => {
    const sku = await createProduct(platform, { priceMinor: 1550, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot, {}, 'tok_visa', 2));
    expect(res.body).toMatchObject({ state: 'COMPLETED', totalMinor: 3100 });
    const { orderId } = res.body;
    await pointsReach(customer.token, 31);

    // The same event again (a redelivery), and the same fact under a new event id: neither earns again.
    const original: EventEnvelope = createEnvelope({
      id: `checkout:${orderId}:order.completed`,
      type: 'order.completed',
      source: '/workflows/checkout',
      subject: orderId,
      data: { orderId, customerId: customer.customerId, customerEmail: customer.email, currency: 'JPY', totalMinor: 3100, lines: [], paymentMethod: 'card', deliverySlot: null, completedAt: new Date().toISOString() },
    });
    await events.publish(TOPICS.orders, original);
    await events.publish(TOPICS.orders, { ...original, id: randomUUID() });
    // A later event on the same key (so the same partition) shows the consumer got past both copies.
    const sentinel = customerToken(platform);
    await events.publish(TOPICS.orders, { ...original, id: randomUUID(), data: { ...(original.data as object), orderId: `sentinel-${randomUUID()}`, customerId: sentinel.customerId, totalMinor: 500 } });
    await pointsReach(sentinel.token, 5);

    const view = await points(customer.token);
    expect(view).toMatchObject({ balance: 31, entries: [{ orderId, kind: 'EARN', points: 31 }] });
    expect(await ledgerOf(customer.customerId)).toEqual([{ orderId, kind: 'EARN', points: 31 }]);
  });

  it('redeems points in a checkout: the charge is the total less the points, and the balance drops', async () => {
    const sku = await createProduct(platform, { priceMinor: 2000, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    await seed(customer.customerId, 1000);
    const res = await checkout(customer.token, body(sku, slot, { redeemPoints: 300 }));
    expect(res.body).toMatchObject({ state: 'COMPLETED', totalMinor: 1700, pointsRedeemed: 300 });
    const { orderId } = res.body;

    expect(await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId } }, select: { kind: true, amountMinor: true } })).toEqual([{ kind: 'CHARGE', amountMinor: 1700 }]);
    expect(await platform.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ subtotalMinor: 2000, pointsDiscountMinor: 300, totalMinor: 1700 });
    // 1000 − 300 redeemed + 17 earned on the 1,700 yen actually paid.
    const view = await pointsReach(customer.token, 717);
    expect(view.entries.filter((e) => e.orderId === orderId).map((e) => [e.kind, e.points]).sort()).toEqual([['EARN', 17], ['REDEEM', -300]]);
  });

  it('gives the redeemed points back, and takes the earned ones, when a completed order is refunded', async () => {
    const sku = await createProduct(platform, { priceMinor: 2000, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    await seed(customer.customerId, 500);
    const res = await checkout(customer.token, body(sku, slot, { redeemPoints: 200 }));
    expect(res.body).toMatchObject({ state: 'COMPLETED', totalMinor: 1800 });
    await pointsReach(customer.token, 500 - 200 + 18);
    const cancel = await fetch(`${platform.api}/v1/orders/${res.body.orderId}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ reason: 'refund with points' }),
    });
    expect(cancel.status).toBe(202);
    const { refundWorkflowId } = (await cancel.json()) as { refundWorkflowId: string };
    await platform.temporal.workflow.getHandle(refundWorkflowId).result();
    const view = await pointsReach(customer.token, 500);
    expect(view.entries.filter((e) => e.orderId === res.body.orderId).map((e) => [e.kind, e.points]).sort()).toEqual([['EARN', 18], ['REDEEM', -200], ['RESTORE', 200], ['REVOKE', -18]]);
  });

  it('gives the points back when the card is declined', async () => {
    const sku = await createProduct(platform, { priceMinor: 1000, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const seeded = await seed(customer.customerId, 500);
    const res = await checkout(customer.token, body(sku, slot, { redeemPoints: 200 }, 'tok_chargeDeclined'));
    expect(res.body).toMatchObject({ state: 'FAILED', failure: { code: 'CARD_DECLINED' } });
    const { orderId } = res.body;
    expect((await points(customer.token)).balance).toBe(500);
    expect(await ledgerOf(customer.customerId)).toEqual([
      { orderId: seeded.orderId, kind: 'EARN', points: 500 },
      { orderId, kind: 'REDEEM', points: -200 },
      { orderId, kind: 'RESTORE', points: 200 },
    ]);
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).toMatchObject({ onHand: 5, reserved: 0 });
  });

  it('fails a checkout with more points than the balance as INSUFFICIENT_POINTS, changing nothing else', async () => {
    const sku = await createProduct(platform, { priceMinor: 1000, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    await seed(customer.customerId, 100);
    const res = await checkout(customer.token, body(sku, slot, { redeemPoints: 300 }));
    expect(res.body).toMatchObject({ state: 'FAILED', failure: { code: 'INSUFFICIENT_POINTS' } });
    const { orderId } = res.body;
    expect(await points(customer.token)).toMatchObject({ balance: 100, entries: [{ kind: 'EARN', points: 100 }] });
    expect(await platform.prisma.loyaltyLedgerEntry.count({ where: { orderId, points: { not: 0 } } })).toBe(0);
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await platform.prisma.order.count({ where: { id: orderId } })).toBe(0);
    expect(await platform.prisma.payment.count({ where: { orderId } })).toBe(0);
    expect(await platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: slot.slotId } })).toMatchObject({ booked: 0 });
  });

  it('fails a checkout whose points would pay the whole order, and gives them back', async () => {
    const sku = await createProduct(platform, { priceMinor: 1000, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    await seed(customer.customerId, 5000);
    const res = await checkout(customer.token, body(sku, slot, { redeemPoints: 1000 }));
    expect(res.body).toMatchObject({ state: 'FAILED', failure: { code: 'VALIDATION_FAILED' } });
    expect((await points(customer.token)).balance).toBe(5000);
  });

  it('validates redeemPoints and requires a signed-in account for the balance', async () => {
    const customer = customerToken(platform);
    const slot = { slotId: 'slot', postalCode: '150-0001' };
    for (const redeemPoints of [-1, 1.5, 1_000_001, '300']) {
      expect((await checkout(customer.token, body('SKU', slot, { redeemPoints }))).status).toBe(400);
    }
    expect((await fetch(`${platform.api}/v1/me/points`)).status).toBe(401);
    expect(await points(customer.token)).toEqual({ balance: 0, entries: [] });
  });

  describe('the loyalty service', () => {
    it('earns once per order, whatever the idempotency key', async () => {
      const customerId = `cust-${randomUUID()}`;
      const orderId = randomUUID();
      expect(await earn({ customerId, orderId, points: 40, idempotencyKey: `a:${orderId}` })).toMatchObject({ kind: 'EARN', points: 40, balance: 40 });
      expect(await earn({ customerId, orderId, points: 40, idempotencyKey: `b:${orderId}` })).toMatchObject({ kind: 'EARN', points: 40, balance: 40 });
      expect(await platform.prisma.loyaltyAccount.findUniqueOrThrow({ where: { customerId } })).toMatchObject({ balance: 40 });
    });

    it('never overdraws: of concurrent redemptions only those the balance covers succeed', async () => {
      const customerId = `cust-${randomUUID()}`;
      await seed(customerId, 500);
      // Each outcome: undefined when the redemption went through, else the DomainError it got.
      const outcomes = await Promise.all(
        [1, 2, 3].map(() => redeem({ customerId, orderId: randomUUID(), points: 200, idempotencyKey: randomUUID() }).then(() => undefined, (err: unknown) => (err instanceof DomainError ? err : Promise.reject(err)))),
      );
      expect(outcomes.filter((o) => o === undefined)).toHaveLength(2);
      expect(outcomes.filter((o) => o?.code === 'INSUFFICIENT_POINTS')).toHaveLength(1);
      expect(await platform.prisma.loyaltyAccount.findUniqueOrThrow({ where: { customerId } })).toMatchObject({ balance: 100 });
    });

    it('restores what an order redeemed once; a restore of nothing succeeds and blocks a late redemption', async () => {
      const customerId = `cust-${randomUUID()}`;
      await seed(customerId, 500);
      const orderId = randomUUID();
      await redeem({ customerId, orderId, points: 120, idempotencyKey: `r:${orderId}` });
      expect(await restore({ customerId, orderId, idempotencyKey: `u1:${orderId}` })).toMatchObject({ kind: 'RESTORE', points: 120, balance: 500 });
      expect(await restore({ customerId, orderId, idempotencyKey: `u2:${orderId}` })).toMatchObject({ kind: 'RESTORE', points: 120, balance: 500 });

      const undone = randomUUID();
      expect(await restore({ customerId, orderId: undone, idempotencyKey: `u:${undone}` })).toMatchObject({ kind: 'NONE', points: 0, balance: 500 });
      expect((await rejection(redeem({ customerId, orderId: undone, points: 50, idempotencyKey: `r:${undone}` })))?.code).toBe('STEP_UNDONE');
      expect(await platform.prisma.loyaltyAccount.findUniqueOrThrow({ where: { customerId } })).toMatchObject({ balance: 500 });
    });

    it('answers a repeated Redeem key with its first answer, even a rejection', async () => {
      const customerId = `cust-${randomUUID()}`;
      const orderId = randomUUID();
      const key = `r:${orderId}`;
      expect((await rejection(redeem({ customerId, orderId, points: 10, idempotencyKey: key })))?.code).toBe('INSUFFICIENT_POINTS');
      await seed(customerId, 100);
      expect((await rejection(redeem({ customerId, orderId, points: 10, idempotencyKey: key })))?.code).toBe('INSUFFICIENT_POINTS');
      expect(await redeem({ customerId, orderId, points: 10, idempotencyKey: `${key}:again` })).toMatchObject({ kind: 'REDEEM', points: -10, balance: 90 });
    });
  });
});
