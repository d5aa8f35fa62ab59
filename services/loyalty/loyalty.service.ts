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
      // The customer's lock is held until commit, so the balance the decision floors at cannot move meanwhile.
      (entries, balance) => decideRevoke(entries, { customerId, balance }),
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
   * The balance is read under an advisory lock on the customer, taken by every change of a balance
   * (all of them come here), so the decision and the answer's balance hold until commit, and the
   * change is written with the key's answer and COMMIT: two round trips.
   */
  private change(
    idempotencyKey: string,
    operation: string,
    customerId: string,
    orderId: string,
    decide: (entries: OrderEntry[], balance: number) => Decision,
    options: { context: CallContext; undoneBy?: EntryKind },
  ): Promise<PointsChange__Output> {
    const { undoneBy } = options;
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<PointsChange__Output> => {
      const { entries, balance } = prefetched[0] as ChangeRead;
      const decision = decide(entries, balance);
      if (decision.action === 'replay') return view(decision.entry, balance);
      const unrecoveredPoints = decision.unrecoveredPoints ?? 0;
      const changed = balance + decision.points;
      if (decision.points < 0 && changed < 0) {
        throw new DomainError('INSUFFICIENT_POINTS', `the balance of ${balance} points does not cover ${-decision.points}`, { balance, requested: -decision.points });
      }
      if (changed > MAX_BALANCE) throw new DomainError('CONFLICT', `the points balance of ${customerId} cannot grow by ${decision.points}`, { customerId });
      // The balance change and its ledger entry in one statement, relative to the stored balance: the
      // account's CHECK (never below zero) and int range still refuse a change a caller without the lock made meanwhile.
      // A debit updates (a covered debit has an account; an insert's proposed row would fail the CHECK even on conflict).
      const change =
        decision.points < 0
          ? 'UPDATE loyalty.accounts SET balance = balance + $2, updated_at = now() WHERE customer_id = $1'
          : `INSERT INTO loyalty.accounts (customer_id, balance, updated_at) VALUES ($1, $2, now())
             ON CONFLICT (customer_id) DO UPDATE SET balance = accounts.balance + EXCLUDED.balance, updated_at = now()`;
      sql.atCommit({
        text: `WITH changed AS (${change})
               INSERT INTO loyalty.ledger_entries (customer_id, order_id, kind, points, unrecovered_points) VALUES ($1, $3, $4, $2, $5)`,
        values: [customerId, decision.points, orderId, decision.kind, unrecoveredPoints],
      });
      return view({ customerId, orderId, kind: decision.kind, points: decision.points, unrecoveredPoints }, changed);
    };
    return idempotentSql(this.prisma, 'loyalty', idempotencyKey, operation, fn, {
      deadline: options.context.deadline,
      // Concurrent calls for one order (under different keys) queue on the order's lock and see each
      // other's entries; then the customer's, which every balance change takes (always in this order).
      locks: [orderLock(orderId), customerLock(customerId)],
      // The order's entries and the customer's balance (0 without an account), read after the locks.
      prefetch: {
        text: `SELECT COALESCE((SELECT json_agg(json_build_object('customerId', e.customer_id, 'orderId', e.order_id, 'kind', e.kind, 'points', e.points, 'unrecoveredPoints', e.unrecovered_points))
                                  FROM loyalty.ledger_entries e WHERE e.order_id = $1), '[]') AS entries,
                      COALESCE((SELECT balance FROM loyalty.accounts WHERE customer_id = $2), 0) AS balance`,
        values: [orderId, customerId],
      },
      undone: undoneBy
        ? async (_sql, prefetched) => {
            if (!(prefetched[0] as ChangeRead).entries.some((entry) => entry.kind === undoneBy)) return false;
            throw new DomainError('STEP_UNDONE', `${operation} of order ${orderId} was undone since (${undoneBy})`, { orderId, undoneBy });
          }
        : undefined,
    });
  }
}

/** What change() reads ahead: the order's ledger entries and the customer's balance. */
interface ChangeRead {
  entries: OrderEntry[];
  balance: number;
}

function orderLock(orderId: string): string {
  return `loyalty/order:${orderId}`;
}

function customerLock(customerId: string): string {
  return `loyalty/customer:${customerId}`;
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
