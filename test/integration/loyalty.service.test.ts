import { randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { EarnRequest } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import type { PointsChange__Output } from '../../proto/generated/checkout/loyalty/v1/PointsChange';
import type { RedeemRequest } from '../../proto/generated/checkout/loyalty/v1/RedeemRequest';
import type { RestoreRequest } from '../../proto/generated/checkout/loyalty/v1/RestoreRequest';
import type { RevokeEarnedRequest } from '../../proto/generated/checkout/loyalty/v1/RevokeEarnedRequest';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { loyaltyRegistration } from '../../services/loyalty/loyalty.grpc';
import { freePort } from '../support/platform';
import { rejection } from '../support/rejection';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';

/** The loyalty service alone over gRPC on the real PostgreSQL: undone steps and the revoke of earned points. */
describe('loyalty service (real PostgreSQL, over gRPC)', () => {
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

  const loyalty = () => clients.loyalty;
  const earn = (request: EarnRequest) => callUnary<EarnRequest, PointsChange__Output>(loyalty().earn.bind(loyalty()), request);
  const redeem = (request: RedeemRequest) => callUnary<RedeemRequest, PointsChange__Output>(loyalty().redeem.bind(loyalty()), request);
  const restore = (request: RestoreRequest) => callUnary<RestoreRequest, PointsChange__Output>(loyalty().restore.bind(loyalty()), request);
  const revoke = (request: RevokeEarnedRequest) => callUnary<RevokeEarnedRequest, PointsChange__Output>(loyalty().revokeEarned.bind(loyalty()), request);
  const balanceOf = async (customerId: string) => (await prisma.loyaltyAccount.findUnique({ where: { customerId } }))?.balance ?? 0;
  const entriesOf = (orderId: string) =>
    prisma.loyaltyLedgerEntry.findMany({ where: { orderId }, orderBy: { id: 'asc' }, select: { kind: true, points: true, unrecoveredPoints: true } });
  const newCustomer = () => `cust-${randomUUID()}`;

  it('refuses a Redeem arriving after its order was restored with STEP_UNDONE, and a reset replaying its key too', async () => {
    const customerId = newCustomer();
    await earn({ customerId, orderId: `seed-${randomUUID()}`, points: 500, idempotencyKey: randomUUID() });

    // The undo ran first (the Redeem attempt was still in flight): the late Redeem takes nothing.
    const late = randomUUID();
    expect(await restore({ customerId, orderId: late, idempotencyKey: `u:${late}` })).toMatchObject({ kind: 'NONE', points: 0 });
    expect(await rejection(redeem({ customerId, orderId: late, points: 50, idempotencyKey: `r:${late}` }))).toMatchObject({ code: 'STEP_UNDONE', details: { orderId: late } });

    // Redeemed, then restored by the compensation; a reset runs the Redeem again with its original key.
    const orderId = randomUUID();
    const request = { customerId, orderId, points: 120, idempotencyKey: `r:${orderId}` };
    expect(await redeem(request)).toMatchObject({ kind: 'REDEEM', points: -120, balance: 380 });
    expect(await redeem(request)).toMatchObject({ kind: 'REDEEM', points: -120, balance: 380 });
    await restore({ customerId, orderId, idempotencyKey: `u:${orderId}` });
    expect(await rejection(redeem(request))).toMatchObject({ code: 'STEP_UNDONE', details: { orderId } });
    expect(await balanceOf(customerId)).toBe(500);
  });

  it('revokes what a refunded order earned, once, and a late or redelivered Earn of it credits nothing', async () => {
    const customerId = newCustomer();
    const orderId = randomUUID();
    const earnRequest = { customerId, orderId, points: 80, idempotencyKey: `event:${orderId}` };
    expect(await earn(earnRequest)).toMatchObject({ kind: 'EARN', points: 80, balance: 80 });

    const first = await revoke({ customerId, orderId, idempotencyKey: `refund:${orderId}:revoke` });
    expect(first).toEqual({ customerId, orderId, kind: 'REVOKE', points: -80, balance: 0, unrecoveredPoints: 0 });
    // The same revoke under another key (a reset refund) takes nothing more.
    expect(await revoke({ customerId, orderId, idempotencyKey: `again:${orderId}` })).toEqual(first);

    // The loyalty consumer is at-least-once: order.completed delivered again (same key), or under another key.
    expect(await rejection(earn(earnRequest))).toMatchObject({ code: 'STEP_UNDONE', details: { orderId } });
    expect(await rejection(earn({ ...earnRequest, idempotencyKey: `other:${orderId}` }))).toMatchObject({ code: 'STEP_UNDONE' });
    expect(await balanceOf(customerId)).toBe(0);
    expect(await entriesOf(orderId)).toEqual([
      { kind: 'EARN', points: 80, unrecoveredPoints: 0 },
      { kind: 'REVOKE', points: -80, unrecoveredPoints: 0 },
    ]);
  });

  it('floors the balance at zero when the earned points were already spent, recording what it could not take back', async () => {
    const customerId = newCustomer();
    const orderId = randomUUID();
    await earn({ customerId, orderId, points: 100, idempotencyKey: randomUUID() });
    await earn({ customerId, orderId: `seed-${randomUUID()}`, points: 20, idempotencyKey: randomUUID() });
    await redeem({ customerId, orderId: randomUUID(), points: 90, idempotencyKey: randomUUID() });
    expect(await balanceOf(customerId)).toBe(30);

    expect(await revoke({ customerId, orderId, idempotencyKey: randomUUID() })).toMatchObject({ kind: 'REVOKE', points: -30, balance: 0, unrecoveredPoints: 70 });
    expect(await balanceOf(customerId)).toBe(0);
    expect(await entriesOf(orderId)).toEqual([
      { kind: 'EARN', points: 100, unrecoveredPoints: 0 },
      { kind: 'REVOKE', points: -30, unrecoveredPoints: 70 },
    ]);
    // Nothing left at all: the revoke takes 0 and records all of it as unrecovered.
    const spent = randomUUID();
    await earn({ customerId, orderId: spent, points: 40, idempotencyKey: randomUUID() });
    await redeem({ customerId, orderId: randomUUID(), points: 40, idempotencyKey: randomUUID() });
    expect(await revoke({ customerId, orderId: spent, idempotencyKey: randomUUID() })).toMatchObject({ kind: 'REVOKE', points: 0, balance: 0, unrecoveredPoints: 40 });
    expect(await balanceOf(customerId)).toBe(0);
  });

  it('records a revoke of an order that earned nothing yet, so its order.completed arriving later earns nothing', async () => {
    const customerId = newCustomer();
    const orderId = randomUUID();
    expect(await revoke({ customerId, orderId, idempotencyKey: randomUUID() })).toEqual({ customerId, orderId, kind: 'NONE', points: 0, balance: 0, unrecoveredPoints: 0 });
    expect(await rejection(earn({ customerId, orderId, points: 60, idempotencyKey: `event:${orderId}` }))).toMatchObject({ code: 'STEP_UNDONE' });
    expect(await balanceOf(customerId)).toBe(0);
  });

  it('refuses to revoke the points of an order that belongs to another customer', async () => {
    const orderId = randomUUID();
    await earn({ customerId: newCustomer(), orderId, points: 10, idempotencyKey: randomUUID() });
    expect((await rejection(revoke({ customerId: newCustomer(), orderId, idempotencyKey: randomUUID() }))).code).toBe('CONFLICT');
  });
});
