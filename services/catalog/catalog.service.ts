import { Prisma } from '@prisma/client';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import { sqlPool, type PrismaClient } from '../../lib/prisma';
import type { Category__Output } from '../../proto/generated/checkout/catalog/v1/Category';
import type { CategoryNode__Output } from '../../proto/generated/checkout/catalog/v1/CategoryNode';
import type { Merchant__Output } from '../../proto/generated/checkout/catalog/v1/Merchant';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { ProductDetail__Output } from '../../proto/generated/checkout/catalog/v1/ProductDetail';
import type { ProductSummary__Output } from '../../proto/generated/checkout/catalog/v1/ProductSummary';
import type { SearchProductsRequest__Output } from '../../proto/generated/checkout/catalog/v1/SearchProductsRequest';
import type { SearchProductsResponse__Output } from '../../proto/generated/checkout/catalog/v1/SearchProductsResponse';
import type { StorefrontProduct__Output } from '../../proto/generated/checkout/catalog/v1/StorefrontProduct';
import type { Variant__Output } from '../../proto/generated/checkout/catalog/v1/Variant';
import { CACHE_TTL_SECONDS, type CatalogCache } from './catalog-cache';
import * as input from './catalog-input';
import { parseSearchQuery } from './search-query';

const CATEGORY_TREE_LOCK = 'catalog:category-tree';

