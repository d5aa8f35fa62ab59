import {
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  executeChild,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { REFUND_WORKFLOW_TYPE, refundWorkflowId, SEARCH_ATTRIBUTES, type RefundInput } from './checkout.contract';
import {
  DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS,
  DEFAULT_HOLD_AFTER_FAILURE_SECONDS,
  DEFAULT_STALL_AFTER_SECONDS,
  decideDeliveryUpdate,
  FULFILMENT_TERMINAL_STATES,
  fulfilmentSearchAttributes,
  fulfilmentStatusQuery,
  NEXT_TRACKING,
  orderRefundedSignal,
  recordTrackingUpdate,
  type DeliveryDecision,
  type FulfilmentEvent,
  type FulfilmentInput,
  type FulfilmentResult,
  type FulfilmentState,
  type FulfilmentStatus,
  type FulfilmentUndoStep,
  type OrderRefundedNotice,
  type TrackingStatus,
  type TrackingUpdate,
} from './fulfilment.contract';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';
import { failureOf, Saga } from './saga';

// Creating the shipment and booking a redelivery: infrastructure faults retried a few minutes, business rejections (SLOT_FULL) at once.
const STEP_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumAttempts: 10, nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
} as const;
const steps = proxyActivities<Activities>(STEP_OPTIONS);
// The shipment created at the start as a local activity: the worker runs it inside the fulfilment's first
// workflow task and records it as a marker, instead of it costing the server a scheduled activity, its
// dispatch and completion, and a second workflow task, for every completed checkout. It is one short,
// idempotent call (its `<workflowId>:create-shipment` key answers the first answer), so a worker lost
// mid-task, whose successor runs it again, creates one shipment still.
const localSteps = proxyLocalActivities<Activities>(STEP_OPTIONS);
/** Fulfilments recorded before this created their shipment as a regular activity, and replay so. */
export const LOCAL_SHIPMENT_PATCH = 'fulfilment-local-shipment';
/**
 * Asked first by a run that creates a shipment, before LOCAL_SHIPMENT_PATCH (which it stands for): a
 * fulfilment on this code that was started already listed (fulfilmentSearchAttributes, by the checkout's
 * last activity) does not upsert that listing again. Decided by the marker, not by the start's attributes
 * alone: a fulfilment started listed whose first task older code ran upserted it, and replays so.
 */
export const FULFILMENT_BASELINE_B_PATCH = 'fulfilment-baseline-2026-12-02b';
// Events are retried until Kafka is back: a shipped or delivered order is never left untold.
const events = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { ...RETRY_BASE, maximumInterval: '1 minute' } });
// Undos: one attempt per activity; the saga retries them itself so each attempt shows in `status`.
const undos = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

/** The state a tracking status moves the parcel to (RETURNED goes through the return: RETURNING first). */
const STATE_OF: Record<TrackingStatus, FulfilmentState> = {
  DISPATCHED: 'DISPATCHED',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  DELIVERED: 'DELIVERED',
  DELIVERY_FAILED: 'DELIVERY_FAILED',
  RETURNED: 'RETURNING',
};

/**
 * Takes one confirmed order to the customer: PICKING (with a carrier, the shipment and its tracking
 * number are created first) → DISPATCHED → OUT_FOR_DELIVERY → DELIVERED, driven by tracking reports
 * (`recordTracking`, from the carrier's signed webhooks or staff). A failed delivery waits for a
 * decision (`decideDelivery`): a redelivery in a new slot (booked with the delivery service) or a
 * return to the shop, which releases the redelivery bookings and refunds the order through the refund
 * workflow; undecided after the carrier's holding time, it goes back by itself. A parcel without news
 * for `stallAfterSeconds` is escalated once per quiet spell (status, warning log, search attribute
 * `OrderStatus=FULFILMENT_STALLED`, event `order.fulfilment_stalled`).
 */
