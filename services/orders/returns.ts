import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentSql, sqlTransaction, type Sql } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';

const MAX_ID_LENGTH = 128;
const MAX_REASON_LENGTH = 1000;
const MAX_RETURN_LINES = 100;
/** The order_lines/quantity column is PostgreSQL `integer`. */
const MAX_QUANTITY = 2_147_483_647;

export type ReturnStatus = 'RECORDED' | 'REFUNDED' | 'CANCELLED';

export interface ReturnLineView {
  sku: string;
  quantity: number;
  amountMinor: number;
}

export interface ReturnView {
  returnId: string;
  orderId: string;
  status: ReturnStatus;
  amountMinor: number;
  currency: string;
  reason: string;
  lines: ReturnLineView[];
  createdAt: string;
}

export interface RecordReturnInput {
  orderId: string;
  /** Absent: a new id (a repeated key answers with the first return, its id included). */
  returnId?: string;
  lines: { sku: string; quantity: number }[];
  reason: string;
  idempotencyKey: string;
}

interface OrderForReturn {
  status: string;
  currency: string;
  subtotalMinor: number;
  couponDiscountMinor: number;
  pointsDiscountMinor: number;
  totalMinor: number;
  /** What earlier returns (not cancelled) refund. */
  returnedMinor: number;
  lines: { sku: string; quantity: number; unitPriceMinor: number; returned: number }[];
}

/**
 * The refund of returning `quantity` units of a line: unit price × quantity, less the line's share of the
 * order-level discounts (coupon + points) in proportion to its value in the goods subtotal, that share
 * rounded UP (the refund down) so the refunds of every unit of every line never add up to more than the
 * goods were paid. The delivery fee is not refunded by a partial return.
 */
export function returnLineAmount(unitPriceMinor: number, quantity: number, order: Pick<OrderForReturn, 'subtotalMinor' | 'couponDiscountMinor' | 'pointsDiscountMinor'>): number {
  const value = unitPriceMinor * quantity;
  const discount = order.couponDiscountMinor + order.pointsDiscountMinor;
  if (discount <= 0 || order.subtotalMinor <= 0) return value;
  // BigInt: value × discount can pass 2^53 for large orders.
  const share = (BigInt(value) * BigInt(discount) + BigInt(order.subtotalMinor) - 1n) / BigInt(order.subtotalMinor);
  return Math.max(0, value - Number(share));
}

/** Validates a return's lines (shape only; the order decides the rest): at least one, quantities ≥ 1, each sku once. */
export function parseReturnLines(lines: unknown): { sku: string; quantity: number }[] {
  if (!Array.isArray(lines) || lines.length === 0) throw new DomainError('VALIDATION_FAILED', 'lines must hold at least one {sku, quantity}', { field: 'lines' });
  if (lines.length > MAX_RETURN_LINES) throw new DomainError('VALIDATION_FAILED', `at most ${MAX_RETURN_LINES} lines`, { field: 'lines' });
  const seen = new Set<string>();
  return lines.map((line: { sku?: unknown; quantity?: unknown }, i) => {
    const sku = line?.sku;
    const quantity = line?.quantity;
    if (typeof sku !== 'string' || sku.length === 0 || sku.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `lines[${i}].sku is required`, { field: `lines[${i}].sku` });
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      throw new DomainError('VALIDATION_FAILED', `lines[${i}].quantity must be an integer of at least 1`, { field: `lines[${i}].quantity` });
    }
    if (seen.has(sku)) throw new DomainError('VALIDATION_FAILED', `sku ${sku} appears twice`, { field: `lines[${i}].sku`, sku });
    seen.add(sku);
    return { sku, quantity };
  });
}

function requireId(value: string | undefined, field: string): string {
  if (!value || value.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `${field} is required (at most ${MAX_ID_LENGTH} characters)`, { field });
  return value;
}

/** The order, its lines with what was returned of each, and what returns refund so far; row-locked so returns of one order queue. */
const ORDER_FOR_RETURN = `
  SELECT o.status::text AS status, o.currency, o.subtotal_minor AS "subtotalMinor", o.coupon_discount_minor AS "couponDiscountMinor",
         o.points_discount_minor AS "pointsDiscountMinor", o.total_minor AS "totalMinor",
         COALESCE((SELECT sum(r.amount_minor) FROM orders.order_returns r WHERE r.order_id = o.id AND r.status <> 'CANCELLED'), 0)::int AS "returnedMinor",
         COALESCE((SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity, 'unitPriceMinor', l.unit_price_minor,
                     'returned', COALESCE((SELECT sum(rl.quantity) FROM orders.order_return_lines rl JOIN orders.order_returns r ON r.id = rl.return_id
                                            WHERE r.order_id = o.id AND r.status <> 'CANCELLED' AND rl.sku = l.sku), 0)))
                     FROM orders.order_lines l WHERE l.order_id = o.id), '[]') AS lines
    FROM orders.orders o WHERE o.id = $1 FOR UPDATE OF o`;

const RETURN_QUERY = `
  SELECT r.id AS "returnId", r.order_id AS "orderId", r.status, r.amount_minor AS "amountMinor", r.currency, COALESCE(r.reason, '') AS reason,
         to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
         COALESCE((SELECT json_agg(json_build_object('sku', rl.sku, 'quantity', rl.quantity, 'amountMinor', rl.amount_minor) ORDER BY rl.sku)
                     FROM orders.order_return_lines rl WHERE rl.return_id = r.id), '[]') AS lines
    FROM orders.order_returns r`;

