import { randomUUID } from 'node:crypto';
import { callUnary } from '../../lib/grpc';
import type { AdjustStockRequest } from '../../proto/generated/checkout/inventory/v1/AdjustStockRequest';
import type { Stock__Output } from '../../proto/generated/checkout/inventory/v1/Stock';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import { returnWorkflowId } from '../../workflows/return.workflow';
import { createDeliverySlot, customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface ReturnAnswer {
  orderId: string;
  returnId: string;
  status: string;
  amountMinor: number;
  currency: string;
  lines: { sku: string; quantity: number; amountMinor: number }[];
}

/** Returns through REST on the real stack: refund of the returned part, stock back, the limits. */
describe('returns (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;
  let sku: string;
  let slot: { slotId: string; postalCode: string };
  let admin: string;

  async function send(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  }
  const onHand = async () => (await platform.prisma.stock.findUnique({ where: { sku } }))!.onHand;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    admin = customerToken(platform, `admin-${randomUUID()}`, 'admin').token;
    // Catalog SKUs are ASCII (services/catalog); the name, reason and address are Japanese.
    sku = `MATCHA-${randomUUID().slice(0, 8)}`;
    const { catalog, inventory } = platform.clients;
    await callUnary<Product, Product__Output>(catalog.upsertProduct.bind(catalog), { sku, name: '宇治抹茶 30g', priceMinor: 1500, currency: 'JPY', active: true });
    await callUnary<AdjustStockRequest, Stock__Output>(inventory.adjustStock.bind(inventory), { sku, delta: 10, reason: 'test fixture' });
    slot = await createDeliverySlot(platform, 100);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function completedOrder(customer: ReturnType<typeof customerToken>): Promise<string> {
    const res = await send(
      'POST',
      '/v1/checkouts',
      customer.token,
      {
        lines: [{ sku, quantity: 2 }],
        address: { name: '山田 花子', postalCode: slot.postalCode, prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3' },
        payment: { type: 'card', cardToken: 'tok_visa' },
        deliverySlotId: slot.slotId,
      },
      { Prefer: 'wait=30' },
    );
    expect(res).toMatchObject({ status: 200, body: { state: 'COMPLETED' } });
    return res.body.orderId as string;
  }

  it('returns 1 of 2: refund of one unit, stock back by 1, listed on the order; a second return beyond what is left is 409', async () => {
    const customer = customerToken(platform);
    const orderId = await completedOrder(customer);
    const before = await onHand();
    const res = await send('POST', `/v1/orders/${orderId}/returns`, customer.token, { lines: [{ sku, quantity: 1 }], reason: '袋が破れていました' }, { 'Idempotency-Key': `ret-${orderId}` });
    expect(res.status).toBe(202);
    const ret = res.body as unknown as ReturnAnswer;
    expect(ret).toMatchObject({ orderId, status: 'RECORDED', amountMinor: 1500, currency: 'JPY', lines: [{ sku, quantity: 1, amountMinor: 1500 }] });
    // The workflow's outcome: REFUNDED, the payment's refund recorded, the unit back on hand.
    const done = await platform.temporal.workflow.getHandle(returnWorkflowId(ret.returnId)).result();
    expect(done).toMatchObject({ status: 'REFUNDED', amountMinor: 1500 });
    expect(await onHand()).toBe(before + 1);
    const refunds = await platform.prisma.ledgerEntry.findMany({ where: { paymentId: orderId, kind: 'REFUND' } });
    expect(refunds.map((e) => e.amountMinor)).toEqual([-1500]);
    expect(await platform.prisma.payment.findUnique({ where: { id: orderId } })).toMatchObject({ status: 'SUCCEEDED' });

    const view = await send('GET', `/v1/orders/${orderId}`, customer.token);
    expect(view.body.returns).toEqual([expect.objectContaining({ returnId: ret.returnId, status: 'REFUNDED', amountMinor: 1500, reason: '袋が破れていました' })]);

    // The same key again: the same return, not a second one.
    const again = await send('POST', `/v1/orders/${orderId}/returns`, customer.token, { lines: [{ sku, quantity: 1 }], reason: '袋が破れていました' }, { 'Idempotency-Key': `ret-${orderId}` });
    expect(again).toMatchObject({ status: 200, body: { returnId: ret.returnId, status: 'REFUNDED' } });

    const beyond = await send('POST', `/v1/orders/${orderId}/returns`, customer.token, { lines: [{ sku, quantity: 2 }], reason: '' });
    expect(beyond).toMatchObject({ status: 409, body: { error: { code: 'RETURN_QUANTITY_EXCEEDED' } } });
    expect(await onHand()).toBe(before + 1);

    // A whole-order refund now would give the returned unit's money and stock back twice: refused (the rest is returned by line).
    expect(await send('POST', `/v1/orders/${orderId}/cancel`, customer.token, {})).toMatchObject({ status: 409, body: { error: { code: 'ORDER_NOT_CANCELLABLE' } } });
    expect(await send('POST', `/v1/staff/orders/${orderId}/refund`, admin, {})).toMatchObject({ status: 409, body: { error: { code: 'ORDER_NOT_CANCELLABLE' } } });
    expect(await onHand()).toBe(before + 1);
  });

  it("another customer's order is 404; bad input is 400; staff return any order", async () => {
    const owner = customerToken(platform);
    const orderId = await completedOrder(owner);
    const other = customerToken(platform);
    expect(await send('POST', `/v1/orders/${orderId}/returns`, other.token, { lines: [{ sku, quantity: 1 }] })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await send('POST', `/v1/orders/${orderId}/returns`, owner.token, { lines: [{ sku, quantity: 0 }] })).toMatchObject({ status: 400 });
    expect(await send('POST', `/v1/orders/${orderId}/returns`, owner.token, { lines: [{ sku: 'NOT-ON-ORDER', quantity: 1 }] })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const staff = await send('POST', `/v1/staff/orders/${orderId}/returns`, admin, { lines: [{ sku, quantity: 2 }], reason: '店頭で返品' });
    expect(staff).toMatchObject({ status: 202, body: { amountMinor: 3000, status: 'RECORDED' } });
    await platform.temporal.workflow.getHandle(returnWorkflowId(staff.body.returnId as string)).result();
    expect(await platform.prisma.payment.findUnique({ where: { id: orderId } })).toMatchObject({ status: 'REFUNDED' });
  });
});
