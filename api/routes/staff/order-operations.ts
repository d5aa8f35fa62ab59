import { createHash } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../../lib/errors';
import { checkoutStatusQuery, checkoutWorkflowId, resolveCompensationUpdate, type CheckoutInput, type CheckoutStep } from '../../../workflows/checkout.contract';
import { principalOf, requirePermission } from '../../auth';
import type { IdempotencyKeys } from '../../idempotency';
import { checkoutView, startCheckout } from '../checkouts';

/** The path parameters of the operator routes on one order. */
export const operatedOrderParams = z.object({ orderId: z.string().uuid() });
/** The steps whose undo can be stuck, as the status query names them. */
const UNDO_STEPS = ['release-stock', 'restore-points', 'fail-order', 'refund-payment', 'void-payment', 'release-delivery'] as const satisfies readonly CheckoutStep[];
export const stuckUndoParams = z.object({ orderId: z.string().uuid(), step: z.enum(UNDO_STEPS) });
/** The body of POST /v1/staff/orders/:orderId/compensations/:step. */
export const resolveUndoBody = z
  .object({
    action: z.enum(['retry', 'mark-resolved']).describe('retry: run the undo again; mark-resolved: it was settled by hand, go on with the next undo'),
    note: z.string().trim().min(1).max(500).optional().describe('Why (kept in the saga status with the operator id)'),
  })
  .strict();

/**
 * The id of the order that retries `orderId`: derived from it (a name-based UUID), so asking twice
 * finds the same retry instead of starting a second order.
 */
export function retryOrderId(orderId: string): string {
  const hex = createHash('sha1').update(`checkout-retry:${orderId}`).digest('hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Operator actions on a checkout saga (permission orders:operate): retry a FAILED order as a new
 * order with the same lines, address and payment (the failed one stays FAILED, its steps undone),
 * and settle an undo that is stuck (COMPENSATION_STUCK) by retrying it or marking it resolved.
 */
export function staffOrderOperationRoutes(deps: { temporal: Client; taskQueue: string; idempotency: IdempotencyKeys }): Router {
  const router = Router();
  const guard = requirePermission('orders:operate');

  const checkout = async (orderId: string) => {
    const handle = deps.temporal.workflow.getHandle(checkoutWorkflowId(orderId));
    try {
      return { handle, status: await handle.query(checkoutStatusQuery) };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', `No checkout for order ${orderId}`);
      throw err;
    }
  };

  router.post('/v1/staff/orders/:orderId/retry', guard, async (req, res) => {
    const { orderId } = operatedOrderParams.parse(req.params);
    const { handle, status } = await checkout(orderId);
    if (status.state !== 'FAILED') {
      throw new DomainError('ORDER_NOT_RETRYABLE', `order ${orderId} is ${status.state}: only a FAILED order is retried`, { state: status.state });
    }
    const original = await startInputOf(deps.temporal, handle);
    const { orderId: retryId } = await startCheckout(deps, {
      orderId: retryOrderId(orderId),
      retryOf: orderId,
      customer: { id: original.customerId, email: original.customerEmail },
      details: {
        address: original.address,
        payment: original.payment,
        deliverySlotId: original.deliverySlotId,
        ...(original.redeemPoints ? { redeemPoints: original.redeemPoints } : {}),
      },
      lines: async () => original.lines,
    });
    res.status(202).location(`/v1/staff/orders/${retryId}`).json({ orderId: retryId, retryOf: orderId, state: 'ACCEPTED', statusUrl: `/v1/orders/${retryId}` });
  });

  router.post('/v1/staff/orders/:orderId/compensations/:step', guard, async (req, res) => {
    const { orderId, step } = stuckUndoParams.parse(req.params);
    const { action, note } = resolveUndoBody.parse(req.body ?? {});
    const { handle, status } = await checkout(orderId);
    // An ended saga takes no update: answer from its state instead of asking it.
    if (status.state !== 'COMPENSATION_STUCK') throw new DomainError('CONFLICT', `no undo of order ${orderId} waits for an operator (${status.state})`, { state: status.state });
    try {
      const after = await handle.executeUpdate(resolveCompensationUpdate, { args: [{ step, action, operator: principalOf(req).id, ...(note ? { note } : {}) }] });
      res.json(checkoutView(after));
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'CONFLICT') {
        throw new DomainError('CONFLICT', err.cause.message);
      }
      throw err;
    }
  });

  return router;
}

/**
 * The input a checkout was started with: the first event of its history, decoded with the client's
 * own data converter (its payload codec decrypts it; the plain payload converter cannot).
 */
async function startInputOf(temporal: Client, handle: { fetchHistory(): Promise<{ events?: { workflowExecutionStartedEventAttributes?: { input?: { payloads?: unknown[] | null } | null } | null }[] | null }> }): Promise<CheckoutInput> {
  const history = await handle.fetchHistory();
  const payloads = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads;
  if (!payloads?.[0]) throw new DomainError('INTERNAL', 'the checkout history has no start input');
  return decodeFromPayloadsAtIndex<CheckoutInput>(temporal.options.loadedDataConverter, 0, payloads as never);
}

