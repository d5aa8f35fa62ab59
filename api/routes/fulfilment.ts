import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import express, { Router } from 'express';
import { z } from 'zod';
import { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import { verifyWebhook } from '../../lib/webhook-signature';
import type { Shipment__Output } from '../../proto/generated/checkout/delivery/v1/Shipment';
import type { TrackingEventRequest } from '../../proto/generated/checkout/delivery/v1/TrackingEventRequest';
import type { DomainClients } from '../../proto/services';
import {
  decideDeliveryUpdate,
  fulfilmentStatusQuery,
  fulfilmentWorkflowId,
  recordTrackingUpdate,
  TRACKING_STATUSES,
  type DeliveryDecision,
  type FulfilmentStatus,
  type TrackingStatus,
  type TrackingUpdate,
} from '../../workflows/fulfilment.contract';
import { principalOf, requirePermission } from '../auth';

/** The header of the carrier's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as the payment provider signs. */
export const CARRIER_SIGNATURE_HEADER = 'x-carrier-signature';

const trackingStatus = z.enum(TRACKING_STATUSES as [TrackingStatus, ...TrackingStatus[]]);

/** The body of the carrier's `tracking.updated` webhook. */
export const trackingUpdatedEvent = z.object({
  id: z.string().min(1).max(200).describe('The carrier’s event id: the same id delivered twice is applied once'),
  type: z.literal('tracking.updated'),
  data: z.object({
    trackingNumber: z.string().min(1).max(64),
    status: trackingStatus,
    occurredAt: z.string().datetime({ offset: true }),
    detail: z.string().max(500).optional(),
  }),
});

/** What the carrier webhook did. */
export const carrierWebhookReceipt = z.object({
  received: z.literal(true),
  eventId: z.string(),
  orderId: z.string(),
  trackingNumber: z.string(),
  outcome: z.enum(['applied', 'ignored']).meta({
    description:
      '`applied`: the order’s fulfilment took the scan (or had already taken this event id); `ignored`: the scan is recorded at the carrier but the fulfilment ' +
      'cannot take it (a scan out of order, or the fulfilment has ended); `reason` says which',
  }),
  reason: z.string().optional(),
  fulfilmentState: z.string().optional(),
});

/** The body of POST /v1/staff/orders/:orderId/fulfilment: a shop's own tracking report, or a decision on a failed delivery. */
export const staffFulfilmentBody = z.union([
  z.object({ status: trackingStatus, detail: z.string().trim().max(500).optional() }).strict().describe('A tracking report by the shop (a shop that delivers itself, or a carrier’s news by phone)'),
  z.object({ action: z.literal('redeliver'), slotId: z.string().min(1).max(128) }).strict().describe('After a failed delivery: book a new slot'),
  z.object({ action: z.literal('return'), reason: z.string().trim().min(1).max(500) }).strict().describe('After a failed delivery (or with a redelivery scheduled): back to the shop, the order is refunded'),
]);
export const fulfilmentParams = z.object({ orderId: z.string().uuid() });

/** The customer's view of a fulfilment: where the parcel is, its tracking number and events (who reported them is staff-only). */
export function customerFulfilmentView(status: FulfilmentStatus) {
  return {
    state: status.state,
    deliveredBy: status.deliveredBy,
    trackingNumber: status.trackingNumber ?? null,
    events: status.events.map(({ reportedBy: _reportedBy, ...event }) => event),
    redeliveries: status.redeliveries,
    ...(status.stalled ? { stalled: status.stalled } : {}),
    ...(status.returned ? { returned: { reason: status.returned.reason, refund: status.returned.refund } } : {}),
    ...(status.refunded ? { refunded: { reason: status.refunded.reason, at: status.refunded.at, dispatched: status.refunded.dispatched } } : {}),
  };
}

/**
 * How long GET /v1/orders/:id waits for the fulfilment's answer. A query is answered by a worker; with
 * no worker (or one that cannot replay the workflow) it would wait for the client's whole RPC timeout,
 * and the order page must not hang on where the parcel is.
 */
export const FULFILMENT_QUERY_MS = 5_000;

/** The fulfilment of an order, or undefined when none was started (the checkout did not complete, or completed before fulfilment existed). */
export async function fulfilmentOf(temporal: Client, orderId: string, deadlineMs: number = FULFILMENT_QUERY_MS): Promise<FulfilmentStatus | undefined> {
  try {
    return await temporal.withDeadline(Date.now() + deadlineMs, () => temporal.workflow.getHandle(fulfilmentWorkflowId(orderId)).query(fulfilmentStatusQuery));
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

/** What GET /v1/orders/:id shows of the parcel: its fulfilment, nothing (none started), or that it cannot be told now. */
export type OrderFulfilmentField = { fulfilment: ReturnType<typeof customerFulfilmentView> } | { fulfilmentUnavailable: true } | Record<string, never>;

/**
 * The fulfilment part of the order view. The order itself is known without it: a fulfilment query
 * that fails for any reason but "no such workflow" (no worker polling, a deadline, a workflow that
 * cannot replay) answers `fulfilmentUnavailable` and logs a warning, rather than failing the page.
 */
export async function orderFulfilmentField(
  temporal: Client,
  orderId: string,
  log: { warn: (obj: object, msg: string) => void },
  deadlineMs: number = FULFILMENT_QUERY_MS,
): Promise<OrderFulfilmentField> {
  try {
    const status = await fulfilmentOf(temporal, orderId, deadlineMs);
    return status ? { fulfilment: customerFulfilmentView(status) } : {};
  } catch (err) {
    log.warn({ orderId, workflowId: fulfilmentWorkflowId(orderId), error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, 'fulfilment query failed: order answered without it');
    return { fulfilmentUnavailable: true };
  }
}

/** A typed failure of a fulfilment update as the DomainError REST maps to one status. */
function updateFailure(err: unknown): DomainError | undefined {
  if (!(err instanceof WorkflowUpdateFailedError) || !(err.cause instanceof ApplicationFailure)) return undefined;
  const code = err.cause.type ?? 'CONFLICT';
  return new DomainError(code in DOMAIN_ERROR_CODES ? (code as DomainErrorCode) : 'CONFLICT', err.cause.message);
}

/** Whether an update failed because the workflow has ended (an update to a closed workflow is refused by the server). */
function workflowEnded(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError || (err instanceof Error && /workflow execution already completed/i.test(err.message));
}

/**
 * The carrier's signed tracking webhook. The scan is recorded at the carrier sandbox first (its event
 * id once), then handed to the order's fulfilment workflow as a `recordTracking` update. A scan the
 * fulfilment cannot take (out of order, or after it ended) is answered 200 `ignored`, so the carrier
 * does not retry what retrying cannot change.
 */
export function carrierWebhookRoutes(deps: { temporal: Client; clients: DomainClients; secret: string; now?: () => Date }): Router {
  const router = Router();
  const delivery = deps.clients.delivery;
  const recordEvent = (request: TrackingEventRequest) => callUnary<TrackingEventRequest, Shipment__Output>(delivery.recordTrackingEvent.bind(delivery), request);

  // The signature covers the exact bytes sent, so this route reads the raw body itself.
  router.post('/v1/webhooks/carrier', express.raw({ type: '*/*', limit: '64kb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verification = verifyWebhook(deps.secret, req.get(CARRIER_SIGNATURE_HEADER), raw, (deps.now ?? (() => new Date()))());
    if (!verification.valid) throw new DomainError('UNAUTHENTICATED', `The webhook signature is not valid (${verification.reason})`);
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'The webhook body is not JSON');
    }
    const event = trackingUpdatedEvent.parse(parsedJson);
    const shipment = await recordEvent({ eventId: event.id, trackingNumber: event.data.trackingNumber, status: event.data.status, occurredAt: event.data.occurredAt, detail: event.data.detail ?? '' });
    const receipt = { received: true as const, eventId: event.id, orderId: shipment.orderId, trackingNumber: shipment.trackingNumber };
    const update: TrackingUpdate = { eventId: event.id, status: event.data.status, occurredAt: event.data.occurredAt, reportedBy: 'carrier', ...(event.data.detail ? { detail: event.data.detail } : {}) };
    try {
      const status = await deps.temporal.workflow.getHandle(fulfilmentWorkflowId(shipment.orderId)).executeUpdate(recordTrackingUpdate, { args: [update] });
      res.json({ ...receipt, outcome: 'applied', fulfilmentState: status.state });
    } catch (err) {
      const failure = updateFailure(err);
      if (failure) {
        res.json({ ...receipt, outcome: 'ignored', reason: failure.message });
        return;
      }
      if (workflowEnded(err)) {
        res.json({ ...receipt, outcome: 'ignored', reason: 'the fulfilment of this order has ended' });
        return;
      }
      throw err;
    }
  });
  return router;
}

/**
 * Staff on an order's fulfilment (permission orders:operate): a shop that delivers itself reports
 * each step, and a failed delivery is redelivered in a new slot or returned to the shop (refund).
 */
export function staffFulfilmentRoutes(deps: { temporal: Client }): Router {
  const router = Router();
  router.post('/v1/staff/orders/:orderId/fulfilment', requirePermission('orders:operate'), async (req, res) => {
    const { orderId } = fulfilmentParams.parse(req.params);
    const body = staffFulfilmentBody.parse(req.body ?? {});
    const staff = `staff:${principalOf(req).id}`;
    const handle = deps.temporal.workflow.getHandle(fulfilmentWorkflowId(orderId));
    try {
      let status: FulfilmentStatus;
      if ('status' in body) {
        // A fresh event id per request: a report sent twice by a person is two reports (the second of the same status is only recorded).
        const update: TrackingUpdate = { eventId: `${staff}:${randomUUID()}`, status: body.status, occurredAt: new Date().toISOString(), reportedBy: staff, ...(body.detail ? { detail: body.detail } : {}) };
        status = await handle.executeUpdate(recordTrackingUpdate, { args: [update] });
      } else {
        const decision: DeliveryDecision = body.action === 'redeliver' ? { action: 'redeliver', slotId: body.slotId, decidedBy: staff } : { action: 'return', reason: body.reason, decidedBy: staff };
        status = await handle.executeUpdate(decideDeliveryUpdate, { args: [decision] });
      }
      res.json(status);
    } catch (err) {
      const failure = updateFailure(err);
      if (failure) throw failure;
      if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', `No fulfilment for order ${orderId}`);
      if (workflowEnded(err)) throw new DomainError('INVALID_TRANSITION', `the fulfilment of order ${orderId} has ended`);
      throw err;
    }
  });
  return router;
}