/** Products and prices (the only source of prices for an order) and the storefront catalog. */
export class CatalogService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: CatalogCache,
  ) {}

  /** Returns the variants with these SKUs; unknown SKUs are absent, and a variant is inactive when its product or merchant is. */
  async getProducts(skus: string[]): Promise<Product__Output[]> {
    if (skus.length === 0) return [];
    // One statement over the pg pool (the checkout prices every order with it): Prisma's relation
    // include costs several queries and milliseconds more. Ordered by sku as Prisma ordered it.
    const { rows } = await sqlPool(this.prisma).query<{ sku: string; name: string; priceMinor: number; currency: string; active: boolean; taxClass: string }>(
      `SELECT p.sku, p.name, p.price_minor AS "priceMinor", p.currency, p.tax_class AS "taxClass",
              p.active AND (f.id IS NULL OR (f.active AND m.active)) AS active
         FROM catalog.products p
         LEFT JOIN catalog.product_families f ON f.id = p.product_id
         LEFT JOIN catalog.merchants m ON m.id = f.merchant_id
        WHERE p.sku = ANY($1::text[])
        ORDER BY p.sku`,
      [[...new Set(skus)]],
    );
    return rows.map(toProduct);
  }

  /** Creates or updates a SKU's name, price and state; its storefront link and attributes are kept. */
  async upsertProduct(r: Product__Output): Promise<Product__Output> {
    input.check(input.isValidSku(r.sku), 'sku', input.SKU_RULE);
    const data = { name: input.requiredText(r.name, 'name', 200), priceMinor: input.priceMinor(r.priceMinor), currency: input.currency(r.currency), active: r.active, ...input.taxClass(r.taxClass) };
    const row = await this.prisma.product.upsert({ where: { sku: r.sku }, create: { sku: r.sku, ...data }, update: data });
    // Also for a SKU without a storefront product (in no storefront read): the checkout's prices are
    // kept under the generation (services/orders/price-cache.ts), and the next order must see this one.
    await this.cache.invalidate();
    return toProduct(row);
  }

  /** Searches active products of active merchants: by relevance (name before description) when a query is given, else by name. */
  async searchProducts(r: SearchProductsRequest__Output): Promise<SearchProductsResponse__Output> {
    const params = input.searchParams(r);
    const tsquery = parseSearchQuery(params.query);
    return this.cache.read('search', { ...params, query: tsquery }, CACHE_TTL_SECONDS.list, () => this.searchDatabase(params, tsquery));
  }

  private async searchDatabase(params: input.SearchParams, tsquery: string | null): Promise<SearchProductsResponse__Output> {
    const conditions: Prisma.Sql[] = [Prisma.sql`p.active`, Prisma.sql`m.active`];
    if (tsquery !== null) conditions.push(Prisma.sql`p.search_vector @@ to_tsquery('simple', ${tsquery})`);
    if (params.merchantId) conditions.push(Prisma.sql`p.merchant_id = ${params.merchantId}`);
    if (params.categorySlug) {
      const root = await this.prisma.category.findUnique({ where: { slug: params.categorySlug }, select: { active: true } });
      if (!root?.active) throw new DomainError('NOT_FOUND', `No category ${params.categorySlug}`);
      conditions.push(Prisma.sql`p.category_id IN (
        WITH RECURSIVE subtree AS (
          SELECT id FROM catalog.categories WHERE slug = ${params.categorySlug} AND active
          UNION
          SELECT c.id FROM catalog.categories c JOIN subtree s ON c.parent_id = s.id WHERE c.active
        ) SELECT id FROM subtree)`);
    }
    if (params.priceMin !== null || params.priceMax !== null) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM catalog.products w WHERE w.product_id = p.id AND w.active
        AND w.price_minor >= ${params.priceMin ?? 0} AND w.price_minor <= ${params.priceMax ?? input.MAX_PRICE_MINOR})`);
    }
    const from = Prisma.sql`FROM catalog.product_families p
      JOIN catalog.merchants m ON m.id = p.merchant_id
      LEFT JOIN catalog.categories c ON c.id = p.category_id
      JOIN LATERAL (
        SELECT min(v.price_minor)::int AS min_price, max(v.price_minor)::int AS max_price, min(v.currency)::text AS currency
        FROM catalog.products v WHERE v.product_id = p.id AND v.active
      ) prices ON prices.min_price IS NOT NULL
      WHERE ${Prisma.join(conditions, ' AND ')}`;
    const rank = tsquery === null ? Prisma.sql`0::real` : Prisma.sql`ts_rank(p.search_vector, to_tsquery('simple', ${tsquery}))`;
    const [counted, rows] = await Promise.all([
      this.prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`,
      this.prisma.$queryRaw<SummaryRow[]>`SELECT p.id, p.merchant_id, p.name, p.description, c.slug AS category_slug, p.image_urls,
          prices.min_price, prices.max_price, prices.currency, ${rank} AS rank
        ${from}
        ORDER BY rank DESC, p.name ASC, p.id ASC
        LIMIT ${params.pageSize} OFFSET ${(params.page - 1) * params.pageSize}`,
    ]);
    return { products: rows.map(toSummary), total: counted[0]?.total ?? 0, page: params.page, pageSize: params.pageSize };
  }

  /** One storefront product with its variants; the public view (cached) shows only what is on sale. */
  async getProduct(productId: string, includeInactive: boolean): Promise<ProductDetail__Output> {
    if (!input.ENTITY_ID.test(productId)) throw new DomainError('NOT_FOUND', `No product ${productId}`);
    if (includeInactive) return this.loadProduct(productId, true);
    return this.cache.read('product', { productId }, CACHE_TTL_SECONDS.detail, () => this.loadProduct(productId, false));
  }

  private async loadProduct(productId: string, includeInactive: boolean): Promise<ProductDetail__Output> {
    const row = await this.prisma.productFamily.findUnique({
      where: { id: productId },
      include: {
        merchant: true,
        category: true,
        variants: { where: includeInactive ? {} : { active: true }, orderBy: [{ priceMinor: 'asc' }, { sku: 'asc' }] },
      },
    });
    if (!row || (!includeInactive && !(row.active && row.merchant.active))) throw new DomainError('NOT_FOUND', `No product ${productId}`);
    return {
      id: row.id,
      merchantId: row.merchantId,
      merchantName: row.merchant.name,
      categoryId: row.categoryId ?? '',
      categorySlug: row.category?.slug ?? '',
      categoryName: row.category?.name ?? '',
      name: row.name,
      description: row.description,
      imageUrls: row.imageUrls,
      active: row.active && row.merchant.active,
      variants: row.variants.map(toVariant),
    };
  }

  /** The category tree ordered by position then name; an inactive category hides its whole subtree unless asked for. */
  async listCategories(includeInactive: boolean): Promise<CategoryNode__Output[]> {
    const load = async (): Promise<CategoryNode__Output[]> => {
      const rows = await this.prisma.category.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }, { id: 'asc' }] });
      return buildTree(rows, includeInactive);
    };
    return includeInactive ? load() : this.cache.read('categories', {}, CACHE_TTL_SECONDS.list, load);
  }

  /** Creates or updates a merchant and replaces its set of cashiers; a cashier of another merchant is a CONFLICT. */
  async upsertMerchant(r: Merchant__Output): Promise<Merchant__Output> {
    const id = input.optionalId(r.id, 'id') ?? randomUUID();
    const name = input.requiredText(r.name, 'name', 200);
    const cashiers = [...new Set(r.cashierUserIds.map((c) => c.trim()))];
    cashiers.forEach((c, i) => input.check(c.length >= 1 && c.length <= 128, `cashierUserIds[${i}]`, 'must be 1-128 characters'));
    input.check(cashiers.length <= 500, 'cashierUserIds', 'must hold at most 500 ids');
    const merchant = await conflictOnUnique(() =>
      this.prisma.$transaction(async (tx) => {
        const taken = await tx.merchantCashier.findMany({ where: { userId: { in: cashiers }, merchantId: { not: id } } });
        if (taken.length > 0) {
          throw new DomainError('CONFLICT', 'These cashiers already work for another merchant', { userIds: taken.map((t) => t.userId) });
        }
        const row = await tx.merchant.upsert({ where: { id }, create: { id, name, active: r.active }, update: { name, active: r.active } });
        await tx.merchantCashier.deleteMany({ where: { merchantId: id, userId: { notIn: cashiers } } });
        await tx.merchantCashier.createMany({ data: cashiers.map((userId) => ({ userId, merchantId: id })), skipDuplicates: true });
        return row;
      }),
    );
    await this.cache.invalidate();
    return { id: merchant.id, name: merchant.name, active: merchant.active, cashierUserIds: [...cashiers].sort() };
  }

  /** Deactivates a merchant: its products leave the storefront and its variants stop being sellable. */
  async deactivateMerchant(id: string): Promise<Merchant__Output> {
    await notFoundIfMissing(`No merchant ${id}`, () => this.prisma.merchant.update({ where: { id }, data: { active: false } }));
    await this.cache.invalidate();
    return this.getMerchant({ merchantId: id });
  }

  /** A merchant by id, or the merchant a cashier works for. */
  async getMerchant(r: { merchantId?: string; cashierUserId?: string }): Promise<Merchant__Output> {
    const where = r.merchantId ? { id: r.merchantId } : r.cashierUserId ? { cashiers: { some: { userId: r.cashierUserId } } } : null;
    if (!where) throw new DomainError('VALIDATION_FAILED', 'merchantId or cashierUserId is required', { field: 'merchantId' });
    const row = await this.prisma.merchant.findFirst({ where, include: { cashiers: { orderBy: { userId: 'asc' } } } });
    if (!row) throw new DomainError('NOT_FOUND', r.merchantId ? `No merchant ${r.merchantId}` : `Cashier ${r.cashierUserId ?? ''} works for no merchant`);
    return { id: row.id, name: row.name, active: row.active, cashierUserIds: row.cashiers.map((c) => c.userId) };
  }

  /** Creates or updates a category; its parent must exist and must not be the category or one of its descendants. */
  async upsertCategory(r: Category__Output): Promise<Category__Output> {
    const id = input.optionalId(r.id, 'id') ?? randomUUID();
    input.check(input.SLUG.test(r.slug) && r.slug.length <= 100, 'slug', 'must be lower-case letters and digits joined by "-" (at most 100)');
    const name = input.requiredText(r.name, 'name', 100);
    const parentId = input.optionalId(r.parentId, 'parentId');
    input.check(Number.isInteger(r.position) && Math.abs(r.position) <= 1_000_000, 'position', 'must be an integer within ±1000000');
    const row = await conflictOnUnique(() =>
      this.prisma.$transaction(async (tx) => {
        // Moves are serialised so two concurrent moves can never close a cycle between them.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${CATEGORY_TREE_LOCK}))`;
        if (parentId !== null) {
          const ancestors = await tx.$queryRaw<{ id: string }[]>`WITH RECURSIVE up AS (
              SELECT id, parent_id FROM catalog.categories WHERE id = ${parentId}
              UNION
              SELECT c.id, c.parent_id FROM catalog.categories c JOIN up ON c.id = up.parent_id
            ) SELECT id FROM up`;
          input.check(ancestors.length > 0, 'parentId', `names no category (${parentId})`);
          input.check(!ancestors.some((a) => a.id === id), 'parentId', 'must not be the category itself or one of its descendants');
        }
        const data = { slug: r.slug, name, parentId, position: r.position, active: r.active };
        return tx.category.upsert({ where: { id }, create: { id, ...data }, update: data });
      }),
    );
    await this.cache.invalidate();
    return toCategory(row);
  }

  /** Deactivates a category: it and its subtree leave the storefront's navigation and filters. */
  async deactivateCategory(id: string): Promise<Category__Output> {
    const row = await notFoundIfMissing(`No category ${id}`, () => this.prisma.category.update({ where: { id }, data: { active: false } }));
    await this.cache.invalidate();
    return toCategory(row);
  }

  /** Creates (empty id) or updates a storefront product of a merchant; it never changes merchant. */
  async upsertStorefrontProduct(r: StorefrontProduct__Output): Promise<ProductDetail__Output> {
    const id = input.optionalId(r.id, 'id') ?? randomUUID();
    input.check(input.ENTITY_ID.test(r.merchantId), 'merchantId', 'is required');
    const categoryId = input.optionalId(r.categoryId, 'categoryId');
    const data = {
      name: input.requiredText(r.name, 'name', 200),
      description: r.description.trim(),
      imageUrls: input.imageUrls(r.imageUrls),
      categoryId,
      active: r.active,
    };
    input.check(data.description.length <= 5000, 'description', 'must be at most 5000 characters');
    const [merchant, category, existing] = await Promise.all([
      this.prisma.merchant.findUnique({ where: { id: r.merchantId }, select: { id: true } }),
      categoryId === null ? null : this.prisma.category.findUnique({ where: { id: categoryId }, select: { id: true } }),
      this.prisma.productFamily.findUnique({ where: { id }, select: { merchantId: true } }),
    ]);
    input.check(merchant !== null, 'merchantId', `names no merchant (${r.merchantId})`);
    input.check(categoryId === null || category !== null, 'categoryId', `names no category (${categoryId ?? ''})`);
    if (existing && existing.merchantId !== r.merchantId) throw new DomainError('CONFLICT', `Product ${id} belongs to merchant ${existing.merchantId}`);
    await this.prisma.productFamily.upsert({ where: { id }, create: { id, merchantId: r.merchantId, ...data }, update: data });
    await this.cache.invalidate();
    return this.loadProduct(id, true);
  }

  /** Deactivates a storefront product: it leaves the storefront and none of its variants is sellable. */
  async deactivateStorefrontProduct(id: string): Promise<ProductDetail__Output> {
    await notFoundIfMissing(`No product ${id}`, () => this.prisma.productFamily.update({ where: { id }, data: { active: false } }));
    await this.cache.invalidate();
    return this.loadProduct(id, true);
  }

  /** Creates or updates a variant (a SKU) of a storefront product; a SKU sold without a storefront page can be attached. */
  async upsertVariant(r: Variant__Output): Promise<Variant__Output> {
    input.check(input.isValidSku(r.sku), 'sku', input.SKU_RULE);
    input.check(r.productId !== '', 'productId', 'is required');
    const data = {
      name: input.requiredText(r.name, 'name', 200),
      priceMinor: input.priceMinor(r.priceMinor),
      currency: input.currency(r.currency),
      attributes: input.attributes(r.attributes),
      active: r.active,
      productId: r.productId,
      ...input.taxClass(r.taxClass),
    };
    const [family, existing] = await Promise.all([
      this.prisma.productFamily.findUnique({ where: { id: r.productId }, include: { variants: { where: { sku: { not: r.sku } }, select: { currency: true }, take: 1 } } }),
      this.prisma.product.findUnique({ where: { sku: r.sku }, select: { productId: true } }),
    ]);
    input.check(family !== null, 'productId', `names no product (${r.productId})`);
    input.check(family.variants.every((v) => v.currency === data.currency), 'currency', `must be the currency of the product's other variants (${family.variants[0]?.currency ?? ''})`);
    if (existing?.productId && existing.productId !== r.productId) throw new DomainError('CONFLICT', `SKU ${r.sku} is a variant of product ${existing.productId}`);
    const row = await this.prisma.product.upsert({ where: { sku: r.sku }, create: { sku: r.sku, ...data }, update: data });
    await this.cache.invalidate();
    return toVariant(row);
  }

  /** Deactivates a variant: GetProducts still prices it but reports it inactive, so it cannot be ordered. */
  async deactivateVariant(sku: string): Promise<Variant__Output> {
    const row = await notFoundIfMissing(`No variant ${sku}`, () => this.prisma.product.update({ where: { sku }, data: { active: false } }));
    await this.cache.invalidate();
    return toVariant(row);
  }
}

