import { DomainError } from '../../lib/errors';
import { idempotentCall, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { Balance__Output } from '../../proto/generated/checkout/loyalty/v1/Balance';
import type { EarnRequest__Output } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import type { GetBalanceRequest__Output } from '../../proto/generated/checkout/loyalty/v1/GetBalanceRequest';
import type { PointsChange__Output } from '../../proto/generated/checkout/loyalty/v1/PointsChange';
import type { RedeemRequest__Output } from '../../proto/generated/checkout/loyalty/v1/RedeemRequest';
import type { RestoreRequest__Output } from '../../proto/generated/checkout/loyalty/v1/RestoreRequest';
import { decideEarn, decideRedeem, decideRestore, MAX_BALANCE, parsePoints, type Decision, type EntryKind, type OrderEntry } from './loyalty-rules';

const MAX_ID_LENGTH = 128;
const MAX_HISTORY = 100;

/** Loyalty points: one balance per customer, changed only together with a ledger entry per order and kind. */
export class LoyaltyService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Credits points for a completed order (creating the account on first use); earning twice for one order changes nothing. */
  async earn(request: EarnRequest__Output): Promise<PointsChange__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const orderId = requireId(request.orderId, 'orderId');
    const points = parsePoints(request.points);
    return this.change(request.idempotencyKey, 'Earn', customerId, orderId, (entries) => decideEarn(entries, { customerId, points }));
  }

  /** Debits points for an order with a conditional decrement: INSUFFICIENT_POINTS when the balance does not cover them. */
  async redeem(request: RedeemRequest__Output): Promise<PointsChange__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const orderId = requireId(request.orderId, 'orderId');
    const points = parsePoints(request.points);
    return this.change(request.idempotencyKey, 'Redeem', customerId, orderId, (entries) => decideRedeem(entries, { customerId, orderId, points }));
  }

  /** Gives back what an order redeemed; an order that redeemed nothing succeeds with kind NONE and can no longer redeem. */
  async restore(request: RestoreRequest__Output): Promise<PointsChange__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const orderId = requireId(request.orderId, 'orderId');
    return this.change(request.idempotencyKey, 'Restore', customerId, orderId, (entries) => decideRestore(entries, { customerId }));
  }

  /** Returns a customer's balance (0 without an account) and the latest ledger entries, newest first. */
  async getBalance(request: GetBalanceRequest__Output): Promise<Balance__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const limit = request.historyLimit;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_HISTORY) {
      throw new DomainError('VALIDATION_FAILED', `historyLimit must be an integer from 0 to ${MAX_HISTORY}`, { field: 'historyLimit' });
    }
    const [account, entries] = await Promise.all([
      this.prisma.loyaltyAccount.findUnique({ where: { customerId }, select: { balance: true } }),
      limit === 0
        ? []
        : this.prisma.loyaltyLedgerEntry.findMany({ where: { customerId, points: { not: 0 } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit }),
    ]);
    return {
      customerId,
      balance: account?.balance ?? 0,
      entries: entries.map((e) => ({ orderId: e.orderId, kind: e.kind, points: e.points, at: e.at.toISOString() })),
    };
  }

  /**
   * Applies a decision about one order's points in one idempotent transaction: the order's entries
   * are read under an advisory lock on the order id, so concurrent calls for one order (under
   * different keys) queue and see each other's entries.
   */
  private change(idempotencyKey: string, operation: string, customerId: string, orderId: string, decide: (entries: OrderEntry[]) => Decision): Promise<PointsChange__Output> {
    return idempotentCall(this.prisma, 'loyalty', idempotencyKey, operation, async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`loyalty/order:${orderId}`}, 0))`;
      const rows = await tx.loyaltyLedgerEntry.findMany({ where: { orderId }, select: { customerId: true, orderId: true, kind: true, points: true } });
      const decision = decide(rows.map((r) => ({ ...r, kind: r.kind as EntryKind })));
      if (decision.action === 'replay') return view(decision.entry, await balanceOf(tx, customerId));
      const balance = decision.points < 0 ? await debit(tx, customerId, -decision.points) : await credit(tx, customerId, decision.points);
      await tx.loyaltyLedgerEntry.create({ data: { customerId, orderId, kind: decision.kind, points: decision.points } });
      return view({ customerId, orderId, kind: decision.kind, points: decision.points }, balance);
    });
  }
}

/** Adds points to a balance, creating the account on first use; CONFLICT if it would overflow. */
async function credit(tx: Tx, customerId: string, points: number): Promise<number> {
  const rows = await tx.$queryRaw<{ balance: number }[]>`
    INSERT INTO "loyalty"."accounts" (customer_id, balance, updated_at) VALUES (${customerId}, ${points}, now())
    ON CONFLICT (customer_id) DO UPDATE SET balance = "accounts".balance + EXCLUDED.balance, updated_at = now()
      WHERE "accounts".balance <= ${MAX_BALANCE - points}
    RETURNING balance`;
  if (!rows[0]) throw new DomainError('CONFLICT', `the points balance of ${customerId} cannot grow by ${points}`, { customerId });
  return rows[0].balance;
}

/** Takes points off a balance only if it covers them, in one statement (no read-then-write race). */
async function debit(tx: Tx, customerId: string, points: number): Promise<number> {
  const rows = await tx.$queryRaw<{ balance: number }[]>`
    UPDATE "loyalty"."accounts" SET balance = balance - ${points}, updated_at = now()
    WHERE customer_id = ${customerId} AND balance >= ${points}
    RETURNING balance`;
  if (rows[0]) return rows[0].balance;
  const balance = await balanceOf(tx, customerId);
  throw new DomainError('INSUFFICIENT_POINTS', `the balance of ${balance} points does not cover ${points}`, { balance, requested: points });
}

async function balanceOf(db: Tx, customerId: string): Promise<number> {
  const account = await db.loyaltyAccount.findUnique({ where: { customerId }, select: { balance: true } });
  return account?.balance ?? 0;
}

function view(entry: OrderEntry, balance: number): PointsChange__Output {
  // A 0-point RESTORE is the record that there was nothing to give back.
  const kind = entry.kind === 'RESTORE' && entry.points === 0 ? 'NONE' : entry.kind;
  return { customerId: entry.customerId, orderId: entry.orderId, kind, points: entry.points, balance };
}

function requireId(value: string, field: string): string {
  if (!value || value.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `${field} is required (at most ${MAX_ID_LENGTH} characters)`, { field });
  return value;
}
