import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { AdjustStockRequest } from '../../proto/generated/checkout/inventory/v1/AdjustStockRequest';
import type { GetStockRequest } from '../../proto/generated/checkout/inventory/v1/GetStockRequest';
import type { ReservationRef } from '../../proto/generated/checkout/inventory/v1/ReservationRef';
import type { Reservation__Output } from '../../proto/generated/checkout/inventory/v1/Reservation';
import type { ReserveRequest } from '../../proto/generated/checkout/inventory/v1/ReserveRequest';
import type { Stock__Output } from '../../proto/generated/checkout/inventory/v1/Stock';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { inventoryRegistration } from '../../services/inventory/inventory.grpc';
import { InventoryService } from '../../services/inventory/inventory.service';
import { expireReservations } from '../../services/inventory/reservation-expiry';
import { eventually, freePort } from '../support/platform';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';

/** The inventory service over gRPC on the real PostgreSQL: reservations, idempotency, concurrency, expiry. */
describe('inventory service (real PostgreSQL, over gRPC)', () => {
  let prisma: PrismaClient;
  let clients: DomainClients;
  let server: RunningGrpcServer;

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    const deps = serviceDeps({ prisma, clients });
    server = await startGrpcServer('127.0.0.1', port, [inventoryRegistration(deps)]);
  });
  afterAll(async () => {
    closeDomainClients(clients);
    await server?.stop();
    await prisma?.$disconnect();
  });

  const inventory = () => clients.inventory;
  const newSku = (label = 'sku') => `test-${label}-${randomUUID()}`;
  const key = () => `test:${randomUUID()}`;
  const reserve = (req: ReserveRequest, timeoutMs?: number) =>
    callUnary<ReserveRequest, Reservation__Output>(inventory().reserve.bind(inventory()), { idempotencyKey: key(), ttlSeconds: 600, ...req }, timeoutMs);
  const release = (reservationId: string, idempotencyKey = key()) => callUnary<ReservationRef, Reservation__Output>(inventory().release.bind(inventory()), { reservationId, idempotencyKey });
  const commit = (reservationId: string, idempotencyKey = key()) => callUnary<ReservationRef, Reservation__Output>(inventory().commit.bind(inventory()), { reservationId, idempotencyKey });
  const getStock = (sku: string) => callUnary<GetStockRequest, Stock__Output>(inventory().getStock.bind(inventory()), { sku });
  const adjust = (sku: string, delta: number, reason = 'test stock') => callUnary<AdjustStockRequest, Stock__Output>(inventory().adjustStock.bind(inventory()), { sku, delta, reason });
  const movementsOf = (reservationId: string) =>
    prisma.stockMovement.findMany({ where: { reservationId }, orderBy: [{ kind: 'asc' }, { sku: 'asc' }], select: { sku: true, kind: true, quantity: true } });
  const stockOf = async (sku: string): Promise<Omit<Stock__Output, 'sku'>> => {
    const { onHand, reserved, available } = await getStock(sku);
    return { onHand, reserved, available };
  };

  it('reserves, commits and restocks, logging a movement for every change', async () => {
    const [a, b] = [newSku('a'), newSku('b')];
    await adjust(a, 10);
    await adjust(b, 5);
    const reservationId = randomUUID();
    const orderId = randomUUID();
    const before = Date.now();

    const reserved = await reserve({ reservationId, orderId, lines: [{ sku: b, quantity: 2 }, { sku: a, quantity: 3 }], ttlSeconds: 600 });
    expect(reserved).toMatchObject({ reservationId, orderId, status: 'RESERVED', lines: [{ sku: a, quantity: 3 }, { sku: b, quantity: 2 }] });
    const expiresAt = Date.parse(reserved.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);
    expect(await stockOf(a)).toEqual({ onHand: 10, reserved: 3, available: 7 });
    expect(await stockOf(b)).toEqual({ onHand: 5, reserved: 2, available: 3 });

    const committed = await commit(reservationId);
    expect(committed).toMatchObject({ reservationId, status: 'COMMITTED', lines: reserved.lines });
    expect(await stockOf(a)).toEqual({ onHand: 7, reserved: 0, available: 7 });
    expect(await stockOf(b)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    // Committing again (a new key: e.g. a reset workflow) answers COMMITTED and sells nothing twice.
    expect(await commit(reservationId)).toMatchObject({ status: 'COMMITTED' });
    expect(await stockOf(a)).toEqual({ onHand: 7, reserved: 0, available: 7 });

    // Releasing a sold reservation is the refund path: the goods go back on hand.
    expect(await release(reservationId)).toMatchObject({ reservationId, status: 'RELEASED', lines: reserved.lines });
    expect(await stockOf(a)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(await stockOf(b)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(await release(reservationId)).toMatchObject({ status: 'RELEASED' });
    expect(await stockOf(a)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    expect(await movementsOf(reservationId)).toEqual([
      { sku: a, kind: 'COMMIT', quantity: -3 },
      { sku: b, kind: 'COMMIT', quantity: -2 },
      { sku: a, kind: 'RESERVE', quantity: 3 },
      { sku: b, kind: 'RESERVE', quantity: 2 },
      { sku: a, kind: 'RESTOCK', quantity: 3 },
      { sku: b, kind: 'RESTOCK', quantity: 2 },
    ]);
    const adjustments = await prisma.stockMovement.findMany({ where: { sku: a, kind: 'ADJUST' }, select: { quantity: true, reason: true } });
    expect(adjustments).toEqual([{ quantity: 10, reason: 'test stock' }]);
  });

  it('releases a reservation, after which committing it is STEP_UNDONE (an unknown one a CONFLICT)', async () => {
    const sku = newSku();
    await adjust(sku, 4);
    const reservationId = randomUUID();
    await reserve({ reservationId, orderId: randomUUID(), lines: [{ sku, quantity: 4 }] });
    expect(await stockOf(sku)).toEqual({ onHand: 4, reserved: 4, available: 0 });

    expect(await release(reservationId)).toMatchObject({ status: 'RELEASED', lines: [{ sku, quantity: 4 }] });
    expect(await stockOf(sku)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    expect(await movementsOf(reservationId)).toEqual([
      { sku, kind: 'RELEASE', quantity: -4 },
      { sku, kind: 'RESERVE', quantity: 4 },
    ]);

    await expect(commit(reservationId)).rejects.toMatchObject({ code: 'STEP_UNDONE', details: { reservationId, status: 'RELEASED' } });
    await expect(commit(randomUUID())).rejects.toMatchObject({ code: 'CONFLICT', details: { status: 'NONE' } });
    expect(await stockOf(sku)).toEqual({ onHand: 4, reserved: 0, available: 4 });
  });

  it('reserves all lines or none: a short line rejects the whole reservation with OUT_OF_STOCK details', async () => {
    // `a` sorts first, so its stock is reserved before `b` turns out short: that must be undone.
    const [a, b] = [newSku('a'), newSku('b')];
    await adjust(a, 10);
    await adjust(b, 1);
    const reservationId = randomUUID();

    await expect(reserve({ reservationId, orderId: randomUUID(), lines: [{ sku: a, quantity: 2 }, { sku: b, quantity: 2 }] })).rejects.toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { sku: b, requested: 2, available: 1 },
    });
    expect(await stockOf(a)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(await stockOf(b)).toEqual({ onHand: 1, reserved: 0, available: 1 });
    expect(await prisma.reservation.findUnique({ where: { id: reservationId } })).toBeNull();
    expect(await movementsOf(reservationId)).toEqual([]);

    // A SKU nobody stocks is out of stock too (nothing available), not a different error.
    const unknown = newSku('unknown');
    await expect(reserve({ reservationId, orderId: randomUUID(), lines: [{ sku: a, quantity: 1 }, { sku: unknown, quantity: 1 }] })).rejects.toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { sku: unknown, requested: 1, available: 0 },
    });
    expect(await stockOf(a)).toEqual({ onHand: 10, reserved: 0, available: 10 });
  });

  it('answers a repeated idempotency key with the first answer, success or rejection', async () => {
    const sku = newSku();
    await adjust(sku, 5);
    const request = { reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 2 }], idempotencyKey: key() };

    const first = await reserve(request);
    const again = await reserve(request);
    expect(again).toEqual(first);
    expect(await stockOf(sku)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    expect(await prisma.reservation.count({ where: { id: request.reservationId } })).toBe(1);
    expect(await movementsOf(request.reservationId)).toEqual([{ sku, kind: 'RESERVE', quantity: 2 }]);

    // The same reservation id under another key answers with the existing reservation, reserving nothing more.
    expect(await reserve({ ...request, idempotencyKey: key() })).toEqual(first);
    expect(await stockOf(sku)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    // ...but not to another order, which would otherwise share this order's stock.
    await expect(reserve({ ...request, orderId: randomUUID(), idempotencyKey: key() })).rejects.toMatchObject({ code: 'CONFLICT' });

    // A rejection is the answer for that key even once stock arrives; a new key tries again.
    const short = { reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 4 }], idempotencyKey: key() };
    const rejection = { code: 'OUT_OF_STOCK', details: { sku, requested: 4, available: 3 } };
    await expect(reserve(short)).rejects.toMatchObject(rejection);
    await adjust(sku, 10);
    await expect(reserve(short)).rejects.toMatchObject(rejection);
    expect(await reserve({ ...short, idempotencyKey: key() })).toMatchObject({ status: 'RESERVED' });
    expect(await stockOf(sku)).toEqual({ onHand: 15, reserved: 6, available: 9 });
  });

  it('succeeds releasing nothing, and a Reserve of that id arriving late is STEP_UNDONE and holds no stock', async () => {
    const sku = newSku();
    await adjust(sku, 3);
    const reservationId = randomUUID();

    expect(await release(reservationId)).toMatchObject({ reservationId, status: 'NONE', lines: [] });
    await expect(reserve({ reservationId, orderId: randomUUID(), lines: [{ sku, quantity: 1 }] })).rejects.toMatchObject({
      code: 'STEP_UNDONE',
      details: { reservationId, status: 'RELEASED' },
    });
    expect(await stockOf(sku)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect(await movementsOf(reservationId)).toEqual([]);
  });

  it('never replays a stale success after an undo: a reset re-running Reserve or Commit with its original key is STEP_UNDONE', async () => {
    const sku = newSku();
    await adjust(sku, 5);
    const compensated = { reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 2 }], idempotencyKey: key() };
    await reserve(compensated);
    await release(compensated.reservationId);
    // The reset workflow runs the same keys again: the stored RESERVED must not come back.
    await expect(reserve(compensated)).rejects.toMatchObject({ code: 'STEP_UNDONE', details: { reservationId: compensated.reservationId, status: 'RELEASED' } });
    expect(await stockOf(sku)).toEqual({ onHand: 5, reserved: 0, available: 5 });

    // A completed checkout, then refunded (the release restocks it): neither its Reserve nor its Commit replays.
    const refunded = { reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 1 }], idempotencyKey: key() };
    const commitKey = key();
    await reserve(refunded);
    expect(await commit(refunded.reservationId, commitKey)).toMatchObject({ status: 'COMMITTED' });
    // Before the refund, a reset of the completed checkout replays its successes.
    expect(await reserve(refunded)).toMatchObject({ status: 'RESERVED' });
    expect(await commit(refunded.reservationId, commitKey)).toMatchObject({ status: 'COMMITTED' });
    await release(refunded.reservationId);
    await expect(reserve(refunded)).rejects.toMatchObject({ code: 'STEP_UNDONE' });
    await expect(commit(refunded.reservationId, commitKey)).rejects.toMatchObject({ code: 'STEP_UNDONE', details: { status: 'RELEASED' } });
    expect(await stockOf(sku)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });

  it('gives up when the caller\'s deadline passes: a Reserve blocked on a stock row lock is rolled back, not committed late', async () => {
    const sku = newSku();
    await adjust(sku, 5);
    const request = { reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 2 }], idempotencyKey: key() };
    const holder = new Client({ connectionString: testConfig().DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT sku FROM inventory.stock WHERE sku = $1 FOR UPDATE', [sku]);
      const holderPid = ((await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!).pid;
      const blockedByHolder = async () =>
        (await holder.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [holderPid])).rows[0]!.n;

      // The caller waits 1.5 s (activities give their gRPC calls 15 s); gRPC reports DEADLINE_EXCEEDED as UNAVAILABLE.
      await expect(reserve(request, 1_500)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      // The server stops waiting for the lock on its own, while the lock is still held...
      await eventually(async () => ((await blockedByHolder()) === 0 ? true : undefined), 10_000, 'the server to give up its blocked statement');
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    // ...and leaves nothing behind: no reservation, no stock held, no stored answer for the key.
    expect(await prisma.reservation.findUnique({ where: { id: request.reservationId } })).toBeNull();
    expect(await stockOf(sku)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(await prisma.inventoryIdempotencyKey.findUnique({ where: { key: request.idempotencyKey } })).toBeNull();
    // The retry (Temporal's next attempt, same key) reserves for real.
    expect(await reserve(request)).toMatchObject({ status: 'RESERVED' });
    expect(await stockOf(sku)).toEqual({ onHand: 5, reserved: 2, available: 3 });
  });

  it('rejects invalid requests and unknown SKUs with typed errors', async () => {
    const sku = newSku();
    await expect(reserve({ reservationId: randomUUID(), orderId: randomUUID(), lines: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(reserve({ reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 0 }] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getStock(sku)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(adjust(sku, -1)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await adjust(sku, 5);
    await reserve({ reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 3 }] });
    await expect(adjust(sku, -3)).rejects.toMatchObject({ code: 'CONFLICT', details: { sku, onHand: 5, reserved: 3 } });
    expect(await adjust(sku, -2, 'damaged in storage')).toEqual({ sku, onHand: 3, reserved: 3, available: 0 });
  });

  it('never oversells: 200 concurrent reservations of 1 unit on 50 units → exactly 50 succeed', async () => {
    const sku = newSku('hot');
    await adjust(sku, 50);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, () => reserve({ reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku, quantity: 1 }] })),
    );
    const succeeded = outcomes.filter((o): o is PromiseFulfilledResult<Reservation__Output> => o.status === 'fulfilled');
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(succeeded).toHaveLength(50);
    expect(succeeded.every((o) => o.value.status === 'RESERVED')).toBe(true);
    expect(rejected).toHaveLength(150);
    for (const r of rejected) expect(r.reason).toMatchObject({ code: 'OUT_OF_STOCK', details: { sku, requested: 1, available: 0 } });
    expect(await stockOf(sku)).toEqual({ onHand: 50, reserved: 50, available: 0 });
    expect(await prisma.stockMovement.count({ where: { sku, kind: 'RESERVE' } })).toBe(50);
  });

  it('locks multi-line reservations in one order, so crossing line orders never deadlock', async () => {
    const [a, b] = [newSku('a'), newSku('b')];
    await adjust(a, 100);
    await adjust(b, 100);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => {
        const lines = i % 2 === 0 ? [{ sku: a, quantity: 1 }, { sku: b, quantity: 1 }] : [{ sku: b, quantity: 1 }, { sku: a, quantity: 1 }];
        return reserve({ reservationId: randomUUID(), orderId: randomUUID(), lines });
      }),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await stockOf(a)).toEqual({ onHand: 100, reserved: 40, available: 60 });
    expect(await stockOf(b)).toEqual({ onHand: 100, reserved: 40, available: 60 });
  });

  it('has CHECK constraints that reject an oversell even from a direct UPDATE', async () => {
    const sku = newSku();
    await adjust(sku, 2);
    await expect(prisma.$executeRaw`UPDATE inventory.stock SET reserved = on_hand + 1 WHERE sku = ${sku}`).rejects.toThrow(/stock_reserved_within_on_hand/);
    await expect(prisma.$executeRaw`UPDATE inventory.stock SET on_hand = -1 WHERE sku = ${sku}`).rejects.toThrow(/stock_on_hand_non_negative|stock_reserved_within_on_hand/);
    await expect(prisma.$executeRaw`UPDATE inventory.stock SET reserved = -1 WHERE sku = ${sku}`).rejects.toThrow(/stock_reserved_within_on_hand/);
    expect(await stockOf(sku)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });

  it('expires abandoned reservations exactly once, even with two sweepers running at the same time', async () => {
    // A clock before 2000 keeps these sweeps away from every other test's live reservations, and it
    // runs backwards from run to run, so nothing a crashed earlier run left behind is ever due here.
    const past = new Date(Date.UTC(2000, 0, 1) - (Date.now() - Date.UTC(2026, 0, 1)));
    const service = new InventoryService(prisma, () => past);
    const [a, b] = [newSku('a'), newSku('b')];
    await adjust(a, 30);
    await adjust(b, 30);
    const ids: string[] = Array.from({ length: 24 }, () => randomUUID());
    const requests = ids.map((reservationId, i) => {
      const lines = i % 3 === 0 ? [{ sku: a, quantity: 1 }, { sku: b, quantity: 1 }] : [{ sku: i % 3 === 1 ? a : b, quantity: 1 }];
      return { reservationId, orderId: randomUUID(), lines, ttlSeconds: 60, idempotencyKey: key() };
    });
    for (const request of requests) await service.reserve(request);
    expect(await stockOf(a)).toMatchObject({ reserved: 16 });
    expect(await stockOf(b)).toMatchObject({ reserved: 16 });

    // Not due yet: nothing of ours expires.
    expect((await expireReservations(prisma, new Date(past.getTime() + 59_000), 1000)).filter((id) => ids.includes(id))).toEqual([]);

    const due = new Date(past.getTime() + 61_000);
    const sweeper = async () => {
      const expired: string[] = [];
      for (let batch = await expireReservations(prisma, due, 3); batch.length > 0; batch = await expireReservations(prisma, due, 3)) expired.push(...batch);
      return expired;
    };
    const [first, second] = await Promise.all([sweeper(), sweeper()]);
    const ours = [...first, ...second].filter((id) => ids.includes(id));
    expect([...ours].sort()).toEqual([...ids].sort());

    expect(await stockOf(a)).toEqual({ onHand: 30, reserved: 0, available: 30 });
    expect(await stockOf(b)).toEqual({ onHand: 30, reserved: 0, available: 30 });
    const expiries = await prisma.stockMovement.findMany({ where: { reservationId: { in: ids }, kind: 'EXPIRE' } });
    expect(expiries).toHaveLength(32);
    expect(expiries.every((m) => m.quantity === -1)).toBe(true);
    expect(await prisma.reservation.count({ where: { id: { in: ids }, status: 'EXPIRED' } })).toBe(24);

    // An expired reservation can be neither released again nor committed, nor reserved again by a reset (same key).
    expect(await release(ids[0]!)).toMatchObject({ status: 'EXPIRED' });
    await expect(commit(ids[1]!)).rejects.toMatchObject({ code: 'STEP_UNDONE', details: { status: 'EXPIRED' } });
    await expect(reserve(requests[2]!)).rejects.toMatchObject({ code: 'STEP_UNDONE', details: { status: 'EXPIRED' } });
    expect(await stockOf(a)).toEqual({ onHand: 30, reserved: 0, available: 30 });
  });
});
