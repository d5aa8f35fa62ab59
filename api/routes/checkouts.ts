import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
  type WorkflowStartOptions,
  type WorkflowUpdateHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Router, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { CheckCouponRequest } from '../../proto/generated/checkout/orders/v1/CheckCouponRequest';
import type { Coupon__Output } from '../../proto/generated/checkout/orders/v1/Coupon';
import type { GetOrderRequest } from '../../proto/generated/checkout/orders/v1/GetOrderRequest';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import type { GetPaymentRequest } from '../../proto/generated/checkout/payments/v1/GetPaymentRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { DomainClients } from '../../proto/services';
import {
  awaitCheckoutStageUpdate,
  cancelCheckoutUpdate,
  CHECKOUT_WORKFLOW_TYPE,
  checkoutStatusQuery,
  checkoutWorkflowId,
  REFUND_WORKFLOW_TYPE,
  refundWorkflowId,
  SEARCH_ATTRIBUTES,
  type AwaitStageRequest,
  type CheckoutInput,
  type CheckoutResult,
  type CheckoutStatus,
  type RefundInput,
} from '../../workflows/checkout.contract';
import { customerOf } from '../auth';
import type { IdempotencyKeys } from '../idempotency';
import { orderFulfilmentField } from './fulfilment';
import { customerReturnRoutes, refuseRefundAfterReturns, returnsOf } from './returns';

const line = z.object({ sku: z.string().trim().min(1).max(64), quantity: z.number().int().min(1).max(999) }).strict();
const address = z
  .object({
    name: z.string().trim().min(1).max(100),
    postalCode: z.string().regex(/^\d{3}-?\d{4}$/, 'a Japanese postal code such as 150-0001'),
    prefecture: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(100),
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(20).optional(),
  })
  .strict();
const payment = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), cardToken: z.string().min(1).max(100) }).strict(),
  z.object({ type: z.literal('konbini') }).strict(),
  z.object({ type: z.literal('bank_transfer') }).strict(),
]);

/** The most loyalty points one checkout can redeem. */
export const MAX_REDEEM_POINTS = 1_000_000;

/** The request body of POST /v1/checkouts. */
export const createCheckoutBody = z
  .object({
    lines: z.array(line).min(1).max(100),
    address,
    payment,
    deliverySlotId: z.string().trim().min(1).max(100),
    redeemPoints: z
      .number()
      .int()
      .min(0)
      .max(MAX_REDEEM_POINTS)
      .optional()
      .meta({ description: 'Loyalty points to pay with (1 point = 1 yen off); the balance must cover them and at least 1 yen must remain to pay' }),
    couponCode: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
      .optional()
      .meta({
        description:
          'A coupon code (Unicode allowed, matched after NFKC normalisation and upper-casing), redeemed by the saga before the order is created. Checked before the checkout starts: an unknown, disabled or expired code answers 422 COUPON_INVALID, a used-up one (in total or for this customer) 409 COUPON_EXHAUSTED. A checkout that loses the last use to a concurrent one fails with failure.code COUPON_EXHAUSTED, an order below the coupon minimum with COUPON_MIN_ORDER_NOT_MET',
        example: '春のセール',
      }),
  })
  .strict();

/** The path parameters of the /v1/orders/:orderId routes. */
export const orderIdParam = z.object({ orderId: z.string().uuid() });
/** The request body of POST /v1/orders/:orderId/cancel (it may be empty). */
export const cancelOrderBody = z.object({ reason: z.string().trim().min(1).max(500).default('cancelled by the customer') }).strict();
/** The optional Idempotency-Key header of POST /v1/checkouts. */
export const checkoutIdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({ description: 'Maps to the order id: a retried request with the same key and body finds the same checkout instead of starting another.' });
/** The longest `Prefer: wait=N` honoured. */
export const MAX_WAIT_SECONDS = 30;

/** `Prefer: wait=N` (RFC 7240): how long the client is willing to wait for the outcome. */
function preferredWaitSeconds(prefer: string | undefined): number {
  const match = /(?:^|[;,\s])wait=(\d+)/i.exec(prefer ?? '');
  return match ? Math.min(Number(match[1]), MAX_WAIT_SECONDS) : 0;
}

/**
 * `Prefer: until=payment` (with or without `wait=N`): answer as soon as the payment succeeded (card
 * charged, slip issued) or the checkout is failing, instead of waiting for the whole saga.
 */
