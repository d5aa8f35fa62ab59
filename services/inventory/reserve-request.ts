import { DomainError } from '../../lib/errors';
import type { ReservationLine__Output } from '../../proto/generated/checkout/inventory/v1/ReservationLine';
import type { ReserveRequest__Output } from '../../proto/generated/checkout/inventory/v1/ReserveRequest';

/** How long a reservation holds stock when the caller sends no ttl (ttlSeconds 0). */
export const DEFAULT_RESERVATION_TTL_SECONDS = 15 * 60;
/** The longest hold accepted: far beyond a 3-day payment slip, short of holding stock forever. */
export const MAX_RESERVATION_TTL_SECONDS = 30 * 24 * 60 * 60;
export const MAX_RESERVATION_LINES = 100;

export interface ValidReserveRequest {
  reservationId: string;
  orderId: string;
  /** One line per SKU, in lock order (see {@link inLockOrder}). */
  lines: ReservationLine__Output[];
  ttlSeconds: number;
  idempotencyKey: string;
}

/** Checks a Reserve request and returns it normalised (lines in lock order, default ttl), or VALIDATION_FAILED. */
export function validateReserveRequest(request: ReserveRequest__Output): ValidReserveRequest {
  if (!request.reservationId.trim()) throw new DomainError('VALIDATION_FAILED', 'reservationId is required');
  if (!request.orderId.trim()) throw new DomainError('VALIDATION_FAILED', 'orderId is required');
  if (!request.idempotencyKey) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
  if (request.lines.length === 0) throw new DomainError('VALIDATION_FAILED', 'a reservation needs at least one line');
  if (request.lines.length > MAX_RESERVATION_LINES) {
    throw new DomainError('VALIDATION_FAILED', `a reservation has at most ${MAX_RESERVATION_LINES} lines`);
  }
  const seen = new Set<string>();
  for (const line of request.lines) {
    if (!line.sku.trim()) throw new DomainError('VALIDATION_FAILED', 'every line needs a sku');
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new DomainError('VALIDATION_FAILED', `quantity of ${line.sku} must be a positive integer`, { sku: line.sku, quantity: line.quantity });
    }
    if (seen.has(line.sku)) throw new DomainError('VALIDATION_FAILED', `sku ${line.sku} appears on more than one line`, { sku: line.sku });
    seen.add(line.sku);
  }
  const ttl = request.ttlSeconds === 0 ? DEFAULT_RESERVATION_TTL_SECONDS : request.ttlSeconds;
  if (!Number.isSafeInteger(ttl) || ttl < 0 || ttl > MAX_RESERVATION_TTL_SECONDS) {
    throw new DomainError('VALIDATION_FAILED', `ttlSeconds must be between 1 and ${MAX_RESERVATION_TTL_SECONDS} (0 means ${DEFAULT_RESERVATION_TTL_SECONDS})`);
  }
  return {
    reservationId: request.reservationId,
    orderId: request.orderId,
    lines: inLockOrder(request.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }))),
    ttlSeconds: ttl,
    idempotencyKey: request.idempotencyKey,
  };
}

/**
 * Sorts lines by SKU code units: every transaction that touches several stock rows locks them in
 * this one order, so two of them can never wait on each other (no deadlock). Not localeCompare:
 * the order must not depend on the process's locale.
 */
export function inLockOrder<T extends { sku: string }>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
