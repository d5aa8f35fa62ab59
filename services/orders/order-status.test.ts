import { canTransition, isFinalStatus, isOrderStatus, ORDER_STATUSES, type OrderStatus } from './order-status';

const ALLOWED: [OrderStatus, OrderStatus][] = [
  ['PENDING', 'AWAITING_PAYMENT'],
  ['PENDING', 'PAID'],
  ['PENDING', 'FAILED'],
  ['PENDING', 'CANCELLED'],
  ['AWAITING_PAYMENT', 'PAID'],
  ['AWAITING_PAYMENT', 'FAILED'],
  ['AWAITING_PAYMENT', 'CANCELLED'],
  ['PAID', 'CONFIRMED'],
  ['PAID', 'FAILED'],
  ['PAID', 'CANCELLED'],
  ['CONFIRMED', 'REFUNDED'],
  ['CONFIRMED', 'CANCELLED'],
];

describe('order transition table', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else', () => {
    const allowed = new Set(ALLOWED.map(([f, t]) => `${f}>${t}`));
    const forbidden = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const)).filter(([f, t]) => !allowed.has(`${f}>${t}`));
    expect(forbidden.length).toBe(ORDER_STATUSES.length ** 2 - ALLOWED.length);
    for (const [from, to] of forbidden) expect([from, to, canTransition(from, to)]).toEqual([from, to, false]);
  });

  it.each([
    ['PENDING', 'CONFIRMED'],
    ['PENDING', 'REFUNDED'],
    ['AWAITING_PAYMENT', 'CONFIRMED'],
    ['PAID', 'PENDING'],
    ['PAID', 'REFUNDED'],
    ['CONFIRMED', 'FAILED'],
    ['CONFIRMED', 'PAID'],
    ['FAILED', 'PENDING'],
    ['CANCELLED', 'PAID'],
    ['REFUNDED', 'CONFIRMED'],
  ] as [OrderStatus, OrderStatus][])('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('treats a status staying put as no transition', () => {
    for (const status of ORDER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('has FAILED, CANCELLED and REFUNDED as its only final statuses', () => {
    expect(ORDER_STATUSES.filter(isFinalStatus)).toEqual(['FAILED', 'CANCELLED', 'REFUNDED']);
  });

  it('recognises status names', () => {
    expect(isOrderStatus('PAID')).toBe(true);
    expect(isOrderStatus('paid')).toBe(false);
    expect(isOrderStatus('SHIPPED')).toBe(false);
  });
});
