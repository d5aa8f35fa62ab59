import { randomUUID } from 'node:crypto';
import { createEnvelope } from '../../lib/events';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { SalesReport__Output } from '../../proto/generated/checkout/analytics/v1/SalesReport';
import type { SalesReportRequest } from '../../proto/generated/checkout/analytics/v1/SalesReportRequest';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { analyticsRegistration } from '../../services/analytics/analytics.grpc';
import { handleOrderEvent } from '../../services/analytics/order-aggregates';
import { ORDER_EVENT_TYPES, type OrderCompletedData } from '../../services/notifications/order-events';
import { freePort } from '../support/platform';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';

/** The analytics aggregates on the real PostgreSQL and their report over gRPC. */
describe('analytics sales aggregates (real PostgreSQL, report over gRPC)', () => {
  let prisma: PrismaClient;
  let clients: DomainClients;
  let server: RunningGrpcServer;
  const skus: string[] = [];

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    server = await startGrpcServer('127.0.0.1', port, [analyticsRegistration(serviceDeps({ prisma, clients }))]);
  });
  afterAll(async () => {
    if (prisma) await prisma.dailySales.deleteMany({ where: { sku: { in: skus } } });
    if (clients) closeDomainClients(clients);
    await server?.stop();
    await prisma?.$disconnect();
  });

  const report = (fromDay: string, toDay: string) =>
    callUnary<SalesReportRequest, SalesReport__Output>(clients.analytics.GetSalesReport.bind(clients.analytics), { fromDay, toDay });

  function completed(sku: string, lineTotalMinor: number) {
    const orderId = `ord-${randomUUID()}`;
    const data: OrderCompletedData = {
      orderId,
      customerId: 'cus-big',
      customerEmail: 'big@example.com',
      currency: 'JPY',
      totalMinor: lineTotalMinor,
      lines: [{ sku, name: 'Kiln-fired tea house', quantity: 1, unitPriceMinor: lineTotalMinor, lineTotalMinor }],
      paymentMethod: 'BANK_TRANSFER',
      deliverySlot: null,
      completedAt: '2026-11-24T03:00:00Z',
    };
    return createEnvelope({ id: `checkout:${orderId}:${ORDER_EVENT_TYPES.completed}`, type: ORDER_EVENT_TYPES.completed, source: '/workflows/checkout', subject: orderId, data });
  }

  it('adds up a day of one SKU past 2^31 yen without overflowing, and reports it as a JSON number', async () => {
    const sku = `HOUSE-${randomUUID().slice(0, 8)}`;
    skus.push(sku);
    const consumer = `analytics-test-${randomUUID()}`;
    // Two sales of ¥1.5 billion each: ¥3 billion in the day, above 2^31 − 1 (an int4 column overflows).
    await expect(handleOrderEvent(prisma, completed(sku, 1_500_000_000), { consumer })).resolves.toBe('recorded');
    await expect(handleOrderEvent(prisma, completed(sku, 1_500_000_000), { consumer })).resolves.toBe('recorded');

    const sales = (await report('2026-11-24', '2026-11-24')).sales.filter((s) => s.sku === sku);
    expect(sales).toEqual([{ day: '2026-11-24', sku, orders: 2, quantity: 2, revenueMinor: 3_000_000_000, currency: 'JPY' }]);
    expect(typeof sales[0]!.revenueMinor).toBe('number');
    // The report crosses gRPC as int64 and leaves the api as JSON: a plain number, not a string or an object.
    expect(JSON.parse(JSON.stringify(sales[0]))).toMatchObject({ revenueMinor: 3_000_000_000 });
  });
});
