import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createRedis, type Redis } from '../../lib/redis';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { CreateOrderRequest } from '../../proto/generated/checkout/orders/v1/CreateOrderRequest';
import type { GetOrderRequest } from '../../proto/generated/checkout/orders/v1/GetOrderRequest';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import type { TransitionOrderRequest } from '../../proto/generated/checkout/orders/v1/TransitionOrderRequest';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { catalogRegistration } from '../../services/catalog/catalog.grpc';
import { deliveryRegistration } from '../../services/delivery/delivery.grpc';
import { ordersRegistration } from '../../services/orders/orders.grpc';
import { freePort } from '../support/platform';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';
import { rejection } from '../support/rejection';
import { ensureDemoDeliveryData } from '../../services/delivery/seed-slots';

type Order = Order__Output & { customerEmail?: string };

/** The orders service on the real PostgreSQL, pricing through the real catalog service over gRPC. */
describe('orders service (real PostgreSQL, catalog over gRPC)', () => {
  let prisma: PrismaClient;
  let redis: Redis;
  let clients: DomainClients;
  let server: RunningGrpcServer;
  const run = randomUUID().slice(0, 8);
  const sku = (name: string) => `T-${run}-${name}`;

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
    await upsertProduct({ sku: sku('TEA'), name: 'Sencha 100g', priceMinor: 1200, currency: 'JPY', active: true });
    await upsertProduct({ sku: sku('CUP'), name: 'Yunomi cup', priceMinor: 350, currency: 'JPY', active: true });
    await upsertProduct({ sku: sku('GONE'), name: 'Discontinued', priceMinor: 500, currency: 'JPY', active: false });
    await upsertProduct({ sku: sku('USD'), name: 'Imported', priceMinor: 999, currency: 'USD', active: true });
  });
  afterAll(async () => {
    await server?.stop();
    if (clients) closeDomainClients(clients);
    redis?.disconnect();
    await prisma?.$disconnect();
  });

  const upsertProduct = (p: Product) => callUnary<Product, Product__Output>(clients.catalog.UpsertProduct.bind(clients.catalog), p);
  const createOrder = (r: CreateOrderRequest & { customerEmail?: string }) => callUnary<CreateOrderRequest, Order>(clients.orders.CreateOrder.bind(clients.orders), r);
  const transition = (r: TransitionOrderRequest) => callUnary<TransitionOrderRequest, Order>(clients.orders.TransitionOrder.bind(clients.orders), r);
  const getOrder = (orderId: string) => callUnary<GetOrderRequest, Order>(clients.orders.GetOrder.bind(clients.orders), { orderId });

  const address = { name: '山田 太郎', postalCode: '1500001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1-1' };
  const newOrder = (overrides: Partial<CreateOrderRequest & { customerEmail: string }> = {}) => {
    const orderId = randomUUID();
    return {
      orderId,
      customerId: 'cust-1',
      customerEmail: 'taro@example.com',
      lines: [{ sku: sku('TEA'), quantity: 1 }],
      address,
      paymentMethod: 'card',
      idempotencyKey: `checkout:${orderId}:create-order`,
      ...overrides,
    };
  };
  const move = (orderId: string, toStatus: string, reason = '') => transition({ orderId, toStatus, reason, idempotencyKey: `${orderId}:${toStatus}:${randomUUID()}` });
  const historyOf = (order: Order) => order.history.map((h) => [h.fromStatus, h.toStatus]);


  it('prices lines from the catalog and ignores prices sent by the client', async () => {
    const request = newOrder({
      lines: [
        { sku: sku('TEA'), quantity: 2, unitPriceMinor: 1, lineTotalMinor: 2, name: 'cheap' },
        { sku: sku('CUP'), quantity: 3, unitPriceMinor: 0 },
      ],
    });
    const order = await createOrder(request);

    expect(order).toMatchObject({
      orderId: request.orderId,
      customerId: 'cust-1',
      status: 'PENDING',
      currency: 'JPY',
      subtotalMinor: 2 * 1200 + 3 * 350,
      totalMinor: 2 * 1200 + 3 * 350,
      paymentMethod: 'card',
      failureReason: '',
      address: { ...address, postalCode: '150-0001', line2: '', phone: '' },
    });
    expect(order.lines).toEqual([
      // Prices include consumption tax: each line keeps its rate (standard 10 % here) and the tax it contains (floor).
      { sku: sku('CUP'), quantity: 3, name: 'Yunomi cup', unitPriceMinor: 350, lineTotalMinor: 1050, taxRatePercent: 10, taxMinor: 95 },
      { sku: sku('TEA'), quantity: 2, name: 'Sencha 100g', unitPriceMinor: 1200, lineTotalMinor: 2400, taxRatePercent: 10, taxMinor: 218 },
    ]);
    // One rounding for the rate over the order: 3,450 × 10 / 110 = 313.6… → 313 (the lines' 95 + 218 happen to agree); the seeded zone charges no fee.
    expect(order).toMatchObject({ deliveryFeeMinor: 0, couponDiscountMinor: 0, taxTotals: [{ ratePercent: 10, taxableMinor: 3450, taxMinor: 313 }] });
    expect(historyOf(order)).toEqual([['', 'PENDING']]);

    const row = await prisma.order.findUnique({ where: { id: request.orderId }, include: { lines: true, history: true } });
    expect(row).toMatchObject({ status: 'PENDING', subtotalMinor: 3450, totalMinor: 3450, customerEmail: 'taro@example.com' });
    expect(row!.lines.map((l) => l.unitPriceMinor).sort()).toEqual([1200, 350]);
    expect(row!.history).toMatchObject([{ fromStatus: null, toStatus: 'PENDING' }]);

    // A later price change does not touch an existing order.
    await upsertProduct({ sku: sku('CUP'), name: 'Yunomi cup', priceMinor: 400, currency: 'JPY', active: true });
    expect((await getOrder(request.orderId)).subtotalMinor).toBe(3450);
    await upsertProduct({ sku: sku('CUP'), name: 'Yunomi cup', priceMinor: 350, currency: 'JPY', active: true });
  });

  it('merges repeated SKUs into one line', async () => {
    const order = await createOrder(newOrder({ lines: [{ sku: sku('TEA'), quantity: 1 }, { sku: sku('TEA'), quantity: 2 }] }));
    expect(order.lines).toEqual([{ sku: sku('TEA'), quantity: 3, name: 'Sencha 100g', unitPriceMinor: 1200, lineTotalMinor: 3600, taxRatePercent: 10, taxMinor: 327 }]);
    expect(order.totalMinor).toBe(3600);
  });

  it.each(['GONE', 'NOPE'])('rejects an order with product %s as PRODUCT_UNAVAILABLE and stores nothing', async (name) => {
    const request = newOrder({ lines: [{ sku: sku('TEA'), quantity: 1 }, { sku: sku(name), quantity: 1 }] });
    const err = await rejection(createOrder(request));
    expect([err.code, err.details]).toEqual(['PRODUCT_UNAVAILABLE', { sku: sku(name) }]);
    expect(await prisma.order.findUnique({ where: { id: request.orderId } })).toBeNull();
    // The rejection is the recorded answer of its key.
    expect((await rejection(createOrder(request))).code).toBe('PRODUCT_UNAVAILABLE');
    expect((await rejection(getOrder(request.orderId))).code).toBe('NOT_FOUND');
  });

  it('rejects products in mixed currencies and invalid input as VALIDATION_FAILED', async () => {
    const mixed = await rejection(createOrder(newOrder({ lines: [{ sku: sku('TEA'), quantity: 1 }, { sku: sku('USD'), quantity: 1 }] })));
    expect(mixed.code).toBe('VALIDATION_FAILED');
    expect(mixed.message).toContain('currency');
    expect((await rejection(createOrder(newOrder({ lines: [] })))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(createOrder(newOrder({ lines: [{ sku: sku('TEA'), quantity: 1000 }] })))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(createOrder(newOrder({ address: { ...address, postalCode: '150-01' } })))).details).toEqual({ field: 'postalCode' });
    expect((await rejection(createOrder(newOrder({ address: { ...address, city: '' } })))).details).toEqual({ field: 'city' });
  });

  it('creates an order once per idempotency key and once per order id', async () => {
    const request = newOrder();
    const first = await createOrder(request);
    expect(await createOrder(request)).toEqual(first);
    // Another key for the same order id (say a retried workflow step) finds the existing order, even with other lines.
    const again = await createOrder({ ...request, idempotencyKey: randomUUID(), lines: [{ sku: sku('CUP'), quantity: 9 }] });
    expect(again).toEqual(first);
    expect(await prisma.order.count({ where: { id: request.orderId } })).toBe(1);
    expect(await prisma.orderStatusChange.count({ where: { orderId: request.orderId } })).toBe(1);
    // Another customer cannot claim the order id.
    expect((await rejection(createOrder({ ...request, customerId: 'cust-2', idempotencyKey: randomUUID() }))).code).toBe('CONFLICT');
  });

  it('creates concurrent requests for one order id (different keys) once', async () => {
    const request = newOrder();
    const results = await Promise.all([1, 2, 3, 4].map(() => createOrder({ ...request, idempotencyKey: randomUUID() })));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await prisma.orderStatusChange.count({ where: { orderId: request.orderId } })).toBe(1);
  });

  it('follows legal transitions, recording each with its reason', async () => {
    const { orderId } = await createOrder(newOrder({ paymentMethod: 'konbini' }));
    await move(orderId, 'AWAITING_PAYMENT', 'slip issued');
    await move(orderId, 'PAID', 'slip paid');
    const confirmed = await move(orderId, 'CONFIRMED', 'delivery booked');
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
      ['', 'PENDING', 'created'],
      ['PENDING', 'AWAITING_PAYMENT', 'slip issued'],
      ['AWAITING_PAYMENT', 'PAID', 'slip paid'],
      ['PAID', 'CONFIRMED', 'delivery booked'],
    ]);
    const times = confirmed.history.map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(await getOrder(orderId)).toEqual(confirmed);

    // Asking for the status it already has changes nothing.
    expect(await move(orderId, 'CONFIRMED', 'again')).toEqual(confirmed);
    expect(await prisma.orderStatusChange.count({ where: { orderId } })).toBe(4);

    const refunded = await move(orderId, 'REFUNDED', 'customer returned it');
    expect(historyOf(refunded).at(-1)).toEqual(['CONFIRMED', 'REFUNDED']);
    // The saga's undo of a refunded order (a reset of its checkout) finds nothing to undo.
    expect(await move(orderId, 'FAILED', 'STEP_UNDONE')).toEqual(refunded);
    expect(await move(orderId, 'CANCELLED', 'late cancel')).toEqual(refunded);
  });

  it('answers a repeated transition key with its first answer', async () => {
    const { orderId } = await createOrder(newOrder());
    const request = { orderId, toStatus: 'PAID', reason: 'charged', idempotencyKey: `${orderId}:pay` };
    const paid = await transition(request);
    await move(orderId, 'CONFIRMED');
    // The same key replays PAID's answer instead of trying CONFIRMED → PAID.
    expect(await transition(request)).toEqual(paid);
    expect((await getOrder(orderId)).status).toBe('CONFIRMED');
  });

  it('never replays a stale success once the order was undone: CreateOrder and forward transitions of a FAILED, CANCELLED or REFUNDED order are STEP_UNDONE', async () => {
    // A compensated checkout: the reset runs CreateOrder again with its original key.
    const failedRequest = newOrder();
    await createOrder(failedRequest);
    await move(failedRequest.orderId, 'FAILED', 'CARD_DECLINED');
    expect(await rejection(createOrder(failedRequest))).toMatchObject({ code: 'STEP_UNDONE', details: { orderId: failedRequest.orderId, status: 'FAILED' } });
    expect(await rejection(createOrder({ ...failedRequest, idempotencyKey: randomUUID() }))).toMatchObject({ code: 'STEP_UNDONE' });
    expect((await rejection(move(failedRequest.orderId, 'PAID'))).code).toBe('STEP_UNDONE');

    // A completed checkout replays every success on a reset...
    const completed = newOrder();
    const created = await createOrder(completed);
    const pay = { orderId: completed.orderId, toStatus: 'PAID', reason: '', idempotencyKey: `${completed.orderId}:pay` };
    const confirm = { orderId: completed.orderId, toStatus: 'CONFIRMED', reason: '', idempotencyKey: `${completed.orderId}:confirm` };
    const paid = await transition(pay);
    const confirmed = await transition(confirm);
    expect(await createOrder(completed)).toEqual(created);
    expect(await transition(pay)).toEqual(paid);
    expect(await transition(confirm)).toEqual(confirmed);
    // ...until it is cancelled (or refunded) after completion: then no stale PENDING or CONFIRMED comes back.
    await move(completed.orderId, 'CANCELLED', 'customer cancelled');
    expect(await rejection(createOrder(completed))).toMatchObject({ code: 'STEP_UNDONE', details: { status: 'CANCELLED' } });
    expect(await rejection(transition(pay))).toMatchObject({ code: 'STEP_UNDONE', details: { status: 'CANCELLED' } });
    expect(await rejection(transition(confirm))).toMatchObject({ code: 'STEP_UNDONE' });
    expect((await getOrder(completed.orderId)).status).toBe('CANCELLED');
    expect(await prisma.orderStatusChange.count({ where: { orderId: completed.orderId } })).toBe(4);

    const refunded = newOrder();
    await createOrder(refunded);
    const confirmRefunded = { orderId: refunded.orderId, toStatus: 'CONFIRMED', reason: '', idempotencyKey: `${refunded.orderId}:confirm` };
    await move(refunded.orderId, 'PAID');
    await transition(confirmRefunded);
    await move(refunded.orderId, 'REFUNDED', 'returned');
    expect(await rejection(transition(confirmRefunded))).toMatchObject({ code: 'STEP_UNDONE', details: { status: 'REFUNDED' } });
    expect(await rejection(createOrder(refunded))).toMatchObject({ code: 'STEP_UNDONE', details: { status: 'REFUNDED' } });
  });

  it('an undo of an order that does not exist yet leaves a tombstone: a CreateOrder of that id arriving later (a killed worker\'s) is STEP_UNDONE and creates nothing', async () => {
    const late = newOrder();
    const undo = { orderId: late.orderId, toStatus: 'CANCELLED', reason: 'CANCELLED', idempotencyKey: `checkout:${late.orderId}:fail-order` };
    // Nothing to undo: NOT_FOUND, which the saga's failOrder takes as done; asked again, the same.
    expect((await rejection(transition(undo))).code).toBe('NOT_FOUND');
    expect((await rejection(transition(undo))).code).toBe('NOT_FOUND');
    expect(await rejection(createOrder(late))).toMatchObject({ code: 'STEP_UNDONE', details: { orderId: late.orderId, status: 'NONE' } });
    expect(await rejection(createOrder({ ...late, idempotencyKey: randomUUID() }))).toMatchObject({ code: 'STEP_UNDONE' });
    expect((await rejection(getOrder(late.orderId))).code).toBe('NOT_FOUND');
    // An undo of an order that exists leaves none: the order itself says it was undone.
    const existing = newOrder();
    await createOrder(existing);
    await move(existing.orderId, 'FAILED', 'CARD_DECLINED');
    expect(await prisma.orderTombstone.count({ where: { orderId: { in: [late.orderId, existing.orderId] } } })).toBe(1);
  });

  it('serialises an undo and a CreateOrder of one order id: whichever comes second sees the first (an order FAILED, or a tombstone and no order)', async () => {
    for (let i = 0; i < 5; i += 1) {
      const request = newOrder();
      const [created, undone] = await Promise.allSettled([createOrder(request), transition({ orderId: request.orderId, toStatus: 'FAILED', reason: 'CANCELLED', idempotencyKey: `checkout:${request.orderId}:fail-order` })]);
      const order = await getOrder(request.orderId).catch(() => undefined);
      const tombstones = await prisma.orderTombstone.count({ where: { orderId: request.orderId } });
      if (created.status === 'fulfilled') {
        // Created first, then failed by the undo.
        expect(undone.status).toBe('fulfilled');
        expect(order?.status).toBe('FAILED');
        expect(tombstones).toBe(0);
      } else {
        expect((created.reason as DomainError).code).toBe('STEP_UNDONE');
        expect(order).toBeUndefined();
        expect(tombstones).toBe(1);
      }
    }
  });

  it('rejects illegal transitions with INVALID_TRANSITION and records nothing', async () => {
    const { orderId } = await createOrder(newOrder());
    const err = await rejection(move(orderId, 'CONFIRMED'));
    expect([err.code, err.details]).toEqual(['INVALID_TRANSITION', { from: 'PENDING', to: 'CONFIRMED' }]);
    expect((await getOrder(orderId)).status).toBe('PENDING');

    const failed = await move(orderId, 'FAILED', 'CARD_DECLINED');
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: 'CARD_DECLINED' });
    expect(historyOf(failed)).toEqual([
      ['', 'PENDING'],
      ['PENDING', 'FAILED'],
    ]);
    expect((await rejection(move(orderId, 'PENDING'))).details).toEqual({ from: 'FAILED', to: 'PENDING' });
    // An undo of an order already undone has nothing left to do: answered as is, nothing recorded.
    expect(await move(orderId, 'CANCELLED', 'late cancel')).toEqual(failed);
    // A forward step of an order that was failed is a step already undone.
    for (const to of ['AWAITING_PAYMENT', 'PAID', 'CONFIRMED']) {
      expect(await rejection(move(orderId, to))).toMatchObject({ code: 'STEP_UNDONE', details: { orderId, status: 'FAILED' } });
    }
    // FAILED → FAILED is the status it has: an idempotent no-op keeping the first reason.
    expect(await move(orderId, 'FAILED', 'other reason')).toEqual(failed);
    expect(await prisma.orderStatusChange.count({ where: { orderId } })).toBe(2);

    expect((await rejection(move(orderId, 'SHIPPED'))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(move(randomUUID(), 'PAID'))).code).toBe('NOT_FOUND');
  });

  it('lets exactly one of two conflicting concurrent transitions win (PAID → CONFIRMED vs PAID → FAILED)', async () => {
    for (let i = 0; i < 5; i++) {
      const { orderId } = await createOrder(newOrder());
      await move(orderId, 'PAID');
      const outcomes = await Promise.allSettled([move(orderId, 'CONFIRMED'), move(orderId, 'FAILED', 'timed out')]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const order = await getOrder(orderId);
      // CONFIRMED → FAILED is not a transition; confirming a FAILED order is a step already undone.
      expect((lost[0]!.reason as DomainError).code).toBe(order.status === 'CONFIRMED' ? 'INVALID_TRANSITION' : 'STEP_UNDONE');

      expect(['CONFIRMED', 'FAILED']).toContain(order.status);
      expect(historyOf(order)).toEqual([
        ['', 'PENDING'],
        ['PENDING', 'PAID'],
        ['PAID', order.status],
      ]);
    }
  });

  it('keeps the history a single chain when PAID → CONFIRMED and PAID → CANCELLED race', async () => {
    for (let i = 0; i < 5; i++) {
      const { orderId } = await createOrder(newOrder());
      await move(orderId, 'PAID');
      await Promise.allSettled([move(orderId, 'CONFIRMED'), move(orderId, 'CANCELLED', 'customer cancelled')]);

      // CONFIRMED → CANCELLED is legal, so both may succeed one after the other; CANCELLED is final, so it ends there either way.
      const order = await getOrder(orderId);
      expect(order.status).toBe('CANCELLED');
      const chain = order.history.slice(1);
      chain.forEach((change, k) => expect(change.fromStatus).toBe(order.history[k]!.toStatus));
      expect(order.history.filter((h) => h.fromStatus === 'PAID')).toHaveLength(1);
      expect(order.history.at(-1)!.toStatus).toBe(order.status);
    }
  });

  it('returns NOT_FOUND for an unknown order', async () => {
    expect((await rejection(getOrder(randomUUID()))).code).toBe('NOT_FOUND');
  });
});
