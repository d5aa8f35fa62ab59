import type { SearchAttributePair } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from './checkout.contract';
import type { UndoRecord } from './saga';

/**
 * Contract of the fulfilment workflow that takes a confirmed order to the customer: workflow type
 * and id, its updates and query, input and status types. The api, the checkout (which starts it)
 * and the worker all import this file.
 */
export const FULFILMENT_WORKFLOW_TYPE = 'fulfilmentWorkflow';

/** One fulfilment per order: a second start of the same order is refused. */
export function fulfilmentWorkflowId(orderId: string): string {
  return `fulfilment:${orderId}`;
}

/**
 * What a new fulfilment is listed under from its start (`OrderStatus` FULFILMENT_PICKING). A fulfilment
 * started with exactly these skips the upsert of its first task that would write them (a command and a
 * visibility write less per order); one started without them (by a checkout's `startChild`) upserts them.
 */
export function fulfilmentSearchAttributes(input: Pick<FulfilmentInput, 'orderId' | 'customerId'>): SearchAttributePair[] {
  return [
    { key: SEARCH_ATTRIBUTES.OrderId, value: input.orderId },
    { key: SEARCH_ATTRIBUTES.CustomerId, value: input.customerId },
    { key: SEARCH_ATTRIBUTES.OrderStatus, value: 'FULFILMENT_PICKING' },
  ];
}

/** A parcel with no news for this long is escalated (status, log, `order.fulfilment_stalled`). */
export const DEFAULT_STALL_AFTER_SECONDS = 3 * 24 * 60 * 60;
/** After a failed delivery the carrier holds the parcel this long; undecided by then, it goes back to the shop (refund). */
export const DEFAULT_HOLD_AFTER_FAILURE_SECONDS = 7 * 24 * 60 * 60;

/**
 * PICKING (shop packs; with a carrier, the label and tracking number exist) → DISPATCHED →
 * OUT_FOR_DELIVERY → DELIVERED; or DELIVERY_FAILED → REDELIVERY_SCHEDULED (a new slot) → … or
 * RETURNING (back to the shop: the order is refunded) → RETURNED. REFUNDED: the order was refunded
 * (customer or staff) while the parcel was still on its way; the fulfilment stops there.
 */
export type FulfilmentState =
  | 'PICKING'
  | 'DISPATCHED'
  | 'OUT_FOR_DELIVERY'
  | 'DELIVERED'
  | 'DELIVERY_FAILED'
  | 'REDELIVERY_SCHEDULED'
  | 'RETURNING'
  | 'RETURNED'
  | 'REFUNDED';

export const FULFILMENT_TERMINAL_STATES: readonly FulfilmentState[] = ['DELIVERED', 'RETURNED', 'REFUNDED'];

/** What a carrier scan (or a shop delivering itself) reports. RETURNED: the parcel is back at the shop. */
export type TrackingStatus = 'DISPATCHED' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'DELIVERY_FAILED' | 'RETURNED';
export const TRACKING_STATUSES: readonly TrackingStatus[] = ['DISPATCHED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED'];

/** Which tracking status each state accepts next (the same status again is a repeated scan, recorded). */
export const NEXT_TRACKING: Record<FulfilmentState, readonly TrackingStatus[]> = {
  PICKING: ['DISPATCHED'],
  DISPATCHED: ['OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED'],
  OUT_FOR_DELIVERY: ['DELIVERED', 'DELIVERY_FAILED'],
  REDELIVERY_SCHEDULED: ['OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED'],
  DELIVERY_FAILED: ['RETURNED'],
  DELIVERED: [],
  RETURNING: [],
  RETURNED: [],
  REFUNDED: [],
};

export interface FulfilmentInput {
  orderId: string;
  customerId: string;
  customerEmail: string;
  /** Where the parcel goes (redelivery slots must serve it). */
  postalCode: string;
  /** `carrier` (default): a shipment with a tracking number is created; `shop`: staff report each step. */
  deliveredBy?: 'carrier' | 'shop';
  /**
   * The carrier's shipment, when it was created before the start (by the activity of a completed
   * checkout that starts the fulfilment, under the key the fulfilment itself would use,
   * `<fulfilment workflow id>:create-shipment`): the fulfilment then creates none. Its first workflow
   * task is then its listing and its stall timer alone: no local activity, and no patch marker (a run
   * given a shipment exists only since this field, so its input decides the path; older runs lack it).
   */
  shipment?: { trackingNumber: string };
  /** Seconds without news before a parcel is escalated; DEFAULT_STALL_AFTER_SECONDS when absent. */
  stallAfterSeconds?: number;
  /** Seconds a failed delivery waits for a decision; DEFAULT_HOLD_AFTER_FAILURE_SECONDS when absent. */
  holdAfterFailureSeconds?: number;
  /** History length after which the fulfilment continues as new at its next quiet point; DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS when absent. */
  continueAsNewAfterEvents?: number;
  /** Set only by the fulfilment itself when it continues as new: where the previous run left the parcel. */
  carried?: FulfilmentCarried;
}

