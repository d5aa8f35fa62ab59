import { randomUUID } from 'node:crypto';
import { callUnary } from '../../lib/grpc';
import type { Category, Category__Output } from '../../proto/generated/checkout/catalog/v1/Category';
import type { Merchant, Merchant__Output } from '../../proto/generated/checkout/catalog/v1/Merchant';
import type { ProductDetail__Output } from '../../proto/generated/checkout/catalog/v1/ProductDetail';
import type { StorefrontProduct } from '../../proto/generated/checkout/catalog/v1/StorefrontProduct';
import type { Variant, Variant__Output } from '../../proto/generated/checkout/catalog/v1/Variant';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

/** The public storefront routes over the real catalog service, PostgreSQL and Redis. */
describe('storefront REST (real PostgreSQL and Redis)', () => {
  let platform: RunningPlatform;
  const word = `zq${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const ids = { merchant: `m-${randomUUID().slice(0, 8)}`, category: `c-${randomUUID().slice(0, 8)}`, byName: `p-${randomUUID().slice(0, 8)}`, byText: `p-${randomUUID().slice(0, 8)}` };

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    const { catalog } = platform.clients;
    await callUnary<Merchant, Merchant__Output>(catalog.upsertMerchant.bind(catalog), { id: ids.merchant, name: 'REST test shop', active: true });
    await callUnary<Category, Category__Output>(catalog.upsertCategory.bind(catalog), { id: ids.category, slug: `slug-${ids.category}`, name: 'REST test category', active: true });
    for (const [id, name, description] of [
      [ids.byText, 'Plain roasted tea', `A tea that mentions ${word} only in its description`],
      [ids.byName, `${word} green tea`, 'A tea named after the word'],
    ] as const) {
      await callUnary<StorefrontProduct, ProductDetail__Output>(catalog.upsertStorefrontProduct.bind(catalog), {
        id, merchantId: ids.merchant, categoryId: ids.category, name, description, imageUrls: [], active: true,
      });
      await callUnary<Variant, Variant__Output>(catalog.upsertVariant.bind(catalog), {
        sku: `${id}-100G`, productId: id, name: '100 g', attributes: { weight: '100g' }, priceMinor: 1000, currency: 'JPY', active: true,
      });
    }
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const get = async (path: string) => {
    const res = await fetch(`${platform.api}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('finds products by a word, the name match ranked above the description match', async () => {
    const { status, body } = await get(`/v1/products?q=${word}`);
    expect(status).toBe(200);
    expect((body.products as { id: string }[]).map((p) => p.id)).toEqual([ids.byName, ids.byText]);
  });

  it('shows a product page with its variants, and a write is visible on the next read', async () => {
    expect((await get(`/v1/products/${ids.byName}`)).body).toMatchObject({ id: ids.byName, variants: [expect.objectContaining({ sku: `${ids.byName}-100G`, priceMinor: 1000 })] });
    const { catalog } = platform.clients;
    await callUnary<Variant, Variant__Output>(catalog.upsertVariant.bind(catalog), {
      sku: `${ids.byName}-100G`, productId: ids.byName, name: '100 g', attributes: { weight: '100g' }, priceMinor: 1300, currency: 'JPY', active: true,
    });
    expect((await get(`/v1/products/${ids.byName}`)).body).toMatchObject({ variants: [expect.objectContaining({ priceMinor: 1300 })] });
  });

  it('answers invalid queries and unknown products in the error shape', async () => {
    expect(await get('/v1/products?pageSize=500')).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await get('/v1/products?minPrice=500&maxPrice=100')).toMatchObject({ status: 400 });
    expect(await get('/v1/products/does-not-exist')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('lists the category tree', async () => {
    const { status, body } = await get('/v1/categories');
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain(`slug-${ids.category}`);
  });
});
