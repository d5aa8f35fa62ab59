import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../../lib/grpc';
import { isValidSku, SKU_RULE } from '../../../lib/sku';
import type { Category, Category__Output } from '../../../proto/generated/checkout/catalog/v1/Category';
import type { GetProductRequest } from '../../../proto/generated/checkout/catalog/v1/GetProductRequest';
import type { Merchant, Merchant__Output } from '../../../proto/generated/checkout/catalog/v1/Merchant';
import type { ProductDetail__Output } from '../../../proto/generated/checkout/catalog/v1/ProductDetail';
import type { StorefrontProduct } from '../../../proto/generated/checkout/catalog/v1/StorefrontProduct';
import type { Variant, Variant__Output } from '../../../proto/generated/checkout/catalog/v1/Variant';
import type { LinkMerchantUsersRequest } from '../../../proto/generated/checkout/identity/v1/LinkMerchantUsersRequest';
import type { LinkMerchantUsersResponse__Output } from '../../../proto/generated/checkout/identity/v1/LinkMerchantUsersResponse';
import type { CatalogServiceClient, IdentityServiceClient } from '../../../proto/services';
import { requirePermission } from '../../auth';

// The catalog service validates names, slugs, URLs, prices and references; these schemas bound shapes and sizes.
const entityId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/);
const sku = z.string().min(1).max(128).refine(isValidSku, SKU_RULE).meta({ example: '抹茶-缶-100G', description: `A SKU: ${SKU_RULE}` });

/** The request body of POST /v1/staff/merchants and PUT /v1/staff/merchants/:merchantId. */
export const merchantBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    active: z.boolean().default(true),
    cashierUserIds: z.array(z.string().min(1).max(128)).max(500).default([]).meta({ description: 'Identity account ids of its cashiers: replaces the whole set' }),
  })
  .strict();
/** The path parameters of PUT /v1/staff/merchants/:merchantId. */
export const merchantIdParam = z.object({ merchantId: entityId });

/** The request body of POST /v1/staff/categories and PUT /v1/staff/categories/:categoryId. */
export const categoryBody = z
  .object({
    parentId: entityId.optional().meta({ description: 'Absent for a top-level category' }),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100).meta({ example: 'green-tea' }),
    name: z.string().trim().min(1).max(100),
    position: z.number().int().min(-1_000_000).max(1_000_000).default(0).meta({ description: 'Order among siblings' }),
    active: z.boolean().default(true),
  })
  .strict();
/** The path parameters of PUT /v1/staff/categories/:categoryId. */
export const categoryIdParam = z.object({ categoryId: entityId });

/** The request body of POST /v1/staff/products and PUT /v1/staff/products/:productId. */
export const storefrontProductBody = z
  .object({
    merchantId: entityId,
    categoryId: entityId.optional().meta({ description: 'Absent for no category' }),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(''),
    imageUrls: z.array(z.string().max(2048)).max(10).default([]).meta({ description: 'http(s) URLs' }),
    active: z.boolean().default(true),
  })
  .strict();
/** The path parameters of the staff product routes. */
export const staffProductIdParam = z.object({ productId: entityId });

/** The request body of PUT /v1/staff/products/:productId/variants/:sku. */
export const variantBody = z
  .object({
    name: z.string().trim().min(1).max(200).meta({ example: 'Sencha, 100 g' }),
    attributes: z.record(z.string(), z.string()).default({}).meta({ example: { weight: '100 g' } }),
    priceMinor: z.number().int().min(0).max(2_147_483_647).meta({ description: 'Price in the currency’s minor unit (yen)' }),
    currency: z.string().regex(/^[A-Z]{3}$/).default('JPY'),
    active: z.boolean().default(true),
    taxClass: z
      .enum(['standard', 'reduced'])
      .optional()
      .meta({ description: 'Consumption tax class: standard (10 %) or reduced (8 %, food). Prices include the tax. Absent: unchanged (standard for a new SKU).' }),
  })
  .strict();