/**
 * A parked fulfilment's worker-cache footprint grows with its history (bench/fulfilment-footprint.ts:
 * ~0.34 MB at 21 events, ~1.1 MB at 256 events). Past this many events it continues as new (status
 * carried), so a parcel scanned at every depot does not grow without bound. A normal delivery (and a
 * redelivery) stays well below it and never rolls over.
 */
export const DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS = 150;

/** What a fulfilment carries into its next run when it continues as new. */
export interface FulfilmentCarried {
  status: FulfilmentStatus;
  dispatchedAt?: string;
  deliveredAt?: string;
  shippedPublished: boolean;
}

/** A tracking report: from the carrier's signed webhook or a member of staff. */
export interface TrackingUpdate {
  /** The carrier's event id (or one the api makes for staff): a report delivered twice counts once. */
  eventId: string;
  status: TrackingStatus;
  occurredAt: string;
  detail?: string;
  /** `carrier`, or `staff:<user id>`. */
  reportedBy: string;
}

/** What happens to a parcel whose delivery failed: a new slot, or back to the shop (refund). */
export type DeliveryDecision =
  | { action: 'redeliver'; slotId: string; decidedBy: string }
  | { action: 'return'; reason: string; decidedBy: string };

export interface FulfilmentEvent {
  /** A tracking report's event id, or `<workflowId>:<what>` for the workflow's own entries. */
  eventId: string;
  /** The tracking status reported, or the workflow's own entry: STALLED, REDELIVERY_BOOKED, RETURN_DECIDED, REFUNDED, ORDER_REFUNDED (a refund stopped it). */
  status: TrackingStatus | 'STALLED' | 'REDELIVERY_BOOKED' | 'RETURN_DECIDED' | 'REFUNDED' | 'ORDER_REFUNDED';
  at: string;
  detail?: string;
  reportedBy: string;
}

export interface Redelivery {
  bookingId: string;
  slotId: string;
  date: string;
  windowStart: string;
  windowEnd: string;
}

/** The undos a return runs (the refund itself is the refund workflow). */
export type FulfilmentUndoStep = 'release-redelivery';

export interface FulfilmentStatus {
  orderId: string;
  customerId: string;
  state: FulfilmentState;
  deliveredBy: 'carrier' | 'shop';
  trackingNumber?: string;
  /** Oldest first. */
  events: FulfilmentEvent[];
  /** Set while the parcel has not moved for stallAfterSeconds; cleared by its next movement. */
  stalled?: { since: string; state: FulfilmentState; escalatedAt: string };
  redeliveries: Redelivery[];
  /** Why the parcel went back to the shop, and the refund that followed. */
  returned?: { reason: string; decidedBy: string; refundWorkflowId: string; refund: 'RUNNING' | 'DONE' | 'ALREADY_REFUNDED' | 'FAILED'; error?: string };
  compensations: UndoRecord<FulfilmentUndoStep>[];
  /**
   * Set when a refund of the order (customer or staff) stopped the fulfilment. `dispatched`: whether the
   * carrier had the parcel already (if not, it is never handed over; the carrier sandbox has no cancel
   * call yet, so its label stays LABEL_CREATED).
   */
  refunded?: { reason: string; refundWorkflowId: string; at: string; dispatched: boolean };
}

export interface FulfilmentResult {
  orderId: string;
  outcome: 'DELIVERED' | 'RETURNED' | 'REFUNDED';
}

/** Sent by the refund workflow of the order: the order is refunded, so the parcel is not (or no longer) delivered. */
export interface OrderRefundedNotice {
  refundWorkflowId: string;
  reason: string;
}

export const fulfilmentStatusQuery = defineQuery<FulfilmentStatus>('status');
/** A tracking report; rejected (INVALID_TRANSITION) when the parcel cannot be in that status next. */
export const recordTrackingUpdate = defineUpdate<FulfilmentStatus, [TrackingUpdate]>('recordTracking');
/** The order was refunded: a fulfilment still running stops (REFUNDED); one returning the parcel already ignores it. */
export const orderRefundedSignal = defineSignal<[OrderRefundedNotice]>('orderRefunded');
/** Accepted while delivery failed (redeliver or return) or a redelivery is scheduled (return only). */
export const decideDeliveryUpdate = defineUpdate<FulfilmentStatus, [DeliveryDecision]>('decideDelivery');
