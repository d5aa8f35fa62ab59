import { randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { createRedis, type Redis } from '../../lib/redis';
import type { Category, Category__Output } from '../../proto/generated/checkout/catalog/v1/Category';
import type { DeactivateRequest } from '../../proto/generated/checkout/catalog/v1/DeactivateRequest';
import type { GetProductRequest } from '../../proto/generated/checkout/catalog/v1/GetProductRequest';
import type { GetProductsRequest } from '../../proto/generated/checkout/catalog/v1/GetProductsRequest';
import type { GetProductsResponse__Output } from '../../proto/generated/checkout/catalog/v1/GetProductsResponse';
import type { ListCategoriesRequest } from '../../proto/generated/checkout/catalog/v1/ListCategoriesRequest';
import type { ListCategoriesResponse__Output } from '../../proto/generated/checkout/catalog/v1/ListCategoriesResponse';
import type { Merchant, Merchant__Output } from '../../proto/generated/checkout/catalog/v1/Merchant';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { ProductDetail__Output } from '../../proto/generated/checkout/catalog/v1/ProductDetail';
import type { SearchProductsRequest } from '../../proto/generated/checkout/catalog/v1/SearchProductsRequest';
import type { SearchProductsResponse__Output } from '../../proto/generated/checkout/catalog/v1/SearchProductsResponse';
import type { StorefrontProduct } from '../../proto/generated/checkout/catalog/v1/StorefrontProduct';
import type { Variant, Variant__Output } from '../../proto/generated/checkout/catalog/v1/Variant';
import type { CategoryNode__Output } from '../../proto/generated/checkout/catalog/v1/CategoryNode';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { catalogRegistration } from '../../services/catalog/catalog.grpc';
import { freePort } from '../support/platform';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';
import { rejection } from '../support/rejection';

/** The storefront catalog on the real PostgreSQL and Redis, over gRPC. */
describe('catalog service (real PostgreSQL + Redis)', () => {
  let prisma: PrismaClient;
  let redis: Redis;
  let clients: DomainClients;
  let server: RunningGrpcServer;
  const run = randomUUID().replace(/-/g, '').slice(0, 10);
  const word = `zq${run}`; // a word no other test's product contains
  const merchantId = `m-${run}`;
  const ids = { a: `pa-${run}`, b: `pb-${run}`, c: `pc-${run}` };
  const cat = { tea: `c-${run}-tea`, green: `c-${run}-green`, ware: `c-${run}-ware` };

  const c = () => clients.catalog;
  const upsertMerchant = (r: Merchant) => callUnary<Merchant, Merchant__Output>(c().UpsertMerchant.bind(c()), r);
  const upsertCategory = (r: Category) => callUnary<Category, Category__Output>(c().UpsertCategory.bind(c()), r);
  const upsertFamily = (r: StorefrontProduct) => callUnary<StorefrontProduct, ProductDetail__Output>(c().UpsertStorefrontProduct.bind(c()), r);
  const upsertVariant = (r: Variant) => callUnary<Variant, Variant__Output>(c().UpsertVariant.bind(c()), r);
  const search = (r: SearchProductsRequest) => callUnary<SearchProductsRequest, SearchProductsResponse__Output>(c().SearchProducts.bind(c()), { merchantId, ...r });
  const getProduct = (productId: string) => callUnary<GetProductRequest, ProductDetail__Output>(c().GetProduct.bind(c()), { productId });
  const listCategories = () => callUnary<ListCategoriesRequest, ListCategoriesResponse__Output>(c().ListCategories.bind(c()), {});
  const getProducts = (skus: string[]) => callUnary<GetProductsRequest, GetProductsResponse__Output>(c().GetProducts.bind(c()), { skus });
  const deactivate = (method: 'DeactivateStorefrontProduct' | 'DeactivateCategory' | 'DeactivateVariant', id: string) =>
    callUnary<DeactivateRequest, unknown>(c()[method].bind(c()) as never, { id });
  const names = (r: SearchProductsResponse__Output) => r.products.map((p) => p.id);
  const findNode = (nodes: CategoryNode__Output[], id: string): CategoryNode__Output | undefined =>
    nodes.map((n) => (n.id === id ? n : findNode(n.children, id))).find((n) => n !== undefined);

  beforeAll(async () => {
    const config = testConfig();
    prisma = createPrisma(config.DATABASE_URL);
    redis = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    server = await startGrpcServer('127.0.0.1', port, [catalogRegistration(serviceDeps({ prisma, clients, redis }))]);

    await upsertMerchant({ id: merchantId, name: 'Test tea shop', active: true, cashierUserIds: [`cashier-${run}`] });
    await upsertCategory({ id: cat.tea, slug: `t${run}-tea`, name: 'Tea', active: true });
    await upsertCategory({ id: cat.green, parentId: cat.tea, slug: `t${run}-green`, name: 'Green tea', active: true });
    await upsertCategory({ id: cat.ware, slug: `t${run}-ware`, name: 'Teaware', active: true });
    // a: the word in its name (green tea, a subcategory); b: only in its description (tea); c: teaware.
    await upsertFamily({ id: ids.a, merchantId, categoryId: cat.green, name: `Sencha ${word}`, description: 'Steamed green tea', imageUrls: ['https://img.example/a.jpg'], active: true });
    await upsertFamily({ id: ids.b, merchantId, categoryId: cat.tea, name: 'Bancha', description: `An everyday tea, much like ${word} but coarser`, active: true });
    await upsertFamily({ id: ids.c, merchantId, categoryId: cat.ware, name: 'Kyusu', description: 'A clay teapot', active: true });
    await upsertVariant({ sku: `A100-${run}`, productId: ids.a, name: 'Sencha, 100 g', attributes: { weight: '100 g' }, priceMinor: 1000, currency: 'JPY', active: true });
    await upsertVariant({ sku: `A200-${run}`, productId: ids.a, name: 'Sencha, 200 g', attributes: { weight: '200 g' }, priceMinor: 2000, currency: 'JPY', active: true });
    await upsertVariant({ sku: `B-${run}`, productId: ids.b, name: 'Bancha, 200 g', priceMinor: 500, currency: 'JPY', active: true });
    await upsertVariant({ sku: `C-${run}`, productId: ids.c, name: 'Kyusu, 350 ml', priceMinor: 3000, currency: 'JPY', active: true });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server?.stop();
    if (clients) closeDomainClients(clients);
    redis?.disconnect();
    await prisma?.$disconnect();
  });

  describe('search', () => {
    it('ranks a product whose name matches above one whose description matches', async () => {
      const found = await search({ query: word });
      expect(names(found)).toEqual([ids.a, ids.b]);
      expect(found.total).toBe(2);
      expect(found.products[0]).toMatchObject({ minPriceMinor: 1000, maxPriceMinor: 2000, currency: 'JPY', categorySlug: `t${run}-green`, imageUrls: ['https://img.example/a.jpg'] });
    });

    it('matches words as prefixes and ignores tsquery syntax in the text', async () => {
      expect(names(await search({ query: `${word.slice(0, 8)} & !(` }))).toEqual([ids.a, ids.b]);
    });

    it('filters by category including its subcategories', async () => {
      expect(names(await search({ categorySlug: `t${run}-tea` }))).toEqual([ids.b, ids.a]);
      expect(names(await search({ categorySlug: `t${run}-green` }))).toEqual([ids.a]);
      const unknown = await rejection(search({ categorySlug: `t${run}-nope` }));
      expect(unknown.code).toBe('NOT_FOUND');
    });

    it('filters by price over the variants on sale', async () => {
      expect(names(await search({ priceMinMinor: 1500 }))).toEqual([ids.c, ids.a]);
      expect(names(await search({ priceMaxMinor: 600 }))).toEqual([ids.b]);
      expect(names(await search({ priceMinMinor: 1500, priceMaxMinor: 2500 }))).toEqual([ids.a]);
      expect((await rejection(search({ priceMinMinor: 10, priceMaxMinor: 5 }))).code).toBe('VALIDATION_FAILED');
    });

    it('pages through a stable order by name without gaps or repeats', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ page, pageSize: 1 })));
      expect(pages.map((p) => names(p))).toEqual([[ids.b], [ids.c], [ids.a], []]);
      expect(pages.map((p) => p.total)).toEqual([3, 3, 3, 3]);
      expect((await rejection(search({ pageSize: 101 }))).code).toBe('VALIDATION_FAILED');
    });
  });

  describe('product details and categories', () => {
    it('shows a product with its variants on sale, cheapest first', async () => {
      const product = await getProduct(ids.a);
      expect(product).toMatchObject({ id: ids.a, merchantId, merchantName: 'Test tea shop', categorySlug: `t${run}-green`, active: true });
      expect(product.variants.map((v) => [v.sku, v.priceMinor, v.attributes])).toEqual([
        [`A100-${run}`, 1000, { weight: '100 g' }],
        [`A200-${run}`, 2000, { weight: '200 g' }],
      ]);
      expect((await rejection(getProduct(`nope-${run}`))).code).toBe('NOT_FOUND');
    });

    it('lists the category tree with subcategories nested', async () => {
      const { categories } = await listCategories();
      expect(findNode(categories, cat.tea)?.children.map((n) => n.slug)).toEqual([`t${run}-green`]);
      expect(categories.map((n) => n.id)).toEqual(expect.arrayContaining([cat.tea, cat.ware]));
    });

    it('rejects a category tree cycle and a cashier of another merchant', async () => {
      const cycle = await rejection(upsertCategory({ id: cat.tea, parentId: cat.green, slug: `t${run}-tea`, name: 'Tea', active: true }));
      expect(cycle).toMatchObject({ code: 'VALIDATION_FAILED' });
      const taken = await rejection(upsertMerchant({ id: `m2-${run}`, name: 'Another shop', active: true, cashierUserIds: [`cashier-${run}`] }));
      expect(taken).toMatchObject({ code: 'CONFLICT', details: { userIds: [`cashier-${run}`] } });
      const merchant = await callUnary<{ cashierUserId: string }, Merchant__Output>(c().GetMerchant.bind(c()) as never, { cashierUserId: `cashier-${run}` });
      expect(merchant.id).toBe(merchantId);
    });
  });

  describe('cache', () => {
    it('answers a repeated search from Redis without querying the database', async () => {
      const queries = jest.spyOn(prisma, '$queryRaw');
      await search({ query: word, pageSize: 7 });
      expect(queries).toHaveBeenCalled();
      queries.mockClear();
      const again = await search({ query: word, pageSize: 7 });
      expect(names(again)).toEqual([ids.a, ids.b]);
      expect(queries).not.toHaveBeenCalled();
      queries.mockRestore();
    });

    it('answers a repeated product read from Redis (a change behind the service’s back is not seen)', async () => {
      const before = await getProduct(ids.c);
      await prisma.productFamily.update({ where: { id: ids.c }, data: { description: 'changed behind the service' } });
      expect((await getProduct(ids.c)).description).toBe(before.description);
      // Any write through the service makes the next read fresh.
      await upsertVariant({ sku: `C-${run}`, productId: ids.c, name: 'Kyusu, 350 ml', priceMinor: 3100, currency: 'JPY', active: true });
      expect(await getProduct(ids.c)).toMatchObject({ description: 'changed behind the service', variants: [expect.objectContaining({ priceMinor: 3100 })] });
    });

    it('shows a write in the next search, product read and category list', async () => {
      expect(names(await search({ query: word }))).toEqual([ids.a, ids.b]);
      expect((await getProduct(ids.b)).name).toBe('Bancha');
      await listCategories();

      await upsertFamily({ id: ids.b, merchantId, categoryId: cat.tea, name: `Bancha ${word} ${word}`, description: 'Coarse', active: true });
      const renamed = await search({ query: word });
      expect(renamed.products.map((p) => p.name)).toContain(`Bancha ${word} ${word}`);
      expect((await getProduct(ids.b)).name).toBe(`Bancha ${word} ${word}`);

      await upsertVariant({ sku: `A100-${run}`, productId: ids.a, name: 'Sencha, 100 g', attributes: { weight: '100 g' }, priceMinor: 1100, currency: 'JPY', active: true });
      expect((await getProduct(ids.a)).variants[0]?.priceMinor).toBe(1100);
      expect((await search({ priceMaxMinor: 1050 })).products.map((p) => p.id)).toEqual([ids.b]);

      await upsertCategory({ id: `c-${run}-roast`, parentId: cat.tea, slug: `t${run}-roast`, name: 'Roasted tea', position: 5, active: true });
      expect(findNode((await listCategories()).categories, cat.tea)?.children.map((n) => n.slug)).toEqual([`t${run}-green`, `t${run}-roast`]);
      await deactivate('DeactivateCategory', `c-${run}-roast`);
      expect(findNode((await listCategories()).categories, `c-${run}-roast`)).toBeUndefined();

      await deactivate('DeactivateStorefrontProduct', ids.c);
      expect(names(await search({}))).not.toContain(ids.c);
      expect((await rejection(getProduct(ids.c))).code).toBe('NOT_FOUND');
    });
  });

  describe('checkout pricing (GetProducts)', () => {
    it('prices variants by SKU, and reports a variant of a deactivated product as inactive', async () => {
      const legacy = `L-${run}`;
      await callUnary<Product, Product__Output>(c().UpsertProduct.bind(c()), { sku: legacy, name: 'Legacy SKU', priceMinor: 700, currency: 'JPY', active: true });
      const { products } = await getProducts([`A200-${run}`, `C-${run}`, legacy, `unknown-${run}`]);
      expect(products.map((p) => [p.sku, p.priceMinor, p.active])).toEqual([
        [`A200-${run}`, 2000, true],
        [`C-${run}`, 3100, false],
        [legacy, 700, true],
      ]);
      await deactivate('DeactivateVariant', `A200-${run}`);
      expect((await getProducts([`A200-${run}`])).products[0]?.active).toBe(false);
      expect((await getProduct(ids.a)).variants.map((v) => v.sku)).toEqual([`A100-${run}`]);
    });

    it('keeps a legacy SKU’s storefront link when UpsertProduct changes its price', async () => {
      await callUnary<Product, Product__Output>(c().UpsertProduct.bind(c()), { sku: `B-${run}`, name: 'Bancha, 200 g', priceMinor: 550, currency: 'JPY', active: true });
      expect((await getProduct(ids.b)).variants.map((v) => [v.sku, v.priceMinor])).toEqual([[`B-${run}`, 550]]);
    });
  });
});
