import { Router, type NextFunction, type Request, type Response } from 'express';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { MerchantOrdersRequest } from '../../proto/generated/checkout/pos/v1/MerchantOrdersRequest';
import type { MerchantOrdersResponse__Output } from '../../proto/generated/checkout/pos/v1/MerchantOrdersResponse';
import type { Owner__Output } from '../../proto/generated/checkout/pos/v1/Owner';
import type { OwnerRequest } from '../../proto/generated/checkout/pos/v1/OwnerRequest';
import type { PosServiceClient } from '../../proto/pos-client';
import { can, type Permission } from '../../lib/permissions';
import { authenticate, principalOf, type AuthDeps } from '../auth';

/** Roles that act for one merchant: what they reach is scoped to the merchant their token names (claim mid). */
export const TENANT_ROLES: ReadonlySet<string> = new Set(['merchant', 'cashier']);

/** The storefront orders a merchant may see: every line one of its SKUs (pos MerchantOrders). */
export function merchantOrders(pos: PosServiceClient, request: Partial<MerchantOrdersRequest> & { merchantId: string }): Promise<MerchantOrdersResponse__Output> {
  return callUnary<MerchantOrdersRequest, MerchantOrdersResponse__Output>(pos.MerchantOrders.bind(pos), request);
}

/**
 * Merchant tenancy on the staff catalog and stock routes, in front of them: a merchant or cashier
 * token reaches only its own merchant's merchant record, storefront products, variants and stock.
 * Anything of another merchant (or, for a token naming no merchant, anything at all) answers 404
 * NOT_FOUND before the route runs, exactly like an unknown id, so nothing is read, changed or
 * revealed. Staff roles (operator, admin) pass unchanged.
 *
 * Orders: a merchant (or its cashier) reaches an order only when every line is one of its SKUs; an
 * order that also holds another merchant's goods is staff-only (404 for a merchant, like an unknown
 * id), because its totals, address and history show the other merchant's sale too. This covers every
 * route under /v1/staff/orders/:orderId (read, saga, cancel, refund, and the operator routes a tenant
 * lacks the permission for anyway); the list is scoped in api/routes/staff/orders.ts, the sales report
 * in api/routes/staff/analytics.ts.
 *
 * Creating a merchant and writing the shared category tree are operator/admin acts: 403 FORBIDDEN for
 * a merchant token even though its role holds catalog:write. The delivery routes need delivery:manage,
 * which no tenant role holds.
 */
export function merchantTenancy(deps: { pos: PosServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  const owner = (request: OwnerRequest) => callUnary<OwnerRequest, Owner__Output>(deps.pos.OwnerOf.bind(deps.pos), request);

  /**
   * Runs `check` for tenant tokens that hold the route's permission (the others get the route's own 403);
   * it resolves to whether the target is the token's merchant's.
   */
  const scoped =
    (permission: Permission | ((req: Request) => Permission), what: string, check: (req: Request, merchantId: string) => Promise<boolean>) =>
    async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
      try {
        const principal = principalOf(req);
        if (!TENANT_ROLES.has(principal.role) || !can(principal.role, typeof permission === 'function' ? permission(req) : permission)) return next();
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
  router.use(['/v1/staff/stock', '/v1/staff/products', '/v1/staff/merchants', '/v1/staff/categories', '/v1/staff/orders'], authenticate(deps.auth));
  // Not a tenant's act at all (any method: POST creates a merchant; categories are shared by every merchant).
  const staffOnly = (what: string) => (req: Request, _res: Response, next: NextFunction) => {
    const principal = principalOf(req);
    if (TENANT_ROLES.has(principal.role)) return next(new DomainError('FORBIDDEN', `${what} is an operator or admin act, not a ${principal.role}'s`));
    next();
  };
  // Middleware, not a route (api/openapi.test.ts walks the routes): only the exact POST /v1/staff/merchants.
  router.use('/v1/staff/merchants', (req, res, next) => (req.method === 'POST' && req.path === '/' ? staffOnly('Creating a merchant')(req, res, next) : next()));
  router.use('/v1/staff/categories', staffOnly('Writing the shared category tree'));
  // The permission of the route under the prefix, so a tenant lacking it gets that route's own 403.
  const orderRoutePermission = (req: Request): Permission => {
    const action = req.path.split('/')[1] ?? '';
    if (action === '' || action === 'saga') return 'orders:read:any';
    return action === 'cancel' || action === 'refund' || action === 'returns' ? 'orders:cancel:any' : 'orders:operate';
  };
  router.use(
    '/v1/staff/orders/:orderId',
    scoped(orderRoutePermission, 'order', async (req, m) => (await merchantOrders(deps.pos, { merchantId: m, orderId: String(req.params.orderId), page: 1, pageSize: 1 })).orderIds.length === 1),
  );
  router.use('/v1/staff/stock/:sku', scoped('stock:adjust', 'SKU', (req, m) => ownSku(String(req.params.sku), m)));
  router.use('/v1/staff/merchants/:merchantId', scoped('catalog:write', 'merchant', async (req, m) => req.params.merchantId === m));
  router.use('/v1/staff/products/:productId/variants/:sku', scoped('catalog:write', 'variant', async (req, m) => (await ownProduct(String(req.params.productId), m)) && (await ownSku(String(req.params.sku), m))));
  router.use('/v1/staff/products/:productId', scoped('catalog:write', 'product', async (req, m) => bodyMerchant(req, m) && (await ownProduct(String(req.params.productId), m))));
  // POST /v1/staff/products: a product is created only for the token's own merchant.
  router.use('/v1/staff/products', scoped('catalog:write', 'merchant', async (req, m) => req.method !== 'POST' || bodyMerchant(req, m)));
  return router;
}
