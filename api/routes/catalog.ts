import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../lib/grpc';
import type { GetProductRequest } from '../../proto/generated/checkout/catalog/v1/GetProductRequest';
import type { ListCategoriesRequest } from '../../proto/generated/checkout/catalog/v1/ListCategoriesRequest';
import type { ListCategoriesResponse__Output } from '../../proto/generated/checkout/catalog/v1/ListCategoriesResponse';
import type { ProductDetail__Output } from '../../proto/generated/checkout/catalog/v1/ProductDetail';
import type { SearchProductsRequest } from '../../proto/generated/checkout/catalog/v1/SearchProductsRequest';
import type { SearchProductsResponse__Output } from '../../proto/generated/checkout/catalog/v1/SearchProductsResponse';
import type { GetStockRequest } from '../../proto/generated/checkout/inventory/v1/GetStockRequest';
import type { Stock__Output } from '../../proto/generated/checkout/inventory/v1/Stock';
import type { Logger } from '../../lib/logger';
import type { Redis } from '../../lib/redis';
import type { DomainClients } from '../../proto/services';
import { StockAvailability } from '../../services/catalog/stock-availability';

const price = z.coerce.number().int().min(0).max(2_147_483_647);

/** The query of GET /v1/products. */
export const searchProductsQuery = z
  .object({
    q: z.string().trim().max(200).optional().meta({ description: 'Words to find in names (ranked first) and descriptions; each word also matches as a prefix' }),
    category: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(100)
      .optional()
      .meta({ description: 'A category slug: products of this category and all of its subcategories' }),
    merchant: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/).optional().meta({ description: 'A merchant id' }),
    minPrice: price.optional().meta({
      description: 'Lowest price in minor units (yen): a product matches when one of its variants is within the range. Must not exceed maxPrice (400 VALIDATION_FAILED otherwise)',
    }),
    maxPrice: price.optional().meta({ description: 'Highest price in minor units (yen); at least minPrice' }),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, { message: 'minPrice must not exceed maxPrice', path: ['minPrice'] });

/** The path parameters of GET /v1/products/:productId. */
export const productIdParam = z.object({ productId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/) });

/** The public storefront catalog: search, product pages and the category tree (cached by the catalog service). */
export function catalogRoutes(deps: { clients: DomainClients; redis: Redis; logger: Logger }): Router {
  const router = Router();
  const { catalog, inventory } = deps.clients;
  const stock = new StockAvailability(
    deps.redis,
    async (sku) => (await callUnary<GetStockRequest, Stock__Output>(inventory.getStock.bind(inventory), { sku })).available,
    deps.logger,
  );

  router.get('/v1/products', async (req, res) => {
    const q = searchProductsQuery.parse(req.query);
    const request: SearchProductsRequest = {
      query: q.q ?? '',
      categorySlug: q.category ?? '',
      merchantId: q.merchant ?? '',
      ...(q.minPrice === undefined ? {} : { priceMinMinor: q.minPrice }),
      ...(q.maxPrice === undefined ? {} : { priceMaxMinor: q.maxPrice }),
      page: q.page,
      pageSize: q.pageSize,
    };
    res.json(await callUnary<SearchProductsRequest, SearchProductsResponse__Output>(catalog.SearchProducts.bind(catalog), request));
  });

  router.get('/v1/products/:productId', async (req, res) => {
    const { productId } = productIdParam.parse(req.params);
    const product = await callUnary<GetProductRequest, ProductDetail__Output>(catalog.GetProduct.bind(catalog), { productId, includeInactive: false });
    // Merged after the (long-cached) product read: availability has its own short cache.
    const availability = await stock.read(product.variants.map((v) => v.sku));
    res.json({ ...product, variants: product.variants.map((v) => ({ ...v, ...availability.get(v.sku) })) });
  });

  router.get('/v1/categories', async (_req, res) => {
    res.json(await callUnary<ListCategoriesRequest, ListCategoriesResponse__Output>(catalog.ListCategories.bind(catalog), { includeInactive: false }));
  });

  return router;
}