function prefersEarlyAnswer(prefer: string | undefined): boolean {
  return /(?:^|[;,\s])until=payment(?=$|[;,\s])/i.test(prefer ?? '');
}

/** What a `Prefer` header asks of POST /v1/checkouts (and the cart's checkout): how long to wait, and for which stage. */
export interface CheckoutPreference {
  /** Seconds to wait for the answer; 0: answer 202 at once. */
  wait: number;
  /** `until=payment`: answer once the payment succeeded (the early answer), not at the saga's end. */
  early: boolean;
}

/** Reads `Prefer: wait=N` and `until=payment` (alone, `until=payment` waits the longest wait honoured). */
export function checkoutPreference(prefer: string | undefined): CheckoutPreference {
  const early = prefersEarlyAnswer(prefer);
  return { wait: preferredWaitSeconds(prefer) || (early ? MAX_WAIT_SECONDS : 0), early };
}

/** The saga's answer to its `awaitStage` update (see awaitStage below). */
type StageAnswer = { kind: 'reached'; status: CheckoutStatus } | { kind: 'timedOut' } | { kind: 'unavailable' };

/** The parts of a checkout request besides its lines (shared by POST /v1/checkouts and the cart's checkout). */
export type CheckoutDetails = Pick<CheckoutInput, 'address' | 'payment' | 'deliverySlotId' | 'redeemPoints' | 'couponCode'>;

/** What starting a checkout needs from the gateway. */
export interface CheckoutStartDeps {
  temporal: Client;
  taskQueue: string;
  idempotency: IdempotencyKeys;
}

/** One checkout to start: who, what, and how a retry finds it again. */
export interface StartCheckoutRequest {
  customer: ReturnType<typeof customerOf>;
  details: CheckoutDetails;
  /**
   * The lines to order; called only when a new checkout starts (not for a replayed Idempotency-Key),
   * so a source that is consumed by the checkout (the cart) is not read again on a retry.
   */
  lines: () => Promise<CheckoutInput['lines']>;
  /** The client's Idempotency-Key, bound to `body` (the request as the client sent it) within `scope`. */
  idempotency?: { scope: string; key: string; body: unknown };
  /** Runs once Temporal accepted the workflow and the key is marked done (not for a replay). */
  onAccepted?: (input: CheckoutInput) => Promise<void>;
  /** The order id to use (an operator's retry derives it from the failed order); a new one otherwise. */
  orderId?: string;
  /** The failed order this checkout retries. */
  retryOf?: string;
  /**
   * The client waits (`Prefer: wait=N`): a new checkout is started together with the saga's
   * `awaitStage` update in one call (update-with-start), so the update is in the saga's first workflow
   * task and answers in the task that reaches the stage; the answer is returned as `answer`.
   */
  awaitStage?: { stage: AwaitStageRequest['stage']; waitSeconds: number };
}

/**
 * Starts the checkout saga (or, for a repeated Idempotency-Key with the same body, finds the one the
 * first request started) and returns its order id; with `awaitStage`, also the saga's answer to it
 * (absent for a replay, or when the update could not go with the start: ask the saga then).
 */
export async function startCheckout(
  deps: CheckoutStartDeps,
  request: StartCheckoutRequest,
): Promise<{ orderId: string; replay: boolean; answer?: Promise<StageAnswer> }> {
  const { customer, details, idempotency: key } = request;
  const { id: orderId, replay } = key ? await deps.idempotency.begin(key.scope, key.key, key.body, randomUUID()) : { id: request.orderId ?? randomUUID(), replay: false };
  if (replay) return { orderId, replay };
  let accepted: CheckoutInput;
  let answer: Promise<StageAnswer> | undefined;
  try {
    const input: CheckoutInput = { orderId, customerId: customer.id, customerEmail: customer.email, lines: await request.lines(), ...details, ...(request.retryOf ? { retryOf: request.retryOf } : {}) };
    const options: WorkflowStartOptions = {
      workflowId: checkoutWorkflowId(orderId),
      taskQueue: deps.taskQueue,
      args: [input],
      // A closed checkout's id is never started again: a retried key (or an operator's retry asked
      // twice) finds the same checkout, never a second one.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.OrderId, value: orderId },
        { key: SEARCH_ATTRIBUTES.CustomerId, value: customer.id },
        { key: SEARCH_ATTRIBUTES.PaymentMethod, value: details.payment.type },
        { key: SEARCH_ATTRIBUTES.OrderStatus, value: 'RESERVING_STOCK' },
      ],
    };
    if (request.awaitStage) ({ answer } = await startWithAwaitStage(deps.temporal, options, request.awaitStage));
    else await startOrFind(deps.temporal, options);
    accepted = input;
  } catch (err) {
    if (key) await deps.idempotency.abandon(key.scope, key.key);
    throw err;
  }
  if (key) await deps.idempotency.complete(key.scope, key.key, key.body, orderId);
  // After the key is done: if this fails, a retry with the key finds the started checkout, not a new one.
  await request.onAccepted?.(accepted);
  return { orderId, replay, ...(answer ? { answer } : {}) };
}

