import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface View {
  orderId: string;
  state: string;
  statusUnavailable?: boolean;
  totalMinor?: number;
  timeline?: unknown[];
  payment?: { method: string; slipNumber?: string; expiresAt?: string; accepted?: string };
  order?: { status: string };
  error?: { code: string };
}

/**
 * A checkout whose status query fails (on the bench: a worker that could not replay it, TMPRL1100;
 * here: a task queue nobody polls, and a worker that stopped) is answered from what Temporal tells
 * without a worker (describe's search attributes, a completed workflow's result), flagged
 * statusUnavailable, never a 500 or a request held for the RPC's default timeout. Another customer
 * still gets 404: ownership comes from the CustomerId search attribute.
 */
describe('a checkout whose status query fails (real PostgreSQL, Kafka, Temporal)', () => {
  jest.setTimeout(240_000);
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  /** Checkouts left running by a test, ended before the platform stops. */
  const leftRunning: string[] = [];
  afterAll(async () => {
    for (const orderId of leftRunning) await platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).terminate('test done');
    await platform?.stop();
  });

  const call = async (base: string, path: string, token: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as View };
  };

  async function checkoutBody(payment: Record<string, string> = { type: 'card', cardToken: 'tok_visa' }) {
    const sku = await createProduct(platform, { priceMinor: 1500, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    return {
      lines: [{ sku, quantity: 1 }],
      address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
      payment,
      deliverySlotId: slot.slotId,
    };
  }

  it('a running checkout no worker serves: POST (Prefer: wait) answers 202 with its state from OrderStatus, GET the same, another customer 404, cancel 503 STATUS_UNAVAILABLE', async () => {
    // A second api on the same platform whose checkouts go to a task queue nobody polls: their status
    // query can only fail (the server's refusal, or the deadline).
    const app = createApp({
      temporal: platform.temporal,
      taskQueue: `nobody-polls-${randomUUID()}`,
      redis: platform.redis,
      logger: createLogger('test', platform.config.LOG_LEVEL),
      metrics: createMetrics('test'),
      clients: platform.clients,
      jwtSecret: platform.config.JWT_SECRET,
      webhookSecret: platform.config.PAYMENT_WEBHOOK_SECRET,
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const unserved = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const customer = customerToken(platform);
    let orderId: string | undefined;
    try {
      const created = await call(unserved, '/v1/checkouts', customer.token, { method: 'POST', body: await checkoutBody(), headers: { Prefer: 'wait=1' } });
      expect(created.status).toBe(202);
      expect(created.body).toMatchObject({ state: 'RESERVING_STOCK', statusUnavailable: true, timeline: [] });
      orderId = created.body.orderId;

      const order = await call(platform.api, `/v1/orders/${orderId}`, customer.token);
      expect(order.status).toBe(200);
      expect(order.body).toMatchObject({ orderId, state: 'RESERVING_STOCK', statusUnavailable: true });

      const other = await call(platform.api, `/v1/orders/${orderId}`, customerToken(platform).token);
      expect(other).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });

      const cancel = await call(platform.api, `/v1/orders/${orderId}/cancel`, customer.token, { method: 'POST', body: { reason: 'test' } });
      expect(cancel).toMatchObject({ status: 503, body: { error: { code: 'STATUS_UNAVAILABLE' } } });
    } finally {
      if (orderId) await platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).terminate('test done');
      await new Promise((resolve) => server.close(resolve));
    }
  });

  // Last in this file: it stops the platform's worker.
  it('once its worker stopped: a completed checkout answers COMPLETED from its result (GET and a replayed POST), a slip awaiting payment still shows its number; another customer 404', async () => {
    const customer = customerToken(platform);
    // A konbini checkout waiting for its slip to be paid: the customer needs the slip's number to pay.
    const slipped = await call(platform.api, '/v1/checkouts', customer.token, { method: 'POST', body: await checkoutBody({ type: 'konbini' }), headers: { Prefer: 'wait=30, until=payment' } });
    leftRunning.push(slipped.body.orderId);
    const awaiting = await eventually(async () => {
      const v = await call(platform.api, `/v1/orders/${slipped.body.orderId}`, customer.token);
      return v.body.state === 'AWAITING_PAYMENT' ? v : undefined;
    }, 120_000, `order ${slipped.body.orderId} to await payment`);
    expect(awaiting.body).toMatchObject({ payment: { method: 'konbini', slipNumber: expect.any(String), accepted: 'SLIP_ISSUED' } });
    expect(awaiting.body.statusUnavailable).toBeUndefined();

    const body = await checkoutBody();
    const key = randomUUID();
    const first = await call(platform.api, '/v1/checkouts', customer.token, { method: 'POST', body, headers: { Prefer: 'wait=30', 'Idempotency-Key': key } });
    expect([200, 202]).toContain(first.status);
    const orderId = first.body.orderId;
    // On a loaded machine the checkout can outlast the 30 s wait: follow it to its end.
    const done = await eventually(async () => {
      const v = await call(platform.api, `/v1/orders/${orderId}`, customer.token);
      return v.body.state === 'COMPLETED' ? v : undefined;
    }, 120_000, `order ${orderId} to complete`);
    expect(done.body.statusUnavailable).toBeUndefined();

    platform.worker.shutdown();
    await eventually(async () => (platform.worker.getState() === 'STOPPED' ? true : undefined), 60_000, 'the worker to stop');

    const order = await call(platform.api, `/v1/orders/${orderId}`, customer.token);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ orderId, state: 'COMPLETED', totalMinor: done.body.totalMinor, statusUnavailable: true, order: { status: 'CONFIRMED' } });

    const other = await call(platform.api, `/v1/orders/${orderId}`, customerToken(platform).token);
    expect(other).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });

    // Its state from OrderStatus, its slip from the payments service: the same number the live status showed.
    const slip = await call(platform.api, `/v1/orders/${slipped.body.orderId}`, customer.token);
    expect(slip.status).toBe(200);
    expect(slip.body).toMatchObject({ state: 'AWAITING_PAYMENT', statusUnavailable: true, payment: awaiting.body.payment, order: { status: 'AWAITING_PAYMENT' } });

    // The same key and body find the same checkout; the saga has ended, so its answer is awaited and asked.
    const replayed = await call(platform.api, '/v1/checkouts', customer.token, { method: 'POST', body, headers: { Prefer: 'wait=5', 'Idempotency-Key': key } });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ orderId, state: 'COMPLETED', statusUnavailable: true });
  });
});
