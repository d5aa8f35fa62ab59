import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createRedis, type Redis } from '../../lib/redis';
import { createPrisma, POOL_SIZE, type PrismaClient } from '../../lib/prisma';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { Coupon } from '../../proto/generated/checkout/orders/v1/Coupon';
import type { CreateOrderRequest } from '../../proto/generated/checkout/orders/v1/CreateOrderRequest';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import type { RedeemCouponRequest } from '../../proto/generated/checkout/orders/v1/RedeemCouponRequest';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { catalogRegistration } from '../../services/catalog/catalog.grpc';
import { deliveryRegistration } from '../../services/delivery/delivery.grpc';
import { ordersRegistration } from '../../services/orders/orders.grpc';
import { freePort } from '../support/platform';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';
import { ensureDemoDeliveryData } from '../../services/delivery/seed-slots';

type Order = Order__Output & { customerEmail?: string };

/**
 * CreateOrder answers with the order it writes, shaped without reading it back (its writes go with the
 * key's answer and COMMIT): the answer must be exactly what a read of the stored order gives, and what
 * a repeated key and another key for the same order id answer.
 */
describe('CreateOrder answers exactly what it stored (real PostgreSQL, catalog and delivery over gRPC)', () => {
  let prisma: PrismaClient;
  let redis: Redis;
  let clients: DomainClients;
  let server: RunningGrpcServer;
  const run = randomUUID().slice(0, 8);
  // The database sorts text by code point (C.UTF-8): ｱ (U+FF71) before 𝒜 (U+1D49C), which JavaScript's
  // sort, by UTF-16 unit, puts the other way round (a surrogate D835 < FF71).
  const skus = { pot: `T-${run}-POT`, tea: `T-${run}-煎茶`, wide: `T-${run}-ｱ`, astral: `T-${run}-𝒜` };
  const digits = String(randomInt(1_000_000, 9_999_999));
  const postalCode = `${digits.slice(0, 3)}-${digits.slice(3)}`;
  const couponCode = `ANSWER-${run}`.toUpperCase();

  const upsertProduct = (p: Product) => callUnary<Product, Product__Output>(clients.catalog.UpsertProduct.bind(clients.catalog), p);
  const createOrder = (r: CreateOrderRequest & { customerEmail?: string }) => callUnary<CreateOrderRequest, Order>(clients.orders.CreateOrder.bind(clients.orders), r);
  const getOrder = (orderId: string) => callUnary<{ orderId: string }, Order>(clients.orders.GetOrder.bind(clients.orders), { orderId });

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    // The catalog moves its generation in Redis on every write; CreateOrder reads it (services/orders/price-cache.ts).
    redis = createRedis(testConfig().REDIS_URL, testConfig().REDIS_KEY_PREFIX);
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    const deps = serviceDeps({ prisma, clients, redis });
    server = await startGrpcServer('127.0.0.1', port, [catalogRegistration(deps), deliveryRegistration(deps), ordersRegistration(deps)]);
    // The demo zones (Tokyo's 150 among them, no fee) these orders are delivered to: this file must not rely on another having made them.
    await ensureDemoDeliveryData(prisma, new Date(), 1);
    await upsertProduct({ sku: skus.pot, name: 'Kyusu teapot', priceMinor: 3300, currency: 'JPY', active: true, taxClass: 'standard' });
    await upsertProduct({ sku: skus.tea, name: '煎茶 100 g', priceMinor: 1080, currency: 'JPY', active: true, taxClass: 'reduced' });
    await upsertProduct({ sku: skus.wide, name: 'Half-width', priceMinor: 110, currency: 'JPY', active: true, taxClass: 'standard' });
    await upsertProduct({ sku: skus.astral, name: 'Script A', priceMinor: 216, currency: 'JPY', active: true, taxClass: 'reduced' });
    // A zone of this test (its seven-digit prefix is longer than any seeded one): fee 550, never waived below 100,000.
    await prisma.deliveryZone.create({ data: { id: `answer-${run}`, name: 'Answer zone', postalPrefixes: [digits], cutoffTime: '14:00', feeMinor: 550, freeShippingThresholdMinor: 100_000 } });
    await callUnary<Coupon, unknown>(clients.orders.CreateCoupon.bind(clients.orders), { code: couponCode, kind: 'PERCENT', value: 10, minOrderMinor: 0 });
  });
  afterAll(async () => {
    await server?.stop();
    if (clients) closeDomainClients(clients);
    await prisma?.deliveryZone.deleteMany({ where: { id: `answer-${run}` } });
    redis?.disconnect();
    await prisma?.$disconnect();
  });

  const request = (orderId: string, extra: Partial<CreateOrderRequest> = {}) => ({
    orderId,
    customerId: `cust-${run}`,
    customerEmail: 'hanako@example.com',
    lines: [
      { sku: skus.astral, quantity: 2 },
      { sku: skus.pot, quantity: 1 },
      { sku: skus.wide, quantity: 3 },
      { sku: skus.tea, quantity: 2 },
    ],
    address: { name: '山田 花子', postalCode: digits, prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3', line2: 'ハイツ 101', phone: '' },
    paymentMethod: 'konbini',
    idempotencyKey: `checkout:${orderId}:create-order`,
    pointsDiscountMinor: 100,
    ...extra,
  });

  it('answers with lines, totals, tax per rate, fee, coupon and history as stored, and the same to a repeated key and another key', async () => {
    const orderId = randomUUID();
    await callUnary<RedeemCouponRequest, unknown>(clients.orders.RedeemCoupon.bind(clients.orders), {
      orderId,
      customerId: `cust-${run}`,
      code: couponCode,
      idempotencyKey: `checkout:${orderId}:redeem-coupon`,
    });
    const answer = await createOrder(request(orderId, { couponCode: couponCode.toLowerCase() }));

    // Goods 2×216 + 3300 + 3×110 + 2×1080 = 6222; 10 % off floored: 622; fee 550 (below the threshold); 100 points.
    expect(answer).toMatchObject({
      orderId,
      status: 'PENDING',
      currency: 'JPY',
      subtotalMinor: 6222,
      couponCode,
      couponDiscountMinor: 622,
      deliveryFeeMinor: 550,
      pointsDiscountMinor: 100,
      totalMinor: 6222 - 622 + 550 - 100,
      paymentMethod: 'konbini',
      customerEmail: 'hanako@example.com',
      address: { name: '山田 花子', postalCode, prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3', line2: 'ハイツ 101', phone: '' },
    });
    // Lines in the database's sku order (by code point), each with its rate and contained tax.
    expect(answer.lines).toEqual([
      { sku: skus.pot, quantity: 1, name: 'Kyusu teapot', unitPriceMinor: 3300, lineTotalMinor: 3300, taxRatePercent: 10, taxMinor: 300 },
      { sku: skus.tea, quantity: 2, name: '煎茶 100 g', unitPriceMinor: 1080, lineTotalMinor: 2160, taxRatePercent: 8, taxMinor: 160 },
      { sku: skus.wide, quantity: 3, name: 'Half-width', unitPriceMinor: 110, lineTotalMinor: 330, taxRatePercent: 10, taxMinor: 30 },
      { sku: skus.astral, quantity: 2, name: 'Script A', unitPriceMinor: 216, lineTotalMinor: 432, taxRatePercent: 8, taxMinor: 32 },
    ]);
    // Goods at 10 %: 3630, at 8 %: 2592; the coupon spread 363 / 259 (the remainder to the larger), the fee at 10 %.
    expect(answer.taxTotals).toEqual([
      { ratePercent: 10, taxableMinor: 3817, taxMinor: 347 },
      { ratePercent: 8, taxableMinor: 2333, taxMinor: 172 },
    ]);
    expect(answer.history).toEqual([{ fromStatus: '', toStatus: 'PENDING', reason: 'created', at: answer.createdAt }]);

    // A read of the stored order (Prisma, not the answer's SQL) gives the answer exactly, instants included.
    expect(await getOrder(orderId)).toEqual(answer);
    const row = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { history: true } });
    expect(row.createdAt.toISOString()).toBe(answer.createdAt);
    expect(row.history[0]!.at.toISOString()).toBe(answer.createdAt);

    // The key's stored answer, and another key for the same order id (which reads the order back).
    expect(await createOrder(request(orderId, { couponCode }))).toEqual(answer);
    expect(await createOrder(request(orderId, { couponCode, idempotencyKey: randomUUID() }))).toEqual(answer);
  });

  it("does not store the delivery service's refusal as the key's answer: the same key succeeds once a zone serves the address", async () => {
    const orderId = randomUUID();
    const unserved = `0${String(randomInt(100_000, 999_999))}`;
    const first = request(orderId, { address: { ...request(orderId).address, postalCode: unserved } });
    await expect(createOrder(first)).rejects.toMatchObject({ code: 'ADDRESS_NOT_SERVED' });
    await prisma.deliveryZone.create({ data: { id: `answer-${run}-late`, name: 'Added later', postalPrefixes: [unserved], cutoffTime: '14:00', feeMinor: 330 } });
    try {
      expect(await createOrder(first)).toMatchObject({ orderId, deliveryFeeMinor: 330, totalMinor: 6222 + 330 - 100 });
    } finally {
      await prisma.deliveryZone.deleteMany({ where: { id: `answer-${run}-late` } });
    }
  });

  it('creates more orders at once than the process has database connections (catalog and delivery share its pool)', async () => {
    const ids = Array.from({ length: 3 * POOL_SIZE }, () => randomUUID());
    const orders = await Promise.all(ids.map((orderId) => createOrder(request(orderId))));
    expect(orders.map((o) => [o.orderId, o.status, o.totalMinor])).toEqual(ids.map((id) => [id, 'PENDING', 6222 + 550 - 100]));
  });

  it('writes an order without a coupon, its prices kept, in one round trip: its answer is a read of it (instants, lines in the database\'s order), replayed to its key and given to another key', async () => {
    // The catalog's prices kept (an order before, within their 5 s): the one round trip's case. With
    // them to ask for, the first round trip runs while the catalog answers (two in all).
    await createOrder(request(randomUUID()));
    const orderId = randomUUID();
    const key = `checkout:${orderId}:create-order`;
    // The round trips of this call: the statement batches sent to PostgreSQL that name its key.
    const query = jest.spyOn(Client.prototype, 'query');
    let batches: string[];
    let answer: Order;
    try {
      answer = await createOrder(request(orderId));
      batches = query.mock.calls.map(([text]) => text).filter((text): text is string => typeof text === 'string' && text.includes(key));
    } finally {
      query.mockRestore();
    }
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatch(/^BEGIN;[\s\S]*COMMIT$/);

    // Goods 6222, fee 550, 100 points: lines by code point (ｱ before 𝒜), the history's instant the order's.
    expect(answer).toMatchObject({ orderId, status: 'PENDING', subtotalMinor: 6222, deliveryFeeMinor: 550, pointsDiscountMinor: 100, totalMinor: 6672, couponCode: '' });
    expect(answer.lines.map((l) => l.sku)).toEqual([skus.pot, skus.tea, skus.wide, skus.astral]);
    expect(answer.history).toEqual([{ fromStatus: '', toStatus: 'PENDING', reason: 'created', at: answer.createdAt }]);
    expect(await getOrder(orderId)).toEqual(answer);
    const row = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { history: true } });
    expect(row.createdAt.toISOString()).toBe(answer.createdAt);
    expect(row.history[0]!.at.toISOString()).toBe(answer.createdAt);
    expect(await createOrder(request(orderId))).toEqual(answer);
    expect(await createOrder(request(orderId, { idempotencyKey: randomUUID() }))).toEqual(answer);
    // One order, one history entry: nothing written twice.
    expect(await prisma.orderStatusChange.count({ where: { orderId } })).toBe(1);
  });

  it('answers an order without coupon, fee or points as a read of it does', async () => {
    const orderId = randomUUID();
    const answer = await createOrder(request(orderId, { pointsDiscountMinor: 0, address: { ...request(orderId).address, postalCode: '150-0001' } }));
    expect(answer).toMatchObject({ couponCode: '', couponDiscountMinor: 0, pointsDiscountMinor: 0, deliveryFeeMinor: 0, totalMinor: 6222, failureReason: '' });
    expect(await getOrder(orderId)).toEqual(answer);
    expect(await createOrder(request(orderId, { pointsDiscountMinor: 0 }))).toEqual(answer);
  });
});
