import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import {
  awaitCheckoutStageUpdate,
  cancelCheckoutUpdate,
  checkoutStatusQuery,
  DEFAULT_SLIP_EXPIRY_SECONDS,
  paymentConfirmedSignal,
  resolveCompensationUpdate,
  SEARCH_ATTRIBUTES,
  type CheckoutFailure,
  type CheckoutInput,
  type CheckoutResult,
  type CheckoutState,
  type CheckoutStatus,
  type CheckoutStep,
  type PaymentConfirmed,
  type TimelineEntry,
} from './checkout.contract';
import { FULFILMENT_WORKFLOW_TYPE, fulfilmentWorkflowId, type FulfilmentInput } from './fulfilment.contract';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';
import { failureOf, isBusinessRejection, Saga, type Undo } from './saga';

// Forward steps: infrastructure faults are retried for a few minutes, then the saga compensates.
const FORWARD_STEP_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumAttempts: 10, nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
} as const;
const steps = proxyActivities<Activities>(FORWARD_STEP_OPTIONS);
// The same steps as local activities: run by the worker inside the workflow task that reached them and
// recorded as markers when it completes, instead of each costing the server a scheduled activity, a
// dispatch and a workflow task of its own (about 13 ms of the dev server's CPU and 9 ms of latency per
// step, bench/: B0 with local activities). They are short, idempotent service calls (a repeated key
// answers the first answer), so a worker lost mid-task, which runs them again, is harmless.
const localSteps = proxyLocalActivities<Activities>(FORWARD_STEP_OPTIONS);
/** Checkouts recorded before this ran every forward step as a regular activity, and replay so. */
export const LOCAL_STEPS_PATCH = 'local-forward-steps';
/**
 * Local steps run before the history records them: a workflow task lost after they ran (its worker
 * killed, the task failed or timed out) leaves their effects with no marker, and the task that runs
 * again can take another path (a cancel came in meanwhile, a step now fails for want of a service)
 * and never reach them. Compensating such a checkout undoes every step of its path, reached or not
 * (an undo of a step that never ran is a no-op that leaves a tombstone). Checkouts compensated before
 * this undid only the steps their history reached.
 */
export const UNDO_UNRECORDED_STEPS_PATCH = 'undo-unrecorded-local-steps';
const UNRECORDED_WHY = 'not recorded as reached: a lost workflow task may have run it';
/**
 * Asked first, before any step: a checkout started with this code takes every patched path of this
 * file without asking for each patch. Asking for a patch later, in the code that runs on after a local
 * step's answer, is unsafe: when the server gets a task's completion early (an update to accept), the
 * step's marker can be in that task while the code after it ran in the next one, and a replay then
 * answers that patch false (`[TMPRL1100] Non-deprecated patch marker encountered`, seen under bench
 * load on the status query of a completed checkout). One marker, and one TemporalChangeVersion upsert
 * (a visibility write), instead of one per patch. Checkouts started before it ask each patch as they did.
 * A new patch of this file is asked before the first step too (see the replay test's marker order check).
 */
export const CHECKOUT_BASELINE_PATCH = 'checkout-baseline-2026-12-02';
/**
 * The next baseline, asked before the first (a new checkout records only this one): it stands for the
 * first and everything it stands for, and for what came since. Since: the fulfilment is started by the
 * activity that publishes `order.completed` (startFulfilmentAndPublish), not by a `startChild` of the
 * saga's (a start, a started event and a workflow task less in every checkout's history); and the
 * `OrderStatus` the api already started the checkout with is not upserted again in its first task.
 */
export const CHECKOUT_BASELINE_B_PATCH = 'checkout-baseline-2026-12-02b';
// Events are retried until Kafka is back: a completed order is never lost for want of a broker.
const events = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumInterval: '1 minute' },
});
// Undos: one attempt per activity; the saga retries them itself so each attempt shows in `status`.
const undos = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

const TERMINAL: CheckoutState[] = ['COMPLETED', 'FAILED', 'CANCELLED'];
const UNDOING: CheckoutState[] = ['COMPENSATING', 'COMPENSATION_STUCK'];
const OPERATOR_CANCEL_REASON = 'cancelled by an operator (Temporal cancellation)';

/**
 * The checkout saga: reserve stock → redeem loyalty points and a coupon (if any) → create the order → charge
 * (or issue a slip and wait for its payment) → book delivery → confirm. Each step names its undo
 * (`saga.step(name, undo, call)`), registered before the call and run in reverse, non-cancellably,
 * when a later step fails, the customer cancels, or an operator cancels the workflow.
 */
