import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../lib/grpc';
import type { Balance__Output } from '../../proto/generated/checkout/loyalty/v1/Balance';
import type { GetBalanceRequest } from '../../proto/generated/checkout/loyalty/v1/GetBalanceRequest';
import type { LoyaltyServiceClient } from '../../proto/services';
import { authenticate, principalOf, type AuthDeps } from '../auth';

/** The query of GET /v1/me/points. */
export const pointsQuery = z
  .object({ history: z.coerce.number().int().min(0).max(100).default(20).meta({ description: 'How many of the latest ledger entries to include (0-100)' }) })
  .strict();

/** Loyalty routes: the signed-in account's points. */
export function loyaltyRoutes(deps: { loyalty: LoyaltyServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  const { loyalty } = deps;

  router.get('/v1/me/points', authenticate(deps.auth), async (req, res) => {
    const { history } = pointsQuery.parse(req.query);
    const balance = await callUnary<GetBalanceRequest, Balance__Output>(loyalty.getBalance.bind(loyalty), { customerId: principalOf(req).id, historyLimit: history });
    res.json({ balance: balance.balance, entries: balance.entries.map((e) => ({ orderId: e.orderId, kind: e.kind, points: e.points, at: e.at })) });
  });

  return router;
}
