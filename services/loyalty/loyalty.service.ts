import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentCall, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { Balance__Output } from '../../proto/generated/checkout/loyalty/v1/Balance';
import type { EarnRequest__Output } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import type { GetBalanceRequest__Output } from '../../proto/generated/checkout/loyalty/v1/GetBalanceRequest';
import type { PointsChange__Output } from '../../proto/generated/checkout/loyalty/v1/PointsChange';
import type { RedeemRequest__Output } from '../../proto/generated/checkout/loyalty/v1/RedeemRequest';
import type { RestoreRequest__Output } from '../../proto/generated/checkout/loyalty/v1/RestoreRequest';
import type { RevokeEarnedRequest__Output } from '../../proto/generated/checkout/loyalty/v1/RevokeEarnedRequest';
import { decideEarn, decideRedeem, decideRestore, decideRevoke, MAX_BALANCE, parsePoints, type Decision, type EntryKind, type OrderEntry } from './loyalty-rules';

const MAX_ID_LENGTH = 128;
const MAX_HISTORY = 100;

/** Loyalty points: one balance per customer, changed only together with a ledger entry per order and kind. */
export class LoyaltyService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Credits points for a completed order (creating the account on first use); earning twice for one
   * order changes nothing. An order whose earning was revoked is STEP_UNDONE, a replayed key included.
   */
  async earn(request: EarnRequest__Output, context: CallContext = {}): Promise<PointsChange__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const orderId = requireId(request.orderId, 'orderId');
    const points = parsePoints(request.points);
    return this.change(request.idempotencyKey, 'Earn', customerId, orderId, (entries) => decideEarn(entries, { customerId, points }), { context, undoneBy: 'REVOKE' });
  }

  /**
   * Debits points for an order with a conditional decrement: INSUFFICIENT_POINTS when the balance does
   * not cover them. An order whose points were restored is STEP_UNDONE, a replayed key included.
   */
  async redeem(request: RedeemRequest__Output, context: CallContext = {}): Promise<PointsChange__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const orderId = requireId(request.orderId, 'orderId');
    const points = parsePoints(request.points);
    return this.change(request.idempotencyKey, 'Redeem', customerId, orderId, (entries) => decideRedeem(entries, { customerId, orderId, points }), { context, undoneBy: 'RESTORE' });
  }

  /** Gives back what an order redeemed; an order that redeemed nothing succeeds with kind NONE and can no longer redeem. */
  async restore(request: RestoreRequest__Output, context: CallContext = {}): Promise<PointsChange__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const orderId = requireId(request.orderId, 'orderId');
    return this.change(request.idempotencyKey, 'Restore', customerId, orderId, (entries) => decideRestore(entries, { customerId }), { context });
  }

  /**
   * Takes back what an order earned (its refund), flooring the balance at zero and recording what
   * could not be taken as unrecovered; an order that earned nothing yet succeeds with kind NONE and
   * can no longer earn.
   */
  async revokeEarned(request: RevokeEarnedRequest__Output, context: CallContext = {}): Promise<PointsChange__Output> {
    const customerId = requireId(request.customerId, 'customerId');
    const orderId = requireId(request.orderId, 'orderId');
    return this.change(
      request.idempotencyKey,
      'RevokeEarned',
      customerId,
      orderId,
      // The account row stays locked until commit, so the balance the decision floors at cannot move meanwhile.
      async (entries, tx) => decideRevoke(entries, { customerId, balance: await lockedBalanceOf(tx, customerId) }),
      { context },
    );
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
   * different keys) queue and see each other's entries. `undoneBy` names the entry that undoes this
   * call's kind: once the order has one, a replay of the key's stored success answers STEP_UNDONE.
   */
  private change(
    idempotencyKey: string,
    operation: string,
    customerId: string,
    orderId: string,
    decide: (entries: OrderEntry[], tx: Tx) => Decision | Promise<Decision>,
    options: { context: CallContext; undoneBy?: EntryKind },
  ): Promise<PointsChange__Output> {
    const { undoneBy } = options;
    const fn = async (tx: Tx): Promise<PointsChange__Output> => {
      await lockOrder(tx, orderId);
      const rows = await tx.loyaltyLedgerEntry.findMany({ where: { orderId }, select: { customerId: true, orderId: true, kind: true, points: true, unrecoveredPoints: true } });
      const decision = await decide(rows.map((r) => ({ ...r, kind: r.kind as EntryKind })), tx);
      if (decision.action === 'replay') return view(decision.entry, await balanceOf(tx, customerId));
      const balance = decision.points < 0 ? await debit(tx, customerId, -decision.points) : await credit(tx, customerId, decision.points);
      const unrecoveredPoints = decision.unrecoveredPoints ?? 0;
      await tx.loyaltyLedgerEntry.create({ data: { customerId, orderId, kind: decision.kind, points: decision.points, unrecoveredPoints } });
      return view({ customerId, orderId, kind: decision.kind, points: decision.points, unrecoveredPoints }, balance);
    };
    return idempotentCall(this.prisma, 'loyalty', idempotencyKey, operation, fn, {
      deadline: options.context.deadline,
      undone: undoneBy
        ? async (tx) => {
            await lockOrder(tx, orderId);
            if ((await tx.loyaltyLedgerEntry.count({ where: { orderId, kind: undoneBy } })) === 0) return false;
            throw new DomainError('STEP_UNDONE', `${operation} of order ${orderId} was undone since (${undoneBy})`, { orderId, undoneBy });
          }
        : undefined,
    });
  }
}

async function lockOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`loyalty/order:${orderId}`}, 0))`;
}

/** A customer's balance, its account row locked for the rest of the transaction (0 without an account). */
async function lockedBalanceOf(tx: Tx, customerId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ balance: number }[]>`SELECT balance FROM "loyalty"."accounts" WHERE customer_id = ${customerId} FOR UPDATE`;
  return rows[0]?.balance ?? 0;
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
  const unrecoveredPoints = entry.unrecoveredPoints ?? 0;
  // A 0-point RESTORE (or REVOKE with nothing unrecovered) is the record that there was nothing to undo.
  const nothing = (entry.kind === 'RESTORE' || entry.kind === 'REVOKE') && entry.points === 0 && unrecoveredPoints === 0;
  return { customerId: entry.customerId, orderId: entry.orderId, kind: nothing ? 'NONE' : entry.kind, points: entry.points, balance, unrecoveredPoints };
}

function requireId(value: string, field: string): string {
  if (!value || value.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `${field} is required (at most ${MAX_ID_LENGTH} characters)`, { field });
  return value;
}
