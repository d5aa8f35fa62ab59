import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { createKafka, kafkaSettings, topicName, TOPICS } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { parseEnvelope, type EventEnvelope } from '../../lib/events';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { checkoutStatusQuery, checkoutWorkflowId, type CheckoutResult } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

const EventType = temporal.api.enums.v1.EventType;
type ResetRequest = temporal.api.workflowservice.v1.IResetWorkflowExecutionRequest;
type EventId = NonNullable<ResetRequest['workflowTaskFinishEventId']>;

/**
 * Operators reset checkouts from the Web UI and the CLI. Each checkout here, completed, failed or
 * compensated, is reset to every one of its workflow tasks against the real dev server and services;
 * afterwards the ledger, stock, bookings, order status and events must be exactly as after the first
 * run: never a second charge, never a stale success for work that was undone, never an oversell.
 */
describe('temporal workflow reset of checkouts (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;
  // Each test runs a saga once per workflow task of its first run (10 to 15 runs).
  jest.setTimeout(240_000);

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const body = (sku: string, slot: { slotId: string; postalCode: string }, cardToken = 'tok_visa') => ({
    lines: [{ sku, quantity: 2 }],
    address: { name: '山田 花子', postalCode: slot.postalCode, prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3' },
    payment: { type: 'card', cardToken },
    deliverySlotId: slot.slotId,
  });
  async function checkout(token: string, payload: unknown): Promise<{ orderId: string; state: string; failure?: { code: string } }> {
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, Prefer: 'wait=30' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { orderId: string; state: string; failure?: { code: string } };
  }

  /** Everything a reset could double or lose, for one order. */
  async function snapshot(orderId: string, sku: string, slotId: string) {
    const [ledger, stock, bookings, slot, order, reservation] = await Promise.all([
      platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId } }, orderBy: { id: 'asc' }, select: { kind: true, amountMinor: true } }),
      platform.prisma.stock.findUniqueOrThrow({ where: { sku }, select: { onHand: true, reserved: true } }),
      platform.prisma.deliveryBooking.findMany({ where: { orderId }, select: { status: true } }),
      platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: slotId }, select: { booked: true } }),
      platform.prisma.order.findUnique({ where: { id: orderId }, select: { status: true } }),
      platform.prisma.reservation.findUnique({ where: { id: orderId }, select: { status: true } }),
    ]);
    return { ledger, stock, bookings, slotBooked: slot.booked, orderStatus: order?.status, reservation: reservation?.status };
  }

  /** Event ids of the workflow tasks a reset can go back to (every completed workflow task). */
  async function workflowTaskIds(workflowId: string, runId: string): Promise<EventId[]> {
    const history = await platform.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
    return (history.events ?? []).filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).map((e) => e.eventId as EventId);
  }

  /** Resets the run to the workflow task ending at `eventId` and waits for the new run's outcome. */
  async function resetTo(workflowId: string, runId: string, eventId: EventId): Promise<CheckoutResult> {
    const { runId: newRunId } = await (platform.temporal.workflowService.resetWorkflowExecution as (r: ResetRequest) => Promise<{ runId?: string | null }>)({
      namespace: platform.config.TEMPORAL_NAMESPACE,
      workflowExecution: { workflowId, runId },
      reason: `test: reset to workflow task ${eventId}`,
      workflowTaskFinishEventId: eventId,
      requestId: randomUUID(),
    });
    return (await platform.temporal.workflow.getHandle(workflowId, newRunId ?? undefined).result()) as CheckoutResult;
  }

  async function resetEveryTask(orderId: string): Promise<CheckoutResult[]> {
    const workflowId = checkoutWorkflowId(orderId);
    const { runId } = await platform.temporal.workflow.getHandle(workflowId).describe();
    const tasks = await workflowTaskIds(workflowId, runId);
    // A card checkout's forward steps run as local activities inside its first workflow task (three
    // tasks in all): a reset to that task runs every step again with its keys.
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    const outcomes: CheckoutResult[] = [];
    // Always from the first run: each reset replays that run's history up to the task, then runs on.
    for (const eventId of tasks) outcomes.push(await resetTo(workflowId, runId, eventId));
    return outcomes;
  }

  it('resets a completed checkout to each of its workflow tasks: it completes again, charged once, stock sold once, one booking', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 3);
    const customer = customerToken(platform);
    const first = await checkout(customer.token, body(sku, slot));
    expect(first.state).toBe('COMPLETED');
    const before = await snapshot(first.orderId, sku, slot.slotId);
    expect(before).toMatchObject({ ledger: [{ kind: 'CHARGE', amountMinor: 2400 }], stock: { onHand: 3, reserved: 0 }, slotBooked: 1, orderStatus: 'CONFIRMED' });

    const outcomes = await resetEveryTask(first.orderId);
    for (const outcome of outcomes) expect(outcome.outcome).toBe('COMPLETED');
    expect(await snapshot(first.orderId, sku, slot.slotId)).toEqual(before);
    await expectEventIds(first.orderId, [`checkout:${first.orderId}:order.completed`]);
  });

  it('resets a paid konbini checkout to each of its workflow tasks: it completes again without waiting, the slip paid once and never refunded', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 3);
    const customer = customerToken(platform);
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ ...body(sku, slot), payment: { type: 'konbini' } }),
    });
    const { orderId } = (await res.json()) as { orderId: string };
    const handle = platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId));
    const waiting = await eventually(async () => {
      const s = await handle.query(checkoutStatusQuery);
      return s.state === 'AWAITING_PAYMENT' ? s : undefined;
    }, 30_000, 'the slip wait');
    const payload = JSON.stringify({ id: `evt-${randomUUID()}`, type: 'slip.paid', data: { slipNumber: waiting.payment?.slipNumber, paidAt: new Date().toISOString() } });
    const paid = await fetch(`${platform.api}/v1/webhooks/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(platform.config.PAYMENT_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), payload) },
      body: payload,
    });
    expect(paid.status).toBe(200);
    expect(((await handle.result()) as CheckoutResult).outcome).toBe('COMPLETED');
    const before = await snapshot(orderId, sku, slot.slotId);
    expect(before).toMatchObject({ ledger: [{ kind: 'SLIP_PAID', amountMinor: 2400 }], stock: { onHand: 3, reserved: 0 }, slotBooked: 1, orderStatus: 'CONFIRMED' });

    const outcomes = await resetEveryTask(orderId);
    for (const outcome of outcomes) expect(outcome.outcome).toBe('COMPLETED');
    expect(await snapshot(orderId, sku, slot.slotId)).toEqual(before);
  });

  it('resets a declined checkout to each of its workflow tasks: it fails again, nothing charged, the stock back', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 3);
    const customer = customerToken(platform);
    const first = await checkout(customer.token, body(sku, slot, 'tok_chargeDeclined'));
    expect(first).toMatchObject({ state: 'FAILED', failure: { code: 'CARD_DECLINED' } });
    const before = await snapshot(first.orderId, sku, slot.slotId);
    expect(before).toMatchObject({ ledger: [], stock: { onHand: 5, reserved: 0 }, slotBooked: 0, orderStatus: 'FAILED', reservation: 'RELEASED' });

    const outcomes = await resetEveryTask(first.orderId);
    for (const outcome of outcomes) expect(outcome.outcome).toBe('FAILED');
    expect(await snapshot(first.orderId, sku, slot.slotId)).toEqual(before);
    await expectEventIds(first.orderId, [`checkout:${first.orderId}:order.failed`]);
  });

  it('resets a checkout compensated after its charge (slot full) to each of its workflow tasks: charged and refunded once, never confirmed', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 1);
    const other = customerToken(platform);
    expect((await checkout(other.token, body(sku, slot))).state).toBe('COMPLETED');
    const customer = customerToken(platform);
    const first = await checkout(customer.token, body(sku, slot));
    expect(first).toMatchObject({ state: 'FAILED', failure: { code: 'SLOT_FULL' } });
    const before = await snapshot(first.orderId, sku, slot.slotId);
    expect(before).toMatchObject({
      ledger: [
        { kind: 'CHARGE', amountMinor: 2400 },
        { kind: 'REFUND', amountMinor: -2400 },
      ],
      stock: { onHand: 3, reserved: 0 },
      slotBooked: 1,
      orderStatus: 'FAILED',
    });

    // Room in the slot now: a stale success anywhere would let a reset confirm the order.
    await platform.prisma.deliverySlot.update({ where: { id: slot.slotId }, data: { capacity: 5 } });
    const outcomes = await resetEveryTask(first.orderId);
    for (const outcome of outcomes) expect(outcome.outcome).toBe('FAILED');
    expect(await snapshot(first.orderId, sku, slot.slotId)).toEqual(before);
    const status = await platform.temporal.workflow.getHandle(checkoutWorkflowId(first.orderId)).query(checkoutStatusQuery);
    expect(status.state).toBe('FAILED');
    await expectEventIds(first.orderId, [`checkout:${first.orderId}:order.failed`]);
  });

  /** The distinct event ids published for an order: a reset may publish again, always under the same id. */
  async function expectEventIds(orderId: string, ids: string[]): Promise<void> {
    const events = await readEventsOf(platform, orderId);
    expect([...new Set(events.map((e) => e.id))].sort()).toEqual([...ids].sort());
  }
});

/** Every event on the orders topic about one order, read until the topic has been quiet for 3 s. */
async function readEventsOf(platform: RunningPlatform, orderId: string): Promise<EventEnvelope[]> {
  const settings = kafkaSettings(platform.config, 'test-reader');
  const consumer = createKafka(settings, createLogger('test', 'warn')).consumer({ groupId: `${settings.topicPrefix}reader-${randomUUID()}` });
  await consumer.connect();
  const found: EventEnvelope[] = [];
  let lastMessageAt = Date.now();
  try {
    await consumer.subscribe({ topic: topicName(settings, TOPICS.orders), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        lastMessageAt = Date.now();
        const event = parseEnvelope(message.value);
        if (event?.subject === orderId) found.push(event);
      },
    });
    await eventually(async () => (found.length > 0 && Date.now() - lastMessageAt > 3_000 ? true : undefined), 60_000, `events of ${orderId}`);
  } finally {
    await consumer.disconnect();
  }
  return found;
}
