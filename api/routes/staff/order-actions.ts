import { setTimeout as delay } from 'node:timers/promises';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateStage,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../../lib/errors';
import {
  cancelCheckoutUpdate,
  CHECKOUT_WORKFLOW_TYPE,
  checkoutStatusQuery,
  checkoutWorkflowId,
  REFUND_WORKFLOW_TYPE,
  refundWorkflowId,
  type CheckoutState,
  type CheckoutStatus,
  type RefundInput,
} from '../../../workflows/checkout.contract';
import { principalOf, requirePermission } from '../../auth';
import { checkoutView, type CustomerOrderState } from '../checkouts';
import { refuseRefundAfterReturns } from '../returns';
import type { DomainClients } from '../../../proto/services';

/** The path parameters of the staff actions on one order's saga. */
export const staffSagaParams = z.object({ orderId: z.string().uuid() });
/** The body of POST /v1/staff/orders/:orderId/cancel and /refund (it may be empty). */
export const staffCancelBody = z
  .object({ reason: z.string().trim().min(1).max(500).optional().describe('Why; kept in the order’s status history with the staff member’s id') })
  .strict();
/** The query of GET /v1/staff/compensations/stuck. */
export const stuckCompensationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50).describe('At most this many sagas, oldest first') }).strict();

/** The saga's states from which nothing more happens. */
const ENDED: CheckoutState[] = ['COMPLETED', 'FAILED', 'CANCELLED'];
/**
 * How long a staff cancel waits for the undos before answering 202 with where they stand: the
 * customer's cancel waits for them all, but an undo that gets stuck would hold the request forever.
 */
const CANCEL_WAIT_MS = 20_000;
const CANCEL_POLL_MS = 250;
const STATUS_QUERY_MS = 5_000;
/** How many stuck sagas GET /v1/staff/compensations/stuck reads from visibility (a stuck saga is rare: more means an incident). */
const MAX_STUCK_SCANNED = 1_000;

