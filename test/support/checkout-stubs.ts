import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities';
import { startFulfilment, type StartFulfilmentAndPublishInput } from '../../activities/events.activities';
import type { CheckoutInput } from '../../workflows/checkout.contract';
import { FULFILMENT_WORKFLOW_TYPE } from '../../workflows/fulfilment.contract';

/** The activities a checkout saga calls (the workflow tests stub each one). */
export type StepActivities = Omit<Activities, 'recordPing' | 'getOrder'>;
type Call = { name: keyof StepActivities; input: unknown };

/**
 * Stub activities that record every call; `overrides` replace single activities. `undone()` lists
 * the undos in the order they ran, `published()` the event types.
 */
export function stubs(overrides: Partial<Record<keyof StepActivities, (input: never) => Promise<unknown>>> = {}) {
  const calls: Call[] = [];
  const order = { orderId: 'o', customerId: 'c', customerEmail: 'c@example.com', status: 'PENDING', lines: [], subtotalMinor: 2400, pointsDiscountMinor: 0, totalMinor: 2400, currency: 'JPY', address: null, paymentMethod: 'card', failureReason: '', history: [], createdAt: '' };
  const payment = { paymentId: 'o', orderId: 'o', method: 'card', status: 'SUCCEEDED', amountMinor: 2400, currency: 'JPY', slipNumber: '', expiresAt: '', providerReference: 'sbx_1' };
  // Typed loosely: a stub answers with the fields a workflow reads, not every field of the proto message.
  const base: Partial<Record<keyof StepActivities, (input: never) => Promise<unknown>>> = {
    reserveStock: async () => ({ reservationId: 'o', orderId: 'o', status: 'RESERVED', lines: [], expiresAt: '' }),
    releaseStock: async () => ({ reservationId: 'o', orderId: 'o', status: 'RELEASED', lines: [], expiresAt: '' }),
    redeemPoints: async () => ({ customerId: 'cust-1', orderId: 'o', kind: 'REDEEM', points: -300, balance: 700 }),
    restorePoints: async () => ({ customerId: 'cust-1', orderId: 'o', kind: 'RESTORE', points: 300, balance: 1000 }),
    redeemCoupon: async () => ({ orderId: 'o', code: '春のセール', status: 'REDEEMED' }),
    restoreCoupon: async () => ({ orderId: 'o', code: '春のセール', status: 'RESTORED' }),
    commitStock: async () => ({ reservationId: 'o', orderId: 'o', status: 'COMMITTED', lines: [], expiresAt: '' }),
    createOrder: async () => order,
    failOrder: async () => order,
    transitionOrder: async () => order,
    chargeCard: async () => payment,
    refundPayment: async () => payment,
    issuePaymentSlip: async () => ({ ...payment, method: 'konbini', status: 'PENDING', slipNumber: '123456789012' }),
    voidPayment: async () => payment,
    confirmSlipPayment: async () => ({ ...payment, status: 'PAID' }),
    bookDelivery: async () => ({ bookingId: 'o', orderId: 'o', slotId: 's', status: 'BOOKED', date: '2026-11-23', windowStart: '09:00', windowEnd: '12:00' }),
    releaseDelivery: async () => ({ bookingId: 'o', orderId: 'o', slotId: 's', status: 'RELEASED', date: '2026-11-23', windowStart: '09:00', windowEnd: '12:00' }),
    publishEvent: async () => undefined,
    // The real start of the order's fulfilment (on this worker's task queue, with its client); the event is not published.
    startFulfilmentAndPublish: async (input: StartFulfilmentAndPublishInput) => {
      const { client, info } = Context.current();
      await startFulfilment(client, info.taskQueue, input.fulfilment);
    },
  };
  // The fulfilment a completed checkout starts runs on, with timers the test server may skip past (its
  // stall escalation publishes): unless the test is about it (it overrides createShipment), its calls are
  // not the saga's and are not recorded.
  const recordFulfilment = 'createShipment' in overrides;
  const activities = Object.fromEntries(
    Object.entries({ ...base, ...overrides }).map(([name, fn]) => [
      name,
      async (input: unknown) => {
        if (recordFulfilment || Context.current().info.workflowType !== FULFILMENT_WORKFLOW_TYPE) calls.push({ name: name as keyof StepActivities, input });
        return (fn as (i: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as unknown as StepActivities;
  // A completed checkout starts its fulfilment, a workflow on the same task queue, whose first
  // step is the carrier's shipment: answered (not recorded, it is not the saga's) so the child just
  // waits for tracking scans instead of retrying an activity no worker has. A test that
  // overrides it (the fulfilment tests) gets its calls recorded like any other.
  if (!('createShipment' in overrides)) Object.assign(activities, { createShipment: async () => ({ shipmentId: 'o', orderId: 'o', trackingNumber: '412345678901', status: 'LABEL_CREATED', events: [] }) });
  const names = () => calls.map((c) => c.name);
  const undone = () => names().filter((n) => ['releaseStock', 'restorePoints', 'restoreCoupon', 'failOrder', 'refundPayment', 'voidPayment', 'releaseDelivery'].includes(n));
  const published = () => calls.filter((c) => c.name === 'publishEvent' || c.name === 'startFulfilmentAndPublish').map((c) => (c.input as { event: { type: string } }).event.type);
  return { activities, calls, names, undone, published };
}

/** A non-retryable typed rejection, as a domain service answers. */
export const reject = (type: string) => async (): Promise<never> => {
  throw ApplicationFailure.create({ type, message: `rejected: ${type}`, nonRetryable: true });
};

/** A card checkout (or another payment) of two units for cust-1. */
export const checkoutInput = (orderId: string, payment: CheckoutInput['payment'] = { type: 'card', cardToken: 'tok_visa' }): CheckoutInput => ({
  orderId,
  customerId: 'cust-1',
  customerEmail: 'cust-1@example.com',
  lines: [{ sku: 'TEA-1', quantity: 2 }],
  address: { name: 'Hanako', postalCode: '150-0001', prefecture: 'Tokyo', city: 'Shibuya', line1: '1-1' },
  payment,
  deliverySlotId: 'slot-1',
});

