import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface OrderView {
  orderId: string;
  state: string;
  failure?: { code: string };
  order?: { status: string };
  error?: { code: string };
}

/** What a customer sees of an order after it ended: cancelled twice, failed, refunded (real stack). */
describe('order states over REST after the checkout ended (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as OrderView };
  }
  async function checkout(token: string, payment: unknown) {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const body = {
      lines: [{ sku, quantity: 1 }],
      address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
      payment,
      deliverySlotId: slot.slotId,
    };
    return call('POST', '/v1/checkouts', token, body, { Prefer: 'wait=20' });
  }
  const settled = (token: string, orderId: string, states: string[]) =>
    eventually(async () => {
      const { body } = await call('GET', `/v1/orders/${orderId}`, token);
      return states.includes(body.state) ? body : undefined;
    }, 60_000, `order ${orderId} to reach ${states.join('/')}`);

  it('answers a second cancel of a cancelled order with the cancelled order again, not 500', async () => {
    const { token } = customerToken(platform);
    const started = await checkout(token, { type: 'konbini' });
    const orderId = started.body.orderId;
    await settled(token, orderId, ['AWAITING_PAYMENT']);
    const first = await call('POST', `/v1/orders/${orderId}/cancel`, token, {});
    expect({ status: first.status, state: first.body.state }).toEqual({ status: 200, state: 'CANCELLED' });
    await platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).result();

    const second = await call('POST', `/v1/orders/${orderId}/cancel`, token, {});
    expect({ status: second.status, state: second.body.state }).toEqual({ status: 200, state: 'CANCELLED' });
  });

  it('refuses to cancel a checkout that failed (409 ORDER_NOT_CANCELLABLE)', async () => {
    const { token } = customerToken(platform);
    const failed = await checkout(token, { type: 'card', cardToken: 'tok_chargeDeclined' });
    expect({ status: failed.status, state: failed.body.state }).toEqual({ status: 200, state: 'FAILED' });
    const cancel = await call('POST', `/v1/orders/${failed.body.orderId}/cancel`, token, {});
    expect({ status: cancel.status, code: cancel.body.error?.code }).toEqual({ status: 409, code: 'ORDER_NOT_CANCELLABLE' });
  });

  it('says REFUNDED, not COMPLETED, once a completed order was refunded', async () => {
    const { token } = customerToken(platform);
    const done = await checkout(token, { type: 'card', cardToken: 'tok_visa' });
    expect({ status: done.status, state: done.body.state }).toEqual({ status: 200, state: 'COMPLETED' });
    const orderId = done.body.orderId;
    const refund = await call('POST', `/v1/orders/${orderId}/cancel`, token, { reason: 'changed my mind' });
    expect({ status: refund.status, state: refund.body.state }).toEqual({ status: 202, state: 'REFUNDING' });
    await platform.temporal.workflow.getHandle((refund.body as unknown as { refundWorkflowId: string }).refundWorkflowId).result();

    const view = await call('GET', `/v1/orders/${orderId}`, token);
    expect({ status: view.status, state: view.body.state, order: view.body.order?.status }).toEqual({ status: 200, state: 'REFUNDED', order: 'REFUNDED' });
    // Cancelling again starts nothing new and says so.
    const again = await call('POST', `/v1/orders/${orderId}/cancel`, token, {});
    expect({ status: again.status, state: again.body.state }).toEqual({ status: 200, state: 'REFUNDED' });
  });
});
