import { decideEarn, decideRedeem, decideRestore, decideRevoke, parsePoints, pointsEarnedFor, type OrderEntry } from './loyalty-rules';

const entry = (kind: OrderEntry['kind'], points: number, customerId = 'cust-1'): OrderEntry => ({ customerId, orderId: 'o-1', kind, points });

describe('pointsEarnedFor', () => {
  it('is 1 point per 100 yen, rounded down', () => {
    expect(pointsEarnedFor(2499, 'JPY')).toBe(24);
    expect(pointsEarnedFor(100, 'JPY')).toBe(1);
    expect(pointsEarnedFor(99, 'JPY')).toBe(0);
  });

  it('earns nothing in other currencies or for nonsense totals', () => {
    expect(pointsEarnedFor(10_000, 'USD')).toBe(0);
    expect(pointsEarnedFor(-500, 'JPY')).toBe(0);
    expect(pointsEarnedFor(1.5e3 + 0.5, 'JPY')).toBe(0);
  });
});

describe('parsePoints', () => {
  it.each([0, -1, 2.5, 2_147_483_648])('rejects %p', (points) => {
    expect(() => parsePoints(points)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
  it('accepts a positive integer', () => expect(parsePoints(300)).toBe(300));
});

describe('decideEarn', () => {
  it('credits a first earning and replays the first one for the same order', () => {
    expect(decideEarn([], { customerId: 'cust-1', points: 24 })).toEqual({ action: 'apply', kind: 'EARN', points: 24 });
    const earned = entry('EARN', 24);
    expect(decideEarn([entry('REDEEM', -10), earned], { customerId: 'cust-1', points: 99 })).toEqual({ action: 'replay', entry: earned });
  });

  it('refuses points of an order that belongs to another customer', () => {
    expect(() => decideEarn([entry('REDEEM', -10, 'cust-2')], { customerId: 'cust-1', points: 24 })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('decideRedeem', () => {
  const request = { customerId: 'cust-1', orderId: 'o-1', points: 300 };

  it('debits the points once per order', () => {
    expect(decideRedeem([], request)).toEqual({ action: 'apply', kind: 'REDEEM', points: -300 });
    const redeemed = entry('REDEEM', -300);
    expect(decideRedeem([redeemed], request)).toEqual({ action: 'replay', entry: redeemed });
  });

  it('refuses a different amount for an order that already redeemed', () => {
    expect(() => decideRedeem([entry('REDEEM', -200)], request)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { orderId: 'o-1', redeemed: 200 } }));
  });

  it('refuses a redemption that arrives after its order was restored as STEP_UNDONE', () => {
    expect(() => decideRedeem([entry('RESTORE', 0)], request)).toThrow(expect.objectContaining({ code: 'STEP_UNDONE' }));
  });
});

describe('decideRevoke', () => {
  it('takes back what the order earned while the balance covers it', () => {
    expect(decideRevoke([entry('EARN', 24)], { customerId: 'cust-1', balance: 100 })).toEqual({ action: 'apply', kind: 'REVOKE', points: -24, unrecoveredPoints: 0 });
  });

  it('floors at a zero balance and records what it could not take', () => {
    expect(decideRevoke([entry('EARN', 24)], { customerId: 'cust-1', balance: 10 })).toEqual({ action: 'apply', kind: 'REVOKE', points: -10, unrecoveredPoints: 14 });
    expect(decideRevoke([entry('EARN', 24)], { customerId: 'cust-1', balance: 0 })).toEqual({ action: 'apply', kind: 'REVOKE', points: 0, unrecoveredPoints: 24 });
  });

  it('records a 0-point revoke when nothing was earned (yet), and replays the first revoke', () => {
    expect(decideRevoke([], { customerId: 'cust-1', balance: 50 })).toEqual({ action: 'apply', kind: 'REVOKE', points: 0, unrecoveredPoints: 0 });
    const revoked = entry('REVOKE', -24);
    expect(decideRevoke([entry('EARN', 24), revoked], { customerId: 'cust-1', balance: 50 })).toEqual({ action: 'replay', entry: revoked });
  });

  it('refuses an earning that arrives after its order was revoked as STEP_UNDONE', () => {
    expect(() => decideEarn([entry('REVOKE', 0)], { customerId: 'cust-1', points: 24 })).toThrow(expect.objectContaining({ code: 'STEP_UNDONE' }));
    expect(() => decideEarn([entry('EARN', 24), entry('REVOKE', -24)], { customerId: 'cust-1', points: 24 })).toThrow(expect.objectContaining({ code: 'STEP_UNDONE' }));
  });
});

describe('decideRestore', () => {
  it('gives back exactly what the order redeemed', () => {
    expect(decideRestore([entry('REDEEM', -300)], { customerId: 'cust-1' })).toEqual({ action: 'apply', kind: 'RESTORE', points: 300 });
  });

  it('records a 0-point restore when nothing was redeemed', () => {
    expect(decideRestore([], { customerId: 'cust-1' })).toEqual({ action: 'apply', kind: 'RESTORE', points: 0 });
    expect(decideRestore([entry('EARN', 24)], { customerId: 'cust-1' })).toEqual({ action: 'apply', kind: 'RESTORE', points: 0 });
  });

  it('restores once: a second restore replays the first', () => {
    const restored = entry('RESTORE', 300);
    expect(decideRestore([entry('REDEEM', -300), restored], { customerId: 'cust-1' })).toEqual({ action: 'replay', entry: restored });
  });
});