/** Starts the checkout workflow, or finds it started (the id is the order's: one checkout per order). */
async function startOrFind(temporal: Client, options: WorkflowStartOptions): Promise<void> {
  try {
    await temporal.workflow.start(CHECKOUT_WORKFLOW_TYPE, options);
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * Starts the checkout workflow with its `awaitStage` update in ONE call (update-with-start), and
 * returns once Temporal accepted the update (so the workflow certainly runs), with the answer to come
 * (wrapped: an async function would otherwise wait for it).
 *
 * Two calls (start, then update) let the saga's first workflow task run without the update: once its
 * first steps run as local activities inside that task, the update would only be taken in the task
 * after them, past the charge it waits for. Sent with the start, the update is in the first task.
 *
 * `USE_EXISTING`: a checkout already running under this id gets the update, not a refusal. The SDK
 * sends the call again until the update is accepted (the server answers a long wait for acceptance
 * before it is over), and that second send must reach the checkout the first one started.
 * `REJECT_DUPLICATE` still refuses to start a closed id again.
 *
 * Whenever the update-with-start does not come back accepted, the workflow is started or found with a
 * plain start, so the caller's promise (the key is done only for a started checkout) holds whatever
 * failed: the wait ended first (the start may or may not have happened: answer `timedOut`), the id is
 * closed (`WorkflowExecutionAlreadyStartedError`), or the server refuses multi-operations
 * (`frontend.enableExecuteMultiOperation` off): then the answer is left to the separate update.
 */
async function startWithAwaitStage(
  temporal: Client,
  options: WorkflowStartOptions,
  { stage, waitSeconds }: NonNullable<StartCheckoutRequest['awaitStage']>,
): Promise<{ answer?: Promise<StageAnswer> }> {
  // The abort ends the call (and then the long poll of the update's outcome) when the client's wait is
  // over, so a request never leaves a poll running behind it.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), waitSeconds * 1000);
  let update: WorkflowUpdateHandle<CheckoutStatus>;
  try {
    const startWorkflowOperation = new WithStartWorkflowOperation(CHECKOUT_WORKFLOW_TYPE, { ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
    update = await temporal.connection.withAbortSignal(abort.signal, () =>
      temporal.workflow.startUpdateWithStart(awaitCheckoutStageUpdate, { args: [{ stage }], waitForStage: 'ACCEPTED', startWorkflowOperation }),
    );
  } catch (err) {
    clearTimeout(timer);
    await startOrFind(temporal, options);
    if (abort.signal.aborted) return { answer: Promise.resolve({ kind: 'timedOut' }) };
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) return {};
    return { answer: Promise.resolve({ kind: 'unavailable' }) };
  }
  const answer = (async (): Promise<StageAnswer> => {
    try {
      return { kind: 'reached', status: await temporal.connection.withAbortSignal(abort.signal, () => update.result()) };
    } catch {
      // Temporal being unreachable surfaces in the fallback's own calls, with their error mapping.
      return abort.signal.aborted ? { kind: 'timedOut' } : { kind: 'unavailable' };
    } finally {
      clearTimeout(timer);
    }
  })();
  return { answer };
}

/**
 * A coupon the customer could not redeem now answers 422 COUPON_INVALID or 409 COUPON_EXHAUSTED before
 * any checkout starts. Called from `lines()`, i.e. only for a new checkout: a retried Idempotency-Key
 * replays its first answer even once its own redemption used the coupon up. The saga's redeem step
 * still decides under concurrency (a checkout that passed here can fail with COUPON_EXHAUSTED).
 */
export async function checkCoupon(orders: DomainClients['orders'], code: string | undefined, customerId: string): Promise<void> {
  if (!code) return;
  await callUnary<CheckCouponRequest, Coupon__Output>(orders.CheckCoupon.bind(orders), { code, customerId });
}

/**
 * What an order charges (prices include consumption tax): subtotal − coupon + delivery fee − points =
 * total, and the tax per rate (10 %, 8 %) as the invoice states it.
 */
export function orderCharges(order: Order__Output) {
  return {
    subtotalMinor: order.subtotalMinor,
    couponCode: order.couponCode || null,
    couponDiscountMinor: order.couponDiscountMinor,
    deliveryFeeMinor: order.deliveryFeeMinor,
    pointsDiscountMinor: order.pointsDiscountMinor,
    totalMinor: order.totalMinor,
    currency: order.currency,
    taxTotals: order.taxTotals,
  };
}

/** Where a completed order's refund stands: the checkout saga ends at COMPLETED, its refund is a workflow of its own. */
type RefundState = 'REFUNDING' | 'REFUNDED';

/** The state a customer sees: the saga's, or the refund's once a completed order is being or was refunded. */
export type CustomerOrderState = CheckoutStatus['state'] | RefundState;

/** The client-facing view of a checkout's status (`state` overridden by a refund's). */
export function checkoutView(status: CheckoutStatus, state: CustomerOrderState = status.state) {
  return {
    orderId: status.orderId,
    state,
    ...(status.totalMinor !== undefined ? { totalMinor: status.totalMinor, currency: status.currency } : {}),
    ...(status.pointsRedeemed !== undefined ? { pointsRedeemed: status.pointsRedeemed } : {}),
    ...(status.couponRedeemed !== undefined ? { couponRedeemed: status.couponRedeemed } : {}),
    ...(status.payment ? { payment: status.payment } : {}),
    ...(status.failure ? { failure: status.failure } : {}),
    ...(status.retryOf ? { retryOf: status.retryOf } : {}),
    timeline: status.timeline,
    compensations: status.compensations,
    statusUrl: `/v1/orders/${status.orderId}`,
  };
}

/**
 * How long the api waits for a checkout's status query. A query is answered by a worker; with no
 * worker polling (or one that cannot replay the workflow) it would hold the request for the client's
 * whole RPC timeout.
 */
export const STATUS_QUERY_MS = 5_000;

/** A checkout's status: live from its query, or (statusUnavailable) what its description and result tell without a worker. */
export interface AskedStatus {
  status: CheckoutStatus;
  statusUnavailable?: true;
}

/** checkoutView, flagged when the live status could not be asked (its timeline and compensations are then unknown, sent empty). */
export function askedView(asked: AskedStatus, state?: CustomerOrderState) {
  return { ...checkoutView(asked.status, state ?? asked.status.state), ...(asked.statusUnavailable ? { statusUnavailable: true as const } : {}) };
}

/**
 * What is known of a checkout without a worker: its CustomerId search attribute (set at the start),
 * and its state from the OrderStatus search attribute while it runs, or from its result (readable from
 * the history) once it completed. Undefined when that tells nothing usable (no attributes, a workflow
 * that failed, was terminated or timed out); WorkflowNotFoundError is thrown as is.
 */
async function describedStatus(handle: WorkflowHandle, orderId: string): Promise<CheckoutStatus | undefined> {
  const description = await handle.describe();
  const customerId = description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.CustomerId);
  if (!customerId) return undefined;
  const known = { orderId, customerId, timeline: [], compensations: [] };
  if (description.status.name === 'RUNNING') {
    const state = description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.OrderStatus);
    return state ? { ...known, state: state as CheckoutStatus['state'] } : undefined;
  }
  if (description.status.name !== 'COMPLETED') return undefined;
  const result = (await handle.result()) as CheckoutResult;
  return {
    ...known,
    state: result.outcome,
    ...(result.totalMinor !== undefined ? { totalMinor: result.totalMinor, currency: result.currency } : {}),
    ...(result.failure ? { failure: result.failure } : {}),
  };
}

/**
 * The slip a checkout AWAITING_PAYMENT issued, read from the payments service when the saga's own
 * status cannot be asked: the customer needs its number to pay at the konbini or bank, worker or
 * not. Undefined (logged) when the payments service cannot tell either; the rest of the view stands.
 */
async function issuedSlip(clients: DomainClients, orderId: string, log: { warn: (obj: object, msg: string) => void }): Promise<CheckoutStatus['payment']> {
  try {
    // The payment id is the order id (the saga's paymentId).
    const payment = await callUnary<GetPaymentRequest, Payment__Output>(clients.payments.getPayment.bind(clients.payments), { paymentId: orderId });
    if ((payment.method !== 'konbini' && payment.method !== 'bank_transfer') || !payment.slipNumber) return undefined;
    return { paymentId: payment.paymentId, method: payment.method, slipNumber: payment.slipNumber, expiresAt: payment.expiresAt, accepted: 'SLIP_ISSUED' };
  } catch (err) {
    log.warn({ orderId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, 'the slip of a checkout awaiting payment could not be read');
    return undefined;
  }
}

/** The live status query, with a deadline (STATUS_QUERY_MS). */
function queryStatus(temporal: Client, handle: WorkflowHandle): Promise<CheckoutStatus> {
  return temporal.withDeadline(Date.now() + STATUS_QUERY_MS, () => handle.query(checkoutStatusQuery));
}

/**
 * Asks a checkout its status. A query that fails for any reason but "no such workflow" (no worker
 * polling, the deadline, a worker that cannot replay the workflow) is answered from the workflow's
 * description and result (statusUnavailable) with a warning logged, or, when they tell nothing usable,
 * with STATUS_UNAVAILABLE (503): a failing query is an outage of the live status, never a 500.
 */
export async function askCheckoutStatus(
  temporal: Client,
  handle: WorkflowHandle,
  orderId: string,
  log: { warn: (obj: object, msg: string) => void },
): Promise<AskedStatus> {
  try {
    return { status: await queryStatus(temporal, handle) };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw err;
    // The client's ServiceError says only "Failed to query Workflow": the cause says why (deadline, no poller, TMPRL1100).
    const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
    const error = err instanceof Error ? `${err.name}: ${err.message}${cause}` : String(err);
    let known: CheckoutStatus | undefined;
    try {
      known = await describedStatus(handle, orderId);
    } catch (describeErr) {
      if (describeErr instanceof WorkflowNotFoundError) throw describeErr;
      log.warn({ orderId, workflowId: handle.workflowId, error: describeErr instanceof Error ? `${describeErr.name}: ${describeErr.message}` : String(describeErr) }, 'checkout describe failed after its status query failed');
    }
    log.warn({ orderId, workflowId: handle.workflowId, error, answeredWith: known?.state ?? null }, 'checkout status query failed: answered from the workflow description');
    if (!known) throw new DomainError('STATUS_UNAVAILABLE', `The status of order ${orderId} cannot be told right now; retry shortly`, { retryAfterSeconds: 5 });
    return { status: known, statusUnavailable: true };
  }
}

/**
 * Asks the saga, with its `awaitStage` update, for its status once it reached `stage` (see
 * AwaitStageRequest), waiting at most `waitSeconds`: `reached` with the status, `timedOut`, or
 * `unavailable` when the update cannot answer (the saga ended already: an update to a closed workflow
 * fails; code from before the update; too many updates in flight), for the caller to fall back on.
 */
async function awaitStage(
  temporal: Client,
  handle: WorkflowHandle,
  stage: AwaitStageRequest['stage'],
  waitSeconds: number,
): Promise<StageAnswer> {
  // The update's result is long-polled until the stage is reached: the abort ends the polling when the
  // client's wait is over, so a request never leaves a poll running behind it.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), waitSeconds * 1000);
  try {
    const status = await temporal.connection.withAbortSignal(abort.signal, () => handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage }] }));
    return { kind: 'reached', status };
  } catch {
    // Temporal being unreachable surfaces in the fallback's own calls, with their error mapping.
    return abort.signal.aborted ? { kind: 'timedOut' } : { kind: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Answers a started checkout: 202 ACCEPTED at once, or, with `Prefer: wait=N`, the outcome (200) or
 * the running state (202) after at most N seconds; with `Prefer: until=payment` (the early answer), 200
 * as soon as the payment succeeded (`payment.accepted`) or the checkout is failing (`failure`).
 * Both are asked of the saga with its `awaitStage` update, which answers in the workflow task that
 * reached the stage: sent with the start (`started`, from startCheckout's `answer`) for a new
 * checkout, on its own otherwise (a replayed Idempotency-Key, the cart's checkout); only when it
 * cannot, the outcome is awaited and then queried, which after the saga's end replays its whole
 * history on a worker (measured 45-55 ms on an idle machine, 100-430 ms under load: the largest part
 * of the api's own time per checkout).
 */
export async function answerCheckout(temporal: Client, req: Request, res: Response, orderId: string, started?: Promise<StageAnswer>): Promise<void> {
  const handle = temporal.workflow.getHandle<(i: CheckoutInput) => Promise<CheckoutResult>>(checkoutWorkflowId(orderId));
  const { wait, early } = checkoutPreference(req.get('Prefer'));
  const location = `/v1/orders/${orderId}`;
  if (wait === 0) {
    res.status(202).location(location).json({ orderId, state: 'ACCEPTED', statusUrl: location });
    return;
  }
  res.set('Preference-Applied', early ? `wait=${wait}, until=payment` : `wait=${wait}`);
  const asked = await (started ?? awaitStage(temporal, handle, early ? 'payment' : 'outcome', wait));
  if (asked.kind === 'reached') {
    res.status(200).location(location).json(checkoutView(asked.status));
    return;
  }
  if (asked.kind === 'timedOut') {
    res.status(202).location(location).json(askedView(await askCheckoutStatus(temporal, handle, orderId, req.log)));
    return;
  }
  // The wait's timer is cancelled once the result is in, so an answered request leaves nothing pending.
  const waited = new AbortController();
  const finished = await Promise.race([
    handle.result().then(() => true),
    delay(wait * 1000, false, { signal: waited.signal }).catch(() => false),
  ]).finally(() => waited.abort());
  res.status(finished ? 200 : 202).location(location).json(askedView(await askCheckoutStatus(temporal, handle, orderId, req.log)));
}

/** Checkout and order routes: each starts, queries, updates or signals one workflow. */
export function checkoutRoutes(deps: { temporal: Client; taskQueue: string; idempotency: IdempotencyKeys; clients: DomainClients }): Router {
  const router = Router();

  /** The customer's own checkout, or NOT_FOUND (another customer's order is not revealed). */
  const ownCheckout = async (orderId: string, req: Request): Promise<{ handle: WorkflowHandle; status: CheckoutStatus; asked: AskedStatus }> => {
    const handle = deps.temporal.workflow.getHandle(checkoutWorkflowId(orderId));
    try {
      // Ownership holds for a status answered without its query too: its customerId is the CustomerId search attribute.
      const asked = await askCheckoutStatus(deps.temporal, handle, orderId, req.log);
      if (asked.status.customerId !== customerOf(req).id) throw new DomainError('NOT_FOUND', `No order ${orderId}`);
      return { handle, status: asked.status, asked };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', `No order ${orderId}`);
      throw err;
    }
  };

  router.post('/v1/checkouts', async (req, res) => {
    const customer = customerOf(req);
    const body = createCheckoutBody.parse(req.body ?? {});
    const key = checkoutIdempotencyKeyHeader.parse(req.get('Idempotency-Key'));
    const { lines, ...details } = body;
    const { wait, early } = checkoutPreference(req.get('Prefer'));
    const { orderId, answer } = await startCheckout(deps, {
      customer,
      details,
      lines: async () => {
        await checkCoupon(deps.clients.orders, details.couponCode, customer.id);
        return lines;
      },
      ...(key ? { idempotency: { scope: `checkouts:${customer.id}`, key, body } } : {}),
      // Without a wait nothing is asked: 202 at once, after a plain start.
      ...(wait > 0 ? { awaitStage: { stage: early ? 'payment' : 'outcome', waitSeconds: wait } } : {}),
    });
    await answerCheckout(deps.temporal, req, res, orderId, answer);
  });

  /** The refund of a completed order, if one was started: running, or done (a refund the order refused leaves it COMPLETED). */
  const refundStateOf = async (orderId: string): Promise<RefundState | undefined> => {
    try {
      const { status } = await deps.temporal.workflow.getHandle(refundWorkflowId(orderId)).describe();
      if (status.name === 'RUNNING') return 'REFUNDING';
      return status.name === 'COMPLETED' ? 'REFUNDED' : undefined;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  };
  const customerStateOf = async (status: CheckoutStatus): Promise<CustomerOrderState> =>
    status.state === 'COMPLETED' ? ((await refundStateOf(status.orderId)) ?? status.state) : status.state;

  router.get('/v1/orders/:orderId', async (req, res) => {
    const { orderId } = orderIdParam.parse(req.params);
    const { status, asked } = await ownCheckout(orderId, req);
    const state = await customerStateOf(status);
    const order = await callUnary<GetOrderRequest, Order__Output>(deps.clients.orders.getOrder.bind(deps.clients.orders), { orderId }).catch((err: unknown) => {
      if (isDomainError(err) && err.code === 'NOT_FOUND') return undefined; // failed before the order existed
      throw err;
    });
    // Where the parcel is: the order's fulfilment workflow, started when the checkout completed.
    const fulfilment = status.state === 'COMPLETED' ? await orderFulfilmentField(deps.temporal, orderId, req.log) : {};
    const slip = asked.statusUnavailable && status.state === 'AWAITING_PAYMENT' ? await issuedSlip(deps.clients, orderId, req.log) : undefined;
    res.json({
      ...askedView(slip ? { ...asked, status: { ...status, payment: slip } } : asked, state),
      ...(order ? { order: { status: order.status, lines: order.lines, ...orderCharges(order), history: order.history, createdAt: order.createdAt } } : {}),
      ...fulfilment,
      // Returns of part of the order (POST /v1/orders/:orderId/returns), oldest first.
      ...(order ? { returns: await returnsOf(deps.clients.orders, orderId) } : {}),
    });
  });

  router.post('/v1/orders/:orderId/cancel', async (req, res) => {
    const { orderId } = orderIdParam.parse(req.params);
    const { reason } = cancelOrderBody.parse(req.body ?? {});
    const { handle, status, asked } = await ownCheckout(orderId, req);
    // A saga that has ended takes no update: answer from its outcome instead of asking it.
    const ended = async (current: CheckoutStatus): Promise<boolean> => {
      if (current.state === 'CANCELLED') {
        res.json(askedView(current === status ? asked : { status: current })); // cancelling twice is cancelling once
        return true;
      }
      if (current.state === 'FAILED') throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} failed: there is nothing to cancel`, { state: current.state });
      return false;
    };
    if (await ended(status)) return;
    if (status.state === 'COMPLETED' && (await refundStateOf(orderId)) === 'REFUNDED') {
      res.json(askedView(asked, 'REFUNDED'));
      return;
    }
    if (status.state === 'COMPLETED') {
      await refuseRefundAfterReturns(deps.clients.orders, orderId);
      // After completion, cancelling is a refund: its own workflow, one per order.
      const refund: RefundInput = { orderId, reason };
      try {
        await deps.temporal.workflow.start(REFUND_WORKFLOW_TYPE, { workflowId: refundWorkflowId(orderId), taskQueue: deps.taskQueue, args: [refund], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      res.status(202).json({ orderId, state: 'REFUNDING', refundWorkflowId: refundWorkflowId(orderId) });
      return;
    }
    // A running saga whose status cannot be asked cannot be expected to take an update either (the
    // update would wait for a worker as long as the query did): the customer retries later.
    if (asked.statusUnavailable) throw new DomainError('STATUS_UNAVAILABLE', `Order ${orderId} cannot be cancelled right now: its status cannot be told; retry shortly`, { retryAfterSeconds: 5 });
    try {
      const after = await handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason }] });
      // The answer is the saga's outcome, never "cancelled" for an order that completed (a saga started
      // before cancels were honoured after booking can still complete).
      if (after.state === 'COMPLETED') throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} completed before the cancel took effect: cancel again to refund it`, { state: after.state });
      res.json(checkoutView(after));
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'ORDER_NOT_CANCELLABLE') {
        throw new DomainError('ORDER_NOT_CANCELLABLE', err.cause.message);
      }
      // The saga ended between the query and the update (an update to a closed workflow fails).
      const now = await queryStatus(deps.temporal, handle).catch(() => undefined);
      if (now && (await ended(now))) return;
      if (now?.state === 'COMPLETED') throw new DomainError('ORDER_NOT_CANCELLABLE', `order ${orderId} has just completed: cancel again to refund it`, { state: now.state });
      throw err;
    }
  });

  router.use(customerReturnRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, orders: deps.clients.orders }));
  return router;
}