interface SummaryRow {
  id: string;
  merchant_id: string;
  name: string;
  description: string;
  category_slug: string | null;
  image_urls: string[] | null;
  min_price: number;
  max_price: number;
  currency: string;
}

function toSummary(row: SummaryRow): ProductSummary__Output {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    name: row.name,
    description: row.description,
    categorySlug: row.category_slug ?? '',
    imageUrls: row.image_urls ?? [],
    minPriceMinor: row.min_price,
    maxPriceMinor: row.max_price,
    currency: row.currency,
  };
}

function toProduct(row: { sku: string; name: string; priceMinor: number; currency: string; active: boolean; taxClass: string }): Product__Output {
  return { sku: row.sku, name: row.name, priceMinor: row.priceMinor, currency: row.currency, active: row.active, taxClass: row.taxClass };
}

function toVariant(row: { sku: string; productId: string | null; name: string; attributes: Prisma.JsonValue; priceMinor: number; currency: string; active: boolean; taxClass: string }): Variant__Output {
  const attrs = row.attributes !== null && typeof row.attributes === 'object' && !Array.isArray(row.attributes) ? row.attributes : {};
  return {
    sku: row.sku,
    productId: row.productId ?? '',
    name: row.name,
    attributes: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])),
    priceMinor: row.priceMinor,
    currency: row.currency,
    active: row.active,
    taxClass: row.taxClass,
  };
}

type CategoryRow = { id: string; parentId: string | null; slug: string; name: string; position: number; active: boolean };

function toCategory(row: CategoryRow): Category__Output {
  return { id: row.id, parentId: row.parentId ?? '', slug: row.slug, name: row.name, position: row.position, active: row.active };
}

/** Nests sorted category rows into trees; without `includeInactive` an inactive node drops with its subtree. */
export function buildTree(rows: CategoryRow[], includeInactive: boolean): CategoryNode__Output[] {
  const nodes = new Map<string, CategoryNode__Output>(rows.filter((r) => includeInactive || r.active).map((r) => [r.id, { ...toCategory(r), children: [] }]));
  const roots: CategoryNode__Output[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id);
    if (!node) continue;
    if (row.parentId === null) roots.push(node);
    else nodes.get(row.parentId)?.children.push(node);
  }
  return roots;
}

async function notFoundIfMissing<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') throw new DomainError('NOT_FOUND', message);
    throw err;
  }
}

async function conflictOnUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new DomainError('CONFLICT', 'Another record already uses this value', { fields: err.meta?.target ?? null });
    }
    throw err;
  }
}
