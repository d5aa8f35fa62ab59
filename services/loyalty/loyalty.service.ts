import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentSql, type Sql } from '../../lib/idempotent-call';
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
      async (entries, sql) => decideRevoke(entries, { customerId, balance: await lockedBalanceOf(sql, customerId) }),
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
    decide: (entries: OrderEntry[], sql: Sql) => Decision | Promise<Decision>,
    options: { context: CallContext; undoneBy?: EntryKind },
  ): Promise<PointsChange__Output> {
    const { undoneBy } = options;
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<PointsChange__Output> => {
      const decision = await decide(prefetched as OrderEntry[], sql);
      if (decision.action === 'replay') return view(decision.entry, await balanceOf(sql, customerId));
      const unrecoveredPoints = decision.unrecoveredPoints ?? 0;
      // The balance change and its ledger entry in one statement: the entry is written only when the balance changed.
      const balance = decision.points < 0 ? await debit(sql, customerId, -decision.points, decision.kind, orderId, unrecoveredPoints) : await credit(sql, customerId, decision.points, decision.kind, orderId, unrecoveredPoints);
      return view({ customerId, orderId, kind: decision.kind, points: decision.points, unrecoveredPoints }, balance);
    };
    return idempotentSql(this.prisma, 'loyalty', idempotencyKey, operation, fn, {
      deadline: options.context.deadline,
      // Concurrent calls for one order (under different keys) queue on the order's lock and see each other's entries.
      locks: [orderLock(orderId)],
      // The order's entries, read after its lock.
      prefetch: {
        text: 'SELECT customer_id AS "customerId", order_id AS "orderId", kind, points, unrecovered_points AS "unrecoveredPoints" FROM loyalty.ledger_entries WHERE order_id = $1',
        values: [orderId],
      },
      undone: undoneBy
        ? async (_sql, prefetched) => {
            if (!(prefetched as OrderEntry[]).some((entry) => entry.kind === undoneBy)) return false;
            throw new DomainError('STEP_UNDONE', `${operation} of order ${orderId} was undone since (${undoneBy})`, { orderId, undoneBy });
          }
        : undefined,
    });
  }
}

function orderLock(orderId: string): string {
  return `loyalty/order:${orderId}`;
}

/** A customer's balance, its account row locked for the rest of the transaction (0 without an account). */
async function lockedBalanceOf(sql: Sql, customerId: string): Promise<number> {
  const rows = await sql.rows<{ balance: number }>('SELECT balance FROM loyalty.accounts WHERE customer_id = $1 FOR UPDATE', [customerId]);
  return rows[0]?.balance ?? 0;
}

/** Adds points to a balance, creating the account on first use, with the ledger entry; CONFLICT if it would overflow. */
async function credit(sql: Sql, customerId: string, points: number, kind: EntryKind, orderId: string, unrecoveredPoints: number): Promise<number> {
  const rows = await sql.rows<{ balance: number }>(
    `WITH credited AS (
       INSERT INTO loyalty.accounts (customer_id, balance, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (customer_id) DO UPDATE SET balance = accounts.balance + EXCLUDED.balance, updated_at = now()
         WHERE accounts.balance <= $3
       RETURNING balance
     ), entry AS (
       INSERT INTO loyalty.ledger_entries (customer_id, order_id, kind, points, unrecovered_points) SELECT $1, $4, $5, $2, $6 FROM credited
     )
     SELECT balance FROM credited`,
    [customerId, points, MAX_BALANCE - points, orderId, kind, unrecoveredPoints],
  );
  if (!rows[0]) throw new DomainError('CONFLICT', `the points balance of ${customerId} cannot grow by ${points}`, { customerId });
  return rows[0].balance;
}

/** Takes points off a balance only if it covers them, in one statement (no read-then-write race), with the ledger entry. */
async function debit(sql: Sql, customerId: string, points: number, kind: EntryKind, orderId: string, unrecoveredPoints: number): Promise<number> {
  const rows = await sql.rows<{ balance: number }>(
    `WITH debited AS (
       UPDATE loyalty.accounts SET balance = balance - $2, updated_at = now() WHERE customer_id = $1 AND balance >= $2 RETURNING balance
     ), entry AS (
       INSERT INTO loyalty.ledger_entries (customer_id, order_id, kind, points, unrecovered_points) SELECT $1, $3, $4, -$2::int, $5 FROM debited
     )
     SELECT balance FROM debited`,
    [customerId, points, orderId, kind, unrecoveredPoints],
  );
  if (rows[0]) return rows[0].balance;
  const balance = await balanceOf(sql, customerId);
  throw new DomainError('INSUFFICIENT_POINTS', `the balance of ${balance} points does not cover ${points}`, { balance, requested: points });
}

async function balanceOf(sql: Sql, customerId: string): Promise<number> {
  const rows = await sql.rows<{ balance: number }>('SELECT balance FROM loyalty.accounts WHERE customer_id = $1', [customerId]);
  return rows[0]?.balance ?? 0;
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
