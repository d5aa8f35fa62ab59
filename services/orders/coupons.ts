import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentSql, type Sql } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { Coupon__Output } from '../../proto/generated/checkout/orders/v1/Coupon';
import type { CouponRedemption__Output } from '../../proto/generated/checkout/orders/v1/CouponRedemption';
import type { RedeemCouponRequest__Output } from '../../proto/generated/checkout/orders/v1/RedeemCouponRequest';
import type { RestoreCouponRequest__Output } from '../../proto/generated/checkout/orders/v1/RestoreCouponRequest';

const MAX_CODE_LENGTH = 64;
const MAX_ID_LENGTH = 128;
const MAX_VALUE_MINOR = 10_000_000;
const MAX_LIMIT = 1_000_000;

/**
 * The form a code is stored and looked up in: NFKC (full-width Ｓ and half-width ｾｰﾙ become S and セール,
 * as a customer may type either), trimmed, upper case (Japanese letters have no case and stay as they are).
 */
export function normaliseCouponCode(code: string): string {
  return code.normalize('NFKC').trim().toUpperCase();
}

interface CouponRow {
  id: string;
  code: string;
  kind: 'PERCENT' | 'FIXED';
  value: number;
  minOrderMinor: number;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  validFrom: Date | null;
  validTo: Date | null;
  disabledAt: Date | null;
  redeemedCount: number;
  createdAt: Date;
}

const COUPON_COLUMNS = `id, code, kind, value, min_order_minor AS "minOrderMinor", usage_limit AS "usageLimit", per_customer_limit AS "perCustomerLimit",
  valid_from AS "validFrom", valid_to AS "validTo", disabled_at AS "disabledAt", redeemed_count AS "redeemedCount", created_at AS "createdAt"`;

/**
 * Coupon codes with usage limits (orders schema): staff create, list and disable them; the checkout
 * saga redeems one for an order before the order is created and restores it when the saga undoes.
 */
