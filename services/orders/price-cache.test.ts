import type { Redis } from '../../lib/redis';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import { PriceCache } from './price-cache';

const product = (sku: string, priceMinor: number): Product__Output =>
  ({ sku, name: sku, priceMinor, currency: 'JPY', active: true, taxClass: 'standard' }) as Product__Output;

/** A Redis that answers the catalog's generation (what readCatalogGeneration's script returns), or fails or stalls. */
function fakeRedis(state: { generation: string; status?: string; fail?: boolean; stall?: boolean }): Redis {
  return {
    get status() {
      return state.status ?? 'ready';
    },
    eval: async () => {
      if (state.fail) throw new Error('connection lost');
      if (state.stall) return new Promise(() => undefined);
      return state.generation;
    },
  } as unknown as Redis;
}

/** The catalog's GetProducts over a price list, counting its calls. */
function catalog(prices: Record<string, number>) {
  const calls: string[][] = [];
  return {
    calls,
    prices,
    load: (skus: readonly string[]) => async () => {
      calls.push([...skus]);
      return skus.filter((sku) => sku in prices).map((sku) => product(sku, prices[sku]!));
    },
  };
}

const quiet = { warn: () => undefined };

/** Lets a background refresh (a few chained promises) settle. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('PriceCache', () => {
  it('answers from the kept products while the generation stays, and asks the catalog again once it moved', async () => {
    const redis = { generation: '100' };
    const cache = new PriceCache(fakeRedis(redis), quiet, () => 0);
    const shop = catalog({ A: 1200, B: 350 });
    expect(await cache.products(['A', 'B'], shop.load(['A', 'B']))).toEqual([product('A', 1200), product('B', 350)]);
    expect(await cache.products(['B'], shop.load(['B']))).toEqual([product('B', 350)]);
    expect(shop.calls).toEqual([['A', 'B']]);

    shop.prices.A = 1500;
    redis.generation = '101';
    expect(await cache.products(['A'], shop.load(['A']))).toEqual([product('A', 1500)]);
    expect(shop.calls).toHaveLength(2);
  });

  it('keeps an answer under the generation read before asking: a write during the call is seen by the next order', async () => {
    const redis = { generation: '100' };
    const cache = new PriceCache(fakeRedis(redis), quiet, () => 0);
    const shop = catalog({ A: 1200 });
    await cache.products(['A'], async () => {
      const answer = await shop.load(['A'])();
      // The catalog's write commits and moves the generation while the old answer is on its way.
      shop.prices.A = 1500;
      redis.generation = '101';
      return answer;
    });
    expect(await cache.products(['A'], shop.load(['A']))).toEqual([product('A', 1500)]);
  });

  it('asks for SKUs the catalog did not answer every time, and for an order with any SKU not kept', async () => {
    const cache = new PriceCache(fakeRedis({ generation: '1' }), quiet, () => 0);
    const shop = catalog({ A: 1200 });
    expect(await cache.products(['A', 'NOPE'], shop.load(['A', 'NOPE']))).toEqual([product('A', 1200)]);
    await cache.products(['A', 'NOPE'], shop.load(['A', 'NOPE']));
    await cache.products(['A'], shop.load(['A']));
    expect(shop.calls).toEqual([['A', 'NOPE'], ['A', 'NOPE']]);
  });

  it('keeps an answer at most its TTL, whatever the generation', async () => {
    let now = 0;
    const cache = new PriceCache(fakeRedis({ generation: '1' }), quiet, () => now, 5_000);
    const shop = catalog({ A: 1200 });
    await cache.products(['A'], shop.load(['A']));
    now = 2_000;
    await cache.products(['A'], shop.load(['A']));
    now = 5_000;
    await cache.products(['A'], shop.load(['A']));
    expect(shop.calls).toHaveLength(2);
  });

  it('asks again in the background for an answer past half its TTL, so a SKU ordered steadily never waits for the catalog', async () => {
    let now = 0;
    const cache = new PriceCache(fakeRedis({ generation: '1' }), quiet, () => now, 5_000);
    const shop = catalog({ A: 1200 });
    await cache.products(['A'], shop.load(['A']));
    // Past half its life: answered from what was kept, and the catalog asked once behind it, however many orders come.
    now = 3_000;
    shop.prices.A = 1300;
    const [first, second] = await Promise.all([cache.products(['A'], shop.load(['A'])), cache.products(['A'], shop.load(['A']))]);
    expect([first, second]).toEqual([[product('A', 1200)], [product('A', 1200)]]);
    await flush();
    expect(shop.calls).toHaveLength(2);
    // After the first answer's TTL: the refreshed answer (kept from 3 s) is used, no order waits for the catalog.
    now = 7_000;
    expect(cache.keeps(['A'])).toBe(true);
    expect(await cache.products(['A'], shop.load(['A']))).toEqual([product('A', 1300)]);
    // 7 s is past half of the refreshed answer's life too: one more call behind that order.
    await flush();
    expect(shop.calls).toHaveLength(3);
  });

  it('keeps a refreshed answer under the generation read before asking, and serves nothing past its TTL when a refresh fails', async () => {
    let now = 0;
    const redis = { generation: '1' };
    const warnings: unknown[] = [];
    const cache = new PriceCache(fakeRedis(redis), { warn: (obj: unknown) => void warnings.push(obj) }, () => now, 5_000);
    const shop = catalog({ A: 1200 });
    await cache.products(['A'], shop.load(['A']));
    // The refresh fails: the kept answer serves until its TTL, then the next order asks the catalog itself.
    now = 3_000;
    expect(await cache.products(['A'], async () => Promise.reject(new Error('catalog unavailable')))).toEqual([product('A', 1200)]);
    await flush();
    expect(warnings).toHaveLength(1);
    now = 5_000;
    expect(cache.keeps(['A'])).toBe(false);
    expect(await cache.products(['A'], shop.load(['A']))).toEqual([product('A', 1200)]);
    expect(shop.calls).toHaveLength(2);
    // A write moves the generation while a refresh is on its way: its answer is kept under the old one, so the next order asks.
    now = 8_000;
    await cache.products(['A'], async () => {
      const answer = await shop.load(['A'])();
      shop.prices.A = 1500;
      redis.generation = '2';
      return answer;
    });
    await flush();
    expect(await cache.products(['A'], shop.load(['A']))).toEqual([product('A', 1500)]);
    expect(shop.calls).toHaveLength(4);
  });

  it.each([
    ['not connected', { generation: '1', status: 'reconnecting' }],
    ['failing', { generation: '1', fail: true }],
    ['stalled', { generation: '1', stall: true }],
  ])('asks the catalog for every order when Redis is %s', async (_name, state) => {
    const cache = new PriceCache(fakeRedis(state), quiet, () => 0);
    const shop = catalog({ A: 1200 });
    for (let i = 0; i < 2; i += 1) expect(await cache.products(['A'], shop.load(['A']))).toEqual([product('A', 1200)]);
    expect(shop.calls).toHaveLength(2);
  });

  it('asks the catalog without a Redis at all', async () => {
    const cache = new PriceCache(undefined, quiet, () => 0);
    const shop = catalog({ A: 1200 });
    await cache.products(['A'], shop.load(['A']));
    await cache.products(['A'], shop.load(['A']));
    expect(shop.calls).toHaveLength(2);
  });
  it('says whether every sku has an unexpired answer kept (the generation unread)', async () => {
    let now = 0;
    const cache = new PriceCache(fakeRedis({ generation: '1' }), quiet, () => now, 1000);
    const shop = catalog({ A: 100, B: 200 });
    expect(cache.keeps(['A'])).toBe(false);
    await cache.products(['A', 'Z'], shop.load(['A', 'Z']));
    expect(cache.keeps(['A'])).toBe(true);
    // Z was not answered by the catalog, B never asked: not kept.
    expect(cache.keeps(['A', 'Z'])).toBe(false);
    expect(cache.keeps(['A', 'B'])).toBe(false);
    now = 1000;
    expect(cache.keeps(['A'])).toBe(false);
  });
});
