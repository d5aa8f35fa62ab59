import { Router, type NextFunction, type Request, type Response } from 'express';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { Owner__Output } from '../../proto/generated/checkout/pos/v1/Owner';
import type { OwnerRequest } from '../../proto/generated/checkout/pos/v1/OwnerRequest';
import type { PosServiceClient } from '../../proto/pos-client';
import { can, type Permission } from '../../lib/permissions';
import { authenticate, principalOf, type AuthDeps } from '../auth';

/** Roles that act for one merchant: what they reach is scoped to the merchant their token names (claim mid). */
const TENANT_ROLES = new Set(['merchant', 'cashier']);

/**
 * Merchant tenancy on the staff catalog and stock routes, in front of them: a merchant or cashier
 * token reaches only its own merchant's merchant record, storefront products, variants and stock.
 * Anything of another merchant (or, for a token naming no merchant, anything at all) answers 404
 * NOT_FOUND before the route runs, exactly like an unknown id, so nothing is read, changed or
 * revealed. Staff roles (operator, admin) pass unchanged. Not scoped yet: the staff order, delivery
 * and analytics routes, and POST /v1/staff/merchants.
 */
export function merchantTenancy(deps: { pos: PosServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  const owner = (request: OwnerRequest) => callUnary<OwnerRequest, Owner__Output>(deps.pos.OwnerOf.bind(deps.pos), request);

  /**
   * Runs `check` for tenant tokens that hold the route's permission (the others get the route's own 403);
   * it resolves to whether the target is the token's merchant's.
   */
  const scoped =
    (permission: Permission, what: string, check: (req: Request, merchantId: string) => Promise<boolean>) =>
    async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
      try {
        const principal = principalOf(req);
        if (!TENANT_ROLES.has(principal.role) || !can(principal.role, permission)) return next();
        if (!principal.merchantId || !(await check(req, principal.merchantId))) throw new DomainError('NOT_FOUND', `No ${what} ${Object.values(req.params).join('/')}`);
        next();
      } catch (err) {
        next(err);
      }
    };
  // An unknown SKU or product passes: the route answers it as it would anyone (404, or a create of one
  // that belongs to nobody yet); a known one must be the token's merchant's.
  const ownSku = async (sku: string, merchantId: string) => {
    const o = await owner({ sku });
    return !o.found || o.merchantId === merchantId;
  };
  const ownProduct = async (productId: string, merchantId: string) => {
    const o = await owner({ productId });
    return !o.found || o.merchantId === merchantId;
  };
  const bodyMerchant = (req: Request, merchantId: string) => {
    const claimed = (req.body as { merchantId?: unknown } | undefined)?.merchantId;
    return claimed === undefined || claimed === merchantId;
  };

  // Middleware (router.use, a prefix match), not routes: the routes themselves stay the staff routers'.
  router.use(['/v1/staff/stock', '/v1/staff/products', '/v1/staff/merchants'], authenticate(deps.auth));
  router.use('/v1/staff/stock/:sku', scoped('stock:adjust', 'SKU', (req, m) => ownSku(String(req.params.sku), m)));
  router.use('/v1/staff/merchants/:merchantId', scoped('catalog:write', 'merchant', async (req, m) => req.params.merchantId === m));
  router.use('/v1/staff/products/:productId/variants/:sku', scoped('catalog:write', 'variant', async (req, m) => (await ownProduct(String(req.params.productId), m)) && (await ownSku(String(req.params.sku), m))));
  router.use('/v1/staff/products/:productId', scoped('catalog:write', 'product', async (req, m) => bodyMerchant(req, m) && (await ownProduct(String(req.params.productId), m))));
  // POST /v1/staff/products: a product is created only for the token's own merchant.
  router.use('/v1/staff/products', scoped('catalog:write', 'merchant', async (req, m) => req.method !== 'POST' || bodyMerchant(req, m)));
  return router;
}