/** The path parameters of PUT /v1/staff/products/:productId/variants/:sku. */
export const variantParams = z.object({ productId: entityId, sku });

/** Staff writes to the catalog (merchants, categories, storefront products and their variants): permission catalog:write. */
export function staffCatalogRoutes(deps: { catalog: CatalogServiceClient; identity: IdentityServiceClient }): Router {
  const router = Router();
  const { catalog, identity } = deps;
  const guard = requirePermission('catalog:write');
  /**
   * The catalog's cashier set, then the same set as the accounts' merchant link (identity), so a
   * cashier's next sign-in issues a token naming this merchant (claim mid). Catalog first: a failed
   * link is repaired by repeating the same PUT, which is idempotent.
   */
  const upsertMerchant = async (merchant: Merchant) => {
    const saved = await callUnary<Merchant, Merchant__Output>(catalog.UpsertMerchant.bind(catalog), merchant);
    await callUnary<LinkMerchantUsersRequest, LinkMerchantUsersResponse__Output>(identity.LinkMerchantUsers.bind(identity), { merchantId: saved.id, userIds: saved.cashierUserIds });
    return saved;
  };
  const upsertCategory = (category: Category) => callUnary<Category, Category__Output>(catalog.UpsertCategory.bind(catalog), category);
  const upsertProduct = (product: StorefrontProduct) => callUnary<StorefrontProduct, ProductDetail__Output>(catalog.UpsertStorefrontProduct.bind(catalog), product);

  router.post('/v1/staff/merchants', guard, async (req, res) => {
    const body = merchantBody.parse(req.body ?? {});
    const merchant = await upsertMerchant({ id: '', ...body });
    res.status(201).location(`/v1/staff/merchants/${merchant.id}`).json(merchant);
  });

  router.put('/v1/staff/merchants/:merchantId', guard, async (req, res) => {
    const { merchantId } = merchantIdParam.parse(req.params);
    const body = merchantBody.parse(req.body ?? {});
    res.json(await upsertMerchant({ id: merchantId, ...body }));
  });

  router.post('/v1/staff/categories', guard, async (req, res) => {
    const body = categoryBody.parse(req.body ?? {});
    const category = await upsertCategory({ id: '', ...body, parentId: body.parentId ?? '' });
    res.status(201).json(category);
  });

  router.put('/v1/staff/categories/:categoryId', guard, async (req, res) => {
    const { categoryId } = categoryIdParam.parse(req.params);
    const body = categoryBody.parse(req.body ?? {});
    res.json(await upsertCategory({ id: categoryId, ...body, parentId: body.parentId ?? '' }));
  });

  router.post('/v1/staff/products', guard, async (req, res) => {
    const body = storefrontProductBody.parse(req.body ?? {});
    const product = await upsertProduct({ id: '', ...body, categoryId: body.categoryId ?? '' });
    res.status(201).location(`/v1/staff/products/${product.id}`).json(product);
  });

  router.get('/v1/staff/products/:productId', guard, async (req, res) => {
    const { productId } = staffProductIdParam.parse(req.params);
    res.json(await callUnary<GetProductRequest, ProductDetail__Output>(catalog.GetProduct.bind(catalog), { productId, includeInactive: true }));
  });

  router.put('/v1/staff/products/:productId', guard, async (req, res) => {
    const { productId } = staffProductIdParam.parse(req.params);
    const body = storefrontProductBody.parse(req.body ?? {});
    res.json(await upsertProduct({ id: productId, ...body, categoryId: body.categoryId ?? '' }));
  });

  router.put('/v1/staff/products/:productId/variants/:sku', guard, async (req, res) => {
    const params = variantParams.parse(req.params);
    const body = variantBody.parse(req.body ?? {});
    res.json(await callUnary<Variant, Variant__Output>(catalog.UpsertVariant.bind(catalog), { ...params, ...body }));
  });

  return router;
}
