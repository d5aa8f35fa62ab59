import { randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { EarnRequest } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import type { PointsChange__Output } from '../../proto/generated/checkout/loyalty/v1/PointsChange';
import type { RedeemRequest } from '../../proto/generated/checkout/loyalty/v1/RedeemRequest';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { loyaltyRegistration } from '../../services/loyalty/loyalty.grpc';
import { MAX_BALANCE } from '../../services/loyalty/loyalty-rules';
import { freePort } from '../support/platform';
import { rejection } from '../support/rejection';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';

/**
 * The balance every loyalty change decides on and answers with: read once, under the customer's lock,
 * and written with the key's answer. Concurrent changes of one customer's balance (other orders)
 * queue, so each answer is the balance right after its own change.
 */
describe('loyalty balances (real PostgreSQL, over gRPC)', () => {
  let prisma: PrismaClient;
  let clients: DomainClients;
  let server: RunningGrpcServer;

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    server = await startGrpcServer('127.0.0.1', port, [loyaltyRegistration(serviceDeps({ prisma, clients }))]);
  });
  afterAll(async () => {
    if (clients) closeDomainClients(clients);
    await server?.stop();
    await prisma?.$disconnect();
  });

  const earn = (request: EarnRequest) => callUnary<EarnRequest, PointsChange__Output>(clients.loyalty.earn.bind(clients.loyalty), request);
  const redeem = (request: RedeemRequest) => callUnary<RedeemRequest, PointsChange__Output>(clients.loyalty.redeem.bind(clients.loyalty), request);
  const balanceOf = async (customerId: string) => (await prisma.loyaltyAccount.findUnique({ where: { customerId } }))?.balance ?? 0;
  const ledgerOf = (customerId: string) => prisma.loyaltyLedgerEntry.findMany({ where: { customerId }, select: { orderId: true, kind: true, points: true } });
  const newCustomer = () => `cust-${randomUUID()}`;

  it("answers each of a new customer's concurrent earnings (different orders) with the balance right after it, and keeps their sum", async () => {
    const customerId = newCustomer();
    const points = [1, 2, 4, 8, 16, 32, 64, 128];
    const answers = await Promise.all(points.map((p) => earn({ customerId, orderId: `order-${randomUUID()}`, points: p, idempotencyKey: randomUUID() })));
    expect(await balanceOf(customerId)).toBe(255);
    // Serialised: the balances answered are the running sums in the order they ran, all different, the last 255.
    const balances = answers.map((a) => a.balance).sort((a, b) => a - b);
    expect(new Set(balances).size).toBe(points.length);
    expect(balances.at(-1)).toBe(255);
    const inOrder = [...answers].sort((a, b) => a.balance - b.balance);
    inOrder.forEach((a, i) => expect(a.balance).toBe((i === 0 ? 0 : inOrder[i - 1]!.balance) + a.points));
    expect(await ledgerOf(customerId)).toHaveLength(points.length);
  });

  it('refuses an earning that would take the balance past its maximum with CONFLICT, the answer of its key, and changes nothing', async () => {
    const customerId = newCustomer();
    await prisma.loyaltyAccount.create({ data: { customerId, balance: MAX_BALANCE - 5 } });
    const key = randomUUID();
    const orderId = `order-${randomUUID()}`;
    expect(await rejection(earn({ customerId, orderId, points: 6, idempotencyKey: key }))).toMatchObject({ code: 'CONFLICT', details: { customerId } });
    expect(await rejection(earn({ customerId, orderId, points: 5, idempotencyKey: key }))).toMatchObject({ code: 'CONFLICT' });
    expect(await balanceOf(customerId)).toBe(MAX_BALANCE - 5);
    expect(await ledgerOf(customerId)).toEqual([]);
    expect(await earn({ customerId, orderId, points: 5, idempotencyKey: randomUUID() })).toMatchObject({ kind: 'EARN', points: 5, balance: MAX_BALANCE });
  });

  it('refuses a redemption the balance does not cover with INSUFFICIENT_POINTS (balance and request in its details), and one of a customer without account', async () => {
    const customerId = newCustomer();
    await earn({ customerId, orderId: `order-${randomUUID()}`, points: 50, idempotencyKey: randomUUID() });
    const orderId = `order-${randomUUID()}`;
    expect(await rejection(redeem({ customerId, orderId, points: 80, idempotencyKey: randomUUID() }))).toMatchObject({ code: 'INSUFFICIENT_POINTS', details: { balance: 50, requested: 80 } });
    expect(await balanceOf(customerId)).toBe(50);
    expect(await redeem({ customerId, orderId, points: 50, idempotencyKey: randomUUID() })).toMatchObject({ kind: 'REDEEM', points: -50, balance: 0 });
    expect(await rejection(redeem({ customerId: newCustomer(), orderId: `order-${randomUUID()}`, points: 1, idempotencyKey: randomUUID() }))).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      details: { balance: 0, requested: 1 },
    });
  });

  it('answers a repeated order (another key) with its entry and the balance as it is now', async () => {
    const customerId = newCustomer();
    const orderId = `order-${randomUUID()}`;
    await earn({ customerId, orderId, points: 30, idempotencyKey: randomUUID() });
    await earn({ customerId, orderId: `order-${randomUUID()}`, points: 12, idempotencyKey: randomUUID() });
    expect(await earn({ customerId, orderId, points: 30, idempotencyKey: randomUUID() })).toMatchObject({ kind: 'EARN', points: 30, balance: 42 });
    expect(await balanceOf(customerId)).toBe(42);
  });
});
