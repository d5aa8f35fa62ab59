import { checkPreferences, defaultPreferences } from '../../services/identity/user-preferences';
import { deliverySlotsQuery, storefrontPostalCode } from './delivery-slots';
import { myPageQuery, orderSummary } from './me-orders';
import { preferencesBody } from './preferences';

describe('storefront input validation', () => {
  it('normalises postal codes (hyphen, full-width) and refuses others with INVALID_POSTAL_CODE', () => {
    expect(storefrontPostalCode('150-0001')).toBe('1500001');
    expect(storefrontPostalCode('１５０－０００１')).toBe('1500001');
    for (const bad of ['150-001', '15000011', '東京都', '', 'abc-defg']) {
      expect(() => storefrontPostalCode(bad)).toThrow(expect.objectContaining({ code: 'INVALID_POSTAL_CODE' }));
    }
  });

  it('takes only postalCode, from and to, dates as YYYY-MM-DD', () => {
    expect(deliverySlotsQuery.parse({ postalCode: '1500001', from: '2030-01-01', to: '2030-01-31' })).toEqual({ postalCode: '1500001', from: '2030-01-01', to: '2030-01-31' });
    expect(deliverySlotsQuery.safeParse({ postalCode: '1500001', from: '1/1/2030' }).success).toBe(false);
    expect(deliverySlotsQuery.safeParse({ postalCode: '1500001', zone: 'x' }).success).toBe(false);
    expect(deliverySlotsQuery.safeParse({}).success).toBe(false);
  });

  it('pages my orders 1-50 per page, and takes no customer id', () => {
    expect(myPageQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(myPageQuery.safeParse({ pageSize: '51' }).success).toBe(false);
    expect(myPageQuery.safeParse({ page: '0' }).success).toBe(false);
    expect(myPageQuery.safeParse({ customerId: 'someone-else' }).success).toBe(false);
  });

  it('summarises an order with its first three lines and how many more', () => {
    const line = (n: number) => ({ sku: `S-${n}`, name: `抹茶 ${n}`, quantity: n, unitPriceMinor: 100, lineTotalMinor: 100 * n });
    const summary = orderSummary({ orderId: 'o', status: 'CONFIRMED', totalMinor: 1000, currency: 'JPY', createdAt: '2030-01-01T00:00:00.000Z', lines: [1, 2, 3, 4].map(line) } as never);
    expect(summary).toMatchObject({ itemCount: 10, moreLines: 1, lines: [{ sku: 'S-1', name: '抹茶 1', quantity: 1 }, { sku: 'S-2' }, { sku: 'S-3' }] });
  });

  it('accepts a whole preferences document and nothing else', () => {
    expect(preferencesBody.parse({ language: 'en', marketingEmails: true })).toEqual({ language: 'en', marketingEmails: true });
    expect(preferencesBody.safeParse({ language: 'en', marketingEmails: true, defaultAddressId: null }).success).toBe(true);
    expect(preferencesBody.safeParse({ language: 'de', marketingEmails: true }).success).toBe(false);
    expect(preferencesBody.safeParse({ language: 'ja' }).success).toBe(false);
    expect(preferencesBody.safeParse({ language: 'ja', marketingEmails: false, defaultAddressId: 'not-a-uuid' }).success).toBe(false);
    expect(preferencesBody.safeParse({ language: 'ja', marketingEmails: false, avatarUrl: 'x' }).success).toBe(false);
  });

  it('holds every RPC caller to the service’s own rules', () => {
    expect(() => checkPreferences(defaultPreferences('u-1'))).not.toThrow();
    expect(() => checkPreferences({ ...defaultPreferences('u-1'), language: 'fr' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => checkPreferences({ ...defaultPreferences(''), language: 'ja' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
