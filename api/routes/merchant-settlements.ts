import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { ListSettlementsRequest } from '../../proto/generated/checkout/pos/v1/ListSettlementsRequest';
import type { ListSettlementsResponse__Output } from '../../proto/generated/checkout/pos/v1/ListSettlementsResponse';
import type { PosServiceClient } from '../../proto/pos-client';
import { authenticate, principalOf, requirePermission, type AuthDeps } from '../auth';
import { tenancyOf } from './pos';

/** The query of the settlement lists. */
export const settlementsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
/** The query of GET /v1/staff/settlements: optionally one merchant's. */
export const staffSettlementsQuery = settlementsQuery.extend({ merchantId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/).optional() }).strict();

const view = (r: ListSettlementsResponse__Output) => ({ settlements: r.settlements.map(({ created: _created, ...s }) => s) });

/**
 * Settlements of each merchant's business days (paid − refunded − fees): a merchant reads its own
 * (`GET /v1/merchant/settlements`), staff every merchant's (`GET /v1/staff/settlements`).
 */
export function merchantSettlementRoutes(deps: { pos: PosServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  const list = (request: ListSettlementsRequest) => callUnary<ListSettlementsRequest, ListSettlementsResponse__Output>(deps.pos.ListSettlements.bind(deps.pos), request);
  router.use(['/v1/merchant', '/v1/staff/settlements'], authenticate(deps.auth));

  router.get('/v1/merchant/settlements', requirePermission('settlements:read:own'), async (req, res) => {
    const { limit } = settlementsQuery.parse(req.query);
    const tenancy = tenancyOf(principalOf(req));
    // "Own" needs a merchant: an account whose token names none (an admin) has no settlements here.
    if (tenancy === 'none' || tenancy === 'any') throw new DomainError('NOT_FOUND', 'This account acts for no merchant (token claim mid)');
    res.json(view(await list({ merchantId: tenancy.merchantId, limit })));
  });

  router.get('/v1/staff/settlements', requirePermission('settlements:read:any'), async (req, res) => {
    const { limit, merchantId } = staffSettlementsQuery.parse(req.query);
    res.json(view(await list({ merchantId: merchantId ?? '', limit })));
  });

  return router;
}
