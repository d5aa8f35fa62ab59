import { DomainError } from '../../lib/errors';
import type { PricedOrder } from './order-input';
import { applyPointsDiscount } from './points-discount';

const priced: PricedOrder = { currency: 'JPY', lines: [{ sku: 'TEA', quantity: 2, name: 'Tea', unitPriceMinor: 1200, lineTotalMinor: 2400, taxRatePercent: 8, taxMinor: 177 }], subtotalMinor: 2400, totalMinor: 2400 };

describe('applyPointsDiscount', () => {
  it('takes the points off the total and keeps the subtotal', () => {
    expect(applyPointsDiscount(priced, 500)).toMatchObject({ subtotalMinor: 2400, pointsDiscountMinor: 500, totalMinor: 1900 });
  });

  it('changes nothing without points', () => {
    expect(applyPointsDiscount(priced, 0)).toEqual({ ...priced, pointsDiscountMinor: 0 });
  });

  it('allows paying all but 1 yen with points', () => {
    expect(applyPointsDiscount(priced, 2399).totalMinor).toBe(1);
  });

  it.each([2400, 5000])('rejects a discount of %i that would leave nothing to pay', (points) => {
    let caught: unknown;
    try {
      applyPointsDiscount(priced, points);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'VALIDATION_FAILED', details: { subtotalMinor: 2400, pointsDiscountMinor: points } });
  });

  it.each([-1, 1.5, Number.NaN])('rejects a malformed discount %p', (points) => {
    expect(() => applyPointsDiscount(priced, points)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