/** Where a completed order's refund stands (its own workflow), or undefined when none was started or it was refused. */
export async function refundStateOf(temporal: Client, orderId: string): Promise<'REFUNDING' | 'REFUNDED' | undefined> {
  try {
    const { status } = await temporal.workflow.getHandle(refundWorkflowId(orderId)).describe();
    if (status.name === 'RUNNING') return 'REFUNDING';
    return status.name === 'COMPLETED' ? 'REFUNDED' : undefined;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

/** The reason kept in the order's history: who on the staff acted, so the history answers "who cancelled this". */
function staffReason(reason: string | undefined, staffId: string, what: 'cancelled' | 'refunded'): string {
  return `${reason ?? `${what} by staff`} (staff ${staffId})`;
}

/**
 * Staff actions on any customer's checkout saga: its status (orders:read:any), cancel and refund
 * (orders:cancel:any), and the undos across all orders that wait for an operator (orders:operate).
 */
export function staffOrderActionRoutes(deps: { temporal: Client; taskQueue: string; orders?: DomainClients['orders'] }): Router {
  const router = Router();
  const { temporal } = deps;

  const saga = async (orderId: string): Promise<{ handle: WorkflowHandle; status: CheckoutStatus }> => {
    const handle = temporal.workflow.getHandle(checkoutWorkflowId(orderId));
    try {
      return { handle, status: await handle.query(checkoutStatusQuery) };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', `No checkout for order ${orderId}`);
      throw err;
    }
  };
  const stateOf = async (status: CheckoutStatus): Promise<CustomerOrderState> =>
    status.state === 'COMPLETED' ? ((await refundStateOf(temporal, status.orderId)) ?? status.state) : status.state;

  router.get('/v1/staff/orders/:orderId/saga', requirePermission('orders:read:any'), async (req, res) => {
    const { orderId } = staffSagaParams.parse(req.params);
    const { status } = await saga(orderId);
    res.json({ ...checkoutView(status, await stateOf(status)), customerId: status.customerId });
  });

  router.post('/v1/staff/orders/:orderId/cancel', requirePermission('orders:cancel:any'), async (req, res) => {
    const { orderId } = staffSagaParams.parse(req.params);
    const { reason } = staffCancelBody.parse(req.body ?? {});
    const { handle, status } = await saga(orderId);
    if (status.state === 'CANCELLED') {
      res.json(checkoutView(status)); // cancelling twice is cancelling once
      return;
    }
    if (status.state === 'COMPLETED') {
      throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} completed: refund it instead (POST /v1/staff/orders/${orderId}/refund)`, { state: await stateOf(status) });
    }
    if (status.state === 'FAILED') throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} failed: there is nothing to cancel`, { state: status.state });
    let update;
    try {
      update = await handle.startUpdate(cancelCheckoutUpdate, { args: [{ reason: staffReason(reason, principalOf(req).id, 'cancelled') }], waitForStage: WorkflowUpdateStage.ACCEPTED });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'ORDER_NOT_CANCELLABLE') {
        throw new DomainError('ORDER_NOT_CANCELLABLE', err.cause.message);
      }
      const now = await handle.query(checkoutStatusQuery).catch(() => undefined);
      if (now?.state === 'CANCELLED') {
        res.json(checkoutView(now));
        return;
      }
      if (now && ENDED.includes(now.state)) throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} ended as ${now.state} before the cancel took effect`, { state: now.state });
      throw err;
    }
    // Accepted: the undos run. Answer with the outcome, or 202 with where they stand once one is stuck
    // (it waits for an operator) or after CANCEL_WAIT_MS.
    const outcome = update.result().then((after) => ({ after, done: true }));
    const deadline = Date.now() + CANCEL_WAIT_MS;
    for (;;) {
      const settled = await Promise.race([outcome, delay(CANCEL_POLL_MS).then(() => undefined)]);
      if (settled) {
        if (settled.after.state === 'COMPLETED') {
          throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} completed before the cancel took effect: refund it instead`, { state: settled.after.state });
        }
        res.json(checkoutView(settled.after));
        return;
      }
      const now = await handle.query(checkoutStatusQuery);
      if (now.state === 'COMPENSATION_STUCK' || Date.now() >= deadline) {
        outcome.catch(() => undefined); // nobody awaits it any more
        res.status(202).json(checkoutView(now));
        return;
      }
    }
  });

  router.post('/v1/staff/orders/:orderId/refund', requirePermission('orders:cancel:any'), async (req, res) => {
    const { orderId } = staffSagaParams.parse(req.params);
    const { reason } = staffCancelBody.parse(req.body ?? {});
    const { status } = await saga(orderId);
    if (status.state !== 'COMPLETED') {
      throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} is ${status.state}: only a COMPLETED order is refunded (cancel a running one)`, { state: status.state });
    }
    const state = await refundStateOf(temporal, orderId);
    if (state === 'REFUNDED') {
      res.json(checkoutView(status, 'REFUNDED'));
      return;
    }
    // Not while a refund already runs (that one answers 202 below).
    if (!state && deps.orders) await refuseRefundAfterReturns(deps.orders, orderId);
    const refund: RefundInput = { orderId, reason: staffReason(reason, principalOf(req).id, 'refunded') };
    try {
      await temporal.workflow.start(REFUND_WORKFLOW_TYPE, { workflowId: refundWorkflowId(orderId), taskQueue: deps.taskQueue, args: [refund], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (err) {
      // Running: the same refund. Ended without refunding (the order refused it): REJECT_DUPLICATE says so.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      const now = await refundStateOf(temporal, orderId);
      if (now === 'REFUNDED') {
        res.json(checkoutView(status, 'REFUNDED'));
        return;
      }
      if (now !== 'REFUNDING') throw new DomainError('ORDER_NOT_CANCELLABLE', `the refund of order ${orderId} already ran and did not refund it`, { state: status.state });
    }
    res.status(202).json({ orderId, state: 'REFUNDING', refundWorkflowId: refundWorkflowId(orderId) });
  });

  router.get('/v1/staff/compensations/stuck', requirePermission('orders:operate'), async (req, res) => {
    const { limit } = stuckCompensationsQuery.parse(req.query);
    // Visibility finds them (search attribute OrderStatus, as the checkout_sagas gauge counts them);
    // each saga's own status then says which undo waits and why.
    // No ORDER BY: the dev server's SQLite visibility does not support it. Visibility lists newest
    // first, so the oldest (the ones waiting longest) are found by reading up to MAX_STUCK_SCANNED.
    const query = `WorkflowType = "${CHECKOUT_WORKFLOW_TYPE}" AND ExecutionStatus = "Running" AND OrderStatus = "COMPENSATION_STUCK"`;
    const found: { workflowId: string; startTime: Date }[] = [];
    for await (const info of temporal.workflow.list({ query, pageSize: 100 })) {
      found.push({ workflowId: info.workflowId, startTime: info.startTime });
      if (found.length >= MAX_STUCK_SCANNED) break;
    }
    found.sort((a, b) => a.startTime.getTime() - b.startTime.getTime() || a.workflowId.localeCompare(b.workflowId));
    const stuck = await Promise.all(
      found.slice(0, limit).map(async ({ workflowId, startTime }) => {
        const orderId = workflowId.replace(/^checkout:/, '');
        try {
          // Bounded: a saga whose worker is away must not hold the whole list.
          const status = await temporal.withDeadline(Date.now() + STATUS_QUERY_MS, () => temporal.workflow.getHandle(workflowId).query(checkoutStatusQuery));
          const waiting = status.compensations.find((c) => c.status === 'STUCK');
          const since = [...status.timeline].reverse().find((t) => t.status === 'STUCK' && t.step === waiting?.step);
          return {
            orderId,
            customerId: status.customerId,
            state: status.state,
            startedAt: startTime.toISOString(),
            ...(waiting ? { step: waiting.step, attempts: waiting.attempts, ...(waiting.lastError ? { lastError: waiting.lastError } : {}) } : {}),
            ...(since ? { stuckSince: since.at, ...(since.detail ? { detail: since.detail } : {}) } : {}),
            ...(status.failure ? { failure: status.failure } : {}),
            compensations: status.compensations,
          };
        } catch (err) {
          // Visibility lags the saga, or its worker does not answer: listed, with why it could not be read.
          return { orderId, startedAt: startTime.toISOString(), state: 'COMPENSATION_STUCK' as const, unreadable: err instanceof Error ? err.message : String(err), compensations: [] };
        }
      }),
    );
    res.json({ stuck, count: found.length });
  });

  return router;
}
