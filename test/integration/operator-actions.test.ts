import { randomUUID } from 'node:crypto';
import { retryOrderId } from '../../api/routes/staff/order-operations';
import { CHECKOUT_WORKFLOW_TYPE, checkoutWorkflowId, SEARCH_ATTRIBUTES } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface View {
  orderId: string;
  state: string;
  retryOf?: string;
  failure?: { code: string };
  error?: { code: string };
}

/**
 * What an operator does with a checkout that went wrong, over REST on the real stack: retry a FAILED
 * order once the cause is fixed, and act on undos (only when one is stuck).
 */
describe('operator actions on checkouts (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;
  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), Prefer: 'wait=30' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as View };
  };
  const order = (sku: string, slot: { slotId: string; postalCode: string }) => ({
    lines: [{ sku, quantity: 1 }],
    address: { name: '佐藤 一郎', postalCode: slot.postalCode, prefecture: '大阪府', city: '大阪市北区', line1: '梅田1-1-1' },
    payment: { type: 'card', cardToken: 'tok_visa' },
    deliverySlotId: slot.slotId,
  });

  it('retries a FAILED order (slot full, then room made) as one new linked order that completes; asking twice finds the same retry', async () => {
    const sku = await createProduct(platform, { priceMinor: 900, stock: 5 });
    const slot = await createDeliverySlot(platform, 0);
    const customer = customerToken(platform);
    const operator = customerToken(platform, 'ops-anna', 'operator');

    const failed = await call(customer.token, 'POST', '/v1/checkouts', order(sku, slot));
    expect(failed.body).toMatchObject({ state: 'FAILED', failure: { code: 'SLOT_FULL' } });
    await platform.prisma.deliverySlot.update({ where: { id: slot.slotId }, data: { capacity: 2 } });

    // A customer may not; an operator may.
    expect((await call(customer.token, 'POST', `/v1/staff/orders/${failed.body.orderId}/retry`)).status).toBe(403);
    const retry = await call(operator.token, 'POST', `/v1/staff/orders/${failed.body.orderId}/retry`);
    expect(retry.status).toBe(202);
    expect(retry.body).toMatchObject({ orderId: retryOrderId(failed.body.orderId), retryOf: failed.body.orderId });
    const again = await call(operator.token, 'POST', `/v1/staff/orders/${failed.body.orderId}/retry`);
    expect(again.body.orderId).toBe(retry.body.orderId);

    // The retry belongs to the same customer, who sees it complete.
    const done = await eventually(async () => {
      const view = await call(customer.token, 'GET', `/v1/orders/${retry.body.orderId}`);
      return view.body.state === 'COMPLETED' ? view.body : undefined;
    }, 60_000, 'the retry to complete');
    expect(done.retryOf).toBe(failed.body.orderId);
    expect(await platform.prisma.order.findUniqueOrThrow({ where: { id: failed.body.orderId } })).toMatchObject({ status: 'FAILED' });
    expect(await platform.prisma.order.findUniqueOrThrow({ where: { id: retry.body.orderId } })).toMatchObject({ status: 'CONFIRMED' });
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).toMatchObject({ onHand: 4, reserved: 0 });
    // The failed order was charged and refunded; the retry charged once.
    const ledger = await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId: { in: [failed.body.orderId, retry.body.orderId] } } }, orderBy: { id: 'asc' }, select: { kind: true, amountMinor: true } });
    expect(ledger).toEqual([
      { kind: 'CHARGE', amountMinor: 900 },
      { kind: 'REFUND', amountMinor: -900 },
      { kind: 'CHARGE', amountMinor: 900 },
    ]);
  });

  it('counts stuck sagas in checkout_sagas{state="COMPENSATION_STUCK"} on the api metrics, from Temporal visibility', async () => {
    const value = async () => {
      const text = await (await fetch(`${platform.api}/metrics`)).text();
      return Number(/^checkout_sagas\{state="COMPENSATION_STUCK"[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
    };
    const before = await value();
    // A checkout whose search attributes say it is stuck, on a task queue no worker polls.
    const orderId = randomUUID();
    const handle = await platform.temporal.workflow.start(CHECKOUT_WORKFLOW_TYPE, {
      workflowId: checkoutWorkflowId(orderId),
      taskQueue: `nobody-${orderId}`,
      args: [{}],
      typedSearchAttributes: [{ key: SEARCH_ATTRIBUTES.OrderStatus, value: 'COMPENSATION_STUCK' }],
    });
    try {
      await eventually(async () => ((await value()) === before + 1 ? true : undefined), 30_000, 'the gauge to count the stuck saga');
    } finally {
      await handle.terminate('test done');
    }
  });

  it('refuses to retry an order that did not fail, and to act on an undo when none is stuck', async () => {
    const sku = await createProduct(platform, { priceMinor: 900, stock: 5 });
    const slot = await createDeliverySlot(platform, 3);
    const customer = customerToken(platform);
    const operator = customerToken(platform, 'ops-ben', 'operator');
    const completed = await call(customer.token, 'POST', '/v1/checkouts', order(sku, slot));
    expect(completed.body.state).toBe('COMPLETED');

    const retry = await call(operator.token, 'POST', `/v1/staff/orders/${completed.body.orderId}/retry`);
    expect([retry.status, retry.body.error?.code]).toEqual([409, 'ORDER_NOT_RETRYABLE']);
    const resolve = await call(operator.token, 'POST', `/v1/staff/orders/${completed.body.orderId}/compensations/release-stock`, { action: 'retry' });
    expect([resolve.status, resolve.body.error?.code]).toEqual([409, 'CONFLICT']);
    const unknown = await call(operator.token, 'POST', `/v1/staff/orders/00000000-0000-4000-8000-000000000000/retry`);
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'NOT_FOUND']);
  });
});