export async function checkoutWorkflow(input: CheckoutInput): Promise<CheckoutResult> {
  const { workflowId } = workflowInfo();
  const key = (step: CheckoutStep) => `${workflowId}:${step}`;
  const { orderId } = input;
  const status: CheckoutStatus = { orderId, customerId: input.customerId, state: 'RESERVING_STOCK', timeline: [], compensations: [], ...(input.retryOf ? { retryOf: input.retryOf } : {}) };
  let confirmed: PaymentConfirmed | undefined;
  let cancelRequest: { reason: string } | undefined;
  let deliveryBooked = false;
  const baselineB = patched(CHECKOUT_BASELINE_B_PATCH);
  const baseline = baselineB || patched(CHECKOUT_BASELINE_PATCH);
  /** An older patch's path: taken by every checkout started on the baseline, asked of the history otherwise. */
  const takes = (patch: string) => baseline || patched(patch);
  // Decided once, first: a checkout runs all its forward steps one way, and its history says which.
  const stepsAreLocal = takes(LOCAL_STEPS_PATCH);
  const forward = stepsAreLocal ? localSteps : steps;
  // Someone awaits the early answer (`awaitStage` for the payment): its reply leaves with the workflow
  // task that completes, and local steps keep that task open, so the step after the charge then runs
  // as a regular activity, which ends the task right after the charge (see the charge below).
  let paymentAwaited = false;

  // Each OrderStatus upsert is a command and a visibility write (six per card checkout before). Only the
  // states operators and alerts filter on are written (api/saga-gauges.ts, the staff order actions,
  // scripts/record-histories.ts): long-lived or failing ones and the outcomes. The state after one of
  // those is written too, so a checkout is never still listed as AWAITING_PAYMENT or COMPENSATING once it
  // moved on. The steps in between are in the status query. Histories recorded before replay unchanged.
  const LISTED_STATES: CheckoutState[] = ['AWAITING_PAYMENT', ...UNDOING, ...TERMINAL];
  let listedAs: CheckoutState = status.state;
  const setState = (state: CheckoutState) => {
    status.state = state;
    if (!LISTED_STATES.includes(state) && !LISTED_STATES.includes(listedAs) && takes('fewer-status-upserts')) return;
    listedAs = state;
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.OrderStatus, value: state }]);
  };
  const mark = (step: CheckoutStep, stepStatus: TimelineEntry['status'], detail?: string) => {
    // new Date() is deterministic in a workflow: the time of the current workflow task.
    status.timeline.push({ step, status: stepStatus, at: new Date().toISOString(), ...(detail ? { detail } : {}) });
  };
  const saga = new Saga<CheckoutStep>({
    mark,
    undoRecords: status.compensations,
    onStuck: (stuck) => setState(stuck ? 'COMPENSATION_STUCK' : 'COMPENSATING'),
  });
  /** Step boundary: a cancel requested meanwhile stops the saga here. */
  const checkpoint = () => {
    if (cancelRequest) throw ApplicationFailure.nonRetryable(cancelRequest.reason, 'CANCELLED');
  };

  setHandler(checkoutStatusQuery, () => status);
  setHandler(paymentConfirmedSignal, (payment) => {
    // The payment id is the order id, known before the slip's answer is: a confirmation delivered in
    // the same task as that answer (the webhook is quick, or a reset re-applies the signal) is kept,
    // not dropped, or the saga would wait for money that came and void it at expiry.
    if (payment.paymentId === status.payment?.paymentId || (payment.paymentId === orderId && takes('early-payment-confirmation'))) confirmed ??= payment;
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
        // Already failing: its outcome (FAILED, with its reason) is decided, and a cancel cannot change it.
        if (UNDOING.includes(status.state)) {
          throw ApplicationFailure.nonRetryable(
            `order ${orderId} is already failing (${status.failure?.code ?? 'FAILED'}) and its steps are being undone`,
            'ORDER_NOT_CANCELLABLE',
          );
        }
      },
    },
  );
  // The early answer: only reads state, so a checkout nobody asks issues the same commands as before.
  // A failure decided before payment (status.failure, set before any undo runs) answers at once too.
  setHandler(awaitCheckoutStageUpdate, async ({ stage }) => {
    if (stage === 'payment') paymentAwaited = true;
    const paid = () => status.payment?.accepted !== undefined || status.failure !== undefined;
    await condition(() => TERMINAL.includes(status.state) || (stage === 'payment' && paid()));
    return status;
  });
  setHandler(
    resolveCompensationUpdate,
    async (action) => {
      saga.act(action);
      await saga.actionTaken();
      return status;
    },
    {
      validator: (action) => {
        if (saga.stuck === undefined || action.step !== saga.stuck) {
          throw ApplicationFailure.nonRetryable(
            saga.stuck === undefined ? `no undo of order ${orderId} is waiting for an operator (${status.state})` : `the undo waiting for an operator is ${saga.stuck}, not ${action.step}`,
            'CONFLICT',
          );
        }
      },
    },
  );
  // The api starts a checkout listed as RESERVING_STOCK: only one started otherwise is listed here. The
  // start's attributes are in the history, so a replay decides the same.
  if (!(baselineB && workflowInfo().typedSearchAttributes.get(SEARCH_ATTRIBUTES.OrderStatus) === status.state)) {
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.OrderStatus, value: status.state }]);
  }

  // Each step's undo, keyed like its step. `failOrder` reads the outcome when it runs: by then the
  // saga's outcome (FAILED or CANCELLED, and why) is decided.
  const paymentId = orderId;
  const redeemPoints = input.redeemPoints ?? 0;
  const couponCode = input.couponCode;
  const releaseStock: Undo<CheckoutStep> = { step: 'release-stock', run: () => undos.releaseStock({ reservationId: orderId, idempotencyKey: key('release-stock') }) };
  const points = { customerId: input.customerId, orderId };
  const restorePoints: Undo<CheckoutStep> = { step: 'restore-points', run: () => undos.restorePoints({ ...points, idempotencyKey: key('restore-points') }) };
  const restoreCoupon: Undo<CheckoutStep> = { step: 'restore-coupon', run: () => undos.restoreCoupon({ orderId, idempotencyKey: key('restore-coupon') }) };
  const failOrder: Undo<CheckoutStep> = {
    step: 'fail-order',
    run: () => undos.failOrder({ orderId, toStatus: status.failure?.code === 'CANCELLED' ? 'CANCELLED' : 'FAILED', reason: status.failure?.code ?? 'FAILED', idempotencyKey: key('fail-order') }),
  };
  const refundPayment: Undo<CheckoutStep> = { step: 'refund-payment', run: () => undos.refundPayment({ paymentId, idempotencyKey: key('refund-payment') }) };
  const voidPayment: Undo<CheckoutStep> = { step: 'void-payment', run: () => undos.voidPayment({ paymentId, idempotencyKey: key('void-payment') }) };
  const releaseDelivery: Undo<CheckoutStep> = { step: 'release-delivery', run: () => undos.releaseDelivery({ bookingId: orderId, idempotencyKey: key('release-delivery') }) };
  /** The undos of every step this checkout's path has, in the order of its steps. */
  const pathUndos = [
    releaseStock,
    ...(redeemPoints > 0 ? [restorePoints] : []),
    ...(couponCode ? [restoreCoupon] : []),
    failOrder,
    input.payment.type === 'card' ? refundPayment : voidPayment,
    releaseDelivery,
  ];

  try {
    checkpoint();
    // 1. Reserve stock; it must outlive the longest payment wait.
    const slipExpirySeconds = input.slipExpirySeconds ?? DEFAULT_SLIP_EXPIRY_SECONDS;
    await saga.step('reserve-stock', releaseStock, () =>
      forward.reserveStock({ reservationId: orderId, orderId, lines: input.lines, ttlSeconds: slipExpirySeconds + 24 * 60 * 60, idempotencyKey: key('reserve-stock') }),
    );

    // 2. Redeem loyalty points. Patched: executions recorded before this step existed replay without
    // it, and patched() is only reached with points to redeem, so other histories gain no marker.
    let pointsDiscountMinor = 0;
    if (redeemPoints > 0 && takes('loyalty-redeem-step')) {
      checkpoint();
      setState('REDEEMING_POINTS');
      await saga.step('redeem-points', restorePoints, () =>
        forward.redeemPoints({ ...points, points: redeemPoints, idempotencyKey: key('redeem-points') }),
      );
      pointsDiscountMinor = redeemPoints;
      status.pointsRedeemed = redeemPoints;
    }

    // 2b. Redeem the coupon, like the points: patched, and patched() only reached with a coupon, so
    // histories without one gain no marker. The orders service prices the order with its terms.
    if (couponCode && takes('redeem-coupon-step')) {
      checkpoint();
      setState('REDEEMING_COUPON');
      await saga.step('redeem-coupon', restoreCoupon, () =>
        forward.redeemCoupon({ orderId, customerId: input.customerId, code: couponCode, idempotencyKey: key('redeem-coupon') }),
      );
      status.couponRedeemed = couponCode;
    }

    // 3. Create the order, priced from the catalog by the orders service (less the points redeemed).
    checkpoint();
    setState('CREATING_ORDER');
    const order = await saga.step('create-order', failOrder, () =>
      forward.createOrder({
        orderId,
        customerId: input.customerId,
        customerEmail: input.customerEmail,
        lines: input.lines,
        address: input.address,
        paymentMethod: input.payment.type,
        ...(pointsDiscountMinor > 0 ? { pointsDiscountMinor } : {}),
        ...(status.couponRedeemed ? { couponCode: status.couponRedeemed } : {}),
        idempotencyKey: key('create-order'),
      }),
    );
    status.totalMinor = order.totalMinor;
    status.currency = order.currency;

    // 4. Payment: a card is charged now; a slip is issued and its payment awaited until it expires.
    checkpoint();
    if (input.payment.type === 'card') {
      const { cardToken } = input.payment;
      setState('CHARGING_PAYMENT');
      status.payment = { paymentId, method: 'card' };
      await saga.step('charge-payment', refundPayment, () =>
        forward.chargeCard({ paymentId, orderId, amountMinor: order.totalMinor, currency: order.currency, cardToken, idempotencyKey: key('charge-payment') }),
      );
      status.payment.accepted = 'CHARGED';
    } else {
      const method = input.payment.type;
      const expiresAt = new Date(Date.now() + slipExpirySeconds * 1000).toISOString();
      const slip = await saga.step('issue-slip', voidPayment, () =>
        forward.issuePaymentSlip({ paymentId, orderId, amountMinor: order.totalMinor, currency: order.currency, method, expiresAt, idempotencyKey: key('issue-slip') }),
      );
      status.payment = { paymentId, method, slipNumber: slip.slipNumber, expiresAt };
      // A slip already paid (a reset of a checkout whose payment came in) is not awaited again.
      if (slip.status === 'PAID') confirmed ??= { paymentId, paidAt: new Date().toISOString() };
      await saga.step('mark-awaiting-payment', null, () => forward.transitionOrder({ orderId, toStatus: 'AWAITING_PAYMENT', idempotencyKey: key('await-payment') }));
      status.payment.accepted = 'SLIP_ISSUED';
      setState('AWAITING_PAYMENT');
      mark('await-payment', 'STARTED');
      const settled = await condition(() => confirmed !== undefined || cancelRequest !== undefined, slipExpirySeconds * 1000);
      // A payment that came in is money in, even when a cancel arrived with it: record it and make its
      // undo a refund, never a void. (Patched: histories where both arrived replay the old order.)
      if (confirmed && (!cancelRequest || takes('paid-slip-refunded-on-cancel'))) {
        mark('await-payment', 'COMPLETED');
        const paidAt = confirmed.paidAt;
        await saga.step('confirm-slip', refundPayment, () => forward.confirmSlipPayment({ paymentId, paidAt, idempotencyKey: key('confirm-slip') }));
      }
      checkpoint();
      if (!settled || !confirmed) {
        mark('await-payment', 'FAILED', 'PAYMENT_EXPIRED');
        throw ApplicationFailure.nonRetryable(`the ${method} slip expired unpaid at ${expiresAt}`, 'PAYMENT_EXPIRED');
      }
    }
    // A card charged while the early answer is awaited: a regular activity here ends the workflow task
    // with the answer in it, instead of after the last local step.
    const afterCharge = paymentAwaited && input.payment.type === 'card' ? steps : forward;
    await saga.step('mark-paid', null, () => afterCharge.transitionOrder({ orderId, toStatus: 'PAID', idempotencyKey: key('charge-payment') + ':paid' }));

    // 5. Book the delivery slot; a cancel accepted while it was being booked is still honoured (the
    // booking undone). From then on the order can no longer be cancelled, only refunded.
    checkpoint();
    setState('BOOKING_DELIVERY');
    const booking = await saga.step('book-delivery', releaseDelivery, () =>
      forward.bookDelivery({ bookingId: orderId, orderId, slotId: input.deliverySlotId, postalCode: input.address.postalCode, idempotencyKey: key('book-delivery') }),
    );
    deliveryBooked = true;
    status.bookingId = orderId;
    // patched() is only reached with a cancel pending, so histories without one gain no marker.
    if (cancelRequest && takes('honour-cancel-after-booking')) checkpoint();

    // 6. Confirm: stock becomes sold, the order CONFIRMED.
    setState('CONFIRMING');
    await saga.step('commit-stock', null, () => forward.commitStock({ reservationId: orderId, idempotencyKey: key('commit-stock') }));
    const confirmedOrder = await saga.step('confirm-order', null, () => forward.transitionOrder({ orderId, toStatus: 'CONFIRMED', idempotencyKey: key('confirm-order') }));

    // 7. Publish; retried until Kafka takes it.
    const completed: Parameters<Activities['publishEvent']>[0] = {
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
    };
    // 8. Fulfilment: its own workflow, which outlives the checkout. Its start is durable before the
    // checkout completes, so no confirmed order is left unfulfilled (a worker crash replays up to here
    // and starts it again, and a second start of the order's fulfilment is refused).
    const fulfilment: FulfilmentInput = { orderId, customerId: input.customerId, customerEmail: input.customerEmail, postalCode: input.address.postalCode };
    if (baselineB) {
      // One activity starts it and then publishes, retried until both are done (a Kafka outage makes that
      // long). Not cancellable: once it ran the parcel may be on its way, and undoing the order then would
      // refund a parcel the fulfilment still ships. An operator's cancel from here lets the checkout
      // complete; the order is refunded instead (the refund stops the fulfilment).
      await CancellationScope.nonCancellable(() => saga.step('publish-event', null, () => events.startFulfilmentAndPublish({ ...completed, fulfilment })));
    } else {
      // Checkouts started before baseline B: the event's own activity, and the fulfilment as an abandoned
      // child; checkouts recorded before fulfilment existed replay without it.
      const publish = () => saga.step('publish-event', null, () => events.publishEvent(completed));
      const fulfil = async () => {
        if (takes('start-fulfilment')) {
          try {
            await startChild(FULFILMENT_WORKFLOW_TYPE, { workflowId: fulfilmentWorkflowId(orderId), args: [fulfilment], parentClosePolicy: ParentClosePolicy.ABANDON, workflowIdReusePolicy: 'REJECT_DUPLICATE' });
          } catch (err) {
            // A reset of a completed checkout runs this again: the order's one fulfilment is already under way.
            if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          }
        }
      };
      // Both at once (one workflow task schedules the activity and starts the child); checkouts recorded
      // before run them one after the other.
      if (takes('publish-and-fulfil-together')) await Promise.all([publish(), fulfil()]);
      else {
        await publish();
        await fulfil();
      }
    }
    setState('COMPLETED');
    return { orderId, outcome: 'COMPLETED', totalMinor: confirmedOrder.totalMinor, currency: confirmedOrder.currency };
  } catch (err) {
    // Cancelled by the customer (at a checkpoint) or by an operator (Temporal cancellation from the
    // Web UI or CLI): both end CANCELLED after the undos. Decided once, before any undo runs, so the
    // order's status, the result and the event agree.
    const operatorCancelled = isCancellation(err);
    const cancelled = operatorCancelled || (cancelRequest !== undefined && failureOf(err).code === 'CANCELLED');
    const reason = operatorCancelled ? (cancelRequest?.reason ?? OPERATOR_CANCEL_REASON) : (cancelRequest?.reason ?? 'cancelled');
    const failure: CheckoutFailure = cancelled ? { code: 'CANCELLED', message: reason } : failureOf(err);
    status.failure = failure;
    setState('COMPENSATING');
    // A step's own business rejection is the answer stored under its key, the same in every task that
    // ran it, so no lost task went past it; any other ending may leave steps a lost task ran unrecorded.
    // patched() is only reached then, so other histories gain no marker.
    if (stepsAreLocal && (cancelled || !isBusinessRejection(err)) && takes(UNDO_UNRECORDED_STEPS_PATCH)) {
      for (const undo of pathUndos) if (!saga.registered(undo.step)) saga.addUndo({ ...undo, why: UNRECORDED_WHY });
    }
    const customer = { orderId, customerId: input.customerId, customerEmail: input.customerEmail };
    await CancellationScope.nonCancellable(async () => {
      await saga.compensate();
      const type = cancelled ? 'order.cancelled' : 'order.failed';
      await events.publishEvent({
        topic: 'orders',
        event: {
          id: `${workflowId}:${type}`,
          type,
          source: '/workflows/checkout',
          subject: orderId,
          data: cancelled
            ? { ...customer, reason, cancelledAt: new Date().toISOString() }
            : { ...customer, reason: failure.code, message: failure.message, failedAt: new Date().toISOString() },
        },
      });
    });
    setState(cancelled ? 'CANCELLED' : 'FAILED');
    return { orderId, outcome: cancelled ? 'CANCELLED' : 'FAILED', failure, totalMinor: status.totalMinor, currency: status.currency };
  }
}
