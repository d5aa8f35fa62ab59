import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { checkoutInput, stubs } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { CHECKOUT_WORKFLOW_TYPE, checkoutWorkflowId, REFUND_WORKFLOW_TYPE, refundWorkflowId, type CheckoutResult, type RefundInput } from './checkout.contract';
import {
  decideDeliveryUpdate,
  FULFILMENT_WORKFLOW_TYPE,
  fulfilmentStatusQuery,
  fulfilmentWorkflowId,
  recordTrackingUpdate,
  type DeliveryDecision,
  type FulfilmentInput,
  type FulfilmentResult,
  type FulfilmentStatus,
  type TrackingStatus,
} from './fulfilment.contract';

type Call = { name: string; input: Record<string, unknown> };
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** The activity types a history ran as local activities (their markers), in order. */
function localActivities(events: HistoryEvent[]): string[] {
  return events.flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== LOCAL_ACTIVITY_MARKER) return [];
    const data = marker.details?.data?.payloads?.[0]?.data;
    return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string }).activity_type] : [];
  });
}

/** The patch ids a history's `patched()` markers took, in order. */
function patchesIn(events: HistoryEvent[]): string[] {
  return events.flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    return (marker.details?.['patch-data']?.payloads ?? []).map((p) => (JSON.parse(Buffer.from(p.data ?? new Uint8Array()).toString('utf8')) as { id: string }).id);
  });
}
type Stub = (input: never) => Promise<unknown>;

/** Stub activities of the fulfilment and of the refund workflow it starts, recording every call. */
function fulfilmentStubs(overrides: Record<string, Stub> = {}) {
  const calls: Call[] = [];
  const order = { orderId: 'o', customerId: 'cust-1', customerEmail: 'cust-1@example.com', status: 'CONFIRMED', lines: [], subtotalMinor: 2400, pointsDiscountMinor: 0, totalMinor: 2400, currency: 'JPY', history: [], createdAt: '' };
  const booking = (i: { bookingId: string; orderId?: string; slotId?: string }, status: string) => ({ bookingId: i.bookingId, orderId: i.orderId ?? 'o', slotId: i.slotId ?? 's', status, date: '2026-12-05', windowStart: '14:00', windowEnd: '16:00' });
  const base: Record<string, Stub> = {
    createShipment: async (i: { shipmentId: string; orderId: string; postalCode: string }) => ({ ...i, trackingNumber: '412345678901', status: 'LABEL_CREATED', events: [] }),
    bookDelivery: async (i: { bookingId: string; orderId: string; slotId: string }) => booking(i, 'BOOKED'),
    releaseDelivery: async (i: { bookingId: string }) => booking(i, 'RELEASED'),
    publishEvent: async () => undefined,
    // The refund workflow's steps.
    getOrder: async () => order,
    refundPayment: async () => ({ paymentId: 'o', status: 'REFUNDED' }),
    releaseStock: async () => ({ reservationId: 'o', status: 'RELEASED' }),
    restorePoints: async () => ({ points: 0 }),
    revokeEarnedPoints: async () => ({ points: 0 }),
    transitionOrder: async () => ({ ...order, status: 'REFUNDED' }),
  };
  const activities = Object.fromEntries(
    Object.entries({ ...base, ...overrides }).map(([name, fn]) => [
      name,
      async (input: Record<string, unknown>) => {
        calls.push({ name, input });
        return (fn as (i: unknown) => Promise<unknown>)(input);
      },
    ]),
  );
  const names = () => calls.map((c) => c.name);
  const published = () => calls.filter((c) => c.name === 'publishEvent').map((c) => (c.input as { event: { type: string } }).event.type);
  return { activities, calls, names, published };
}

const input = (orderId: string, extra: Partial<FulfilmentInput> = {}): FulfilmentInput => ({
  orderId,
  customerId: 'cust-1',
  customerEmail: 'cust-1@example.com',
  postalCode: '150-0001',
  ...extra,
});

let eventSeq = 0;
const scan = (status: TrackingStatus, eventId = `evt-${(eventSeq += 1)}`) => ({ eventId, status, occurredAt: new Date().toISOString(), reportedBy: 'carrier' });