export class CouponsService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Redeems a coupon for an order. The use is taken by one conditional UPDATE (redeemed_count below
   * the usage limit, coupon enabled and within its dates), so concurrent checkouts never redeem more
   * than the limit; the per-customer limit is counted under a lock on (coupon, customer). A repeated
   * call for the order answers its redemption; an order whose coupon was restored is STEP_UNDONE.
   */
  async redeem(request: RedeemCouponRequest__Output, context: CallContext = {}): Promise<CouponRedemption__Output> {
    const orderId = requireId(request.orderId, 'orderId');
    const customerId = requireId(request.customerId, 'customerId');
    const code = parseCode(request.code);
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<CouponRedemption__Output> => {
      const existing = prefetched[0] as { code: string | null; status: string } | undefined;
      if (existing?.status === 'RESTORED') throw stepUndone(orderId);
      if (existing) {
        if (existing.code !== code) throw new DomainError('CONFLICT', `order ${orderId} already redeemed another coupon`, { orderId });
        return { orderId, code, status: 'REDEEMED' };
      }
      const coupon = (await sql.rows<CouponRow & { usable: boolean }>(`SELECT ${COUPON_COLUMNS}, (disabled_at IS NULL AND (valid_from IS NULL OR valid_from <= now()) AND (valid_to IS NULL OR valid_to > now())) AS usable FROM orders.coupons WHERE code = $1`, [code]))[0];
      if (!coupon || !coupon.usable) throw new DomainError('COUPON_INVALID', `coupon ${code} is unknown, disabled or not valid now`, { code });
      if (coupon.perCustomerLimit !== null) {
        const [counted] = await sql.rows<{ used: number }>(`SELECT count(*)::int AS used FROM orders.coupon_redemptions WHERE coupon_id = $1 AND customer_id = $2 AND status = 'REDEEMED'`, [coupon.id, customerId]);
        if ((counted?.used ?? 0) >= coupon.perCustomerLimit) throw exhausted(code, 'perCustomer');
      }
      // The use and the redemption in one statement: the redemption is written only when the count moved.
      const taken = await sql.count(
        `WITH taken AS (
           UPDATE orders.coupons SET redeemed_count = redeemed_count + 1
            WHERE id = $1 AND (usage_limit IS NULL OR redeemed_count < usage_limit)
              AND disabled_at IS NULL AND (valid_from IS NULL OR valid_from <= now()) AND (valid_to IS NULL OR valid_to > now())
           RETURNING id
         )
         INSERT INTO orders.coupon_redemptions (order_id, coupon_id, customer_id, status) SELECT $2, id, $3, 'REDEEMED' FROM taken`,
        [coupon.id, orderId, customerId],
      );
      if (taken === 0) throw exhausted(code, 'total');
      return { orderId, code, status: 'REDEEMED' };
    };
    return idempotentSql(this.prisma, 'orders', request.idempotencyKey, 'RedeemCoupon', fn, {
      deadline: context.deadline,
      // Calls for one order queue (a redeem racing its restore); one customer's checkouts queue on the coupon's per-customer count.
      locks: [redemptionLock(orderId), `orders/coupon-customer:${code}:${customerId}`],
      prefetch: redemptionQuery(orderId),
      undone: async (_sql, prefetched) => {
        if ((prefetched[0] as { status: string } | undefined)?.status === 'RESTORED') throw stepUndone(orderId);
        return false;
      },
    });
  }

  /** Undo of redeem: gives the use back once; an order that redeemed nothing leaves a tombstone so a late redeem is refused. */
  async restore(request: RestoreCouponRequest__Output, context: CallContext = {}): Promise<CouponRedemption__Output> {
    const orderId = requireId(request.orderId, 'orderId');
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<CouponRedemption__Output> => {
      const existing = prefetched[0] as { code: string | null; status: string } | undefined;
      if (!existing) {
        await sql.count(`INSERT INTO orders.coupon_redemptions (order_id, coupon_id, customer_id, status) VALUES ($1, NULL, '', 'RESTORED')`, [orderId]);
        return { orderId, code: '', status: 'RESTORED' };
      }
      if (existing.status === 'REDEEMED') {
        await sql.count(
          `WITH restored AS (
             UPDATE orders.coupon_redemptions SET status = 'RESTORED', at = now() WHERE order_id = $1 AND status = 'REDEEMED' RETURNING coupon_id
           )
           UPDATE orders.coupons SET redeemed_count = redeemed_count - 1 WHERE id IN (SELECT coupon_id FROM restored)`,
          [orderId],
        );
      }
      return { orderId, code: existing.code ?? '', status: 'RESTORED' };
    };
    return idempotentSql(this.prisma, 'orders', request.idempotencyKey, 'RestoreCoupon', fn, {
      deadline: context.deadline,
      locks: [redemptionLock(orderId)],
      prefetch: redemptionQuery(orderId),
    });
  }

  /**
   * Whether a customer could redeem the coupon now: COUPON_INVALID (unknown, disabled, outside its
   * dates) or COUPON_EXHAUSTED (total or per-customer limit reached). Takes nothing: the api asks it
   * before starting a checkout so a bad code is a 4xx, and the saga's redeem still decides under load.
   */
  async check(request: { code: string; customerId: string }): Promise<Coupon__Output> {
    const code = parseCode(request.code);
    const rows = await this.prisma.$queryRawUnsafe<(CouponRow & { usable: boolean; usedByCustomer: number })[]>(
      `SELECT ${COUPON_COLUMNS}, (disabled_at IS NULL AND (valid_from IS NULL OR valid_from <= now()) AND (valid_to IS NULL OR valid_to > now())) AS usable,
              (SELECT count(*)::int FROM orders.coupon_redemptions r WHERE r.coupon_id = c.id AND r.customer_id = $2 AND r.status = 'REDEEMED') AS "usedByCustomer"
         FROM orders.coupons c WHERE code = $1`,
      code,
      request.customerId,
    );
    const coupon = rows[0];
    if (!coupon || !coupon.usable) throw new DomainError('COUPON_INVALID', `coupon ${code} is unknown, disabled or not valid now`, { code });
    if (coupon.usageLimit !== null && coupon.redeemedCount >= coupon.usageLimit) throw exhausted(code, 'total');
    if (coupon.perCustomerLimit !== null && coupon.usedByCustomer >= coupon.perCustomerLimit) throw exhausted(code, 'perCustomer');
    return toCoupon(coupon);
  }

  /** Creates a coupon; a code already in use (after normalisation) is ALREADY_EXISTS. */
  async create(request: Coupon__Output): Promise<Coupon__Output> {
    const code = parseCode(request.code);
    const kind = request.kind.trim().toUpperCase();
    if (kind !== 'PERCENT' && kind !== 'FIXED') throw invalid('kind', 'must be PERCENT or FIXED');
    const value = Number(request.value);
    if (!Number.isSafeInteger(value) || value < 1 || value > (kind === 'PERCENT' ? 100 : MAX_VALUE_MINOR)) throw invalid('value', kind === 'PERCENT' ? 'must be 1..100 (percent)' : `must be 1..${MAX_VALUE_MINOR} (yen)`);
    const minOrderMinor = Number(request.minOrderMinor);
    if (!Number.isSafeInteger(minOrderMinor) || minOrderMinor < 0 || minOrderMinor > MAX_VALUE_MINOR) throw invalid('minOrderMinor', `must be 0..${MAX_VALUE_MINOR}`);
    for (const field of ['usageLimit', 'perCustomerLimit'] as const) {
      if (!Number.isInteger(request[field]) || request[field] < 0 || request[field] > MAX_LIMIT) throw invalid(field, `must be 0 (unlimited) to ${MAX_LIMIT}`);
    }
    const validFrom = parseInstant(request.validFrom, 'validFrom');
    const validTo = parseInstant(request.validTo, 'validTo');
    if (validFrom && validTo && validTo <= validFrom) throw invalid('validTo', 'must be after validFrom');
    const exists = await this.prisma.coupon.findUnique({ where: { code }, select: { id: true } });
    if (exists) throw new DomainError('ALREADY_EXISTS', `a coupon ${code} already exists`, { code });
    try {
      const row = await this.prisma.coupon.create({
        data: { id: randomUUID(), code, kind, value, minOrderMinor, usageLimit: request.usageLimit || null, perCustomerLimit: request.perCustomerLimit || null, validFrom, validTo },
      });
      return toCoupon(row as CouponRow);
    } catch (err) {
      // Two creations of one code at once: the unique index decides.
      if ((err as { code?: string }).code === 'P2002') throw new DomainError('ALREADY_EXISTS', `a coupon ${code} already exists`, { code });
      throw err;
    }
  }

  /** Every coupon, newest first. */
  async list(): Promise<Coupon__Output[]> {
    const rows = await this.prisma.coupon.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
    return rows.map((row) => toCoupon(row as CouponRow));
  }

  /** Disables a coupon from now on (redemptions already made stay); disabling it again changes nothing. */
  async disable(request: { id: string }): Promise<Coupon__Output> {
    const id = requireId(request.id, 'id');
    const rows = await this.prisma.$queryRawUnsafe<CouponRow[]>(
      `UPDATE orders.coupons SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1 RETURNING ${COUPON_COLUMNS}`,
      id,
    );
    if (!rows[0]) throw new DomainError('NOT_FOUND', `no coupon ${id}`, { id });
    return toCoupon(rows[0]);
  }
}

