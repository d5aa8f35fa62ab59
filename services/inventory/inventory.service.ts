import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentCall, idempotentSql, type Prefetch, type Sql, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { AdjustStockRequest__Output } from '../../proto/generated/checkout/inventory/v1/AdjustStockRequest';
import type { Reservation__Output } from '../../proto/generated/checkout/inventory/v1/Reservation';
import type { ReservationLine__Output } from '../../proto/generated/checkout/inventory/v1/ReservationLine';
import type { ReservationRef__Output } from '../../proto/generated/checkout/inventory/v1/ReservationRef';
import type { ReserveRequest__Output } from '../../proto/generated/checkout/inventory/v1/ReserveRequest';
import type { Stock__Output } from '../../proto/generated/checkout/inventory/v1/Stock';
import { inLockOrder, validateReserveRequest } from './reserve-request';
import { logMovements, type MovementKind } from './stock-movements';

const MAX_REASON_LENGTH = 500;

/**
 * Stock per SKU and the reservations the checkout holds on it. Stock can never be oversold: every
 * reservation is a conditional UPDATE that only succeeds while enough is available, and the table's
 * CHECK constraints (reserved <= on_hand, both >= 0) are the last line of defence.
 */
export class InventoryService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date,
  ) {}

  /**
   * Reserves every line or none (OUT_OF_STOCK with {sku, requested, available}); an existing
   * reservation id answers with that reservation without reserving again (CONFLICT if it belongs
   * to another order). Statuses of stored reservations: RESERVED, COMMITTED, RELEASED, EXPIRED.
   * A reservation already released or expired (or the tombstone of a Release that came first) is
   * STEP_UNDONE, also for a replay of the key's stored success (a Temporal reset): never a stale RESERVED.
   *
   * An unknown SKU is OUT_OF_STOCK with available 0, not NOT_FOUND: for the checkout there is no
   * difference between a SKU nobody stocks and one sold out, and one code keeps callers simple.
   */
  async reserve(request: ReserveRequest__Output, context: CallContext = {}): Promise<Reservation__Output> {
    const valid = validateReserveRequest(request);
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<Reservation__Output> => {
      const existing = reservationOf(prefetched);
      if (existing) {
        // A tombstone left by a Release of an unknown id has no order: it refuses any Reserve of that id.
        if (existing.orderId !== valid.orderId && existing.orderId !== '') {
          throw new DomainError('CONFLICT', `reservation ${valid.reservationId} belongs to another order`, {
            reservationId: valid.reservationId,
          });
        }
        if (isUndone(existing.status)) throw stepUndone(valid.reservationId, existing.status);
        return existing;
      }
      // valid.lines come in lock order, so concurrent multi-line reservations cannot deadlock.
      for (const line of valid.lines) {
        const updated = await sql.count(
          'UPDATE inventory.stock SET reserved = reserved + $2, updated_at = now() WHERE sku = $1 AND on_hand - reserved >= $2',
          [line.sku, line.quantity],
        );
        if (updated === 0) {
          const rows = await sql.rows<{ available: number }>('SELECT on_hand - reserved AS available FROM inventory.stock WHERE sku = $1', [line.sku]);
          const available = rows[0]?.available ?? 0;
          throw new DomainError('OUT_OF_STOCK', `only ${available} of ${line.sku} available, ${line.quantity} requested`, {
            sku: line.sku,
            requested: line.quantity,
            available,
          });
        }
      }
      const expiresAt = new Date(this.now().getTime() + valid.ttlSeconds * 1000);
      // The reservation, its lines and their movements in one statement (foreign keys are checked at its end).
      await sql.count(
        `WITH reservation AS (
           INSERT INTO inventory.reservations (id, order_id, status, expires_at, updated_at) VALUES ($1, $2, 'RESERVED', $3, now())
         ), reserved_lines AS (
           INSERT INTO inventory.reservation_lines (reservation_id, sku, quantity) SELECT $1, sku, quantity FROM unnest($4::text[], $5::int[]) AS l(sku, quantity)
         )
         INSERT INTO inventory.movements (sku, kind, quantity, reservation_id) SELECT sku, 'RESERVE', quantity, $1 FROM unnest($4::text[], $5::int[]) AS l(sku, quantity)`,
        [valid.reservationId, valid.orderId, expiresAt, valid.lines.map((l) => l.sku), valid.lines.map((l) => l.quantity)],
      );
      return toReservation({ id: valid.reservationId, orderId: valid.orderId, status: 'RESERVED', expiresAt }, valid.lines);
    };
    return idempotentSql(this.prisma, 'inventory', valid.idempotencyKey, 'Reserve', fn, {
      deadline: context.deadline,
      // Every call on one reservation id holds its lock (see lockReservationId), taken with the key's.
      locks: [reservationLock(valid.reservationId)],
      prefetch: reservationQuery(valid.reservationId, ''),
      undone: async (_sql, prefetched) => reservationUndone(prefetched),
    });
  }

  /**
   * Gives a reservation's stock back and marks it RELEASED; succeeds doing nothing when there is
   * nothing to release (status NONE, or the current RELEASED/EXPIRED status).
   *
   * Releasing a COMMITTED reservation restocks it (on_hand += quantity, movement RESTOCK): that is
   * how a refund or a cancellation after completion puts the sold goods back on sale.
   * Releasing an unknown id records it as released (a tombstone) and answers NONE, so a Reserve of
   * that id still in flight (its caller gave up on it) can no longer hold stock afterwards.
   */
  async release(request: ReservationRef__Output, context: CallContext = {}): Promise<Reservation__Output> {
    requireReservationId(request);
    const fn = async (tx: Tx): Promise<Reservation__Output> => {
      await lockReservationId(tx, request.reservationId);
      const current = await lockReservation(tx, request.reservationId);
      if (!current) {
        await tx.reservation.create({ data: { id: request.reservationId, orderId: '', status: 'RELEASED', expiresAt: this.now() } });
        return { reservationId: request.reservationId, orderId: '', status: 'NONE', lines: [], expiresAt: '' };
      }
      const lines = await linesOf(tx, current.id);
      if (current.status === 'RESERVED') {
        for (const line of lines) {
          await changeStockOrFail(tx, line.sku, tx.$executeRaw`
            UPDATE inventory.stock SET reserved = reserved - ${line.quantity}, updated_at = now()
            WHERE sku = ${line.sku} AND reserved >= ${line.quantity}`);
        }
        await logMovements(tx, 'RELEASE', current.id, lines, -1);
      } else if (current.status === 'COMMITTED') {
        for (const line of lines) {
          await changeStockOrFail(tx, line.sku, tx.$executeRaw`
            UPDATE inventory.stock SET on_hand = on_hand + ${line.quantity}, updated_at = now() WHERE sku = ${line.sku}`);
        }
        await logMovements(tx, 'RESTOCK', current.id, lines, +1);
      } else {
        return toReservation(current, lines);
      }
      await tx.reservation.update({ where: { id: current.id }, data: { status: 'RELEASED' } });
      return toReservation({ ...current, status: 'RELEASED' }, lines);
    };
    return idempotentCall(this.prisma, 'inventory', request.idempotencyKey, 'Release', fn, { deadline: context.deadline });
  }

  /**
   * Turns a RESERVED reservation into sold stock (on_hand and reserved both drop); committing a
   * COMMITTED one answers with it, an unknown one is a CONFLICT, and a RELEASED or EXPIRED one is
   * STEP_UNDONE (its Reserve was undone), also for a replay of the key's stored success. A reservation
   * past its expiry that the sweeper has not reached yet still holds its stock, so it commits.
   */
  async commit(request: ReservationRef__Output, context: CallContext = {}): Promise<Reservation__Output> {
    requireReservationId(request);
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<Reservation__Output> => {
      const current = reservationOf(prefetched);
      if (!current) {
        throw new DomainError('CONFLICT', `no reservation ${request.reservationId} to commit`, { reservationId: request.reservationId, status: 'NONE' });
      }
      if (current.status === 'COMMITTED') return current;
      if (isUndone(current.status)) throw stepUndone(current.reservationId, current.status);
      if (current.status !== 'RESERVED') {
        throw new DomainError('CONFLICT', `reservation ${current.reservationId} is ${current.status} and cannot be committed`, {
          reservationId: current.reservationId,
          status: current.status,
        });
      }
      for (const line of current.lines) {
        const count = await sql.count(
          'UPDATE inventory.stock SET on_hand = on_hand - $2, reserved = reserved - $2, updated_at = now() WHERE sku = $1 AND reserved >= $2',
          [line.sku, line.quantity],
        );
        if (count !== 1) throw brokenStock(line.sku);
      }
      await sql.count(
        `WITH committed AS (UPDATE inventory.reservations SET status = 'COMMITTED', updated_at = now() WHERE id = $1)
         INSERT INTO inventory.movements (sku, kind, quantity, reservation_id) SELECT sku, 'COMMIT', -quantity, $1 FROM unnest($2::text[], $3::int[]) AS l(sku, quantity)`,
        [current.reservationId, current.lines.map((l) => l.sku), current.lines.map((l) => l.quantity)],
      );
      return { ...current, status: 'COMMITTED' };
    };
    return idempotentSql(this.prisma, 'inventory', request.idempotencyKey, 'Commit', fn, {
      deadline: context.deadline,
      locks: [reservationLock(request.reservationId)],
      // Row-locked, so the expiry sweeper (SKIP LOCKED) leaves it alone meanwhile.
      prefetch: reservationQuery(request.reservationId, 'FOR UPDATE OF r'),
      undone: async (_sql, prefetched) => reservationUndone(prefetched),
    });
  }

  /** Returns the stock of a SKU, or NOT_FOUND when the SKU has never been stocked. */
  async getStock(sku: string): Promise<Stock__Output> {
    if (!sku.trim()) throw new DomainError('VALIDATION_FAILED', 'sku is required');
    const row = await this.prisma.stock.findUnique({ where: { sku } });
    if (!row) throw new DomainError('NOT_FOUND', `no stock for sku ${sku}`, { sku });
    return toStock(row);
  }

  /**
   * Adds (or with a negative delta removes) stock on hand and logs an ADJUST movement; a positive
   * delta creates the SKU's stock row, and removing stock that is reserved is a CONFLICT. With an
   * idempotency key a repeated call answers with the first result and adjusts (and logs) once.
   */
  async adjustStock(request: AdjustStockRequest__Output, context: CallContext = {}): Promise<Stock__Output> {
    const { sku, delta } = request;
    if (!sku.trim()) throw new DomainError('VALIDATION_FAILED', 'sku is required');
    if (!Number.isSafeInteger(delta)) throw new DomainError('VALIDATION_FAILED', 'delta must be an integer');
    if (request.reason.length > MAX_REASON_LENGTH) throw new DomainError('VALIDATION_FAILED', `reason is longer than ${MAX_REASON_LENGTH} characters`);
    const adjust = async (tx: Tx): Promise<Stock__Output> => {
      let rows: StockRow[];
      if (delta >= 0) {
        rows = await tx.$queryRaw<StockRow[]>`
          INSERT INTO inventory.stock (sku, on_hand, reserved, updated_at) VALUES (${sku}, ${delta}, 0, now())
          ON CONFLICT (sku) DO UPDATE SET on_hand = stock.on_hand + EXCLUDED.on_hand, updated_at = now()
          RETURNING sku, on_hand AS "onHand", reserved`;
      } else {
        rows = await tx.$queryRaw<StockRow[]>`
          UPDATE inventory.stock SET on_hand = on_hand + ${delta}, updated_at = now()
          WHERE sku = ${sku} AND on_hand + ${delta} >= reserved
          RETURNING sku, on_hand AS "onHand", reserved`;
      }
      const row = rows[0];
      if (!row) {
        const current = await tx.stock.findUnique({ where: { sku } });
        if (!current) throw new DomainError('NOT_FOUND', `no stock for sku ${sku}`, { sku });
        throw new DomainError('CONFLICT', `removing ${-delta} of ${sku} would leave less on hand than is reserved`, {
          sku,
          delta,
          onHand: current.onHand,
          reserved: current.reserved,
        });
      }
      if (delta !== 0) {
        await tx.stockMovement.create({ data: { sku, kind: 'ADJUST' satisfies MovementKind, quantity: delta, reason: request.reason || null } });
      }
      return toStock(row);
    };
    // Seed data and test fixtures adjust without a key; every staff adjustment carries one.
    if (!request.idempotencyKey) return this.prisma.$transaction(adjust);
    return idempotentCall(this.prisma, 'inventory', request.idempotencyKey, 'AdjustStock', adjust, { deadline: context.deadline });
  }
}

