import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { DomainClients } from '../../../proto/services';
import { authenticate, type AuthDeps } from '../../auth';
import type { IdempotencyKeys } from '../../idempotency';
import { staffAnalyticsRoutes } from './analytics';
import { staffCatalogRoutes } from './catalog';
import { staffCouponRoutes } from './coupons';
import { staffDeliveryRoutes } from './delivery';
import { staffFulfilmentRoutes } from '../fulfilment';
import { staffOrderActionRoutes } from './order-actions';
import { staffReturnRoutes } from '../returns';
import { staffOrderOperationRoutes } from './order-operations';
import { staffOrderRoutes } from './orders';
import { staffStockRoutes } from './stock';
import { staffUserRoutes } from './users';

/** Every staff route under /v1/staff: a valid token first, then each route checks its own permission. */
export function staffRoutes(deps: { clients: DomainClients; auth: AuthDeps; idempotency: IdempotencyKeys; temporal: Client; taskQueue: string }): Router {
  const router = Router();
  const { clients } = deps;
  router.use('/v1/staff', authenticate(deps.auth));
  router.use(staffCatalogRoutes({ catalog: clients.catalog, identity: clients.identity }));
  router.use(staffStockRoutes({ inventory: clients.inventory, idempotency: deps.idempotency }));
  router.use(staffDeliveryRoutes({ delivery: clients.delivery }));
  router.use(staffOrderRoutes({ orders: clients.orders, pos: clients.pos }));
  router.use(staffOrderActionRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, orders: clients.orders }));
  router.use(staffReturnRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, orders: clients.orders }));
  router.use(staffOrderOperationRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, idempotency: deps.idempotency }));
  router.use(staffFulfilmentRoutes({ temporal: deps.temporal }));
  router.use(staffAnalyticsRoutes({ analytics: clients.analytics }));
  router.use(staffUserRoutes({ identity: clients.identity }));
  router.use(staffCouponRoutes({ orders: clients.orders }));
  return router;
}
