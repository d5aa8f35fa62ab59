import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  cancelCheckoutUpdate,
  checkoutStatusQuery,
  DEFAULT_SLIP_EXPIRY_SECONDS,
  paymentConfirmedSignal,
  SEARCH_ATTRIBUTES,
  type CheckoutFailure,
  type CheckoutInput,
  type CheckoutResult,
  type CheckoutState,
  type CheckoutStatus,
  type CheckoutStep,
  type CompensationStatus,
  type PaymentConfirmed,
  type TimelineEntry,
} from './checkout.contract';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';


// Forward steps: infrastructure faults are retried for a few minutes, then the saga compensates.
const steps = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumAttempts: 10, nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
});
// Events are retried until Kafka is back: a completed order is never lost for want of a broker.
const events = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumInterval: '1 minute' },
});
// Undos: one attempt per activity; the workflow retries them itself so each attempt shows in `status`.
const undos = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

const TERMINAL: CheckoutState[] = ['COMPLETED', 'FAILED', 'CANCELLED'];
const MAX_UNDO_BACKOFF_MS = 60_000;

interface Compensation {
  step: CheckoutStep;
  run: () => Promise<unknown>;
}

/**
 * The checkout saga: reserve stock → redeem loyalty points (if any) → create the order → charge
 * (or issue a slip and wait for its payment) → book delivery → confirm, with each step's undo
 * registered before the step runs and run in reverse, non-cancellably, when a later step fails or
 * the customer cancels.
 */