interface StockRow {
  sku: string;
  onHand: number;
  reserved: number;
}

interface ReservationRow {
  id: string;
  orderId: string;
  status: string;
  expiresAt: Date;
}

/** RELEASED and EXPIRED are undone states: the stock went back, so no forward call may answer success. */
function isUndone(status: string): boolean {
  return status === 'RELEASED' || status === 'EXPIRED';
}

function stepUndone(reservationId: string, status: string): DomainError {
  return new DomainError('STEP_UNDONE', `reservation ${reservationId} is ${status}: its stock was given back`, { reservationId, status });
}

/** The `undone` check of Reserve and Commit: STEP_UNDONE once the reservation was released or expired (read after its id's lock, see `locks`). */
function reservationUndone(prefetched: unknown[]): false {
  const row = prefetched[0] as { id: string; status: string } | undefined;
  if (row && isUndone(row.status)) throw stepUndone(row.id, row.status);
  return false;
}

function requireReservationId(request: ReservationRef__Output): void {
  if (!request.reservationId.trim()) throw new DomainError('VALIDATION_FAILED', 'reservationId is required');
}

/**
 * Serialises every call on one reservation id, including while its row does not exist yet, so a
 * Reserve and a Release of the same id (or two Reserves under different keys) never interleave.
 */
