import { randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createMetrics, type Metrics } from '../../lib/metrics';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { createRedis, type Redis } from '../../lib/redis';
import type { Product } from '../../proto/generated/checkout/catalog/v1/Product';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { CreateOrderRequest } from '../../proto/generated/checkout/orders/v1/CreateOrderRequest';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { catalogRegistration } from '../../services/catalog/catalog.grpc';
import { deliveryRegistration } from '../../services/delivery/delivery.grpc';
import { ordersRegistration } from '../../services/orders/orders.grpc';
import { PRICE_CACHE_MAX_ENTRIES, PriceCache } from '../../services/orders/price-cache';
import { freePort } from '../support/platform';
import { rejection } from '../support/rejection';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';
import { ensureDemoDeliveryData } from '../../services/delivery/seed-slots';

/**
 * CreateOrder reuses the catalog's prices while the catalog's generation (in Redis) stays, and asks
 * again once a catalog write moved it: a price change, a deactivation, reaches the very next order.
 */
describe('orders: catalog prices kept between catalog writes (real PostgreSQL, Redis, catalog over gRPC)', () => {
  let prisma: PrismaClient;
  let redis: Redis;
  let clients: DomainClients;
  let server: RunningGrpcServer;
  let metrics: Metrics;
  const run = randomUUID().slice(0, 8);
  const sku = `T-${run}-PRICE`;

  beforeAll(async () => {
    const config = testConfig();
    prisma = createPrisma(config.DATABASE_URL);
    // A prefix of its own: this file's catalog writes move only its own generation.
    redis = createRedis(config.REDIS_URL, `${config.REDIS_KEY_PREFIX}price-cache-${run}:`);
    metrics = createMetrics('test');
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    const deps = serviceDeps({ prisma, clients, redis, metrics });
    // The production cache but for two bounds, so that what this file counts does not depend on the
    // machine's speed: the generation waited for as long as Redis takes (with the production 100 ms,
    // an event-loop stall of the busy test process falls back to the catalog, as it should in
    // production, and a second order then asks it again), and a TTL no slow test reaches (past half
    // of it an order asks the catalog again in the background). The 100 ms fallback has its unit tests.
    const prices = new PriceCache(redis, deps.logger, Date.now, 10 * 60_000, PRICE_CACHE_MAX_ENTRIES, 30_000);
    server = await startGrpcServer('127.0.0.1', port, [catalogRegistration(deps), deliveryRegistration(deps), ordersRegistration(deps, prices)]);
    // The demo zones (Tokyo's 150 among them, no fee) these orders are delivered to: this file must not rely on another having made them.
    await ensureDemoDeliveryData(prisma, new Date(), 1);
    await upsertProduct({ sku, name: 'Sencha 100g', priceMinor: 1200, currency: 'JPY', active: true });
  });
  afterAll(async () => {
    await server?.stop();
    if (clients) closeDomainClients(clients);
    redis?.disconnect();
    await prisma?.$disconnect();
  });

  const upsertProduct = (p: Product) => callUnary<Product, Product__Output>(clients.catalog.UpsertProduct.bind(clients.catalog), p);
  const createOrder = () => {
    const orderId = randomUUID();
    return callUnary<CreateOrderRequest, Order__Output>(clients.orders.CreateOrder.bind(clients.orders), {
      orderId,
      customerId: 'cust-price-cache',
      customerEmail: 'taro@example.com',
      lines: [{ sku, quantity: 2 }],
      address: { name: '山田 太郎', postalCode: '1500001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1-1' },
      paymentMethod: 'card',
      idempotencyKey: `checkout:${orderId}:create-order`,
    });
  };
  /** How many GetProducts the catalog has answered in this file's server. */
  const catalogCalls = async () => {
    const text = await metrics.registry.metrics();
    return Number(/request_duration_seconds_count\{[^}]*operation="catalog\.GetProducts"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
  };

  it('prices the next order from the kept answer while the catalog is unchanged, and from the catalog again right after a price change', async () => {
    expect((await createOrder()).lines[0]).toMatchObject({ sku, unitPriceMinor: 1200, lineTotalMinor: 2400 });
    const asked = await catalogCalls();
    expect((await createOrder()).lines[0]).toMatchObject({ unitPriceMinor: 1200 });
    // The second order did not call the catalog.
    expect(await catalogCalls()).toBe(asked);

    await upsertProduct({ sku, name: 'Sencha 100g', priceMinor: 1500, currency: 'JPY', active: true });
    expect((await createOrder()).lines[0]).toMatchObject({ unitPriceMinor: 1500, lineTotalMinor: 3000 });
    expect(await catalogCalls()).toBe(asked + 1);
  });

  it('refuses the next order once the product is deactivated, and sells it again once reactivated', async () => {
    await createOrder();
    await upsertProduct({ sku, name: 'Sencha 100g', priceMinor: 1500, currency: 'JPY', active: false });
    expect(await rejection(createOrder())).toMatchObject({ code: 'PRODUCT_UNAVAILABLE', details: { sku } });
    await upsertProduct({ sku, name: 'Sencha 100g', priceMinor: 1400, currency: 'JPY', active: true });
    expect((await createOrder()).lines[0]).toMatchObject({ unitPriceMinor: 1400 });
  });

  it('asks the catalog for every order when Redis is unreachable', async () => {
    const port = await freePort();
    const down = createRedis(`redis://127.0.0.1:${await freePort()}`, 'nowhere:');
    down.on('error', () => undefined);
    const deps = serviceDeps({ prisma, clients, redis: down, metrics });
    const alone = await startGrpcServer('127.0.0.1', port, [ordersRegistration(deps)]);
    const orders = createDomainClients(`127.0.0.1:${port}`);
    try {
      const before = await catalogCalls();
      for (let i = 0; i < 2; i += 1) {
        const orderId = randomUUID();
        const order = await callUnary<CreateOrderRequest, Order__Output>(orders.orders.CreateOrder.bind(orders.orders), {
          orderId,
          customerId: 'cust-price-cache',
          customerEmail: 'taro@example.com',
          lines: [{ sku, quantity: 1 }],
          address: { name: '山田 太郎', postalCode: '1500001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1-1' },
          paymentMethod: 'card',
          idempotencyKey: `checkout:${orderId}:create-order`,
        });
        expect(order.lines[0]).toMatchObject({ unitPriceMinor: 1400 });
      }
      expect(await catalogCalls()).toBe(before + 2);
    } finally {
      closeDomainClients(orders);
      await alone.stop();
      down.disconnect();
    }
  });
});