function redemptionLock(orderId: string): string {
  return `orders/coupon-order:${orderId}`;
}

function redemptionQuery(orderId: string) {
  return {
    text: `SELECT c.code, r.status FROM orders.coupon_redemptions r LEFT JOIN orders.coupons c ON c.id = r.coupon_id WHERE r.order_id = $1`,
    values: [orderId],
  };
}

function stepUndone(orderId: string): DomainError {
  return new DomainError('STEP_UNDONE', `the coupon of order ${orderId} was restored: its checkout was undone`, { orderId });
}

function exhausted(code: string, limit: 'total' | 'perCustomer'): DomainError {
  return new DomainError('COUPON_EXHAUSTED', limit === 'total' ? `coupon ${code} has been used up` : `coupon ${code} was already used as often as one customer may`, { code, limit });
}

function parseCode(raw: string): string {
  const code = normaliseCouponCode(raw);
  if (!code || [...code].length > MAX_CODE_LENGTH) throw invalid('code', `is required (at most ${MAX_CODE_LENGTH} characters)`);
  // PostgreSQL text cannot hold NUL, and no one types a control character into a coupon field.
  if (/\p{Cc}/u.test(code)) throw invalid('code', 'must not contain control characters');
  return code;
}

function parseInstant(value: string, field: string): Date | null {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw invalid(field, 'must be an ISO 8601 instant');
  return at;
}

function requireId(value: string, field: string): string {
  if (!value || value.length > MAX_ID_LENGTH) throw invalid(field, `is required (at most ${MAX_ID_LENGTH} characters)`);
  return value;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field} ${message}`, { field });
}

function toCoupon(row: CouponRow): Coupon__Output {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    value: row.value,
    minOrderMinor: row.minOrderMinor,
    usageLimit: row.usageLimit ?? 0,
    perCustomerLimit: row.perCustomerLimit ?? 0,
    validFrom: row.validFrom?.toISOString() ?? '',
    validTo: row.validTo?.toISOString() ?? '',
    disabledAt: row.disabledAt?.toISOString() ?? '',
    redeemedCount: row.redeemedCount,
    createdAt: row.createdAt.toISOString(),
  };
}
