import { DomainError } from '../../lib/errors';

/** Yen of a completed order per point earned. */
export const YEN_PER_POINT_EARNED = 100;
/** The balance column is a PostgreSQL `integer`. */
export const MAX_BALANCE = 2_147_483_647;

export type EntryKind = 'EARN' | 'REDEEM' | 'RESTORE' | 'REVOKE';

/** An order's entry in the ledger (each order has at most one of each kind). */
export interface OrderEntry {
  customerId: string;
  orderId: string;
  kind: EntryKind;
  /**
   * Signed change of the balance; a RESTORE of 0 marks an order undone before anything was redeemed,
   * a REVOKE of 0 one refunded before (or without) earning, or whose points were all spent already.
   */
  points: number;
  /** REVOKE only: earned points the balance no longer held, so they could not be taken back. */
  unrecoveredPoints?: number;
}

/** What a call does given the order's existing entries: answer with an entry already made, or apply a change. */
export type Decision = { action: 'replay'; entry: OrderEntry } | { action: 'apply'; kind: EntryKind; points: number; unrecoveredPoints?: number };

/** Points earned by a completed order: 1 per 100 yen of its total, rounded down; other currencies earn none. */
export function pointsEarnedFor(totalMinor: number, currency: string): number {
  if (currency !== 'JPY' || !Number.isSafeInteger(totalMinor) || totalMinor <= 0) return 0;
  return Math.floor(totalMinor / YEN_PER_POINT_EARNED);
}

/** Validates a positive whole number of points. */
export function parsePoints(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_BALANCE) {
    throw new DomainError('VALIDATION_FAILED', `points must be an integer from 1 to ${MAX_BALANCE}`, { field: 'points' });
  }
  return value;
}

/**
 * Earning twice for one order changes nothing: the first EARN answers. An order whose earning was
 * revoked (its refund) earns nothing any more, however late its order.completed arrives: STEP_UNDONE.
 */
export function decideEarn(entries: readonly OrderEntry[], request: { customerId: string; points: number }): Decision {
  assertOwnOrder(entries, request.customerId);
  const revoked = entries.find((e) => e.kind === 'REVOKE');
  if (revoked) {
    throw new DomainError('STEP_UNDONE', `the points of order ${revoked.orderId} were revoked: it earns no more`, { orderId: revoked.orderId });
  }
  const earned = entries.find((e) => e.kind === 'EARN');
  return earned ? { action: 'replay', entry: earned } : { action: 'apply', kind: 'EARN', points: request.points };
}

/**
 * An order redeems once: the same redemption again answers with the first one, a different amount
 * is a CONFLICT, and an order whose redemption was already undone (RESTORE) cannot redeem any more
 * (STEP_UNDONE), so a redemption that arrives after its own compensation cannot take points for good.
 */
export function decideRedeem(entries: readonly OrderEntry[], request: { customerId: string; orderId: string; points: number }): Decision {
  assertOwnOrder(entries, request.customerId);
  if (entries.some((e) => e.kind === 'RESTORE')) {
    throw new DomainError('STEP_UNDONE', `the points of order ${request.orderId} were already restored: it cannot redeem any more`, { orderId: request.orderId });
  }
  const redeemed = entries.find((e) => e.kind === 'REDEEM');
  if (!redeemed) return { action: 'apply', kind: 'REDEEM', points: -request.points };
  if (-redeemed.points !== request.points) {
    throw new DomainError('CONFLICT', `order ${request.orderId} already redeemed ${-redeemed.points} points`, { orderId: request.orderId, redeemed: -redeemed.points });
  }
  return { action: 'replay', entry: redeemed };
}

/** Restoring gives back what the order redeemed, once; with nothing redeemed it records a 0-point RESTORE and changes no balance. */
export function decideRestore(entries: readonly OrderEntry[], request: { customerId: string }): Decision {
  assertOwnOrder(entries, request.customerId);
  const restored = entries.find((e) => e.kind === 'RESTORE');
  if (restored) return { action: 'replay', entry: restored };
  const redeemed = entries.find((e) => e.kind === 'REDEEM');
  return { action: 'apply', kind: 'RESTORE', points: redeemed ? -redeemed.points : 0 };
}

/**
 * What revoking an order's earning takes back, given the balance: what it earned, but never more
 * than the balance holds (a customer who spent the points goes to 0, never below), the rest recorded
 * as unrecovered. Revoking again answers with the first REVOKE; with nothing earned it records a
 * REVOKE of 0, which refuses a late Earn.
 */
export function decideRevoke(entries: readonly OrderEntry[], request: { customerId: string; balance: number }): Decision {
  assertOwnOrder(entries, request.customerId);
  const revoked = entries.find((e) => e.kind === 'REVOKE');
  if (revoked) return { action: 'replay', entry: revoked };
  const earned = entries.find((e) => e.kind === 'EARN')?.points ?? 0;
  const taken = Math.min(earned, Math.max(request.balance, 0));
  return { action: 'apply', kind: 'REVOKE', points: taken === 0 ? 0 : -taken, unrecoveredPoints: earned - taken };
}

function assertOwnOrder(entries: readonly OrderEntry[], customerId: string): void {
  const other = entries.find((e) => e.customerId !== customerId);
  if (other) throw new DomainError('CONFLICT', `order ${other.orderId} has points of another customer`, { orderId: other.orderId });
}