async function lockReservationId(tx: Tx, reservationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${reservationLock(reservationId)}, 0))`;
}

function reservationLock(reservationId: string): string {
  return `inventory:reservation:${reservationId}`;
}

/** Reads and row-locks a reservation, so the expiry sweeper (SKIP LOCKED) leaves it alone meanwhile. */
async function lockReservation(tx: Tx, id: string): Promise<ReservationRow | undefined> {
  const rows = await tx.$queryRaw<ReservationRow[]>`
    SELECT id, order_id AS "orderId", status, expires_at AS "expiresAt" FROM inventory.reservations WHERE id = ${id} FOR UPDATE`;
  return rows[0];
}

async function linesOf(tx: Tx, reservationId: string): Promise<ReservationLine__Output[]> {
  const rows = await tx.reservationLine.findMany({ where: { reservationId } });
  return inLockOrder(rows.map((r) => ({ sku: r.sku, quantity: r.quantity })));
}

async function availableOf(tx: Tx, sku: string): Promise<number> {
  const row = await tx.stock.findUnique({ where: { sku } });
  return row ? row.onHand - row.reserved : 0;
}

/** Runs a stock UPDATE that must touch its row; anything else means the books disagree, which is no business outcome. */
async function changeStockOrFail(tx: Tx, sku: string, update: Promise<number>): Promise<void> {
  const count = await update;
  if (count !== 1) throw brokenStock(sku);
}

function brokenStock(sku: string): DomainError {
  return new DomainError('INTERNAL', `inventory invariant broken: stock row of ${sku} missing or short of reserved quantity`, { sku });
}

/** A reservation with its lines, in one statement (sent ahead, see Prefetch); `lock` row-locks the reservation. */
function reservationQuery(id: string, lock: '' | 'FOR UPDATE OF r'): Prefetch {
  return {
    text: `SELECT r.id, r.order_id AS "orderId", r.status, r.expires_at AS "expiresAt",
                  COALESCE((SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity)) FROM inventory.reservation_lines l WHERE l.reservation_id = r.id), '[]') AS lines
             FROM inventory.reservations r WHERE r.id = $1 ${lock}`,
    values: [id],
  };
}

/** The reservation of reservationQuery's rows (lines in lock order), if any. */
function reservationOf(rows: unknown[]): Reservation__Output | undefined {
  const row = rows[0] as (Omit<ReservationRow, 'expiresAt'> & { expiresAt: string | Date; lines: ReservationLine__Output[] }) | undefined;
  // The simple query protocol reads timestamptz as node-postgres does: a Date.
  return row ? toReservation({ ...row, expiresAt: new Date(row.expiresAt) }, inLockOrder(row.lines)) : undefined;
}

function toReservation(row: ReservationRow, lines: ReservationLine__Output[]): Reservation__Output {
  return { reservationId: row.id, orderId: row.orderId, status: row.status, lines, expiresAt: row.expiresAt.toISOString() };
}

function toStock(row: StockRow): Stock__Output {
  return { sku: row.sku, onHand: row.onHand, reserved: row.reserved, available: row.onHand - row.reserved };
}