/**
 * Returns of part of an order (issue 11 part 3): RecordReturn checks the quantities against what was
 * bought and not yet returned and prices the refund; the return workflow then refunds it, restocks the
 * goods and marks the return REFUNDED, or cancels it (CancelReturn) when the refund is refused.
 */
export class ReturnsService {
  constructor(private readonly prisma: PrismaClient) {}

  async recordReturn(request: RecordReturnInput, context: CallContext = {}): Promise<ReturnView> {
    const orderId = requireId(request.orderId, 'orderId');
    const returnId = request.returnId ? requireId(request.returnId, 'returnId') : `ret_${randomUUID()}`;
    const lines = parseReturnLines(request.lines);
    const reason = (request.reason ?? '').trim().slice(0, MAX_REASON_LENGTH) || null;
    const key = requireId(request.idempotencyKey, 'idempotencyKey');

    const fn = async (sql: Sql, prefetched: unknown[]): Promise<ReturnView> => {
      const order = prefetched[0] as OrderForReturn | undefined;
      if (!order) throw new DomainError('NOT_FOUND', `no order ${orderId}`);
      if (order.status !== 'CONFIRMED') {
        throw new DomainError('INVALID_TRANSITION', `order ${orderId} is ${order.status}; only a completed order takes returns`, { orderId, status: order.status });
      }
      const priced = lines.map(({ sku, quantity }) => {
        const line = order.lines.find((l) => l.sku === sku);
        if (!line) throw new DomainError('VALIDATION_FAILED', `sku ${sku} is not on order ${orderId}`, { field: 'sku', sku });
        const left = line.quantity - Number(line.returned);
        if (quantity > left) {
          throw new DomainError('RETURN_QUANTITY_EXCEEDED', `${quantity} of ${sku} asked back, ${left} left to return (${line.quantity} bought)`, { sku, quantity, left, purchased: line.quantity });
        }
        return { sku, quantity, amountMinor: returnLineAmount(line.unitPriceMinor, quantity, order) };
      });
      // Never more than what is left of the order's total (the per-line rounding already keeps it below; this is the guarantee).
      const leftToRefund = Math.max(0, order.totalMinor - order.returnedMinor);
      const amountMinor = Math.min(leftToRefund, priced.reduce((sum, l) => sum + l.amountMinor, 0));
      // The return and its lines in one statement.
      await sql.count(
        `WITH created AS (
           INSERT INTO orders.order_returns (id, order_id, status, amount_minor, currency, reason, idempotency_key)
           VALUES ($1, $2, 'RECORDED', $3, $4, $5, $6)
         )
         INSERT INTO orders.order_return_lines (return_id, sku, quantity, amount_minor)
         SELECT $1, * FROM unnest($7::text[], $8::int[], $9::int[])`,
        [returnId, orderId, amountMinor, order.currency, reason, key, priced.map((l) => l.sku), priced.map((l) => l.quantity), priced.map((l) => l.amountMinor)],
      );
      const [view] = await sql.rows<ReturnView>(`${RETURN_QUERY} WHERE r.id = $1`, [returnId]);
      return view!;
    };
    return idempotentSql(this.prisma, 'orders', key, 'RecordReturn', fn, {
      deadline: context.deadline,
      prefetch: { text: ORDER_FOR_RETURN, values: [orderId] },
    });
  }

  /** The undo of RecordReturn (its refund was refused): RECORDED → CANCELLED, so its quantities can be returned again. A REFUNDED return stays as it is. */
  cancelReturn(request: { returnId: string }, context: CallContext = {}): Promise<ReturnView> {
    return this.moveReturn(request.returnId, 'CANCELLED', context);
  }

  /** The return's refund went through and its goods are back: RECORDED → REFUNDED. */
  completeReturn(request: { returnId: string }, context: CallContext = {}): Promise<ReturnView> {
    return this.moveReturn(request.returnId, 'REFUNDED', context);
  }

  /** The returns of an order, oldest first. */
  async listReturns(request: { orderId: string }): Promise<ReturnView[]> {
    return sqlTransaction(this.prisma, undefined, 'ListReturns', [], async (sql) => sql.rows<ReturnView>(`${RETURN_QUERY} WHERE r.order_id = $1 ORDER BY r.created_at, r.id`, [request.orderId]));
  }

  /** One conditional update: only a RECORDED return moves, so a repeat (or a cancel after the refund) changes nothing. */
  private async moveReturn(returnIdInput: string, to: 'CANCELLED' | 'REFUNDED', context: CallContext): Promise<ReturnView> {
    const returnId = requireId(returnIdInput, 'returnId');
    return sqlTransaction(this.prisma, context.deadline, to === 'CANCELLED' ? 'CancelReturn' : 'CompleteReturn', [], async (sql) => {
      await sql.count(`UPDATE orders.order_returns SET status = $2, updated_at = now() WHERE id = $1 AND status = 'RECORDED'`, [returnId, to]);
      const [view] = await sql.rows<ReturnView>(`${RETURN_QUERY} WHERE r.id = $1`, [returnId]);
      if (!view) throw new DomainError('NOT_FOUND', `no return ${returnId}`);
      return view;
    });
  }
}
