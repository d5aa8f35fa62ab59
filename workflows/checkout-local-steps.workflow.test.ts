import type { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { setTimeout as delay } from 'node:timers/promises';
import { WithStartWorkflowOperation, WorkflowUpdateStage } from '@temporalio/client';
import { checkoutInput, reject, stubs, type StepActivities } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { cachedWorkflowBundle } from '../workers/temporal-worker-bundle';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { awaitCheckoutStageUpdate, cancelCheckoutUpdate, CHECKOUT_WORKFLOW_TYPE, checkoutStatusQuery, checkoutWorkflowId, paymentConfirmedSignal, type CheckoutInput, type CheckoutResult } from './checkout.contract';

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

/** The activity types a history scheduled as regular activities, in order. */
const scheduledActivities = (events: HistoryEvent[]) => events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);

const count = (events: HistoryEvent[], has: (e: HistoryEvent) => unknown) => events.filter(has).length;

/**
 * The saga's forward steps run as local activities (patch `local-forward-steps`): the worker runs each
 * inside the workflow task that reached it and the task records them as markers, so a card checkout
 * costs the server one activity (the publish, retried until Kafka takes it) and three workflow tasks
 * instead of eight activities and nine tasks. The undos stay regular activities (their attempts show).
 */
describe('checkoutWorkflow forward steps as local activities (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: StepActivities, fn: (taskQueue: string) => Promise<T>, workflowBundle?: { codePath: string }): Promise<T> {
    const taskQueue = `local-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: workflowBundle ?? (await testWorkflowBundle()), activities });
    return worker.runUntil(fn(taskQueue));
  }
  /** The workflows with test/support/lose-workflow-task.ts built in: a checkout's first task is lost once it ran through the booking. */
  const losingFirstTask = () =>
    cachedWorkflowBundle({ workflowsPath: require.resolve('./index'), workflowInterceptorModules: [require.resolve('../test/support/lose-workflow-task')] });

  const start = (taskQueue: string, i: CheckoutInput) =>
    env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] });

  const eventsOf = async (handle: WorkflowHandle) => (await handle.fetchHistory()).events ?? [];

  it('a card checkout runs its seven forward steps as local activities, its publish as an activity, in three workflow tasks', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('local-card'));
      expect((await handle.result()).outcome).toBe('COMPLETED');
      const events = await eventsOf(handle);
      expect(localActivities(events)).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder']);
      expect(scheduledActivities(events)).toEqual(['startFulfilmentAndPublish']);
      // The first task runs the steps and schedules the activity that starts the fulfilment and
      // publishes, the second sees it done and completes: nine tasks before.
      expect(count(events, (e) => e.workflowTaskCompletedEventAttributes)).toBeLessThanOrEqual(3);
      await recordHistory('checkout-baseline-b-card', handle);
    });
    // Each step ran once (its fulfilment's own calls come after).
    expect(s.names().slice(0, 8)).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'startFulfilmentAndPublish']);
  });

  it('a slip checkout runs its steps locally on both sides of the payment it waits for', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('local-slip', { type: 'konbini' }));
      // Polled, not slept: skipping the test server's clock while the first task runs its local steps
      // would time that task out (a real clock never jumps 10 s inside one task).
      while ((await handle.query(checkoutStatusQuery)).state !== 'AWAITING_PAYMENT') await delay(20);
      await handle.signal(paymentConfirmedSignal, { paymentId: 'local-slip', paidAt: '2026-11-23T10:00:00.000Z' });
      expect((await handle.result()).outcome).toBe('COMPLETED');
      const events = await eventsOf(handle);
      expect(localActivities(events)).toEqual(['reserveStock', 'createOrder', 'issuePaymentSlip', 'transitionOrder', 'confirmSlipPayment', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder']);
      expect(scheduledActivities(events)).toEqual(['startFulfilmentAndPublish']);
      await recordHistory('checkout-baseline-b-slip', handle);
    });
  });

  it('awaited from the start, the early answer leaves in the task that charged the card: the step after the charge is then a regular activity', async () => {
    let releaseBooking!: () => void;
    const bookingHeld = new Promise<void>((resolve) => {
      releaseBooking = resolve;
    });
    const s = stubs({
      bookDelivery: async () => {
        await bookingHeld;
        return { bookingId: 'o', orderId: 'o', slotId: 's', status: 'BOOKED', date: '2026-11-23', windowStart: '09:00', windowEnd: '12:00' };
      },
    });
    await withWorker(s.activities, async (tq) => {
      const input = checkoutInput('local-early');
      const startWorkflowOperation = new WithStartWorkflowOperation(CHECKOUT_WORKFLOW_TYPE, {
        workflowId: checkoutWorkflowId(input.orderId),
        taskQueue: tq,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      // Not awaited: the Java test server is slow to tell a client its update-with-start was accepted,
      // so the answer is read from the history (while the booking is still held: it did not wait for
      // the steps after the charge).
      const updating = env.client.workflow.startUpdateWithStart(awaitCheckoutStageUpdate, { args: [{ stage: 'payment' }], startWorkflowOperation, waitForStage: WorkflowUpdateStage.ACCEPTED });
      updating.catch(() => undefined);
      const handle = env.client.workflow.getHandle<(i: CheckoutInput) => Promise<CheckoutResult>>(checkoutWorkflowId(input.orderId));
      const history = () => eventsOf(handle).catch(() => [] as HistoryEvent[]);
      let answeredBeforeBooking = await history();
      for (let polls = 0; !answeredBeforeBooking.some((e) => e.workflowExecutionUpdateCompletedEventAttributes) && polls < 400; polls += 1) {
        await delay(50);
        answeredBeforeBooking = await history();
      }
      const completed = answeredBeforeBooking.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes);
      if (completed < 0) throw new Error(`no answer while the booking was held: ${answeredBeforeBooking.map((e) => `${e.eventId} ${e.eventType}`).join(', ')}`);
      const answer = answeredBeforeBooking[completed]!.workflowExecutionUpdateCompletedEventAttributes!.outcome!.success!.payloads![0]!.data!;
      expect(JSON.parse(Buffer.from(answer).toString('utf8'))).toMatchObject({ payment: { accepted: 'CHARGED' } });
      expect(localActivities(answeredBeforeBooking)).toEqual(['reserveStock', 'createOrder', 'chargeCard']);
      const paid = answeredBeforeBooking.findIndex((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'transitionOrder');
      expect(paid).toBeGreaterThan(-1);
      // Both are commands of one completed workflow task: the answer went out with the step after the charge.
      const taskOf = (index: number) => [...answeredBeforeBooking.slice(0, index)].reverse().find((e) => e.workflowTaskCompletedEventAttributes)?.eventId?.toString();
      expect(taskOf(completed)).toBeDefined();
      expect(taskOf(completed)).toBe(taskOf(paid));
      releaseBooking();
      expect((await handle.result()).outcome).toBe('COMPLETED');
      const events = await eventsOf(handle);
      expect(localActivities(events)).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'bookDelivery', 'commitStock', 'transitionOrder']);
      expect(scheduledActivities(events)).toEqual(['transitionOrder', 'startFulfilmentAndPublish']);
      await recordHistory('checkout-baseline-b-early-answer', handle);
    });
  });

  it('a workflow task lost after its local steps ran, then an operator cancel: every step of the path is undone, the unrecorded booking, charge and order too', async () => {
    const orderId = 'local-lost-task';
    const handle = env.client.workflow.getHandle<(i: CheckoutInput) => Promise<CheckoutResult>>(checkoutWorkflowId(orderId));
    const s = stubs({
      // The booking is made, and the operator's cancel reaches the server while the task that made it
      // is still running (it then fails, test/support/lose-workflow-task.ts): the next task starts from
      // a history with no step in it and a cancel request.
      bookDelivery: async () => {
        await handle.cancel();
        return { bookingId: orderId, orderId, slotId: 's', status: 'BOOKED', date: '2026-11-23', windowStart: '09:00', windowEnd: '12:00' };
      },
    });
    const { outcome: result, status } = await withWorker(
      s.activities,
      async (tq) => {
        await start(tq, checkoutInput(orderId));
        const outcome = await handle.result();
        await recordHistory('checkout-baseline-b-lost-task-cancelled', handle);
        // Asked while the worker runs (a query needs one).
        return { outcome, status: await handle.query(checkoutStatusQuery) };
      },
      await losingFirstTask(),
    );
    expect(result).toMatchObject({ outcome: 'CANCELLED', failure: { code: 'CANCELLED' } });
    const events = await eventsOf(handle);
    // The lost task's steps left no marker: the history reached no step past the reservation.
    expect(count(events, (e) => e.workflowTaskFailedEventAttributes)).toBe(1);
    expect(localActivities(events).filter((t) => t !== 'reserveStock')).toEqual([]);
    expect(s.names().slice(0, 5)).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery']);
    // Yet the booking, the charge and the order it made are undone, latest first, and the stock given back.
    expect(s.undone()).toEqual(['releaseDelivery', 'refundPayment', 'failOrder', 'releaseStock']);
    expect(s.calls.find((c) => c.name === 'failOrder')?.input).toMatchObject({ toStatus: 'CANCELLED' });
    expect(status.timeline.find((t) => t.step === 'release-delivery' && t.status === 'STARTED')?.detail).toMatch(/lost workflow task/);
    expect(s.published()).toEqual(['order.cancelled']);
  });

  it('a workflow task lost with its worker after its local steps ran, then the customer\'s cancel on the next worker: the cancel is taken and every step of the path undone', async () => {
    const orderId = 'local-lost-task-customer-cancel';
    const input = checkoutInput(orderId);
    const handle = env.client.workflow.getHandle<(i: CheckoutInput) => Promise<CheckoutResult>>(checkoutWorkflowId(input.orderId));
    const taskQueue = `local-${Math.random().toString(36).slice(2)}`;
    let first!: Worker;
    const s = stubs({
      // The first worker stops taking tasks once the booking is made; the task it is running is then
      // lost (test/support/lose-workflow-task.ts), as if the worker had been killed.
      bookDelivery: async () => {
        first.shutdown();
        return { bookingId: orderId, orderId, slotId: 's', status: 'BOOKED', date: '2026-11-23', windowStart: '09:00', windowEnd: '12:00' };
      },
    });
    first = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await losingFirstTask(), activities: s.activities });
    const firstRuns = first.run();
    await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: handle.workflowId, taskQueue, args: [input] });
    await firstRuns;
    expect(s.names()).toContain('bookDelivery');
    // No worker now: the customer's cancel waits at the server for the next one, which takes it first.
    const cancelling = handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'changed my mind' }] });
    const second = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities: s.activities });
    const result = await second.runUntil(async () => {
      await cancelling;
      const outcome = await handle.result();
      await recordHistory('checkout-baseline-b-lost-task-customer-cancel', handle);
      return outcome;
    });
    expect(result).toMatchObject({ outcome: 'CANCELLED', failure: { code: 'CANCELLED' } });
    expect(count(await eventsOf(handle), (e) => e.workflowTaskFailedEventAttributes)).toBe(1);
    expect(s.undone()).toEqual(['releaseDelivery', 'refundPayment', 'failOrder', 'releaseStock']);
    expect(s.calls.find((c) => c.name === 'failOrder')?.input).toMatchObject({ toStatus: 'CANCELLED' });
  });

  it('a business rejection (the card declined) undoes only the steps reached: no lost task can have gone past it', async () => {
    const s = stubs({ chargeCard: reject('CARD_DECLINED') });
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('local-declined'));
      expect(await handle.result()).toMatchObject({ outcome: 'FAILED', failure: { code: 'CARD_DECLINED' } });
    });
    expect(s.undone()).toEqual(['refundPayment', 'failOrder', 'releaseStock']);
  });
});
