import type { PricedOrder } from './order-input';
import { allocateDiscount, chargeOrder, couponDiscount, deliveryFee, includedTax, taxRateOf, type CouponTerms } from './pricing';

function order(lines: { sku: string; lineTotalMinor: number; taxRatePercent: number }[]): PricedOrder {
  const priced = lines.map((l) => ({ ...l, quantity: 1, name: l.sku, unitPriceMinor: l.lineTotalMinor, taxMinor: includedTax(l.lineTotalMinor, l.taxRatePercent) }));
  const subtotalMinor = priced.reduce((s, l) => s + l.lineTotalMinor, 0);
  return { currency: 'JPY', lines: priced, subtotalMinor, totalMinor: subtotalMinor };
}
const noFee = { feeMinor: 0, freeShippingThresholdMinor: null };
const percent = (value: number, minOrderMinor = 0): CouponTerms => ({ code: '春のセール', kind: 'PERCENT', value, minOrderMinor });

describe('consumption tax', () => {
  it('maps tax classes to 10 % and 8 % (an unset class is standard)', () => {
    expect([taxRateOf('standard'), taxRateOf('reduced'), taxRateOf('')]).toEqual([10, 8, 10]);
  });

  it('takes the tax contained in a tax-inclusive amount, floored', () => {
    expect(includedTax(1100, 10)).toBe(100);
    expect(includedTax(1080, 8)).toBe(80);
    // 1200 × 8 / 108 = 88.88… → 88; 999 × 10 / 110 = 90.8… → 90
    expect(includedTax(1200, 8)).toBe(88);
    expect(includedTax(999, 10)).toBe(90);
  });

  it('rounds once per rate per order, not per line', () => {
    // Three lines of 1200 at 8 %: per line 88 + 88 + 88 = 264; on their sum 3600 × 8 / 108 = 266.6… → 266.
    const charged = chargeOrder(order([{ sku: 'A', lineTotalMinor: 1200, taxRatePercent: 8 }, { sku: 'B', lineTotalMinor: 1200, taxRatePercent: 8 }, { sku: 'C', lineTotalMinor: 1200, taxRatePercent: 8 }]), { zone: noFee });
    expect(charged.taxTotals).toEqual([{ ratePercent: 8, taxableMinor: 3600, taxMinor: 266 }]);
  });

  it('states the totals per rate, 10 % first, with the fee taxed at 10 %', () => {
    const charged = chargeOrder(order([{ sku: 'TEA', lineTotalMinor: 2400, taxRatePercent: 8 }, { sku: 'POT', lineTotalMinor: 8800, taxRatePercent: 10 }]), { zone: { feeMinor: 0, freeShippingThresholdMinor: null } });
    expect(charged.taxTotals).toEqual([
      { ratePercent: 10, taxableMinor: 8800, taxMinor: 800 },
      { ratePercent: 8, taxableMinor: 2400, taxMinor: 177 },
    ]);
    const withFee = chargeOrder(order([{ sku: 'TEA', lineTotalMinor: 2400, taxRatePercent: 8 }]), { zone: { feeMinor: 550, freeShippingThresholdMinor: null } });
    expect(withFee.taxTotals).toEqual([
      { ratePercent: 10, taxableMinor: 550, taxMinor: 50 },
      { ratePercent: 8, taxableMinor: 2400, taxMinor: 177 },
    ]);
    expect(withFee.totalMinor).toBe(2950);
  });
});

describe('delivery fee', () => {
  const zone = { feeMinor: 550, freeShippingThresholdMinor: 5000 };
  it.each([
    [4999, 550],
    [5000, 0],
    [5001, 0],
  ])('goods of %i pay a fee of %i (waived at the threshold)', (goods, fee) => {
    expect(deliveryFee(zone, goods)).toBe(fee);
  });

  it('is never waived without a threshold', () => {
    expect(deliveryFee({ feeMinor: 550, freeShippingThresholdMinor: null }, 1_000_000)).toBe(550);
  });

  it('compares the goods after the coupon with the threshold', () => {
    const charged = chargeOrder(order([{ sku: 'POT', lineTotalMinor: 5000, taxRatePercent: 10 }]), { coupon: { code: 'X', kind: 'FIXED', value: 1, minOrderMinor: 0 }, zone });
    expect(charged).toMatchObject({ couponDiscountMinor: 1, deliveryFeeMinor: 550, totalMinor: 5549 });
  });
});

describe('coupons', () => {
  it('floors a percent discount and caps any discount at all but 1 yen of goods', () => {
    expect(couponDiscount(percent(15), 999)).toBe(149);
    expect(couponDiscount(percent(100), 2000)).toBe(1999);
    expect(couponDiscount({ code: 'FIX', kind: 'FIXED', value: 5000, minOrderMinor: 0 }, 3000)).toBe(2999);
  });

  it('refuses an order below the minimum, and accepts one exactly at it', () => {
    expect(() => couponDiscount(percent(10, 3000), 2999)).toThrow(expect.objectContaining({ code: 'COUPON_MIN_ORDER_NOT_MET' }));
    expect(couponDiscount(percent(10, 3000), 3000)).toBe(300);
  });

  it('spreads a percent coupon on a mixed-rate cart over the rates in proportion, the parts adding up', () => {
    // Goods 2400 at 8 % and 8800 at 10 %: 10 % off is 1120, 240 at 8 % and 880 at 10 %.
    const charged = chargeOrder(order([{ sku: 'TEA', lineTotalMinor: 2400, taxRatePercent: 8 }, { sku: 'POT', lineTotalMinor: 8800, taxRatePercent: 10 }]), { coupon: percent(10), zone: noFee });
    expect(charged.couponDiscountMinor).toBe(1120);
    expect(charged.taxTotals).toEqual([
      { ratePercent: 10, taxableMinor: 7920, taxMinor: 720 },
      { ratePercent: 8, taxableMinor: 2160, taxMinor: 160 },
    ]);
    expect(charged.totalMinor).toBe(10080);
    expect(charged.taxTotals.reduce((s, t) => s + t.taxableMinor, 0)).toBe(charged.totalMinor);
  });

  it('gives the rounding remainder of the spread to the largest amount', () => {
    const parts = allocateDiscount([{ ratePercent: 8, amountMinor: 1 }, { ratePercent: 10, amountMinor: 2 }], 2);
    expect(parts.get(10)! + parts.get(8)!).toBe(2);
    expect(parts).toEqual(new Map([[8, 0], [10, 2]]));
  });
});
