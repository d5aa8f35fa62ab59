import { DomainError } from '../../lib/errors';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import { assertQuantity, buildCartView, cartKey, parseCartHash, writeOutcome } from './cart-store';

const product = (sku: string, priceMinor: number, overrides: Partial<Product__Output> = {}): Product__Output => ({
  sku,
  name: `Product ${sku}`,
  priceMinor,
  taxClass: 'standard',
  currency: 'JPY',
  active: true,
  ...overrides,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a DomainError';
  }
  return undefined;
};

describe('cart view', () => {
  it('prices available lines from the catalog and sums them', () => {
    const view = buildCartView(
      [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
      ],
      [product('A', 1500), product('B', 200)],
    );
    expect(view.lines).toEqual([
      { sku: 'A', quantity: 2, available: true, name: 'Product A', unitPriceMinor: 1500, lineTotalMinor: 3000 },
      { sku: 'B', quantity: 3, available: true, name: 'Product B', unitPriceMinor: 200, lineTotalMinor: 600 },
    ]);
    expect(view).toMatchObject({ itemCount: 5, subtotalMinor: 3600, currency: 'JPY', hasUnavailableLines: false });
  });

  it('keeps unknown and inactive SKUs, flagged and left out of the subtotal', () => {
    const view = buildCartView(
      [
        { sku: 'GONE', quantity: 1 },
        { sku: 'OFF', quantity: 4 },
        { sku: 'OK', quantity: 1 },
      ],
      [product('OFF', 999, { active: false }), product('OK', 100)],
    );
    expect(view.lines).toEqual([
      { sku: 'GONE', quantity: 1, available: false, unavailableReason: 'NOT_FOUND' },
      { sku: 'OFF', quantity: 4, available: false, unavailableReason: 'INACTIVE', name: 'Product OFF' },
      expect.objectContaining({ sku: 'OK', available: true, lineTotalMinor: 100 }),
    ]);
    expect(view).toMatchObject({ itemCount: 6, subtotalMinor: 100, currency: 'JPY', hasUnavailableLines: true });
  });

  it('flags lines priced in another currency than the first available line', () => {
    const view = buildCartView(
      [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
      ],
      [product('A', 500), product('B', 700, { currency: 'USD' })],
    );
    expect(view.lines[1]).toMatchObject({ sku: 'B', available: false, unavailableReason: 'CURRENCY_MISMATCH' });
    expect(view).toMatchObject({ subtotalMinor: 500, currency: 'JPY' });
  });

  it('describes an empty cart without a currency', () => {
    expect(buildCartView([], [])).toEqual({ lines: [], itemCount: 0, subtotalMinor: 0, currency: null, hasUnavailableLines: false });
  });
});

describe('cart hash', () => {
  it('reads SKU → quantity fields sorted by SKU and skips fields that are not a positive count', () => {
    expect(parseCartHash({ 'B-2': '3', 'A-1': '1', junk: 'x', zero: '0', negative: '-2', half: '1.5' })).toEqual([
      { sku: 'A-1', quantity: 1 },
      { sku: 'B-2', quantity: 3 },
    ]);
  });

  it('keys one hash per customer', () => {
    expect(cartKey('cust-1')).not.toBe(cartKey('cust-2'));
  });
});

describe('cart limits', () => {
  it('accepts 1..999 units, and 0 only where it means "remove"', () => {
    expect(codeOf(() => assertQuantity('A', 1))).toBeUndefined();
    expect(codeOf(() => assertQuantity('A', 999))).toBeUndefined();
    expect(codeOf(() => assertQuantity('A', 0, true))).toBeUndefined();
    expect(codeOf(() => assertQuantity('A', 0))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertQuantity('A', 1000))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertQuantity('A', 1.5))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => assertQuantity('A', -1, true))).toBe('VALIDATION_FAILED');
  });

  it('turns the write script’s answer into the new quantity or the limit it hit', () => {
    expect(writeOutcome('A', [0, 7])).toBe(7);
    expect(codeOf(() => writeOutcome('A', [1, 0]))).toBe('VALIDATION_FAILED');
    expect(() => writeOutcome('A', [1, 0])).toThrow(/at most 100 lines/);
    expect(() => writeOutcome('A', [2, 990])).toThrow(/1\.\.999 \(the cart holds 990\)/);
  });
});
