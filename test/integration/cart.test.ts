import { randomUUID } from 'node:crypto';
import { callUnary } from '../../lib/grpc';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import { cartKey, type CartView } from '../../api/cart/cart-store';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The cart through REST on the real servers: Redis holds it, the catalog prices it, Temporal checks it out. */
describe('cart through REST (real Redis, catalog, Temporal)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function call<T = CartView>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  const getCart = async (token: string) => (await call(token, 'GET', '/v1/cart')).body;
  const quantities = (view: CartView) => Object.fromEntries(view.lines.map((l) => [l.sku, l.quantity]));
  const address = (postalCode: string) => ({ name: 'Hanako Yamada', postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' });

  it('adds, sets, removes and clears lines, priced from the catalog', async () => {
    const a = await createProduct(platform, { priceMinor: 1200, stock: 10 });
    const b = await createProduct(platform, { priceMinor: 300, stock: 10 });
    const { token } = customerToken(platform);

    expect(await getCart(token)).toEqual({ lines: [], itemCount: 0, subtotalMinor: 0, currency: null, hasUnavailableLines: false });
    expect((await call(token, 'POST', '/v1/cart/lines', { sku: a, quantity: 2 })).status).toBe(200);
    await call(token, 'POST', '/v1/cart/lines', { sku: a, quantity: 1 });
    const added = await call(token, 'POST', '/v1/cart/lines', { sku: b, quantity: 4 });
    expect(added.status).toBe(200);
    expect(quantities(added.body)).toEqual({ [a]: 3, [b]: 4 });
    expect(added.body).toMatchObject({ itemCount: 7, subtotalMinor: 3 * 1200 + 4 * 300, currency: 'JPY', hasUnavailableLines: false });
    expect(added.body.lines.find((l) => l.sku === a)).toEqual({
      sku: a,
      quantity: 3,
      available: true,
      name: `Test product ${a}`,
      unitPriceMinor: 1200,
      lineTotalMinor: 3600,
    });

    const set = await call(token, 'PUT', `/v1/cart/lines/${a}`, { quantity: 5 });
    expect(quantities(set.body)).toEqual({ [a]: 5, [b]: 4 });
    const zero = await call(token, 'PUT', `/v1/cart/lines/${b}`, { quantity: 0 });
    expect(quantities(zero.body)).toEqual({ [a]: 5 });
    await call(token, 'POST', '/v1/cart/lines', { sku: b, quantity: 1 });
    const removed = await call(token, 'DELETE', `/v1/cart/lines/${a}`);
    expect(quantities(removed.body)).toEqual({ [b]: 1 });
    expect((await call(token, 'DELETE', `/v1/cart/lines/${a}`)).status).toBe(200);

    expect((await call(token, 'DELETE', '/v1/cart')).status).toBe(204);
    expect((await getCart(token)).lines).toEqual([]);
  });

  it('rejects quantities beyond the limits and SKUs the catalog does not sell, and flags a product withdrawn later', async () => {
    const sku = await createProduct(platform, { priceMinor: 500, stock: 10 });
    const { token } = customerToken(platform);
    await call(token, 'POST', '/v1/cart/lines', { sku, quantity: 998 });
    const over = await call<ErrorBody>(token, 'POST', '/v1/cart/lines', { sku, quantity: 2 });
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('VALIDATION_FAILED');
    expect((await call<ErrorBody>(token, 'PUT', `/v1/cart/lines/${sku}`, { quantity: 1000 })).status).toBe(400);
    expect((await call<ErrorBody>(token, 'POST', '/v1/cart/lines', { sku, quantity: 0 })).status).toBe(400);
    const unknown = await call<ErrorBody>(token, 'POST', '/v1/cart/lines', { sku: `NOPE-${randomUUID()}`.slice(0, 40), quantity: 1 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('PRODUCT_UNAVAILABLE');
    expect(quantities(await getCart(token))).toEqual({ [sku]: 998 });

    const { catalog } = platform.clients;
    await callUnary<Product, Product__Output>(catalog.upsertProduct.bind(catalog), { sku, name: `Test product ${sku}`, priceMinor: 500, currency: 'JPY', active: false });
    const view = await getCart(token);
    expect(view.lines).toEqual([{ sku, quantity: 998, available: false, unavailableReason: 'INACTIVE', name: `Test product ${sku}` }]);
    expect(view).toMatchObject({ subtotalMinor: 0, hasUnavailableLines: true });

    const slot = await createDeliverySlot(platform, 5);
    const refused = await call<ErrorBody>(token, 'POST', '/v1/cart/checkout', { address: address(slot.postalCode), payment: { type: 'card', cardToken: 'tok_visa' }, deliverySlotId: slot.slotId });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'PRODUCT_UNAVAILABLE', details: { lines: [{ sku, reason: 'INACTIVE' }] } });
    expect(quantities(await getCart(token))).toEqual({ [sku]: 998 });
  });

  it('keeps every line of 20 concurrent adds of different SKUs', async () => {
    const skus = await Promise.all(Array.from({ length: 20 }, () => createProduct(platform, { priceMinor: 100, stock: 1 })));
    const { token } = customerToken(platform);
    const answers = await Promise.all(skus.map((sku, i) => call(token, 'POST', '/v1/cart/lines', { sku, quantity: i + 1 })));
    expect(answers.map((a) => a.status)).toEqual(skus.map(() => 200));
    expect(quantities(await getCart(token))).toEqual(Object.fromEntries(skus.map((sku, i) => [sku, i + 1])));
  });

  it('adds concurrent units of one SKU without losing any, and lets only one of several racing adds take the 100th line', async () => {
    const sku = await createProduct(platform, { priceMinor: 100, stock: 1 });
    const { token, customerId } = customerToken(platform);
    await Promise.all(Array.from({ length: 20 }, () => call(token, 'POST', '/v1/cart/lines', { sku, quantity: 1 })));
    expect(quantities(await getCart(token))).toEqual({ [sku]: 20 });

    await platform.redis.del(cartKey(customerId));
    await platform.redis.hset(cartKey(customerId), Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`FILL-${i}`, '1'])));
    const racers = await Promise.all(Array.from({ length: 5 }, () => createProduct(platform, { priceMinor: 100, stock: 1 })));
    const answers = await Promise.all(racers.map((r) => call<ErrorBody>(token, 'POST', '/v1/cart/lines', { sku: r, quantity: 1 })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400, 400]);
    expect(answers.filter((a) => a.status === 400).map((a) => a.body.error.code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED']);
    expect(await platform.redis.hlen(cartKey(customerId))).toBe(100);
  });

  it('sets a sliding expiry on the cart key', async () => {
    const sku = await createProduct(platform, { priceMinor: 100, stock: 1 });
    const { token, customerId } = customerToken(platform);
    await call(token, 'POST', '/v1/cart/lines', { sku, quantity: 1 });
    const ttl = await platform.redis.ttl(cartKey(customerId));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(platform.config.CART_TTL_SECONDS);
    expect(await platform.redis.hgetall(cartKey(customerId))).toEqual({ [sku]: '1' });
  });

  it('keeps two customers’ carts apart', async () => {
    const a = await createProduct(platform, { priceMinor: 100, stock: 5 });
    const b = await createProduct(platform, { priceMinor: 200, stock: 5 });
    const first = customerToken(platform);
    const second = customerToken(platform);
    await call(first.token, 'POST', '/v1/cart/lines', { sku: a, quantity: 1 });
    await call(second.token, 'POST', '/v1/cart/lines', { sku: b, quantity: 2 });
    expect(quantities(await getCart(first.token))).toEqual({ [a]: 1 });
    expect(quantities(await getCart(second.token))).toEqual({ [b]: 2 });
    await call(first.token, 'DELETE', '/v1/cart');
    expect(quantities(await getCart(second.token))).toEqual({ [b]: 2 });
  });

  it('checks the cart out through the checkout saga to COMPLETED, sells the stock and empties the cart', async () => {
    const a = await createProduct(platform, { priceMinor: 1500, stock: 10 });
    const b = await createProduct(platform, { priceMinor: 400, stock: 10 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    await call(customer.token, 'POST', '/v1/cart/lines', { sku: a, quantity: 2 });
    await call(customer.token, 'POST', '/v1/cart/lines', { sku: b, quantity: 3 });

    const key = randomUUID();
    const body = { address: address(slot.postalCode), payment: { type: 'card', cardToken: 'tok_visa' }, deliverySlotId: slot.slotId };
    const res = await call<{ orderId: string; state: string; totalMinor: number; currency: string }>(customer.token, 'POST', '/v1/cart/checkout', body, {
      'Idempotency-Key': key,
      Prefer: 'wait=30',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'COMPLETED', totalMinor: 2 * 1500 + 3 * 400, currency: 'JPY' });
    const { orderId } = res.body;
    expect(await platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).describe()).toMatchObject({ status: { name: 'COMPLETED' } });

    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku: a } })).toMatchObject({ onHand: 8, reserved: 0 });
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku: b } })).toMatchObject({ onHand: 7, reserved: 0 });
    const order = await platform.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order).toMatchObject({ customerId: customer.customerId, status: 'CONFIRMED' });
    expect(order.lines.map((l) => [l.sku, l.quantity]).sort()).toEqual([[a, 2], [b, 3]].sort());
    expect((await getCart(customer.token)).lines).toEqual([]);

    // A retry with the same key finds the same order, though the cart is now empty.
    const retry = await call<{ orderId: string; state: string }>(customer.token, 'POST', '/v1/cart/checkout', body, { 'Idempotency-Key': key, Prefer: 'wait=5' });
    expect(retry.body).toMatchObject({ orderId, state: 'COMPLETED' });
    expect(await platform.prisma.order.count({ where: { customerId: customer.customerId } })).toBe(1);
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku: a } })).toMatchObject({ onHand: 8 });
  });

  it('answers 422 CART_EMPTY for the checkout of an empty cart, starting nothing', async () => {
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const body = { address: address(slot.postalCode), payment: { type: 'card', cardToken: 'tok_visa' }, deliverySlotId: slot.slotId };
    const res = await call<ErrorBody>(customer.token, 'POST', '/v1/cart/checkout', body, { 'Idempotency-Key': randomUUID() });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: 'CART_EMPTY', message: 'the cart is empty' });
    expect(await platform.prisma.order.count({ where: { customerId: customer.customerId } })).toBe(0);
  });

  it('requires a bearer token', async () => {
    const res = await fetch(`${platform.api}/v1/cart`);
    expect(res.status).toBe(401);
  });
});
