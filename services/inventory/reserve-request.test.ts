import { DomainError } from '../../lib/errors';
import type { ReserveRequest__Output } from '../../proto/generated/checkout/inventory/v1/ReserveRequest';
import { DEFAULT_RESERVATION_TTL_SECONDS, inLockOrder, MAX_RESERVATION_LINES, MAX_RESERVATION_TTL_SECONDS, validateReserveRequest } from './reserve-request';

const request = (overrides: Partial<ReserveRequest__Output> = {}): ReserveRequest__Output => ({
  reservationId: 'res-1',
  orderId: 'order-1',
  lines: [{ sku: 'B-2', quantity: 1 }],
  ttlSeconds: 60,
  idempotencyKey: 'checkout:order-1:reserve-stock',
  ...overrides,
});

const rejection = (overrides: Partial<ReserveRequest__Output>): DomainError => {
  try {
    validateReserveRequest(request(overrides));
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a VALIDATION_FAILED rejection');
};

describe('validateReserveRequest', () => {
  it('returns the lines in lock order and keeps the ttl', () => {
    const valid = validateReserveRequest(request({ lines: [{ sku: 'b', quantity: 1 }, { sku: 'B', quantity: 2 }, { sku: 'a', quantity: 3 }] }));
    expect(valid.lines).toEqual([{ sku: 'B', quantity: 2 }, { sku: 'a', quantity: 3 }, { sku: 'b', quantity: 1 }]);
    expect(valid.ttlSeconds).toBe(60);
  });

  it('uses 15 minutes when the ttl is 0 (unset)', () => {
    expect(DEFAULT_RESERVATION_TTL_SECONDS).toBe(900);
    expect(validateReserveRequest(request({ ttlSeconds: 0 })).ttlSeconds).toBe(900);
  });

  it('accepts a ttl long enough for a 3-day payment slip', () => {
    expect(validateReserveRequest(request({ ttlSeconds: 4 * 24 * 3600 })).ttlSeconds).toBe(4 * 24 * 3600);
  });

  it.each([
    ['no lines', { lines: [] }],
    ['a zero quantity', { lines: [{ sku: 'A', quantity: 0 }] }],
    ['a negative quantity', { lines: [{ sku: 'A', quantity: -2 }] }],
    ['a fractional quantity', { lines: [{ sku: 'A', quantity: 1.5 }] }],
    ['a blank sku', { lines: [{ sku: ' ', quantity: 1 }] }],
    ['a sku on two lines', { lines: [{ sku: 'A', quantity: 1 }, { sku: 'A', quantity: 2 }] }],
    ['a negative ttl', { ttlSeconds: -1 }],
    ['a ttl beyond the maximum', { ttlSeconds: MAX_RESERVATION_TTL_SECONDS + 1 }],
    ['no reservation id', { reservationId: '' }],
    ['no order id', { orderId: ' ' }],
    ['no idempotency key', { idempotencyKey: '' }],
    ['too many lines', { lines: Array.from({ length: MAX_RESERVATION_LINES + 1 }, (_, i) => ({ sku: `S-${i}`, quantity: 1 })) }],
  ])('rejects %s with VALIDATION_FAILED', (_, overrides) => {
    expect(rejection(overrides).code).toBe('VALIDATION_FAILED');
  });

  it('names the duplicated sku', () => {
    expect(rejection({ lines: [{ sku: 'A', quantity: 1 }, { sku: 'A', quantity: 2 }] }).details).toEqual({ sku: 'A' });
  });
});

describe('inLockOrder', () => {
  it('orders by code units, independent of locale, without changing its input', () => {
    const lines = [{ sku: 'é' }, { sku: 'z' }, { sku: 'Z' }, { sku: 'a-10' }, { sku: 'a-9' }];
    expect(inLockOrder(lines).map((l) => l.sku)).toEqual(['Z', 'a-10', 'a-9', 'z', 'é']);
    expect(lines.map((l) => l.sku)).toEqual(['é', 'z', 'Z', 'a-10', 'a-9']);
  });
});
