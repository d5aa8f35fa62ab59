import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { Router, type Request, type Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { GetOrderRequest } from '../../proto/generated/checkout/orders/v1/GetOrderRequest';
import type { ListReturnsRequest } from '../../proto/generated/checkout/orders/v1/ListReturnsRequest';
import type { ListReturnsResponse__Output } from '../../proto/generated/checkout/orders/v1/ListReturnsResponse';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import type { OrderReturn__Output } from '../../proto/generated/checkout/orders/v1/OrderReturn';
import type { RecordReturnRequest } from '../../proto/generated/checkout/orders/v1/RecordReturnRequest';
import type { DomainClients } from '../../proto/services';
import { RETURN_WORKFLOW_TYPE, returnWorkflowId, type ReturnInput } from '../../workflows/return.workflow';
import { customerOf, principalOf, requirePermission } from '../auth';

/** POST /v1/orders/:orderId/returns and /v1/staff/orders/:orderId/returns: what comes back. */
export const returnBody = z
  .object({
    lines: z
      .array(z.object({ sku: z.string().min(1).max(128), quantity: z.number().int().min(1).max(1_000_000) }).strict())
      .min(1)
      .max(100)
      .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, { message: 'each sku at most once' }),
    reason: z.string().trim().max(500).default(''),
  })
  .strict();
export const returnOrderIdParam = z.object({ orderId: z.string().uuid() });
/** The optional Idempotency-Key header: a retried request with the same key finds the same return. */
export const returnIdempotencyKeyHeader = z.string().min(1).max(255).optional();

/** A return as the API shows it. */
export function returnView(r: OrderReturn__Output) {
  return {
    returnId: r.returnId,
    status: r.status,
    amountMinor: Number(r.amountMinor),
    currency: r.currency,
    reason: r.reason,
    lines: r.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, amountMinor: Number(l.amountMinor) })),
    createdAt: r.createdAt,
  };
}

/** The returns of an order, oldest first, for GET /v1/orders/:orderId. */
export async function returnsOf(orders: DomainClients['orders'], orderId: string): Promise<ReturnType<typeof returnView>[]> {
  const { returns } = await callUnary<ListReturnsRequest, ListReturnsResponse__Output>(orders.ListReturns.bind(orders), { orderId });
  return returns.map(returnView);
}

/**
 * A whole-order refund after returns would give back the returned goods' money and stock twice (the
 * refund releases the whole reservation): refused, the rest is returned by line instead.
 */
export async function refuseRefundAfterReturns(orders: DomainClients['orders'], orderId: string): Promise<void> {
  const { returns } = await callUnary<ListReturnsRequest, ListReturnsResponse__Output>(orders.ListReturns.bind(orders), { orderId });
  if (returns.some((r) => r.status !== 'CANCELLED')) {
    throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} has returns: return the rest by line (POST .../returns) instead of refunding it whole`, { returns: returns.length });
  }
}

interface ReturnDeps {
  temporal: Client;
  taskQueue: string;
  orders: DomainClients['orders'];
}

/**
 * Records the return (quantities checked, refund priced: 409 / 400 / 404 answered here, before any
 * workflow), then starts its workflow (refund, restock, order.returned). 202 while it runs; 200 for a
 * repeated key whose return has already ended (REFUNDED or CANCELLED).
 */
async function startReturn(deps: ReturnDeps, req: Request, res: Response, owner: string | undefined): Promise<void> {
  const { orderId } = returnOrderIdParam.parse(req.params);
  const body = returnBody.parse(req.body ?? {});
  const key = returnIdempotencyKeyHeader.parse(req.get('Idempotency-Key')) ?? randomUUID();
  const order = await callUnary<GetOrderRequest, Order__Output>(deps.orders.getOrder.bind(deps.orders), { orderId }).catch((err: unknown) => {
    if (isDomainError(err) && err.code === 'NOT_FOUND') return undefined;
    throw err;
  });
  // Another customer's order is not revealed: the same 404 as no order.
  if (!order || (owner !== undefined && order.customerId !== owner)) throw new DomainError('NOT_FOUND', `No order ${orderId}`);
  // Scoped by who asks, so two callers' keys never meet; hashed to fit the service's 128-character keys.
  const scope = createHash('sha256').update(`${owner ?? `staff:${principalOf(req).id}`}\n${key}`).digest('hex').slice(0, 40);
  const recordKey = `return:${orderId}:${scope}`;
  const recorded = await callUnary<RecordReturnRequest, OrderReturn__Output>(deps.orders.RecordReturn.bind(deps.orders), {
    orderId,
    lines: body.lines,
    reason: body.reason,
    idempotencyKey: recordKey,
  });
  // A repeated key replays the return as first recorded (RECORDED): answer where it stands now.
  const { returns } = await callUnary<ListReturnsRequest, ListReturnsResponse__Output>(deps.orders.ListReturns.bind(deps.orders), { orderId });
  const ret = returns.find((r) => r.returnId === recorded.returnId) ?? recorded;
  if (ret.status === 'RECORDED') {
    const input: ReturnInput = { orderId, returnId: ret.returnId, lines: body.lines, reason: body.reason, recordKey };
    try {
      await deps.temporal.workflow.start(RETURN_WORKFLOW_TYPE, { workflowId: returnWorkflowId(ret.returnId), taskQueue: deps.taskQueue, args: [input] });
    } catch (err) {
      // A retried request: the workflow of this return already runs (or ran).
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  res.status(ret.status === 'RECORDED' ? 202 : 200).json({ orderId, ...returnView(ret), returnWorkflowId: returnWorkflowId(ret.returnId) });
}

/** The customer's return of their own order (under requireCustomer, mounted by checkoutRoutes). */
export function customerReturnRoutes(deps: ReturnDeps): Router {
  const router = Router();
  router.post('/v1/orders/:orderId/returns', async (req, res) => startReturn(deps, req, res, customerOf(req).id));
  return router;
}

/** Staff record a return of any order (orders:cancel:any, as for a refund). */
export function staffReturnRoutes(deps: ReturnDeps): Router {
  const router = Router();
  router.post('/v1/staff/orders/:orderId/returns', requirePermission('orders:cancel:any'), async (req, res) => startReturn(deps, req, res, undefined));
  return router;
}