export async function checkoutWorkflow(input: CheckoutInput): Promise<CheckoutResult> {
  const { workflowId } = workflowInfo();
  const key = (step: CheckoutStep) => `${workflowId}:${step}`;
  const { orderId } = input;
  const status: CheckoutStatus = { orderId, customerId: input.customerId, state: 'RESERVING_STOCK', timeline: [], compensations: [] };
  const compensations: Compensation[] = [];
  let confirmed: PaymentConfirmed | undefined;
  let cancelRequest: { reason: string } | undefined;
  let deliveryBooked = false;

  const setState = (state: CheckoutState) => {
    status.state = state;
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.OrderStatus, value: state }]);
  };
  const mark = (step: CheckoutStep, stepStatus: TimelineEntry['status'], detail?: string) => {
    // new Date() is deterministic in a workflow: the time of the current workflow task.
    status.timeline.push({ step, status: stepStatus, at: new Date().toISOString(), ...(detail ? { detail } : {}) });
  };
  /** Runs a forward step, recording it in the timeline. */
  const step = async <T>(name: CheckoutStep, run: () => Promise<T>): Promise<T> => {
    mark(name, 'STARTED');
    try {
      const result = await run();
      mark(name, 'COMPLETED');
      return result;
    } catch (err) {
      mark(name, 'FAILED', failureOf(err, name).code);
      throw err;
    }
  };
  /** Step boundary: a cancel requested meanwhile stops the saga here. */
  const checkpoint = () => {
    if (cancelRequest) throw ApplicationFailure.nonRetryable(cancelRequest.reason, 'CANCELLED');
  };

  setHandler(checkoutStatusQuery, () => status);
  setHandler(paymentConfirmedSignal, (payment) => {
    if (payment.paymentId === status.payment?.paymentId) confirmed ??= payment;
  });
  setHandler(
    cancelCheckoutUpdate,
    async ({ reason }) => {
      cancelRequest ??= { reason };
      await condition(() => TERMINAL.includes(status.state));
      return status;
    },
    {
      validator: (_request: { reason: string }) => {
        if (deliveryBooked || TERMINAL.includes(status.state)) {
          throw ApplicationFailure.nonRetryable(
            `order ${orderId} can no longer be cancelled (${status.state}); a completed order is refunded instead`,
            'ORDER_NOT_CANCELLABLE',
          );
        }
      },
    },
  );
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.OrderStatus, value: status.state }]);

  try {
    checkpoint();
    // 1. Reserve stock; it must outlive the longest payment wait.
    compensations.push({ step: 'release-stock', run: () => undos.releaseStock({ reservationId: orderId, idempotencyKey: key('release-stock') }) });
    const slipExpirySeconds = input.slipExpirySeconds ?? DEFAULT_SLIP_EXPIRY_SECONDS;
    await step('reserve-stock', () =>
      steps.reserveStock({ reservationId: orderId, orderId, lines: input.lines, ttlSeconds: slipExpirySeconds + 24 * 60 * 60, idempotencyKey: key('reserve-stock') }),
    );

    // 2. Redeem loyalty points. Patched: executions recorded before this step existed replay without
    // it, and patched() is only reached with points to redeem, so other histories gain no marker.
    const redeemPoints = input.redeemPoints ?? 0;
    let pointsDiscountMinor = 0;
    if (redeemPoints > 0 && patched('loyalty-redeem-step')) {
      checkpoint();
      setState('REDEEMING_POINTS');
      const points = { customerId: input.customerId, orderId };
      compensations.push({ step: 'restore-points', run: () => undos.restorePoints({ ...points, idempotencyKey: key('restore-points') }) });
      await step('redeem-points', () => steps.redeemPoints({ ...points, points: redeemPoints, idempotencyKey: key('redeem-points') }));
      pointsDiscountMinor = redeemPoints;
      status.pointsRedeemed = redeemPoints;
    }

    // 3. Create the order, priced from the catalog by the orders service (less the points redeemed).
    checkpoint();
    setState('CREATING_ORDER');
    compensations.push({
      step: 'fail-order',
      run: () =>
        undos.failOrder({
          orderId,
          toStatus: cancelRequest ? 'CANCELLED' : 'FAILED',
          reason: status.failure?.code ?? 'FAILED',
          idempotencyKey: key('fail-order'),
        }),
    });
    const order = await step('create-order', () =>
      steps.createOrder({
        orderId,
        customerId: input.customerId,
        customerEmail: input.customerEmail,
        lines: input.lines,
        address: input.address,
        paymentMethod: input.payment.type,
        ...(pointsDiscountMinor > 0 ? { pointsDiscountMinor } : {}),
        idempotencyKey: key('create-order'),
      }),
    );
    status.totalMinor = order.totalMinor;
    status.currency = order.currency;

    // 4. Payment: a card is charged now; a slip is issued and its payment awaited until it expires.
    checkpoint();
    const paymentId = orderId;
    if (input.payment.type === 'card') {
      const { cardToken } = input.payment;
      setState('CHARGING_PAYMENT');
      status.payment = { paymentId, method: 'card' };
      compensations.push({ step: 'refund-payment', run: () => undos.refundPayment({ paymentId, idempotencyKey: key('refund-payment') }) });
      await step('charge-payment', () =>
        steps.chargeCard({ paymentId, orderId, amountMinor: order.totalMinor, currency: order.currency, cardToken, idempotencyKey: key('charge-payment') }),
      );
    } else {
      const method = input.payment.type;
      const expiresAt = new Date(Date.now() + slipExpirySeconds * 1000).toISOString();
      compensations.push({ step: 'void-payment', run: () => undos.voidPayment({ paymentId, idempotencyKey: key('void-payment') }) });
      const slip = await step('issue-slip', () =>
        steps.issuePaymentSlip({ paymentId, orderId, amountMinor: order.totalMinor, currency: order.currency, method, expiresAt, idempotencyKey: key('issue-slip') }),
      );
      status.payment = { paymentId, method, slipNumber: slip.slipNumber, expiresAt };
      await steps.transitionOrder({ orderId, toStatus: 'AWAITING_PAYMENT', idempotencyKey: key('await-payment') });
      setState('AWAITING_PAYMENT');
      mark('await-payment', 'STARTED');
      const settled = await condition(() => confirmed !== undefined || cancelRequest !== undefined, slipExpirySeconds * 1000);
      checkpoint();
      if (!settled || !confirmed) {
        mark('await-payment', 'FAILED', 'PAYMENT_EXPIRED');
        throw ApplicationFailure.nonRetryable(`the ${method} slip expired unpaid at ${expiresAt}`, 'PAYMENT_EXPIRED');
      }
      mark('await-payment', 'COMPLETED');
      // A paid slip is money in: from here its undo is a refund.
      compensations.push({ step: 'refund-payment', run: () => undos.refundPayment({ paymentId, idempotencyKey: key('refund-payment') }) });
      const paidAt = confirmed.paidAt;
      await step('confirm-slip', () => steps.confirmSlipPayment({ paymentId, paidAt, idempotencyKey: key('confirm-slip') }));
    }
    await steps.transitionOrder({ orderId, toStatus: 'PAID', idempotencyKey: key('charge-payment') + ':paid' });

    // 5. Book the delivery slot; from here on the order can no longer be cancelled, only refunded.
    checkpoint();
    setState('BOOKING_DELIVERY');
    compensations.push({ step: 'release-delivery', run: () => undos.releaseDelivery({ bookingId: orderId, idempotencyKey: key('release-delivery') }) });
    const booking = await step('book-delivery', () =>
      steps.bookDelivery({ bookingId: orderId, orderId, slotId: input.deliverySlotId, postalCode: input.address.postalCode, idempotencyKey: key('book-delivery') }),
    );
    deliveryBooked = true;
    status.bookingId = orderId;

    // 6. Confirm: stock becomes sold, the order CONFIRMED.
    setState('CONFIRMING');
    await step('commit-stock', () => steps.commitStock({ reservationId: orderId, idempotencyKey: key('commit-stock') }));
    const confirmedOrder = await step('confirm-order', () => steps.transitionOrder({ orderId, toStatus: 'CONFIRMED', idempotencyKey: key('confirm-order') }));

    // 7. Publish; retried until Kafka takes it.
    await step('publish-event', () =>
      events.publishEvent({
        topic: 'orders',
        event: {
          id: `${workflowId}:order.completed`,
          type: 'order.completed',
          source: '/workflows/checkout',
          subject: orderId,
          data: {
            orderId,
            customerId: input.customerId,
            customerEmail: input.customerEmail,
            currency: confirmedOrder.currency,
            totalMinor: confirmedOrder.totalMinor,
            lines: confirmedOrder.lines,
            paymentMethod: input.payment.type,
            deliverySlot: { slotId: booking.slotId, date: booking.date, windowStart: booking.windowStart, windowEnd: booking.windowEnd },
            completedAt: new Date().toISOString(),
          },
        },
      }),
    );
    setState('COMPLETED');
    return { orderId, outcome: 'COMPLETED', totalMinor: confirmedOrder.totalMinor, currency: confirmedOrder.currency };
  } catch (err) {
    const cancelled = cancelRequest !== undefined && failureOf(err).code === 'CANCELLED';
    const failure: CheckoutFailure = cancelled ? { code: 'CANCELLED', message: cancelRequest?.reason ?? 'cancelled' } : failureOf(err);
    status.failure = failure;
    setState('COMPENSATING');
    const customer = { orderId, customerId: input.customerId, customerEmail: input.customerEmail };
    await CancellationScope.nonCancellable(async () => {
      for (const compensation of [...compensations].reverse()) await runCompensation(compensation, status, mark);
      const type = cancelled ? 'order.cancelled' : 'order.failed';
      await events.publishEvent({
        topic: 'orders',
        event: {
          id: `${workflowId}:${type}`,
          type,
          source: '/workflows/checkout',
          subject: orderId,
          data: cancelled
            ? { ...customer, reason: cancelRequest?.reason ?? 'cancelled', cancelledAt: new Date().toISOString() }
            : { ...customer, reason: failure.code, message: failure.message, failedAt: new Date().toISOString() },
        },
      });
    });
    setState(cancelled ? 'CANCELLED' : 'FAILED');
    return { orderId, outcome: cancelled ? 'CANCELLED' : 'FAILED', failure: status.failure, totalMinor: status.totalMinor, currency: status.currency };
  }
}

