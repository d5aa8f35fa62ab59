import { businessDay, salesBySku } from './order-aggregates';

describe('businessDay', () => {
  it('is the calendar day in Tokyo, not in UTC', () => {
    expect(businessDay('2026-11-22T14:59:59Z')).toBe('2026-11-22');
    expect(businessDay('2026-11-22T15:00:00Z')).toBe('2026-11-23');
    expect(businessDay('2026-11-23T00:30:00+09:00')).toBe('2026-11-23');
    expect(businessDay('2026-12-31T15:00:00Z')).toBe('2027-01-01');
  });
});

describe('salesBySku', () => {
  it('sums the lines of one SKU so the order counts once for it', () => {
    const lines = [
      { sku: 'TEA-01', name: 'Sencha', quantity: 2, unitPriceMinor: 1500, lineTotalMinor: 3000 },
      { sku: 'CUP-02', name: 'Yunomi', quantity: 1, unitPriceMinor: 1700, lineTotalMinor: 1700 },
      { sku: 'TEA-01', name: 'Sencha (gift)', quantity: 1, unitPriceMinor: 1500, lineTotalMinor: 1500 },
    ];
    expect(salesBySku(lines)).toEqual([
      { sku: 'TEA-01', quantity: 3, revenueMinor: 4500 },
      { sku: 'CUP-02', quantity: 1, revenueMinor: 1700 },
    ]);
  });
});
