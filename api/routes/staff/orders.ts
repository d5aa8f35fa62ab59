import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../../lib/grpc';
import type { GetOrderRequest } from '../../../proto/generated/checkout/orders/v1/GetOrderRequest';
import type { ListOrdersRequest } from '../../../proto/generated/checkout/orders/v1/ListOrdersRequest';
import type { ListOrdersResponse__Output } from '../../../proto/generated/checkout/orders/v1/ListOrdersResponse';
import type { Order__Output } from '../../../proto/generated/checkout/orders/v1/Order';
import type { PosServiceClient } from '../../../proto/pos-client';
import type { OrdersServiceClient } from '../../../proto/services';
import { ORDER_STATUSES } from '../../../services/orders/order-status';
import { principalOf, requirePermission } from '../../auth';
import { merchantOrders, TENANT_ROLES } from '../merchant-tenancy';

/** The query of GET /v1/staff/orders. */
export const listOrdersQuery = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    customerId: z.string().min(1).max(128).optional(),
    customerEmail: z.string().min(3).max(254).optional().meta({ description: 'The email the order was placed with (case-insensitive)', example: 'hanako@example.com' }),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
/** The path parameters of GET /v1/staff/orders/:orderId. */
export const staffOrderIdParam = z.object({ orderId: z.string().min(1).max(128) });

/**
 * Staff reads of any customer's orders: permission orders:read:any. A merchant or cashier token lists
 * only its merchant's orders (every line its SKU; see api/routes/merchant-tenancy.ts, which also guards
 * GET /v1/staff/orders/:orderId), a tenant token naming no merchant lists nothing.
 */
export function staffOrderRoutes(deps: { orders: OrdersServiceClient; pos: PosServiceClient }): Router {
  const router = Router();
  const { orders } = deps;
  const guard = requirePermission('orders:read:any');

  router.get('/v1/staff/orders', guard, async (req, res) => {
    const q = listOrdersQuery.parse(req.query);
    const request: ListOrdersRequest = { status: q.status ?? '', customerId: q.customerId ?? '', customerEmail: q.customerEmail ?? '', page: q.page, pageSize: q.pageSize };
    const principal = principalOf(req);
    if (TENANT_ROLES.has(principal.role)) {
      if (!principal.merchantId) return void res.json({ orders: [], total: 0, page: q.page, pageSize: q.pageSize });
      // The pos service picks the merchant's order ids (same filters, same order), the orders service answers each.
      const mine = await merchantOrders(deps.pos, { ...request, merchantId: principal.merchantId });
      const found = await Promise.all(mine.orderIds.map((orderId) => callUnary<GetOrderRequest, Order__Output>(orders.GetOrder.bind(orders), { orderId })));
      return void res.json({ orders: found, total: mine.total, page: q.page, pageSize: q.pageSize });
    }
    res.json(await callUnary<ListOrdersRequest, ListOrdersResponse__Output>(orders.ListOrders.bind(orders), request));
  });

  router.get('/v1/staff/orders/:orderId', guard, async (req, res) => {
    const { orderId } = staffOrderIdParam.parse(req.params);
    res.json(await callUnary<GetOrderRequest, Order__Output>(orders.GetOrder.bind(orders), { orderId }));
  });

  return router;
}