/**
 * Runs one undo until it succeeds, backing off up to a minute; every failed attempt is visible in
 * the status query (and the activity failure in the Web UI). An undo is never skipped.
 */
async function runCompensation(
  compensation: Compensation,
  status: CheckoutStatus,
  mark: (step: CheckoutStep, s: TimelineEntry['status'], detail?: string) => void,
): Promise<void> {
  const entry: CompensationStatus = { step: compensation.step, status: 'RUNNING', attempts: 0 };
  status.compensations.push(entry);
  mark(compensation.step, 'STARTED');
  for (;;) {
    entry.attempts += 1;
    try {
      await compensation.run();
      entry.status = 'DONE';
      mark(compensation.step, 'COMPLETED');
      return;
    } catch (err) {
      entry.status = 'RETRYING';
      entry.lastError = failureOf(err).message;
      mark(compensation.step, 'RETRYING', entry.lastError);
      await sleep(Math.min(1000 * 2 ** (entry.attempts - 1), MAX_UNDO_BACKOFF_MS));
    }
  }
}

/** The stable code and message of a step's failure. */
function failureOf(err: unknown, step?: CheckoutStep): CheckoutFailure {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) {
    return { code: cause.type ?? 'STEP_FAILED', message: cause.message, ...(step ? { step } : {}) };
  }
  return { code: 'STEP_FAILED', message: cause instanceof Error ? cause.message : String(cause), ...(step ? { step } : {}) };
}
