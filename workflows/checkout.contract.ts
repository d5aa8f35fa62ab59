import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { OperatorAction, UndoRecord } from './saga';

/**
 * Contract of the checkout saga and of the refund that undoes a completed order: workflow types
 * and ids, signals, queries, updates, search attributes, input and result types. The api and the
 * worker both import this file.
 */
export const CHECKOUT_WORKFLOW_TYPE = 'checkoutWorkflow';
export const REFUND_WORKFLOW_TYPE = 'refundOrderWorkflow';

/** Workflow id = business key: a retried request (same order id) finds the same workflow. */
export function checkoutWorkflowId(orderId: string): string {
  return `checkout:${orderId}`;
}
export function refundWorkflowId(orderId: string): string {
  return `refund:${orderId}`;
}

/** How long a konbini / bank-transfer slip can be paid, unless the input says otherwise. */
export const DEFAULT_SLIP_EXPIRY_SECONDS = 3 * 24 * 60 * 60;

export type PaymentMethodInput = { type: 'card'; cardToken: string } | { type: 'konbini' } | { type: 'bank_transfer' };
export type PaymentMethodType = PaymentMethodInput['type'];

export interface AddressInput {
  name: string;
  postalCode: string;
  prefecture: string;
  city: string;
  line1: string;
  line2?: string;
  phone?: string;
}

export interface CheckoutInput {
  orderId: string;
  customerId: string;
  customerEmail: string;
  lines: { sku: string; quantity: number }[];
  address: AddressInput;
  payment: PaymentMethodInput;
  deliverySlotId: string;
  /** Seconds a slip stays payable; DEFAULT_SLIP_EXPIRY_SECONDS when absent. */
  slipExpirySeconds?: number;
  /** Loyalty points to pay with (1 point = 1 yen off the order); none when absent or 0. */
  redeemPoints?: number;
  /** A coupon code to redeem for this order (Unicode allowed); none when absent. */
  couponCode?: string;
  /** The failed order an operator retried with this checkout. */
  retryOf?: string;
}

export type CheckoutState =
  | 'RESERVING_STOCK'
  | 'REDEEMING_POINTS'
  | 'REDEEMING_COUPON'
  | 'CREATING_ORDER'
  | 'CHARGING_PAYMENT'
  | 'AWAITING_PAYMENT'
  | 'BOOKING_DELIVERY'
  | 'CONFIRMING'
  | 'COMPLETED'
  | 'COMPENSATING'
  /** An undo cannot succeed on its own: the saga waits for an operator (`resolveCompensation`). */
  | 'COMPENSATION_STUCK'
  | 'FAILED'
  | 'CANCELLED';

/** The saga's steps and their undos, as they appear in the timeline. */
export type CheckoutStep =
  | 'reserve-stock'
  | 'redeem-points'
  | 'redeem-coupon'
  | 'create-order'
  | 'charge-payment'
  | 'issue-slip'
  | 'mark-awaiting-payment'
  | 'await-payment'
  | 'confirm-slip'
  | 'mark-paid'
  | 'book-delivery'
  | 'confirm-order'
  | 'commit-stock'
  | 'publish-event'
  | 'release-stock'
  | 'restore-points'
  | 'restore-coupon'
  | 'fail-order'
  | 'refund-payment'
  | 'void-payment'
  | 'release-delivery';

export interface TimelineEntry {
  step: CheckoutStep;
  status: 'STARTED' | 'COMPLETED' | 'FAILED' | 'RETRYING' | 'STUCK' | 'RESOLVED';
  at: string;
  detail?: string;
}

/** One undo's progress: STUCK waits for an operator; RESOLVED_BY_OPERATOR was settled by hand. */
export type CompensationStatus = UndoRecord<CheckoutStep>;

export interface CheckoutFailure {
  /** A stable code: OUT_OF_STOCK, CARD_DECLINED, PAYMENT_EXPIRED, SLOT_FULL, CANCELLED, … */
  code: string;
  message: string;
  step?: CheckoutStep;
}

export interface CheckoutStatus {
  orderId: string;
  customerId: string;
  state: CheckoutState;
  timeline: TimelineEntry[];
  compensations: CompensationStatus[];
  failure?: CheckoutFailure;
  totalMinor?: number;
  currency?: string;
  /** Loyalty points this checkout redeemed (given back if it fails). */
  pointsRedeemed?: number;
  /** The coupon this checkout redeemed (its use given back if it fails). */
  couponRedeemed?: string;
  /** `accepted`: the card was charged or the slip issued (what an early answer waits for, see awaitCheckoutStageUpdate). */
  payment?: { paymentId: string; method: PaymentMethodType; slipNumber?: string; expiresAt?: string; accepted?: 'CHARGED' | 'SLIP_ISSUED' };
  bookingId?: string;
  /** The failed order this checkout retries (an operator's retry). */
  retryOf?: string;
}

export interface CheckoutResult {
  orderId: string;
  outcome: 'COMPLETED' | 'FAILED' | 'CANCELLED';
  totalMinor?: number;
  currency?: string;
  failure?: CheckoutFailure;
}

export interface PaymentConfirmed {
  paymentId: string;
  paidAt: string;
}

export interface CancelRequest {
  reason: string;
}

export const checkoutStatusQuery = defineQuery<CheckoutStatus>('status');
/** Sent by the api when the payment provider's signed webhook says a slip was paid. */
export const paymentConfirmedSignal = defineSignal<[PaymentConfirmed]>('paymentConfirmed');
/** Accepted until delivery is booked; resolves once the saga has undone its steps. */
export const cancelCheckoutUpdate = defineUpdate<CheckoutStatus, [CancelRequest]>('cancel');

/**
 * How far a checkout must get before the api answers: `payment` once the card was charged or the slip
 * issued (status.payment.accepted), or once the checkout is failing or cancelled before that (status.failure),
 * so a storefront can say "order accepted, payment authorised" while delivery booking and events run on;
 * `outcome` once it ended (COMPLETED, FAILED, CANCELLED): the status the saga ended with, without a
 * query after its end (which replays its whole history on a worker).
 */
export interface AwaitStageRequest {
  stage: 'payment' | 'outcome';
}
/** Resolves with the status once the stage is reached; never changes the saga (no commands of its own). */
export const awaitCheckoutStageUpdate = defineUpdate<CheckoutStatus, [AwaitStageRequest]>('awaitStage');

/** An operator's decision on a stuck undo: run it again, or record that it was settled by hand. */
export type ResolveCompensationRequest = OperatorAction<CheckoutStep>;
/** Accepted only while an undo is stuck (state COMPENSATION_STUCK); resolves once the saga has taken the action up. */
export const resolveCompensationUpdate = defineUpdate<CheckoutStatus, [ResolveCompensationRequest]>('resolveCompensation');

export interface RefundInput {
  orderId: string;
  reason: string;
}
export interface RefundResult {
  orderId: string;
  refundedMinor: number;
  currency: string;
}

/** Search attributes operators filter by in the Web UI (declared in temporal-config/temporal.json). */
export const SEARCH_ATTRIBUTES = {
  OrderId: defineSearchAttributeKey('OrderId', 'KEYWORD'),
  CustomerId: defineSearchAttributeKey('CustomerId', 'KEYWORD'),
  OrderStatus: defineSearchAttributeKey('OrderStatus', 'KEYWORD'),
  PaymentMethod: defineSearchAttributeKey('PaymentMethod', 'KEYWORD'),
} as const;
