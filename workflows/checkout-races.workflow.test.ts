import { WorkflowUpdateFailedError, WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Context } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import { checkoutInput, reject, stubs, type StepActivities } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, terminateFulfilments, testWorkflowBundle } from '../test/support/time-skipping';
import {
  CHECKOUT_WORKFLOW_TYPE,
  cancelCheckoutUpdate,
  checkoutStatusQuery,
  checkoutWorkflowId,
  paymentConfirmedSignal,
  resolveCompensationUpdate,
  type CheckoutInput,
  type CheckoutResult,
} from './checkout.contract';
import { UNDO_ATTEMPTS_BEFORE_STUCK } from './saga';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A promise the test opens by hand: an activity that waits on it stays "in flight". */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Races between a step and its undo, cancels at every boundary, and undos that cannot succeed, on
 * the time-skipping test server with stub activities.
 */
describe('checkoutWorkflow races and stuck undos (time-skipping)', () => {
  // A test server per test: what one test leaves behind (the fulfilment a completed checkout starts
  // as an abandoned child, an activity cancelled mid-flight) can keep the Java test server from
  // skipping time, and a later test's `env.sleep` would then wait in real time.
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await createTimeSkippingEnv();
  });
  afterEach(async () => {
    await env?.teardown();
  });

  /** Order ids of the checkouts a test started (their fulfilment children are ended with the worker). */
  const started = new Set<string>();
  const newTaskQueue = () => `races-${Math.random().toString(36).slice(2)}`;
  async function withWorker<T>(activities: StepActivities, fn: (taskQueue: string) => Promise<T>, taskQueue = newTaskQueue()): Promise<T> {
    // No workflow cache: a worker that stops leaves no sticky queue behind, so the next one on the
    // same task queue picks up the workflow's next task at once.
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities, maxCachedWorkflows: 0 });
    // Completed checkouts start a fulfilment child on this task queue: end it while the worker still
    // runs, so none of its tasks outlives the worker (they would stop the test server's time skipping).
    return worker.runUntil(
      (async () => {
        try {
          return await fn(taskQueue);
        } finally {
          await terminateFulfilments(env, started);
          started.clear();
        }
      })(),
    );
  }
  const start = (taskQueue: string, i: CheckoutInput): Promise<WorkflowHandle> => {
    started.add(i.orderId);
    return env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] });
  };


  it('honours a cancel accepted while delivery is being booked: the booking is undone and the order ends CANCELLED', async () => {
    const booking = gate();
    const s = stubs({
      bookDelivery: async () => {
        await booking.wait;
        return { bookingId: 'o', orderId: 'o', slotId: 's', status: 'BOOKED', date: '2026-11-23', windowStart: '09:00', windowEnd: '12:00' };
      },
    });
    const { result, answer } = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('cancel-while-booking'));
      await until(() => s.names().includes('bookDelivery'), 'the booking to start');
      const update = await handle.startUpdate(cancelCheckoutUpdate, { args: [{ reason: 'ordered twice' }], waitForStage: WorkflowUpdateStage.ACCEPTED });
      booking.open();
      const outcome = { answer: await update.result(), result: (await handle.result()) as CheckoutResult };
      await recordHistory('checkout-cancelled-while-booking', handle);
      return outcome;
    });
    expect(answer.state).toBe('CANCELLED');
    expect(result).toMatchObject({ outcome: 'CANCELLED', failure: { code: 'CANCELLED', message: 'ordered twice' } });
    expect(s.undone()).toEqual(['releaseDelivery', 'refundPayment', 'failOrder', 'releaseStock']);
    expect(s.names()).not.toContain('commitStock');
    expect(s.calls.find((c) => c.name === 'failOrder')?.input).toMatchObject({ toStatus: 'CANCELLED' });
    expect(s.published()).toEqual(['order.cancelled']);
  });

  it('refunds, never voids, a slip whose payment arrives together with a cancel', async () => {
    const s = stubs();
    const orderId = 'paid-and-cancelled';
    const taskQueue = newTaskQueue();
    // First worker: runs the saga up to the slip wait, then goes away.
    const handle = await withWorker(
      s.activities,
      async (tq) => {
        const h = await start(tq, checkoutInput(orderId, { type: 'konbini' }));
        await until(async () => (await h.query(checkoutStatusQuery)).state === 'AWAITING_PAYMENT', 'the slip wait');
        return h;
      },
      taskQueue,
    );
    // With no worker running, the payment and the cancel reach the workflow in the same task.
    await handle.signal(paymentConfirmedSignal, { paymentId: orderId, paidAt: new Date(await env.currentTimeMs()).toISOString() });
    const cancelled = handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'changed my mind' }] });
    const result = (await withWorker(s.activities, async () => {
      await cancelled;
      const outcome = await handle.result();
      await recordHistory('checkout-slip-paid-and-cancelled', handle);
      return outcome;
    }, taskQueue)) as CheckoutResult;
    expect(result.outcome).toBe('CANCELLED');
    expect(s.names()).toContain('confirmSlipPayment');
    // The refund runs before the void (which then finds nothing left to void); the booking, never
    // reached, is released too, in case a lost workflow task booked it.
    expect(s.undone()).toEqual(['releaseDelivery', 'refundPayment', 'voidPayment', 'failOrder', 'releaseStock']);
    expect(s.names()).not.toContain('bookDelivery');
  });

  it('keeps a payment confirmation that arrives before the slip was recorded (a fast webhook), and completes', async () => {
    const orderId = 'early-confirmation';
    const s = stubs({
      issuePaymentSlip: async () => {
        // The provider's webhook beats the activity's answer to the workflow.
        await env.client.workflow.getHandle(checkoutWorkflowId(orderId)).signal(paymentConfirmedSignal, { paymentId: orderId, paidAt: new Date().toISOString() });
        await new Promise((r) => setTimeout(r, 500));
        return { paymentId: orderId, orderId, method: 'konbini', status: 'PENDING', amountMinor: 2400, currency: 'JPY', slipNumber: '123456789012', expiresAt: '', providerReference: '' };
      },
    });
    const result = (await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput(orderId, { type: 'konbini' }));
      const outcome = await handle.result();
      await recordHistory('checkout-slip-early-confirmation', handle);
      return outcome;
    })) as CheckoutResult;
    expect(result.outcome).toBe('COMPLETED');
    expect(s.undone()).toEqual([]);
  });

  it('does not wait again for a slip that is already paid (a reset of a paid konbini checkout): it completes at once', async () => {
    const s = stubs({
      issuePaymentSlip: async () => ({ paymentId: 'o', orderId: 'o', method: 'konbini', status: 'PAID', amountMinor: 2400, currency: 'JPY', slipNumber: '123456789012', expiresAt: '', providerReference: '' }),
    });
    // No paymentConfirmed signal is ever sent: a saga that waited would expire the slip and fail.
    const result = (await withWorker(s.activities, async (tq) => (await start(tq, checkoutInput('slip-already-paid', { type: 'konbini' }))).result())) as CheckoutResult;
    expect(result.outcome).toBe('COMPLETED');
    expect(s.undone()).toEqual([]);
    expect(s.names()).toContain('confirmSlipPayment');
  });

  it('ends CANCELLED, after its undos, when an operator cancels the workflow (Web UI / CLI) during the slip wait', async () => {
    const s = stubs();
    const result = (await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('operator-cancel-slip', { type: 'bank_transfer' }));
      await env.sleep(60_000);
      await handle.cancel();
      const outcome = await handle.result();
      await recordHistory('checkout-slip-cancelled-by-operator', handle);
      return outcome;
    })) as CheckoutResult;
    expect(result).toMatchObject({ outcome: 'CANCELLED', failure: { code: 'CANCELLED' } });
    expect(s.undone()).toEqual(['releaseDelivery', 'voidPayment', 'failOrder', 'releaseStock']);
    expect(s.calls.find((c) => c.name === 'failOrder')?.input).toMatchObject({ toStatus: 'CANCELLED', reason: 'CANCELLED' });
    expect(s.published()).toEqual(['order.cancelled']);
  });

  it('rejects a cancel while the saga is already undoing a failure, so order status, result and event agree', async () => {
    const releasing = gate();
    const s = stubs({
      bookDelivery: reject('SLOT_FULL'),
      releaseDelivery: async () => {
        await releasing.wait;
        return { bookingId: 'o', orderId: 'o', slotId: 's', status: 'RELEASED', date: '', windowStart: '', windowEnd: '' };
      },
    });
    const { result, err } = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('cancel-while-undoing'));
      await until(() => s.names().includes('releaseDelivery'), 'the undos to start');
      const rejected = await handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'too slow' }] }).catch((e: unknown) => e);
      releasing.open();
      const outcome = { err: rejected, result: (await handle.result()) as CheckoutResult };
      await recordHistory('checkout-cancel-rejected-while-undoing', handle);
      return outcome;
    });
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((err as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('ORDER_NOT_CANCELLABLE');
    expect(result).toMatchObject({ outcome: 'FAILED', failure: { code: 'SLOT_FULL' } });
    expect(s.calls.find((c) => c.name === 'failOrder')?.input).toMatchObject({ toStatus: 'FAILED', reason: 'SLOT_FULL' });
    expect(s.published()).toEqual(['order.failed']);
  });

  it('stops an undo that can never succeed, marks the order COMPENSATION_STUCK without growing its history, and goes on once an operator resolves it', async () => {
    const s = stubs({ chargeCard: reject('CARD_DECLINED'), failOrder: reject('INVALID_TRANSITION') });
    const result = (await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('stuck-undo'));
      await until(async () => (await handle.query(checkoutStatusQuery)).state === 'COMPENSATION_STUCK', 'the stuck state');
      const status = await handle.query(checkoutStatusQuery);
      expect(status.compensations.find((c) => c.step === 'fail-order')).toMatchObject({ status: 'STUCK', attempts: 1, lastError: expect.stringContaining('INVALID_TRANSITION') });
      expect((await handle.describe()).searchAttributes).toMatchObject({ OrderStatus: ['COMPENSATION_STUCK'] });
      // The undos after it wait too: nothing is skipped.
      expect(s.undone()).toEqual(['refundPayment', 'failOrder']);

      const events = async () => (await handle.fetchHistory()).events?.length ?? 0;
      const before = await events();
      await env.sleep(30 * DAY_MS);
      expect(await events()).toBe(before);

      // An operator may only act on the undo that is stuck.
      const wrong = await handle.executeUpdate(resolveCompensationUpdate, { args: [{ step: 'release-stock', action: 'retry', operator: 'ops-1' }] }).catch((e: unknown) => e);
      expect(((wrong as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('CONFLICT');
      const after = await handle.executeUpdate(resolveCompensationUpdate, { args: [{ step: 'fail-order', action: 'mark-resolved', operator: 'ops-1', note: 'set FAILED by hand' }] });
      expect(after.compensations.find((c) => c.step === 'fail-order')).toMatchObject({ status: 'RESOLVED_BY_OPERATOR', resolvedBy: 'ops-1', note: 'set FAILED by hand' });
      const outcome = await handle.result();
      await recordHistory('checkout-compensation-stuck-resolved', handle);
      return outcome;
    })) as CheckoutResult;
    expect(result).toMatchObject({ outcome: 'FAILED', failure: { code: 'CARD_DECLINED' } });
    expect(s.undone()).toEqual(['refundPayment', 'failOrder', 'releaseStock']);
    expect(s.published()).toEqual(['order.failed']);
  });

  it(`bounds an undo that keeps failing at ${UNDO_ATTEMPTS_BEFORE_STUCK} attempts, then runs it again when an operator says retry`, async () => {
    let releases = 0;
    let outage = true;
    const s = stubs({
      bookDelivery: reject('SLOT_FULL'),
      releaseStock: async () => {
        releases += 1;
        if (outage) throw new Error('inventory unavailable');
        return { reservationId: 'o', orderId: 'o', status: 'RELEASED', lines: [], expiresAt: '' };
      },
    });
    const result = (await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('stuck-retry'));
      // Skips the undo's backoff (about 4 minutes of workflow time).
      await env.sleep(10 * 60_000);
      await until(async () => (await handle.query(checkoutStatusQuery)).state === 'COMPENSATION_STUCK', 'the stuck state');
      expect(releases).toBe(UNDO_ATTEMPTS_BEFORE_STUCK);
      await env.sleep(7 * DAY_MS);
      expect(releases).toBe(UNDO_ATTEMPTS_BEFORE_STUCK);
      outage = false;
      const status = await handle.executeUpdate(resolveCompensationUpdate, { args: [{ step: 'release-stock', action: 'retry', operator: 'ops-2' }] });
      expect(status.state).not.toBe('COMPENSATION_STUCK');
      const outcome = await handle.result();
      await recordHistory('checkout-compensation-stuck-retried', handle);
      return outcome;
    })) as CheckoutResult;
    expect(result.outcome).toBe('FAILED');
    expect(releases).toBe(UNDO_ATTEMPTS_BEFORE_STUCK + 1);
  });

  it('rejects resolveCompensation when nothing is stuck', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('nothing-stuck', { type: 'konbini' }));
      await env.sleep(60_000);
      const err = await handle.executeUpdate(resolveCompensationUpdate, { args: [{ step: 'release-stock', action: 'retry', operator: 'ops-1' }] }).catch((e: unknown) => e);
      expect(((err as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('CONFLICT');
      await handle.cancel();
      await handle.result();
    });
  });
  it('ends CANCELLED when an operator cancels the workflow while a card is being charged', async () => {
    const s = stubs({
      // A charge that heartbeats until the cancellation reaches it.
      chargeCard: async () => {
        for (;;) {
          Context.current().heartbeat();
          await Context.current().sleep(100);
        }
      },
    });
    const result = (await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('operator-cancel-card'));
      await until(() => s.names().includes('chargeCard'), 'the charge to start');
      await handle.cancel();
      const outcome = await handle.result();
      await recordHistory('checkout-card-cancelled-by-operator', handle);
      return outcome;
    })) as CheckoutResult;
    expect(result).toMatchObject({ outcome: 'CANCELLED', failure: { code: 'CANCELLED' } });
    // The refund is registered before the charge, so a charge that went through anyway is undone; the
    // booking after it is released too, in case a lost workflow task got that far.
    expect(s.undone()).toEqual(['releaseDelivery', 'refundPayment', 'failOrder', 'releaseStock']);
    expect(s.published()).toEqual(['order.cancelled']);
  });
});
