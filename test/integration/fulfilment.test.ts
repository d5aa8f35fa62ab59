import { randomUUID } from 'node:crypto';
import { signWebhook } from '../../lib/webhook-signature';
import { CARRIER_SIGNATURE_HEADER } from '../../api/routes/fulfilment';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { fulfilmentWorkflowId } from '../../workflows/fulfilment.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface FulfilmentView {
  state: string;
  deliveredBy: string;
  trackingNumber: string | null;
  events: { eventId: string; status: string; at: string; reportedBy?: string }[];
  redeliveries: { bookingId: string; slotId: string }[];
  returned?: { reason: string; refund: string };
}
interface OrderView {
  orderId: string;
  state: string;
  fulfilment?: FulfilmentView;
}

/**
 * Fulfilment through REST on the real stack: a confirmed order's fulfilment workflow (started by the
 * checkout) gets a tracking number from the carrier sandbox; the carrier's signed webhooks take it to
 * DELIVERED; the customer sees it in GET /v1/orders/:id and gets the shipped and delivered emails. A
 * failed delivery is redelivered in a new slot, then returned by staff and refunded.
 */
describe('fulfilment through REST (real PostgreSQL, Kafka, Temporal, SMTP)', () => {
  jest.setTimeout(240_000);
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const getOrder = async (token: string, orderId: string) =>
    (await (await fetch(`${platform.api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as OrderView;

  async function confirmedOrder() {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}`, Prefer: 'wait=30' },
      body: JSON.stringify({
        lines: [{ sku, quantity: 1 }],
        address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
        payment: { type: 'card', cardToken: 'tok_visa' },
        deliverySlotId: slot.slotId,
      }),
    });
    const accepted = (await res.json()) as OrderView;
    // On a loaded machine the checkout can outlast the 30 s wait: follow it to its end.
    const order = await eventually(async () => {
      const v = await getOrder(customer.token, accepted.orderId);
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(v.state) ? v : undefined;
    }, 120_000, `order ${accepted.orderId} to finish`);
    expect(order.state).toBe('COMPLETED');
    // The checkout started the fulfilment before it completed, with the shipment its activity created first.
    const view = await eventually(async () => {
      const v = await getOrder(customer.token, order.orderId);
      return v.fulfilment?.trackingNumber ? v : undefined;
    }, 60_000, `a tracking number for ${order.orderId}`);
    return { orderId: order.orderId, customer, slot, sku, trackingNumber: view.fulfilment!.trackingNumber!, view };
  }

  async function carrierWebhook(body: unknown, secret = platform.config.CARRIER_WEBHOOK_SECRET) {
    const raw = JSON.stringify(body);
    const res = await fetch(`${platform.api}/v1/webhooks/carrier`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CARRIER_SIGNATURE_HEADER]: signWebhook(secret, Math.floor(Date.now() / 1000), raw) },
      body: raw,
    });
    return { status: res.status, body: (await res.json()) as { outcome?: string; fulfilmentState?: string; orderId?: string; error?: { code: string } } };
  }
  const scan = (trackingNumber: string, status: string, id = `carrier-evt-${randomUUID()}`) => ({
    id,
    type: 'tracking.updated',
    data: { trackingNumber, status, occurredAt: new Date().toISOString() },
  });
  const staff = async (orderId: string, body: unknown) => {
    const operator = customerToken(platform, `op-${randomUUID()}`, 'operator');
    const res = await fetch(`${platform.api}/v1/staff/orders/${orderId}/fulfilment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator.token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { state?: string; redeliveries?: unknown[]; error?: { code: string } } };
  };

  it('a confirmed order is picked with a tracking number, the carrier webhooks take it to DELIVERED, GET shows it, and the customer is emailed', async () => {
    const { orderId, customer, trackingNumber, view } = await confirmedOrder();
    expect(view.fulfilment).toMatchObject({ state: 'PICKING', deliveredBy: 'carrier', events: [] });
    expect(trackingNumber).toMatch(/^\d{12}$/);
    expect(await platform.prisma.deliveryShipment.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ trackingNumber, status: 'LABEL_CREATED' });
    // Given its shipment by the checkout's last activity: the fulfilment's history holds no step of its own.
    const fulfilmentHistory = await platform.temporal.workflow.getHandle(fulfilmentWorkflowId(orderId)).fetchHistory();
    expect((fulfilmentHistory.events ?? []).filter((e) => e.markerRecordedEventAttributes || e.activityTaskScheduledEventAttributes)).toEqual([]);

    const dispatched = scan(trackingNumber, 'DISPATCHED');
    expect(await carrierWebhook(dispatched)).toMatchObject({ status: 200, body: { outcome: 'applied', orderId, fulfilmentState: 'DISPATCHED' } });
    // The carrier delivers a webhook twice: recorded and applied once.
    expect(await carrierWebhook(dispatched)).toMatchObject({ status: 200, body: { outcome: 'applied', fulfilmentState: 'DISPATCHED' } });
    expect((await carrierWebhook(scan(trackingNumber, 'OUT_FOR_DELIVERY'))).body.fulfilmentState).toBe('OUT_FOR_DELIVERY');
    expect((await carrierWebhook(scan(trackingNumber, 'DELIVERED'))).body.fulfilmentState).toBe('DELIVERED');

    const delivered = await eventually(async () => {
      const v = await getOrder(customer.token, orderId);
      return v.fulfilment?.state === 'DELIVERED' ? v : undefined;
    }, 30_000, 'the fulfilment to be DELIVERED');
    expect(delivered.state).toBe('COMPLETED');
    expect(delivered.fulfilment!.events.map((e) => e.status)).toEqual(['DISPATCHED', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect(delivered.fulfilment!.events[0]).not.toHaveProperty('reportedBy');
    expect(delivered.fulfilment!.trackingNumber).toBe(trackingNumber);
    expect(await platform.temporal.workflow.getHandle(fulfilmentWorkflowId(orderId)).result()).toEqual({ orderId, outcome: 'DELIVERED' });
    const shipment = await platform.prisma.deliveryShipment.findUniqueOrThrow({ where: { id: orderId }, include: { events: true } });
    expect(shipment.status).toBe('DELIVERED');
    expect(shipment.events).toHaveLength(3);

    const shippedEmail = await platform.smtp.waitFor((m) => m.to.includes(customer.email) && m.subject.includes('has shipped'), 30_000);
    expect(shippedEmail.text).toContain(`Tracking number: ${trackingNumber}`);
    await platform.smtp.waitFor((m) => m.to.includes(customer.email) && m.subject === `Your order ${orderId} was delivered`, 30_000);

    // A late scan after delivery is recorded at the carrier, and ignored by the ended fulfilment.
    expect((await carrierWebhook(scan(trackingNumber, 'OUT_FOR_DELIVERY'))).body).toMatchObject({ outcome: 'ignored' });
  });

  it('refuses a carrier webhook that is unsigned or signed with another secret (401), and one for an unknown tracking number (404)', async () => {
    const body = scan('000000000000', 'DISPATCHED');
    expect((await carrierWebhook(body, 'another-secret-of-16-chars')).status).toBe(401);
    const unsigned = await fetch(`${platform.api}/v1/webhooks/carrier`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(unsigned.status).toBe(401);
    expect(await carrierWebhook(body)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('a failed delivery is redelivered in a new slot booked with the delivery service, then returned by staff: the redelivery slot is freed and the order refunded', async () => {
    const { orderId, customer, slot, sku, trackingNumber } = await confirmedOrder();
    expect((await staff(orderId, { action: 'redeliver', slotId: slot.slotId })).body.error?.code).toBe('INVALID_TRANSITION');
    await carrierWebhook(scan(trackingNumber, 'DISPATCHED'));
    expect((await carrierWebhook(scan(trackingNumber, 'DELIVERY_FAILED'))).body.fulfilmentState).toBe('DELIVERY_FAILED');

    // A second slot of the order's zone, the day after tomorrow.
    const zoneId = slot.slotId.split(':')[0]!;
    const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
    const redeliverySlot = await platform.prisma.deliverySlot.create({ data: { id: `${zoneId}:${later}:14:00`, zoneId, date: new Date(`${later}T00:00:00Z`), windowStart: '14:00', windowEnd: '16:00', capacity: 1 } });
    const redelivered = await staff(orderId, { action: 'redeliver', slotId: redeliverySlot.id });
    expect(redelivered).toMatchObject({ status: 200, body: { state: 'REDELIVERY_SCHEDULED' } });
    expect(await platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: redeliverySlot.id } })).toMatchObject({ booked: 1 });

    const returned = await staff(orderId, { action: 'return', reason: 'customer no longer wants it' });
    expect(returned).toMatchObject({ status: 200, body: { state: 'RETURNING' } });
    const view = await eventually(async () => {
      const v = await getOrder(customer.token, orderId);
      return v.state === 'REFUNDED' && v.fulfilment?.state === 'RETURNED' ? v : undefined;
    }, 60_000, 'the returned order to be refunded');
    expect(view.fulfilment!.returned).toEqual({ reason: 'customer no longer wants it', refund: 'DONE' });
    expect(await platform.prisma.deliverySlot.findUniqueOrThrow({ where: { id: redeliverySlot.id } })).toMatchObject({ booked: 0 });
    const ledger = await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId } }, orderBy: { id: 'asc' } });
    expect(ledger.map((l) => l.kind)).toEqual(['CHARGE', 'REFUND']);
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).describe()).toMatchObject({ status: { name: 'COMPLETED' } });
  });
  it('GET /v1/orders/:id answers the order without its fulfilment (fulfilmentUnavailable) when the fulfilment query fails for another reason than "not found"', async () => {
    const { orderId, customer } = await confirmedOrder();
    const workflowId = fulfilmentWorkflowId(orderId);
    const original = platform.temporal.workflow.getHandle(workflowId);
    await original.terminate('test: replaced by a fulfilment no worker serves');
    // The same workflow id on a task queue no worker polls: the query can only fail (deadline or the server's refusal).
    await platform.temporal.workflow.start('fulfilmentWorkflow', {
      workflowId,
      taskQueue: `nobody-polls-${randomUUID()}`,
      args: [{ orderId, customerId: customer.customerId, customerEmail: customer.email, postalCode: '150-0001' }],
    });
    try {
      const res = await fetch(`${platform.api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${customer.token}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as OrderView & { fulfilmentUnavailable?: boolean; order?: { status: string } };
      expect(body).toMatchObject({ orderId, state: 'COMPLETED', fulfilmentUnavailable: true, order: { status: 'CONFIRMED' } });
      expect(body).not.toHaveProperty('fulfilment');
    } finally {
      await platform.temporal.workflow.getHandle(workflowId).terminate('test done');
    }
  });
  it('counts a stalled parcel in fulfilment_parcels_stalled on the api metrics (from Temporal visibility), and not once it moves again', async () => {
    const value = async () => {
      const text = await (await fetch(`${platform.api}/metrics`)).text();
      return Number(/^fulfilment_parcels_stalled(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? NaN);
    };
    const before = await value();
    expect(before).not.toBeNaN();
    // A shop-delivered fulfilment on the real worker with a 1 s stall window: it escalates itself.
    const orderId = randomUUID();
    const handle = await platform.temporal.workflow.start('fulfilmentWorkflow', {
      workflowId: fulfilmentWorkflowId(orderId),
      taskQueue: platform.config.TEMPORAL_TASK_QUEUE,
      args: [{ orderId, customerId: 'cust-stall', customerEmail: 'cust-stall@example.com', postalCode: '150-0001', deliveredBy: 'shop', stallAfterSeconds: 1 }],
    });
    try {
      await eventually(async () => ((await value()) >= before + 1 ? true : undefined), 60_000, 'the gauge to count the stalled parcel');
      await handle.executeUpdate('recordTracking', { args: [{ eventId: `evt-${orderId}`, status: 'DISPATCHED', occurredAt: new Date().toISOString(), reportedBy: 'staff:test' }] });
    } finally {
      await handle.terminate('test done');
    }
    await eventually(async () => ((await value()) <= before ? true : undefined), 60_000, 'the gauge to drop the parcel');
  });
  it('a staff refund of an order whose parcel is still being picked stops its fulfilment (REFUNDED), and a later carrier scan is ignored', async () => {
    const { orderId, customer, trackingNumber } = await confirmedOrder();
    const operator = customerToken(platform, `op-${randomUUID()}`, 'operator');
    const res = await fetch(`${platform.api}/v1/staff/orders/${orderId}/refund`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator.token}` },
      body: JSON.stringify({ reason: '在庫切れのため返金' }),
    });
    expect(res.status).toBeLessThan(300);
    expect(await platform.temporal.workflow.getHandle(fulfilmentWorkflowId(orderId)).result()).toEqual({ orderId, outcome: 'REFUNDED' });
    const view = await eventually(async () => {
      const v = await getOrder(customer.token, orderId);
      return v.state === 'REFUNDED' && v.fulfilment?.state === 'REFUNDED' ? v : undefined;
    }, 60_000, 'the order and its fulfilment to be REFUNDED');
    expect(view.fulfilment).toMatchObject({ state: 'REFUNDED', refunded: { dispatched: false } });
    expect((view.fulfilment as unknown as { refunded: { reason: string } }).refunded.reason).toContain('在庫切れのため返金');
    expect((await carrierWebhook(scan(trackingNumber, 'DISPATCHED'))).body).toMatchObject({ outcome: 'ignored' });
  });
});
