import { randomUUID } from 'node:crypto';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface OrderView {
  orderId: string;
  state: string;
  payment?: { slipNumber?: string };
}

/**
 * The provider's `slip.paid` webhook on the real stack (PostgreSQL, Redis, Kafka, Temporal): the
 * money of a paid slip is always recorded, given back when the checkout no longer waits for it, and
 * the answer says which happened.
 */
describe('payment webhook: slip.paid (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function konbiniCheckout(token: string, priceMinor: number): Promise<{ orderId: string; slipNumber: string }> {
    const sku = await createProduct(platform, { priceMinor, stock: 3 });
    const slot = await createDeliverySlot(platform, 5);
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        lines: [{ sku, quantity: 1 }],
        address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
        payment: { type: 'konbini' },
        deliverySlotId: slot.slotId,
      }),
    });
    const { orderId } = (await res.json()) as OrderView;
    const waiting = await eventually(async () => {
      const view = await getOrder(token, orderId);
      return view.state === 'AWAITING_PAYMENT' && view.payment?.slipNumber ? view : undefined;
    }, 30_000, `order ${orderId} to wait for its slip`);
    return { orderId, slipNumber: waiting.payment!.slipNumber! };
  }
  const getOrder = async (token: string, orderId: string) =>
    (await (await fetch(`${platform.api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as OrderView;
  async function slipPaid(slipNumber: string, eventId = `evt_${randomUUID()}`) {
    const payload = JSON.stringify({ id: eventId, type: 'slip.paid', data: { slipNumber, paidAt: new Date().toISOString() } });
    const res = await fetch(`${platform.api}/v1/webhooks/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(platform.config.PAYMENT_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), payload) },
      body: payload,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const ledgerOf = async (orderId: string) =>
    (await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId } }, orderBy: { id: 'asc' } })).map((e) => [e.kind, e.amountMinor]);
  /** Captured − refunded for an order, as the books compute it. */
  const netOf = async (orderId: string) => (await platform.prisma.ledgerEntry.aggregate({ where: { payment: { orderId } }, _sum: { amountMinor: true } }))._sum.amountMinor;

  it('records and refunds the money of a slip paid after its checkout was cancelled, and says so', async () => {
    const customer = customerToken(platform);
    const { orderId, slipNumber } = await konbiniCheckout(customer.token, 2600);
    const cancel = await fetch(`${platform.api}/v1/orders/${orderId}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ reason: 'changed my mind' }),
    });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ state: 'CANCELLED' });
    expect(await platform.prisma.payment.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: 'VOIDED' });

    const eventId = `evt_${randomUUID()}`;
    const hook = await slipPaid(slipNumber, eventId);
    expect(hook).toEqual({
      status: 200,
      body: { received: true, eventId, orderId, paymentId: orderId, outcome: 'refunded_after_cancellation', paymentStatus: 'REFUNDED' },
    });
    expect(await ledgerOf(orderId)).toEqual([
      ['SLIP_PAID', 2600],
      ['REFUND', -2600],
    ]);
    expect(await netOf(orderId)).toBe(0);

    // The provider delivers the same notice again: nothing more is recorded.
    expect((await slipPaid(slipNumber, eventId)).body).toMatchObject({ outcome: 'already_recorded', paymentStatus: 'REFUNDED' });
    expect(await ledgerOf(orderId)).toHaveLength(2);
    expect((await getOrder(customer.token, orderId)).state).toBe('CANCELLED');
  });

  it('confirms a slip paid while its checkout waits, which then completes; a second notice is already recorded', async () => {
    const customer = customerToken(platform);
    const { orderId, slipNumber } = await konbiniCheckout(customer.token, 1900);
    const hook = await slipPaid(slipNumber);
    expect(hook.status).toBe(200);
    expect(hook.body).toMatchObject({ orderId, outcome: 'confirmed', paymentStatus: 'PAID' });
    const done = await eventually(async () => {
      const view = await getOrder(customer.token, orderId);
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(view.state) ? view : undefined;
    }, 60_000, `order ${orderId} to finish`);
    expect(done.state).toBe('COMPLETED');
    expect((await slipPaid(slipNumber)).body).toMatchObject({ outcome: 'already_recorded', paymentStatus: 'PAID' });
    expect(await ledgerOf(orderId)).toEqual([['SLIP_PAID', 1900]]);
  });
});
