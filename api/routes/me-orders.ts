import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../lib/grpc';
import type { ListOrdersRequest } from '../../proto/generated/checkout/orders/v1/ListOrdersRequest';
import type { ListOrdersResponse__Output } from '../../proto/generated/checkout/orders/v1/ListOrdersResponse';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import type { ListPaymentsRequest } from '../../proto/generated/checkout/payments/v1/ListPaymentsRequest';
import type { ListPaymentsResponse__Output } from '../../proto/generated/checkout/payments/v1/ListPaymentsResponse';
import type { OrdersServiceClient, PaymentsServiceClient } from '../../proto/services';
import { authenticate, principalOf, type AuthDeps } from '../auth';

/** How many line summaries an order of the list carries; the order page (GET /v1/orders/:id) has them all. */
export const LINES_IN_SUMMARY = 3;

/** The query of GET /v1/me/orders and GET /v1/me/payments: page-based, newest first. */
export const myPageQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ description: '1-based page (1-10000)' }),
    pageSize: z.coerce.number().int().min(1).max(50).default(20).meta({ description: 'Items per page (1-50)' }),
  })
  .strict();

/** One order of the customer's list: what an order history row shows. */
export function orderSummary(order: Order__Output) {
  return {
    orderId: order.orderId,
    status: order.status,
    totalMinor: order.totalMinor,
    currency: order.currency,
    createdAt: order.createdAt,
    itemCount: order.lines.reduce((sum, l) => sum + l.quantity, 0),
    lines: order.lines.slice(0, LINES_IN_SUMMARY).map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity })),
    moreLines: Math.max(0, order.lines.length - LINES_IN_SUMMARY),
  };
}

/**
 * The signed-in account's own orders and payments. The customer id comes only from the token, never
 * from the request, so no query can reach another account's data.
 */
export function myOrderRoutes(deps: { orders: OrdersServiceClient; payments: PaymentsServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  const { orders, payments } = deps;
  const listOrders = (customerId: string, page: number, pageSize: number) =>
    callUnary<ListOrdersRequest, ListOrdersResponse__Output>(orders.listOrders.bind(orders), { customerId, page, pageSize, status: '', customerEmail: '' });

  router.get('/v1/me/orders', authenticate(deps.auth), async (req, res) => {
    const { page, pageSize } = myPageQuery.parse(req.query);
    const list = await listOrders(principalOf(req).id, page, pageSize);
    res.json({ orders: list.orders.map(orderSummary), page, pageSize, total: list.total });
  });

  // Payments hang off orders (the payments schema has no customer id), so a page of payments is
  // the payments of a page of the customer's orders, newest first: one orders read, one payments read.
  router.get('/v1/me/payments', authenticate(deps.auth), async (req, res) => {
    const { page, pageSize } = myPageQuery.parse(req.query);
    const list = await listOrders(principalOf(req).id, page, pageSize);
    const orderIds = list.orders.map((o) => o.orderId);
    const found = orderIds.length === 0 ? { payments: [] } : await callUnary<ListPaymentsRequest, ListPaymentsResponse__Output>(payments.listPayments.bind(payments), { orderIds });
    const slip = (method: string) => method === 'konbini' || method === 'bank_transfer';
    res.json({
      payments: found.payments.flatMap(({ payment, refunds, createdAt }) =>
        payment
          ? [
              {
                paymentId: payment.paymentId,
                orderId: payment.orderId,
                method: payment.method,
                status: payment.status,
                amountMinor: payment.amountMinor,
                currency: payment.currency,
                createdAt,
                // What the customer pays a slip with at the konbini or bank, and until when.
                ...(slip(payment.method) ? { slip: { number: payment.slipNumber, expiresAt: payment.expiresAt } } : {}),
                refunds: refunds.map((r) => ({ amountMinor: r.amountMinor, at: r.at })),
                refundedMinor: refunds.reduce((sum, r) => sum + r.amountMinor, 0),
              },
            ]
          : [],
      ),
      page,
      pageSize,
      totalOrders: list.total,
    });
  });

  return router;
}