export async function fulfilmentWorkflow(input: FulfilmentInput): Promise<FulfilmentResult> {
  const { workflowId } = workflowInfo();
  const { orderId } = input;
  const key = (step: string) => `${workflowId}:${step}`;
  const stallAfterMs = (input.stallAfterSeconds ?? DEFAULT_STALL_AFTER_SECONDS) * 1000;
  const holdAfterFailureMs = (input.holdAfterFailureSeconds ?? DEFAULT_HOLD_AFTER_FAILURE_SECONDS) * 1000;
  const { carried } = input;
  const status: FulfilmentStatus = carried?.status ?? {
    orderId,
    customerId: input.customerId,
    state: 'PICKING',
    deliveredBy: input.deliveredBy ?? 'carrier',
    events: [],
    redeliveries: [],
    compensations: [],
  };
  // A shipment created before the start (input.shipment, by the checkout's last activity): no step, no
  // patch. Only inputs written since that field carry it, so the input decides, and replays decide the same.
  const shipmentGiven = status.deliveredBy === 'carrier' && !carried && input.shipment !== undefined;
  if (shipmentGiven) status.trackingNumber = input.shipment?.trackingNumber;
  // Decided once, first, and only by a run that creates a shipment (others gain no marker).
  const createsShipment = status.deliveredBy === 'carrier' && !carried && !shipmentGiven;
  const baselineB = createsShipment && patched(FULFILMENT_BASELINE_B_PATCH);
  const shipmentStep = createsShipment && (baselineB || patched(LOCAL_SHIPMENT_PATCH)) ? localSteps : steps;
  const customer = { orderId, customerId: input.customerId, customerEmail: input.customerEmail };
  /** Bumped by every accepted report or decision: the stall timer starts again from it. */
  let movements = 0;
  /**
   * Passes of the main loop (each wait it returns from, and its end). An update that changes what the
   * loop waits for answers only after the loop's next pass, so the update's completion always follows
   * the commands the loop issues in reaction (its stall timer cancelled, the next event or timer). Left
   * to the promise ordering of the moment, a replay could emit them in another order than the first
   * run and fail with a nondeterminism error ("Update machine does not handle this event: TimerCanceled").
   */
  let passes = 0;
  const afterNextPass = async (): Promise<void> => {
    const pass = passes;
    await condition(() => passes > pass);
  };
  let deciding = false;
  /** A refund of the order (customer or staff) arrived while the parcel was still on its way: the fulfilment stops. */
  let refundNotice: OrderRefundedNotice | undefined;
  let returnDecision: { reason: string; decidedBy: string } | undefined;
  let dispatchedAt: string | undefined = carried?.dispatchedAt;
  let deliveredAt: string | undefined = carried?.deliveredAt;

  const setState = (state: FulfilmentState, searchValue: string = `FULFILMENT_${state}`) => {
    status.state = state;
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.OrderStatus, value: searchValue }]);
  };
  const record = (entry: Omit<FulfilmentEvent, 'at'> & { at?: string }) => {
    // new Date() is deterministic in a workflow: the time of the current workflow task.
    status.events.push({ ...entry, at: entry.at ?? new Date().toISOString() });
  };
  const saga = new Saga<FulfilmentUndoStep>({
    // Each undo's attempts show in status.compensations; only one that waits for an operator is logged.
    mark: (step, stepStatus, detail) => {
      if (stepStatus === 'STUCK') log.error('undo of a returned parcel is stuck: an operator must settle it', { orderId, step, detail });
    },
    undoRecords: status.compensations,
    onStuck: (stuck) => setState('RETURNING', stuck ? 'FULFILMENT_RETURN_STUCK' : 'FULFILMENT_RETURNING'),
  });

  setHandler(fulfilmentStatusQuery, () => status);
  setHandler(
    recordTrackingUpdate,
    async (update: TrackingUpdate) => {
      if (status.events.some((e) => e.eventId === update.eventId)) return status; // a webhook delivered twice
      record({ eventId: update.eventId, status: update.status, at: update.occurredAt, reportedBy: update.reportedBy, ...(update.detail ? { detail: update.detail } : {}) });
      movements += 1;
      status.stalled = undefined;
      if (update.status === 'RETURNED') {
        returnDecision ??= { reason: update.detail || 'returned to the shop by the carrier', decidedBy: update.reportedBy };
        status.state = 'RETURNING';
      } else if (STATE_OF[update.status] !== status.state) {
        setState(STATE_OF[update.status]);
      } else {
        upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.OrderStatus, value: `FULFILMENT_${status.state}` }]);
      }
      if (update.status === 'DISPATCHED') dispatchedAt ??= update.occurredAt;
      if (update.status === 'DELIVERED') deliveredAt ??= update.occurredAt;
      await afterNextPass();
      return status;
    },
    {
      validator: (update: TrackingUpdate) => {
        if (status.events.some((e) => e.eventId === update.eventId)) return;
        const accepted = NEXT_TRACKING[status.state];
        const repeated = STATE_OF[update.status] === status.state;
        if ((!accepted.includes(update.status) && !repeated) || returnDecision || deciding || refundNotice) {
          throw ApplicationFailure.nonRetryable(`order ${orderId} is ${status.state}: a parcel cannot be ${update.status} next`, 'INVALID_TRANSITION', { state: status.state });
        }
      },
    },
  );
  setHandler(
    decideDeliveryUpdate,
    async (decision: DeliveryDecision) => {
      if (decision.action === 'return') {
        returnDecision = { reason: decision.reason, decidedBy: decision.decidedBy };
        // Answered as RETURNING at once; the main loop records it (search attribute) and runs the return.
        status.state = 'RETURNING';
        movements += 1;
        await afterNextPass();
        return status;
      }
      deciding = true;
      const n = status.redeliveries.length + 1;
      const bookingId = `${orderId}:redelivery-${n}`;
      try {
        // The undo is registered before the booking, so a booking that took effect and then timed out is still released on a return.
        saga.addUndo({ step: 'release-redelivery', run: () => undos.releaseDelivery({ bookingId, idempotencyKey: key(`release-redelivery-${n}`) }) });
        const booking = await steps.bookDelivery({ bookingId, orderId, slotId: decision.slotId, postalCode: input.postalCode, idempotencyKey: key(`book-redelivery-${n}`) });
        status.redeliveries.push({ bookingId, slotId: booking.slotId, date: booking.date, windowStart: booking.windowStart, windowEnd: booking.windowEnd });
        record({ eventId: key(`redelivery-${n}`), status: 'REDELIVERY_BOOKED', reportedBy: decision.decidedBy, detail: `${booking.date} ${booking.windowStart}-${booking.windowEnd}` });
        movements += 1;
        status.stalled = undefined;
        setState('REDELIVERY_SCHEDULED');
        deciding = false;
        await afterNextPass();
        return status;
      } catch (err) {
        // The booking's own answer (SLOT_FULL, SLOT_CLOSED, …) is the update's answer; the parcel still waits for a decision.
        const failure = failureOf(err);
        deciding = false;
        await afterNextPass();
        throw ApplicationFailure.nonRetryable(failure.message, failure.code);
      } finally {
        deciding = false;
      }
    },
    {
      validator: (decision: DeliveryDecision) => {
        const allowed = status.state === 'DELIVERY_FAILED' || (status.state === 'REDELIVERY_SCHEDULED' && decision.action === 'return');
        if (!allowed || deciding || returnDecision || refundNotice) {
          throw ApplicationFailure.nonRetryable(
            deciding || returnDecision ? `a decision on order ${orderId} is already being carried out` : `order ${orderId} is ${status.state}: only a failed delivery (or a scheduled redelivery, to return it) takes a decision`,
            'INVALID_TRANSITION',
            { state: status.state },
          );
        }
      },
    },
  );
  setHandler(orderRefundedSignal, (notice: OrderRefundedNotice) => {
    // A parcel already going back to the shop is refunded by its own return (the refund workflow finds the order refunded).
    if (refundNotice || returnDecision || FULFILMENT_TERMINAL_STATES.includes(status.state)) return;
    // Fulfilments that received this signal before the change ignored it (it had no handler): they replay as they ran.
    if (!patched('fulfilment-stops-on-refund')) return;
    refundNotice = notice;
    movements += 1; // wakes the main loop, which ends it
  });
  // A run continued from a previous one still releases the redelivery slots booked before (same keys).
  status.redeliveries.forEach((booked, i) => {
    saga.addUndo({ step: 'release-redelivery', run: () => undos.releaseDelivery({ bookingId: booked.bookingId, idempotencyKey: key(`release-redelivery-${i + 1}`) }) });
  });
  const listing = carried
    ? [
        { key: SEARCH_ATTRIBUTES.OrderId, value: orderId },
        { key: SEARCH_ATTRIBUTES.CustomerId, value: input.customerId },
        { key: SEARCH_ATTRIBUTES.OrderStatus, value: status.stalled ? 'FULFILMENT_STALLED' : `FULFILMENT_${status.state}` },
      ]
    : fulfilmentSearchAttributes(input);
  // A fulfilment started already listed so (by the checkout's activity) is not listed again (baseline B,
  // or given its shipment). A run continued as new always upserts (it inherits its attributes, and ran so before).
  const started = workflowInfo().typedSearchAttributes;
  if (!(baselineB || shipmentGiven) || carried || !listing.every((pair) => started.get(pair.key) === pair.value)) upsertSearchAttributes(listing);

  if (createsShipment) {
    const shipment = await shipmentStep.createShipment({ shipmentId: orderId, orderId, postalCode: input.postalCode, idempotencyKey: key('create-shipment') });
    status.trackingNumber = shipment.trackingNumber;
  }

  let shippedPublished = carried?.shippedPublished ?? false;
  const publishShipped = async () => {
    if (shippedPublished || !dispatchedAt) return;
    shippedPublished = true;
    await events.publishEvent({
      topic: 'orders',
      event: {
        id: `${workflowId}:order.shipped`,
        type: 'order.shipped',
        source: '/workflows/fulfilment',
        subject: orderId,
        data: { ...customer, trackingNumber: status.trackingNumber ?? null, deliveredBy: status.deliveredBy, shippedAt: dispatchedAt },
      },
    });
  };

  /**
   * How long the parcel may be quiet before it is escalated. With a redelivery booked for a later day,
   * nothing is expected before that slot: the window counts from the slot's end. The slot's local time
   * is read as UTC, which for a shop east of UTC (Japan) is later than the real end, so a parcel is
   * never escalated before its slot has passed. Fulfilments that started their wait before this
   * change replay with the plain window.
   */
  const stallWindowMs = (): number => {
    const next = status.redeliveries.at(-1);
    if (status.state !== 'REDELIVERY_SCHEDULED' || !next) return stallAfterMs;
    const slotEnd = Date.parse(`${next.date}T${next.windowEnd}:00Z`);
    if (!Number.isFinite(slotEnd) || slotEnd <= Date.now()) return stallAfterMs;
    return patched('fulfilment-stall-after-redelivery-slot') ? slotEnd - Date.now() + stallAfterMs : stallAfterMs;
  };

  while (!FULFILMENT_TERMINAL_STATES.includes(status.state) && !returnDecision && !refundNotice) {
    // Taken before publishing: a report that arrives while the event is published still wakes the wait below.
    const seen = movements;
    passes += 1;
    await publishShipped();
    // A quiet point (right after a movement, no decision under way, not waiting out a carrier's hold):
    // with a long history, the next run starts from the status alone (the worker-cache footprint grows
    // with the history). Fulfilments that reached this point before the change replay without it.
    if (
      status.state !== 'DELIVERY_FAILED' &&
      !deciding &&
      workflowInfo().historyLength >= (input.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS) &&
      patched('fulfilment-continue-as-new')
    ) {
      await condition(allHandlersFinished);
      if (!refundNotice && !returnDecision && !deciding && !FULFILMENT_TERMINAL_STATES.includes(status.state)) {
        await continueAsNew<typeof fulfilmentWorkflow>({ ...input, carried: { status, dispatchedAt, deliveredAt, shippedPublished } });
      }
      continue;
    }
    if (status.state === 'DELIVERY_FAILED') {
      // The carrier holds the parcel; without a decision in time it goes back to the shop.
      // A repeated scan (news, but no new state) wakes it too: the hold starts again from it.
      const decided = await condition(() => status.state !== 'DELIVERY_FAILED' || deciding || returnDecision !== undefined || movements !== seen, holdAfterFailureMs);
      if (deciding) await condition(() => !deciding);
      if (!decided && status.state === 'DELIVERY_FAILED' && !returnDecision && !refundNotice) {
        returnDecision = { reason: `not redelivered within ${holdAfterFailureMs / 1000} s of the failed delivery`, decidedBy: 'fulfilment' };
      }
      continue;
    }
    const moved = await condition(() => movements !== seen, stallWindowMs());
    if (moved || status.stalled) continue;
    // No news for the whole window: escalate once, then wait (without a timer) for the next movement.
    const since = status.events.at(-1)?.at ?? workflowInfo().startTime.toISOString();
    status.stalled = { since, state: status.state, escalatedAt: new Date().toISOString() };
    record({ eventId: key(`stalled-${status.events.length}`), status: 'STALLED', reportedBy: 'fulfilment', detail: `no news since ${since} (${status.state})` });
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.OrderStatus, value: 'FULFILMENT_STALLED' }]);
    log.warn('parcel stalled: escalated', { orderId, state: status.state, since, trackingNumber: status.trackingNumber });
    await events.publishEvent({
      topic: 'orders',
      event: {
        id: key(`order.fulfilment_stalled:${status.events.length}`),
        type: 'order.fulfilment_stalled',
        source: '/workflows/fulfilment',
        subject: orderId,
        data: { ...customer, state: status.state, trackingNumber: status.trackingNumber ?? null, since, stalledAt: status.stalled.escalatedAt },
      },
    });
    await condition(() => movements !== seen);
  }
  passes += 1;

  if (refundNotice && !returnDecision) {
    const notice = refundNotice;
    const dispatched = dispatchedAt !== undefined;
    status.refunded = { reason: notice.reason, refundWorkflowId: notice.refundWorkflowId, at: new Date().toISOString(), dispatched };
    record({ eventId: key('order-refunded'), status: 'ORDER_REFUNDED', reportedBy: 'refund', detail: notice.reason });
    setState('REFUNDED');
    log.info('order refunded while its parcel was on its way: fulfilment stopped', { orderId, dispatched, trackingNumber: status.trackingNumber });
    // Redelivery slots booked for this parcel are freed (the refund workflow frees only the original slot).
    await CancellationScope.nonCancellable(() => saga.compensate());
    await condition(allHandlersFinished);
    return { orderId, outcome: 'REFUNDED' };
  }

  if (returnDecision) {
    const decision = returnDecision;
    setState('RETURNING');
    record({ eventId: key('return'), status: 'RETURN_DECIDED', reportedBy: decision.decidedBy, detail: decision.reason });
    const refundId = refundWorkflowId(orderId);
    status.returned = { reason: decision.reason, decidedBy: decision.decidedBy, refundWorkflowId: refundId, refund: 'RUNNING' };
    await CancellationScope.nonCancellable(async () => {
      // Redelivery slots booked for this parcel are freed, newest first; then the refund workflow
      // refunds the payment, frees the original slot, restocks and settles the loyalty points.
      await saga.compensate();
      const returned = status.returned!;
      try {
        const refund: RefundInput = { orderId, reason: `returned to the shop: ${decision.reason}` };
        await executeChild(REFUND_WORKFLOW_TYPE, { workflowId: refundId, args: [refund], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
        returned.refund = 'DONE';
        record({ eventId: key('refunded'), status: 'REFUNDED', reportedBy: 'fulfilment' });
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) {
          // The customer (or an operator) already had the order refunded: nothing more to pay back.
          returned.refund = 'ALREADY_REFUNDED';
        } else {
          returned.refund = 'FAILED';
          returned.error = failureOf(err).message;
          log.error('refund of a returned parcel failed: an operator must settle it', { orderId, error: returned.error });
        }
      }
    });
    setState('RETURNED', status.returned.refund === 'FAILED' ? 'FULFILMENT_REFUND_FAILED' : 'FULFILMENT_RETURNED');
    await condition(allHandlersFinished);
    return { orderId, outcome: 'RETURNED' };
  }

  await publishShipped();
  await events.publishEvent({
    topic: 'orders',
    event: {
      id: `${workflowId}:order.delivered`,
      type: 'order.delivered',
      source: '/workflows/fulfilment',
      subject: orderId,
      data: { ...customer, trackingNumber: status.trackingNumber ?? null, deliveredBy: status.deliveredBy, deliveredAt: deliveredAt ?? new Date().toISOString() },
    },
  });
  await condition(allHandlersFinished);
  return { orderId, outcome: 'DELIVERED' };
}
