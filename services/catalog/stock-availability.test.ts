import { DomainError } from '../../lib/errors';
import { createLogger } from '../../lib/logger';
import { availabilityKey, classifyAvailability, LOW_STOCK_THRESHOLD, StockAvailability } from './stock-availability';

/** An in-memory stand-in for the two Redis commands the reader uses; `fail` makes both throw. */
function fakeRedis(opts: { fail?: boolean } = {}) {
  const store = new Map<string, string>();
  const ttls = new Map<string, number>();
  return {
    store,
    ttls,
    mget: async (...keys: string[]) => {
      if (opts.fail) throw new Error('redis down');
      return keys.map((k) => store.get(k) ?? null);
    },
    set: async (key: string, value: string, _ex: 'EX', seconds: number) => {
      if (opts.fail) throw new Error('redis down');
      store.set(key, value);
      ttls.set(key, seconds);
      return 'OK' as const;
    },
  };
}

const logger = createLogger('test', 'silent');

describe('classifyAvailability', () => {
  it('is out_of_stock at 0 (and below: reserved beyond on hand), low_stock with the count up to the threshold, in_stock above without a count', () => {
    expect(classifyAvailability(0)).toEqual({ availability: 'out_of_stock' });
    expect(classifyAvailability(-2)).toEqual({ availability: 'out_of_stock' });
    expect(classifyAvailability(1)).toEqual({ availability: 'low_stock', availableQuantity: 1 });
    expect(classifyAvailability(LOW_STOCK_THRESHOLD)).toEqual({ availability: 'low_stock', availableQuantity: LOW_STOCK_THRESHOLD });
    expect(classifyAvailability(LOW_STOCK_THRESHOLD + 1)).toEqual({ availability: 'in_stock' });
  });
});

describe('StockAvailability', () => {
  it('asks inventory once per SKU, then answers from the cache with a short TTL', async () => {
    const redis = fakeRedis();
    const asked: string[] = [];
    const reader = new StockAvailability(redis as never, async (sku) => (asked.push(sku), sku === 'A' ? 50 : 2), logger, 15);
    const first = await reader.read(['A', 'B', 'A']);
    expect(Object.fromEntries(first)).toEqual({ A: { availability: 'in_stock' }, B: { availability: 'low_stock', availableQuantity: 2 } });
    expect(asked).toEqual(['A', 'B']);
    expect(redis.ttls.get(availabilityKey('A'))).toBe(15);
    await reader.read(['A', 'B']);
    expect(asked).toEqual(['A', 'B']);
  });

  it('shows a SKU inventory does not know as out_of_stock, and fails (never "in stock") when inventory fails', async () => {
    const reader = new StockAvailability(fakeRedis() as never, async (sku) => {
      if (sku === 'GONE') throw new DomainError('NOT_FOUND', 'no stock');
      throw new DomainError('UNAVAILABLE', 'inventory down');
    }, logger);
    expect(Object.fromEntries(await reader.read(['GONE']))).toEqual({ GONE: { availability: 'out_of_stock' } });
    await expect(reader.read(['OTHER'])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('reads inventory when Redis is down', async () => {
    const reader = new StockAvailability(fakeRedis({ fail: true }) as never, async () => 9, logger);
    expect(Object.fromEntries(await reader.read(['A']))).toEqual({ A: { availability: 'in_stock' } });
  });

  it('keys a Unicode or colon-bearing SKU by its URI encoding, so no SKU names another key', () => {
    expect(availabilityKey('抹茶:100g')).toBe('catalog:availability:%E6%8A%B9%E8%8C%B6%3A100g');
  });
});
