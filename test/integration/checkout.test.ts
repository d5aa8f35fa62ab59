import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createKafka, kafkaSettings, topicName, TOPICS } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { payloadDataConverter } from '../../lib/payload-codec';
import { parseEnvelope, type EventEnvelope } from '../../lib/events';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { WORKFLOWS_PATH } from '../../workers/temporal-worker.run';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { fulfilmentWorkflowId } from '../../workflows/fulfilment.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface OrderView {
  orderId: string;
  state: string;
  failure?: { code: string };
  payment?: { slipNumber?: string };
  order?: { status: string };
}

/**
 * The checkout saga through REST on the real servers: PostgreSQL, Redis, Kafka, the Temporal dev
 * server, an SMTP server; then the recorded histories are replayed against the current workflow code.
 */
describe('checkout through REST (real PostgreSQL, Redis, Kafka, Temporal, SMTP)', () => {
  let platform: RunningPlatform;
  const workflowIds: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function checkout(token: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as OrderView;
    if (json.orderId) workflowIds.push(checkoutWorkflowId(json.orderId));
    return { status: res.status, body: json };
  }
  const getOrder = async (token: string, orderId: string) =>
    (await (await fetch(`${platform.api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as OrderView;
  const finished = (token: string, orderId: string) =>
    eventually(async () => {
      const view = await getOrder(token, orderId);
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(view.state) ? view : undefined;
    }, 60_000, `order ${orderId} to finish`);
  const stock = (sku: string) => platform.prisma.stock.findUniqueOrThrow({ where: { sku } });
  const body = (sku: string, slot: { slotId: string; postalCode: string }, payment: unknown = { type: 'card', cardToken: 'tok_visa' }, quantity = 1) => ({
    lines: [{ sku, quantity }],
    address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
    payment,
    deliverySlotId: slot.slotId,
  });

  it('completes a card checkout: stock sold, one ledger entry, a booked slot, one event, one email, one analytics row', async () => {
    const sku = await createProduct(platform, { priceMinor: 1500, stock: 10 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot, undefined, 2), { Prefer: 'wait=30' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'COMPLETED', totalMinor: 3000, currency: 'JPY' });
    const { orderId } = res.body;

    expect(await stock(sku)).toMatchObject({ onHand: 8, reserved: 0 });
    const ledger = await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId } } });
    expect(ledger).toEqual([expect.objectContaining({ kind: 'CHARGE', amountMinor: 3000 })]);
    expect(await platform.prisma.deliveryBooking.findMany({ where: { orderId } })).toEqual([expect.objectContaining({ status: 'BOOKED', slotId: slot.slotId })]);
    expect(await platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: slot.slotId } })).toMatchObject({ booked: 1 });
    expect((await getOrder(customer.token, orderId)).order?.status).toBe('CONFIRMED');

    const events = await readOrderEvents(platform, orderId, 1);
    expect(events.map((e) => e.type)).toEqual(['order.completed']);
    const email = await platform.smtp.waitFor((m) => m.to.includes(customer.email), 30_000);
    expect(email.subject).toContain(orderId);
    const sales = await eventually(async () => (await platform.prisma.dailySales.findMany({ where: { sku } })).find((r) => r.quantity > 0), 30_000, 'the analytics row');
    // revenue_minor is bigint (money aggregates outgrow int4).
    expect(sales).toMatchObject({ orders: 1, quantity: 2, revenueMinor: 3000n });

    // Operators find it in the Web UI by OrderId and by CustomerId: the checkout and the fulfilment it started.
    const expected = [checkoutWorkflowId(orderId), fulfilmentWorkflowId(orderId)].sort();
    for (const query of [`OrderId = "${orderId}"`, `CustomerId = "${customer.customerId}"`]) {
      const found = await eventually(async () => {
        const ids: string[] = [];
        for await (const wf of platform.temporal.workflow.list({ query })) ids.push(wf.workflowId);
        return ids.length >= expected.length ? ids.sort() : undefined;
      }, 30_000, `a visibility search for ${query}`);
      expect(found).toEqual(expected);
    }
    expect(platform.smtp.messages().filter((m) => m.to.includes(customer.email))).toHaveLength(1);
  });

  it('fails a declined card and restores stock and slot', async () => {
    const sku = await createProduct(platform, { priceMinor: 800, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot, { type: 'card', cardToken: 'tok_chargeDeclined' }), { Prefer: 'wait=30' });
    expect(res.body).toMatchObject({ state: 'FAILED', failure: { code: 'CARD_DECLINED' } });
    expect(await stock(sku)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: slot.slotId } })).toMatchObject({ booked: 0 });
    expect(await platform.prisma.ledgerEntry.count({ where: { payment: { orderId: res.body.orderId } } })).toBe(0);
    expect((await getOrder(customer.token, res.body.orderId)).order?.status).toBe('FAILED');
    expect((await readOrderEvents(platform, res.body.orderId, 1)).map((e) => e.type)).toEqual(['order.failed']);
  });

  it('creates one order for a repeated Idempotency-Key, 422 for the key with another body', async () => {
    const sku = await createProduct(platform, { priceMinor: 500, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const key = randomUUID();
    const first = await checkout(customer.token, body(sku, slot), { 'Idempotency-Key': key, Prefer: 'wait=30' });
    const second = await checkout(customer.token, body(sku, slot), { 'Idempotency-Key': key, Prefer: 'wait=30' });
    expect(second.body.orderId).toBe(first.body.orderId);
    expect(second.body.state).toBe('COMPLETED');
    expect(await platform.prisma.order.count({ where: { customerId: customer.customerId } })).toBe(1);
    expect(await stock(sku)).toMatchObject({ onHand: 4 });
    const other = await checkout(customer.token, body(sku, slot, undefined, 2), { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
  });

  it('completes a konbini checkout when the signed webhook reports the slip paid', async () => {
    const sku = await createProduct(platform, { priceMinor: 2000, stock: 3 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot, { type: 'konbini' }), { Prefer: 'wait=5' });
    const waiting = await eventually(async () => {
      const view = await getOrder(customer.token, res.body.orderId);
      return view.state === 'AWAITING_PAYMENT' ? view : undefined;
    });
    const slipNumber = waiting.payment?.slipNumber;
    expect(slipNumber).toBeTruthy();
    const payload = JSON.stringify({ id: `evt_${randomUUID()}`, type: 'slip.paid', data: { slipNumber, paidAt: new Date().toISOString() } });
    const tampered = await fetch(`${platform.api}/v1/webhooks/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook('wrong-secret-wrong-secret', Math.floor(Date.now() / 1000), payload) },
      body: payload,
    });
    expect(tampered.status).toBe(401);
    const hook = await fetch(`${platform.api}/v1/webhooks/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(platform.config.PAYMENT_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), payload) },
      body: payload,
    });
    expect(hook.status).toBe(200);
    expect((await finished(customer.token, res.body.orderId)).state).toBe('COMPLETED');
    expect(await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId: res.body.orderId } } })).toEqual([expect.objectContaining({ kind: 'SLIP_PAID', amountMinor: 2000 })]);
  });

  it('cancels a checkout waiting for its slip, and refuses to show it to another customer', async () => {
    const sku = await createProduct(platform, { priceMinor: 700, stock: 2 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot, { type: 'bank_transfer' }));
    await eventually(async () => ((await getOrder(customer.token, res.body.orderId)).state === 'AWAITING_PAYMENT' ? true : undefined));
    const stranger = customerToken(platform);
    expect((await fetch(`${platform.api}/v1/orders/${res.body.orderId}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    const cancel = await fetch(`${platform.api}/v1/orders/${res.body.orderId}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ reason: 'ordered the wrong tea' }),
    });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ state: 'CANCELLED' });
    expect(await stock(sku)).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await platform.prisma.payment.findUniqueOrThrow({ where: { id: res.body.orderId } })).toMatchObject({ status: 'VOIDED' });
  });

  it('refunds a completed order on cancel: payment refunded, slot freed, goods back on hand, order.refunded', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 4 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot), { Prefer: 'wait=30' });
    expect(res.body.state).toBe('COMPLETED');
    expect(await stock(sku)).toMatchObject({ onHand: 3 });
    const cancel = await fetch(`${platform.api}/v1/orders/${res.body.orderId}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ reason: 'arrived too late' }),
    });
    expect(cancel.status).toBe(202);
    const { refundWorkflowId: refundId } = (await cancel.json()) as { refundWorkflowId: string };
    workflowIds.push(refundId);
    await platform.temporal.workflow.getHandle(refundId).result();
    expect((await getOrder(customer.token, res.body.orderId)).order?.status).toBe('REFUNDED');
    expect(await stock(sku)).toMatchObject({ onHand: 4, reserved: 0 });
    expect(await platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: slot.slotId } })).toMatchObject({ booked: 0 });
    const ledger = await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId: res.body.orderId } }, orderBy: { id: 'asc' } });
    expect(ledger.map((e) => [e.kind, e.amountMinor])).toEqual([['CHARGE', 1200], ['REFUND', -1200]]);
    expect((await readOrderEvents(platform, res.body.orderId, 2)).map((e) => e.type)).toEqual(['order.completed', 'order.refunded']);
  });

  it('rejects requests without a valid token', async () => {
    const res = await fetch(`${platform.api}/v1/checkouts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('sells exactly 50 of 50 units to 200 concurrent checkouts', async () => {
    const sku = await createProduct(platform, { priceMinor: 1000, stock: 50 });
    const slot = await createDeliverySlot(platform, 500);
    const responses = await Promise.all(Array.from({ length: 200 }, () => checkout(customerToken(platform).token, body(sku, slot))));
    expect(responses.every((r) => r.status === 202)).toBe(true);
    const outcomes = await Promise.all(
      responses.map((r) =>
        eventually(async () => {
          const result = await platform.temporal.workflow.getHandle(checkoutWorkflowId(r.body.orderId)).result();
          return (result as { outcome: string; failure?: { code: string } }) ?? undefined;
        }, 120_000),
      ),
    );
    expect(outcomes.filter((o) => o.outcome === 'COMPLETED')).toHaveLength(50);
    expect(outcomes.filter((o) => o.outcome === 'FAILED').every((o) => o.failure?.code === 'OUT_OF_STOCK')).toBe(true);
    expect(await stock(sku)).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: slot.slotId } })).toMatchObject({ booked: 50 });
  }, 240_000);

  it('replays every recorded history against the current workflow code without a determinism error', async () => {
    const sample = workflowIds.slice(0, 40);
    const histories = await Promise.all(sample.map(async (workflowId) => ({ workflowId, history: await platform.temporal.workflow.getHandle(workflowId).fetchHistory() })));
    const results: { workflowId: string; error?: unknown }[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, replayName: 'integration-replay', dataConverter: payloadDataConverter(platform.config.PAYLOAD_KEYRING) }, histories)) {
      results.push({ workflowId: result.workflowId, error: result.error });
    }
    expect(results).toHaveLength(sample.length);
    expect(results.filter((r) => r.error)).toEqual([]);
  }, 120_000);
});

/** Reads the orders topic from the start until `count` events about `orderId` arrived. */
async function readOrderEvents(platform: RunningPlatform, orderId: string, count: number): Promise<EventEnvelope[]> {
  const settings = kafkaSettings(platform.config, 'test-reader');
  const consumer = createKafka(settings, createLogger('test', 'warn')).consumer({ groupId: `${settings.topicPrefix}reader-${randomUUID()}` });
  await consumer.connect();
  const found: EventEnvelope[] = [];
  try {
    await consumer.subscribe({ topic: topicName(settings, TOPICS.orders), fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${found.length} of ${count} events for ${orderId} within 30s`)), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = parseEnvelope(message.value);
          if (event?.subject === orderId) found.push(event);
          if (found.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}