/**
 * The fulfilment workflow on the time-skipping test server with stub activities: each path from a
 * confirmed order to DELIVERED or RETURNED, the parcel that never moves, and exactly which undos and
 * refund steps a return runs.
 */
describe('fulfilmentWorkflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: object, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `fulfilment-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(fn(taskQueue));
  }

  const start = (taskQueue: string, i: FulfilmentInput) =>
    env.client.workflow.start(FULFILMENT_WORKFLOW_TYPE, { workflowId: fulfilmentWorkflowId(i.orderId), taskQueue, args: [i] }) as Promise<WorkflowHandle>;
  const report = (handle: WorkflowHandle, status: TrackingStatus, eventId?: string) => handle.executeUpdate(recordTrackingUpdate, { args: [scan(status, eventId)] });
  const decide = (handle: WorkflowHandle, decision: DeliveryDecision) => handle.executeUpdate(decideDeliveryUpdate, { args: [decision] });
  /** Waits until the workflow has reached what `ready` looks for (its activities run between our calls). */
  async function until(handle: WorkflowHandle, ready: (s: FulfilmentStatus) => boolean): Promise<FulfilmentStatus> {
    for (;;) {
      const s = await handle.query(fulfilmentStatusQuery);
      if (ready(s)) return s;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const rejection = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  };

  it('carrier path: shipment with a tracking number, dispatched → out for delivery → delivered; a repeated webhook counts once; order.shipped and order.delivered; no undo', async () => {
    const s = fulfilmentStubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-ok'));
      const picking = await until(handle, (st) => st.trackingNumber !== undefined);
      expect(picking).toMatchObject({ state: 'PICKING', trackingNumber: '412345678901', deliveredBy: 'carrier' });
      // Out for delivery before it was dispatched is not a parcel's next step.
      expect((await rejection(report(handle, 'OUT_FOR_DELIVERY'))).type).toBe('INVALID_TRANSITION');
      await report(handle, 'DISPATCHED', 'evt-dispatch');
      const again = await report(handle, 'DISPATCHED', 'evt-dispatch');
      expect(again.events.filter((e) => e.eventId === 'evt-dispatch')).toHaveLength(1);
      expect((await report(handle, 'OUT_FOR_DELIVERY')).state).toBe('OUT_FOR_DELIVERY');
      expect((await report(handle, 'DELIVERED')).state).toBe('DELIVERED');
      const done = (await handle.result()) as FulfilmentResult;
      await recordHistory('fulfilment-delivered', handle);
      return done;
    });
    expect(result).toEqual({ orderId: 'f-ok', outcome: 'DELIVERED' });
    expect(s.names()).toEqual(['createShipment', 'publishEvent', 'publishEvent']);
    expect(s.calls[0]!.input).toEqual({ shipmentId: 'f-ok', orderId: 'f-ok', postalCode: '150-0001', idempotencyKey: 'fulfilment:f-ok:create-shipment' });
    expect(s.published()).toEqual(['order.shipped', 'order.delivered']);
    const shipped = s.calls.find((c) => c.name === 'publishEvent')!.input as { event: { id: string; data: Record<string, unknown> } };
    expect(shipped.event).toMatchObject({ id: 'fulfilment:f-ok:order.shipped', data: { orderId: 'f-ok', trackingNumber: '412345678901', customerEmail: 'cust-1@example.com' } });
  });

  it('creates the shipment inside its workflow task (fulfilment-local-shipment, taken with the baseline patch): a local-activity marker, no activity task, then its stall timer; a shop that delivers itself takes no patch', async () => {
    const s = fulfilmentStubs();
    const { carrier, shop } = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-local'));
      await until(handle, (st) => st.trackingNumber !== undefined);
      const carrier = (await handle.fetchHistory()).events ?? [];
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERED');
      expect(((await handle.result()) as FulfilmentResult).outcome).toBe('DELIVERED');
      await recordHistory('fulfilment-baseline-b-delivered', handle);
      const shopHandle = await start(tq, input('f-local-shop', { deliveredBy: 'shop' }));
      await shopHandle.executeUpdate(recordTrackingUpdate, { args: [{ ...scan('DISPATCHED'), reportedBy: 'staff:op-1' }] });
      await shopHandle.executeUpdate(recordTrackingUpdate, { args: [{ ...scan('DELIVERED'), reportedBy: 'staff:op-1' }] });
      await shopHandle.result();
      return { carrier, shop: (await shopHandle.fetchHistory()).events ?? [] };
    });
    expect(carrier.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [])).toEqual([]);
    expect(localActivities(carrier)).toEqual(['createShipment']);
    expect(patchesIn(carrier)).toEqual(['fulfilment-baseline-2026-12-02b']);
    // The shipment's marker, then the stall timer. Usually both are commands of the first completed task; a
    // worker slow to answer (a loaded CI machine) may first complete a task with the marker alone and start
    // the timer in the next, which is as correct, so only the order is checked here.
    const firstTaskDone = carrier.findIndex((e) => e.workflowTaskCompletedEventAttributes);
    const marker = carrier.findIndex((e) => e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER);
    const timer = carrier.findIndex((e) => e.timerStartedEventAttributes);
    expect(marker).toBeGreaterThan(firstTaskDone);
    expect(timer).toBeGreaterThan(marker);
    // Same key and input as the regular activity had: a worker lost mid-task runs it again and gets the same shipment.
    expect(s.calls.filter((c) => c.name === 'createShipment').map((c) => c.input)).toEqual([{ shipmentId: 'f-local', orderId: 'f-local', postalCode: '150-0001', idempotencyKey: 'fulfilment:f-local:create-shipment' }]);
    expect(localActivities(shop)).toEqual([]);
    expect(patchesIn(shop)).toEqual([]);
  });

  it('a shop that delivers itself: no carrier shipment, staff reports drive it to DELIVERED', async () => {
    const s = fulfilmentStubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-shop', { deliveredBy: 'shop' }));
      await handle.executeUpdate(recordTrackingUpdate, { args: [{ ...scan('DISPATCHED'), reportedBy: 'staff:op-1' }] });
      await handle.executeUpdate(recordTrackingUpdate, { args: [{ ...scan('DELIVERED'), reportedBy: 'staff:op-1' }] });
      return (await handle.result()) as FulfilmentResult;
    });
    expect(result.outcome).toBe('DELIVERED');
    expect(s.names()).not.toContain('createShipment');
    expect(s.published()).toEqual(['order.shipped', 'order.delivered']);
  });

  it('delivery failed → redelivery booked in a new slot → delivered: no undo, no refund', async () => {
    const s = fulfilmentStubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-redeliver'));
      await report(handle, 'DISPATCHED');
      await report(handle, 'OUT_FOR_DELIVERY');
      expect((await report(handle, 'DELIVERY_FAILED')).state).toBe('DELIVERY_FAILED');
      const scheduled = await decide(handle, { action: 'redeliver', slotId: 'tokyo-23:2026-12-05:14:00', decidedBy: 'staff:op-1' });
      expect(scheduled.state).toBe('REDELIVERY_SCHEDULED');
      expect(scheduled.redeliveries).toEqual([{ bookingId: 'f-redeliver:redelivery-1', slotId: 'tokyo-23:2026-12-05:14:00', date: '2026-12-05', windowStart: '14:00', windowEnd: '16:00' }]);
      await report(handle, 'OUT_FOR_DELIVERY');
      await report(handle, 'DELIVERED');
      return (await handle.result()) as FulfilmentResult;
    });
    expect(result.outcome).toBe('DELIVERED');
    const book = s.calls.find((c) => c.name === 'bookDelivery')!.input;
    expect(book).toEqual({ bookingId: 'f-redeliver:redelivery-1', orderId: 'f-redeliver', slotId: 'tokyo-23:2026-12-05:14:00', postalCode: '150-0001', idempotencyKey: 'fulfilment:f-redeliver:book-redelivery-1' });
    expect(s.names()).not.toContain('releaseDelivery');
    expect(s.names()).not.toContain('refundPayment');
  });

  it('a redelivery slot that is full answers SLOT_FULL and the parcel still waits; returned to the shop it undoes exactly the redelivery booking, then the refund workflow refunds', async () => {
    const s = fulfilmentStubs({
      bookDelivery: async () => {
        throw ApplicationFailure.create({ type: 'SLOT_FULL', message: 'slot is full', nonRetryable: true });
      },
    });
    const { result, status } = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-full'));
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERY_FAILED');
      const failure = await rejection(decide(handle, { action: 'redeliver', slotId: 'full-slot', decidedBy: 'staff:op-1' }));
      expect(failure.type).toBe('SLOT_FULL');
      expect((await handle.query(fulfilmentStatusQuery)).state).toBe('DELIVERY_FAILED');
      expect((await decide(handle, { action: 'return', reason: 'customer asked for a refund', decidedBy: 'staff:op-1' })).state).toBe('RETURNING');
      const done = (await handle.result()) as FulfilmentResult;
      return { result: done, status: await handle.query(fulfilmentStatusQuery) };
    });
    expect(result.outcome).toBe('RETURNED');
    // The release of the booking that was refused is a no-op undo (registered before the call, as every undo is).
    expect(s.names().slice(s.names().indexOf('bookDelivery'))).toEqual([
      'bookDelivery',
      'releaseDelivery',
      'getOrder',
      'refundPayment',
      'releaseDelivery',
      'releaseStock',
      'restorePoints',
      'revokeEarnedPoints',
      'transitionOrder',
      'publishEvent',
    ]);
    const releases = s.calls.filter((c) => c.name === 'releaseDelivery').map((c) => c.input.bookingId);
    expect(releases).toEqual(['f-full:redelivery-1', 'f-full']);
    expect(s.published()).toEqual(['order.shipped', 'order.refunded']);
    expect(status).toMatchObject({ state: 'RETURNED', returned: { reason: 'customer asked for a refund', decidedBy: 'staff:op-1', refundWorkflowId: 'refund:f-full', refund: 'DONE' } });
    expect(status.compensations).toEqual([{ step: 'release-redelivery', status: 'DONE', attempts: 1 }]);
  });

  it('a redelivery scheduled and then called off: the booked slot is released, then the order refunded', async () => {
    const s = fulfilmentStubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-calloff'));
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERY_FAILED');
      await decide(handle, { action: 'redeliver', slotId: 'slot-2', decidedBy: 'staff:op-1' });
      // A second redelivery while one is scheduled is not a decision the parcel takes.
      expect((await rejection(decide(handle, { action: 'redeliver', slotId: 'slot-3', decidedBy: 'staff:op-1' }))).type).toBe('INVALID_TRANSITION');
      await decide(handle, { action: 'return', reason: 'customer moved away', decidedBy: 'staff:op-1' });
      return (await handle.result()) as FulfilmentResult;
    });
    expect(result.outcome).toBe('RETURNED');
    const undone = s.calls.filter((c) => ['releaseDelivery', 'refundPayment', 'releaseStock'].includes(c.name)).map((c) => `${c.name}:${String(c.input.bookingId ?? c.input.paymentId ?? c.input.reservationId)}`);
    expect(undone).toEqual(['releaseDelivery:f-calloff:redelivery-1', 'refundPayment:f-calloff', 'releaseDelivery:f-calloff', 'releaseStock:f-calloff']);
  });

  it('a failed delivery nobody decides on goes back to the shop when the carrier stops holding it, and is refunded', async () => {
    const s = fulfilmentStubs();
    const { result, status } = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-unclaimed', { holdAfterFailureSeconds: 3600 }));
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERY_FAILED');
      const done = (await handle.result()) as FulfilmentResult; // the test server skips the hour
      await recordHistory('fulfilment-returned-unclaimed', handle);
      return { result: done, status: await handle.query(fulfilmentStatusQuery) };
    });
    expect(result.outcome).toBe('RETURNED');
    expect(status.returned).toMatchObject({ decidedBy: 'fulfilment', refund: 'DONE' });
    expect(status.compensations).toEqual([]);
    expect(s.names().filter((n) => n !== 'publishEvent' && n !== 'createShipment')).toEqual(['getOrder', 'refundPayment', 'releaseDelivery', 'releaseStock', 'restorePoints', 'revokeEarnedPoints', 'transitionOrder']);
    expect(s.calls.find((c) => c.name === 'refundPayment')!.input).toEqual({ paymentId: 'f-unclaimed', idempotencyKey: 'refund:f-unclaimed:refund-payment' });
  });

  it('the carrier reporting the parcel back at the shop after a failed delivery returns and refunds it', async () => {
    const s = fulfilmentStubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-carrier-return'));
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERY_FAILED');
      await report(handle, 'RETURNED');
      return (await handle.result()) as FulfilmentResult;
    });
    expect(result.outcome).toBe('RETURNED');
    expect(s.names()).toContain('refundPayment');
  });

  it('a parcel that never moves is escalated once (status, order.fulfilment_stalled), and its next scan clears it', async () => {
    const s = fulfilmentStubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-stalled', { stallAfterSeconds: 3600 }));
      await report(handle, 'DISPATCHED');
      await env.sleep(2 * 3600 * 1000);
      const stalled = await until(handle, (st) => st.stalled !== undefined && s.published().includes('order.fulfilment_stalled'));
      expect(stalled.stalled).toMatchObject({ state: 'DISPATCHED' });
      expect(stalled.events.at(-1)).toMatchObject({ status: 'STALLED', reportedBy: 'fulfilment' });
      // Still quiet for much longer: escalated once, not once per window.
      await env.sleep(5 * 3600 * 1000);
      expect(s.published().filter((t) => t === 'order.fulfilment_stalled')).toHaveLength(1);
      const moving = await report(handle, 'OUT_FOR_DELIVERY');
      expect(moving.stalled).toBeUndefined();
      await report(handle, 'DELIVERED');
      const done = (await handle.result()) as FulfilmentResult;
      await recordHistory('fulfilment-stalled-delivered', handle);
      return done;
    });
    expect(result.outcome).toBe('DELIVERED');
    expect(s.published()).toEqual(['order.shipped', 'order.fulfilment_stalled', 'order.delivered']);
    const stalledEvent = s.calls.find((c) => c.name === 'publishEvent' && (c.input as { event: { type: string } }).event.type === 'order.fulfilment_stalled')!.input;
    expect(stalledEvent).toMatchObject({ event: { subject: 'f-stalled', data: { orderId: 'f-stalled', state: 'DISPATCHED', trackingNumber: '412345678901' } } });
  });

  it('a parcel never picked up from the shop is escalated too', async () => {
    const s = fulfilmentStubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-never-picked', { stallAfterSeconds: 600 }));
      await env.sleep(3600 * 1000);
      const stalled = await until(handle, (st) => st.stalled !== undefined);
      expect(stalled).toMatchObject({ state: 'PICKING', stalled: { state: 'PICKING' } });
      await handle.terminate('test over');
    });
  });

  it('a completed checkout starts the order\'s fulfilment (patched start-fulfilment), which outlives it', async () => {
    const s = stubs({ createShipment: async (i: never) => ({ ...(i as object), trackingNumber: '412345678901', status: 'LABEL_CREATED', events: [] }) } as never);
    await withWorker(s.activities, async (tq) => {
      const orderId = 'ck-fulfil';
      const checkout = await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(orderId), taskQueue: tq, args: [checkoutInput(orderId)] });
      expect(((await checkout.result()) as CheckoutResult).outcome).toBe('COMPLETED');
      const fulfilment = env.client.workflow.getHandle(fulfilmentWorkflowId(orderId));
      expect((await fulfilment.describe()).status.name).toBe('RUNNING');
      const status = await until(fulfilment, (st) => st.trackingNumber !== undefined);
      expect(status).toMatchObject({ orderId, customerId: 'cust-1', state: 'PICKING' });
      const shipment = s.calls.find((c) => c.name === ('createShipment' as never))!.input;
      expect(shipment).toMatchObject({ shipmentId: orderId, postalCode: '150-0001' });
      await recordHistory('checkout-starts-fulfilment', checkout);
      await fulfilment.terminate('test over');
    });
  });
  const refund = (taskQueue: string, orderId: string, reason = 'customer changed their mind') =>
    env.client.workflow.start(REFUND_WORKFLOW_TYPE, { workflowId: refundWorkflowId(orderId), taskQueue, args: [{ orderId, reason } satisfies RefundInput] }) as Promise<WorkflowHandle>;

  it('a refund of the order before the parcel is dispatched stops the fulfilment (REFUNDED, patched fulfilment-stops-on-refund / refund-stops-fulfilment): no scan is taken after it, nothing is published', async () => {
    const s = fulfilmentStubs();
    const { result, status } = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-refund-picking'));
      await until(handle, (st) => st.trackingNumber !== undefined);
      const refundHandle = await refund(tq, 'f-refund-picking');
      await refundHandle.result();
      const done = (await handle.result()) as FulfilmentResult;
      await recordHistory('fulfilment-refunded-before-dispatch', handle);
      await recordHistory('refund-stops-fulfilment', refundHandle);
      // The carrier's scan after the refund finds the fulfilment ended.
      await expect(report(handle, 'DISPATCHED')).rejects.toThrow();
      return { result: done, status: await handle.query(fulfilmentStatusQuery) };
    });
    expect(result).toEqual({ orderId: 'f-refund-picking', outcome: 'REFUNDED' });
    expect(status).toMatchObject({ state: 'REFUNDED', refunded: { reason: 'customer changed their mind', refundWorkflowId: 'refund:f-refund-picking', dispatched: false } });
    expect(status.events.map((e) => e.status)).toEqual(['ORDER_REFUNDED']);
    expect(status.compensations).toEqual([]);
    // Only the refund workflow's own steps: no order.shipped, no redelivery release.
    expect(s.published()).toEqual(['order.refunded']);
    expect(s.names().filter((n) => n === 'releaseDelivery')).toHaveLength(1);
  });

  it('a refund of an order whose parcel is in flight with a redelivery booked ends the fulfilment REFUNDED and releases exactly the redelivery booking (the refund frees the original slot)', async () => {
    const s = fulfilmentStubs();
    const status = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-refund-inflight'));
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERY_FAILED');
      await decide(handle, { action: 'redeliver', slotId: 'slot-2', decidedBy: 'staff:op-1' });
      await (await refund(tq, 'f-refund-inflight', 'staff refund')).result();
      expect(((await handle.result()) as FulfilmentResult).outcome).toBe('REFUNDED');
      return handle.query(fulfilmentStatusQuery);
    });
    expect(status).toMatchObject({ state: 'REFUNDED', refunded: { dispatched: true, reason: 'staff refund' } });
    expect(status.compensations).toEqual([{ step: 'release-redelivery', status: 'DONE', attempts: 1 }]);
    const releases = s.calls.filter((c) => c.name === 'releaseDelivery').map((c) => c.input.bookingId);
    expect(releases.sort()).toEqual(['f-refund-inflight', 'f-refund-inflight:redelivery-1']);
    expect(s.published()).toEqual(['order.shipped', 'order.refunded']);
  });

  it('a refund of a delivered order finds no running fulfilment: the refund completes as before', async () => {
    const s = fulfilmentStubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-refund-delivered'));
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERED');
      expect(((await handle.result()) as FulfilmentResult).outcome).toBe('DELIVERED');
      await (await refund(tq, 'f-refund-delivered')).result();
    });
    expect(s.published()).toEqual(['order.shipped', 'order.delivered', 'order.refunded']);
  });

  it('the stall timer waits for a redelivery slot days ahead: no escalation before the slot, escalated once the stall window after it has passed (patched fulfilment-stall-after-redelivery-slot)', async () => {
    // A test server of its own: a fresh-clone CI run timed this test out twice on the shared one
    // (never locally), whose clock the earlier tests skipped ahead and left workflows on.
    const shared = env;
    env = await createTimeSkippingEnv();
    try {
      await stallAfterRedeliverySlot();
    } finally {
      await env.teardown();
      env = shared;
    }
  }, 180_000);
  async function stallAfterRedeliverySlot(): Promise<void> {
    // The test server's clock, not this process's.
    const slotDate = new Date((await env.currentTimeMs()) + 5 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const s = fulfilmentStubs({
      bookDelivery: async (i: { bookingId: string; orderId: string; slotId: string }) => ({ ...i, status: 'BOOKED', date: slotDate, windowStart: '14:00', windowEnd: '16:00' }),
    });
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-stall-slot', { stallAfterSeconds: 3600 }));
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERY_FAILED');
      await decide(handle, { action: 'redeliver', slotId: 'slot-later', decidedBy: 'staff:op-1' });
      // Three days of quiet, the slot still ahead: not stalled (the previous code escalated after 1 h).
      await env.sleep(3 * 24 * 3600 * 1000);
      const waiting = await handle.query(fulfilmentStatusQuery);
      expect(waiting.stalled).toBeUndefined();
      expect(s.published()).not.toContain('order.fulfilment_stalled');
      // Past the slot and the stall window after it: escalated. Polled with the test server's clock
      // moving on an hour at a time (not 50 ms of this process's time): a fresh-clone CI run once
      // polled here for 60 s with the escalation not yet seen, which a timer still ahead explains.
      await env.sleep(4 * 24 * 3600 * 1000);
      let stalled = await handle.query(fulfilmentStatusQuery);
      for (let hours = 0; !(stalled.stalled !== undefined && s.published().includes('order.fulfilment_stalled')); hours += 1) {
        if (hours >= 48) throw new Error(`not escalated 48 h after the slot's stall window should have ended: ${JSON.stringify(stalled)}`);
        await env.sleep(3600 * 1000);
        stalled = await handle.query(fulfilmentStatusQuery);
      }
      expect(stalled.stalled).toMatchObject({ state: 'REDELIVERY_SCHEDULED' });
      await report(handle, 'DELIVERED');
      expect(((await handle.result()) as FulfilmentResult).outcome).toBe('DELIVERED');
      await recordHistory('fulfilment-stall-after-redelivery-slot', handle);
    });
  }
  it('a fulfilment whose history grows past continueAsNewAfterEvents continues as new at a quiet point (patched fulfilment-continue-as-new), carrying its status: no second shipment or order.shipped, and a later return still releases the redelivery booked in the first run', async () => {
    const s = fulfilmentStubs();
    const { result, status, runs } = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('f-long', { continueAsNewAfterEvents: 60 }));
      const firstRunId = (await handle.describe()).runId;
      await report(handle, 'DISPATCHED');
      await report(handle, 'DELIVERY_FAILED');
      await decide(handle, { action: 'redeliver', slotId: 'slot-2', decidedBy: 'staff:op-1' });
      await report(handle, 'OUT_FOR_DELIVERY');
      // The carrier scans the parcel at every depot: the same status again and again.
      for (let i = 0; i < 15; i += 1) await report(handle, 'OUT_FOR_DELIVERY');
      const carriedOver = await until(handle, (st) => st.events.length === 19);
      const secondRunId = (await handle.describe()).runId;
      expect(secondRunId).not.toBe(firstRunId);
      expect(carriedOver).toMatchObject({ state: 'OUT_FOR_DELIVERY', trackingNumber: '412345678901', redeliveries: [{ bookingId: 'f-long:redelivery-1' }] });
      await report(handle, 'DELIVERY_FAILED');
      await decide(handle, { action: 'return', reason: 'customer unreachable', decidedBy: 'staff:op-1' });
      const done = (await handle.result()) as FulfilmentResult;
      await recordHistory('fulfilment-continued-as-new', env.client.workflow.getHandle(fulfilmentWorkflowId('f-long'), firstRunId));
      return { result: done, status: await handle.query(fulfilmentStatusQuery), runs: [firstRunId, secondRunId] };
    });
    expect(runs[0]).not.toBe(runs[1]);
    expect(result).toEqual({ orderId: 'f-long', outcome: 'RETURNED' });
    expect(s.names().filter((n) => n === 'createShipment')).toHaveLength(1);
    expect(s.published()).toEqual(['order.shipped', 'order.refunded']);
    const releases = s.calls.filter((c) => c.name === 'releaseDelivery').map((c) => `${String(c.input.bookingId)}@${String(c.input.idempotencyKey)}`);
    expect(releases).toEqual(['f-long:redelivery-1@fulfilment:f-long:release-redelivery-1', 'f-long@refund:f-long:release-delivery']);
    expect(status.compensations).toEqual([{ step: 'release-redelivery', status: 'DONE', attempts: 1 }]);
    expect(status.events.filter((e) => e.status === 'OUT_FOR_DELIVERY')).toHaveLength(16);
  });
});
