import { DomainError } from '../../lib/errors';
import type { Address__Output } from '../../proto/generated/checkout/orders/v1/Address';
import { parseAddress, parseCustomerEmail, parseOrderLines, parsePaymentMethod, priceLines } from './order-input';

const address: Address__Output = { name: '山田 太郎', postalCode: '150-0001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1-1', line2: '', phone: '' };
const product = (sku: string, priceMinor: number, extra: { currency?: string; active?: boolean; taxClass?: string } = {}) => ({
  sku,
  name: `Product ${sku}`,
  priceMinor,
  currency: extra.currency ?? 'JPY',
  taxClass: extra.taxClass ?? 'standard',
  active: extra.active ?? true,
});

function rejection(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('order lines', () => {
  it('merges repeated SKUs by adding their quantities', () => {
    expect(parseOrderLines([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }, { sku: 'A', quantity: 3 }])).toEqual([
      { sku: 'A', quantity: 5 },
      { sku: 'B', quantity: 1 },
    ]);
  });

  it.each([0, -1, 1000, 1.5])('rejects quantity %s', (quantity) => {
    expect(rejection(() => parseOrderLines([{ sku: 'A', quantity }])).code).toBe('VALIDATION_FAILED');
  });

  it('rejects merged quantities above the limit, an empty order and a blank sku', () => {
    expect(rejection(() => parseOrderLines([{ sku: 'A', quantity: 500 }, { sku: 'A', quantity: 500 }])).details).toEqual({ sku: 'A' });
    expect(rejection(() => parseOrderLines([])).code).toBe('VALIDATION_FAILED');
    expect(rejection(() => parseOrderLines([{ sku: ' ', quantity: 1 }])).code).toBe('VALIDATION_FAILED');
  });
});

describe('address', () => {
  it.each(['150-0001', '1500001', ' 150-0001 '])('accepts postal code %j and normalises it to NNN-NNNN', (postalCode) => {
    expect(parseAddress({ ...address, postalCode }).postalCode).toBe('150-0001');
  });

  it.each(['150-001', '15000011', 'ABC-DEFG', '150 0001', ''])('rejects postal code %j', (postalCode) => {
    expect(rejection(() => parseAddress({ ...address, postalCode })).details).toEqual({ field: 'postalCode' });
  });

  it.each(['name', 'prefecture', 'city', 'line1'] as const)('requires %s', (field) => {
    expect(rejection(() => parseAddress({ ...address, [field]: '  ' })).details).toEqual({ field });
  });

  it('requires an address at all', () => {
    expect(rejection(() => parseAddress(null)).code).toBe('VALIDATION_FAILED');
  });
});

describe('payment method and email', () => {
  it('accepts the three methods only', () => {
    expect(parsePaymentMethod('konbini')).toBe('konbini');
    expect(rejection(() => parsePaymentMethod('cash')).code).toBe('VALIDATION_FAILED');
  });

  it('accepts an empty or plausible email and rejects anything else', () => {
    expect(parseCustomerEmail('')).toBe('');
    expect(parseCustomerEmail(' a@example.com ')).toBe('a@example.com');
    expect(rejection(() => parseCustomerEmail('not an email')).code).toBe('VALIDATION_FAILED');
  });
});

describe('pricing from the catalog', () => {
  it('prices each line from the product, with its tax rate and contained tax, and totals them', () => {
    const priced = priceLines([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 3 }], [product('A', 1200), product('B', 350, { taxClass: 'reduced' })]);
    expect(priced).toEqual({
      currency: 'JPY',
      lines: [
        { sku: 'A', quantity: 2, name: 'Product A', unitPriceMinor: 1200, lineTotalMinor: 2400, taxRatePercent: 10, taxMinor: 218 },
        { sku: 'B', quantity: 3, name: 'Product B', unitPriceMinor: 350, lineTotalMinor: 1050, taxRatePercent: 8, taxMinor: 77 },
      ],
      subtotalMinor: 3450,
      totalMinor: 3450,
    });
  });

  it('rejects an unknown or inactive product as PRODUCT_UNAVAILABLE naming the sku', () => {
    const unknown = rejection(() => priceLines([{ sku: 'A', quantity: 1 }, { sku: 'X', quantity: 1 }], [product('A', 100)]));
    expect([unknown.code, unknown.details]).toEqual(['PRODUCT_UNAVAILABLE', { sku: 'X' }]);
    const inactive = rejection(() => priceLines([{ sku: 'A', quantity: 1 }], [product('A', 100, { active: false })]));
    expect([inactive.code, inactive.details]).toEqual(['PRODUCT_UNAVAILABLE', { sku: 'A' }]);
  });

  it('rejects products in mixed currencies and totals beyond the integer columns', () => {
    expect(rejection(() => priceLines([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }], [product('A', 100), product('B', 100, { currency: 'USD' })])).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(rejection(() => priceLines([{ sku: 'A', quantity: 999 }], [product('A', 3_000_000)])).code).toBe('VALIDATION_FAILED');
  });
});
