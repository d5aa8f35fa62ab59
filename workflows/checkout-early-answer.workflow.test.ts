import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { checkoutInput, reject, stubs, type StepActivities } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import {
  awaitCheckoutStageUpdate,
  CHECKOUT_WORKFLOW_TYPE,
  checkoutWorkflowId,
  paymentConfirmedSignal,
  type CheckoutInput,
  type CheckoutResult,
} from './checkout.contract';

/** A promise the test opens by hand: a stub activity waits on it, so the saga is held after a given step. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * The early answer (`awaitStage` update, stage `payment`): it resolves once the card is charged or the
 * slip issued, or once the checkout is failing, while the rest of the saga runs on. Each test holds the
 * saga at the step after payment until the answer came, so the answer cannot have waited for that step.
 */
describe('checkoutWorkflow early answer (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: StepActivities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `early-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(fn(taskQueue));
  }

  const start = (taskQueue: string, i: CheckoutInput) =>
    env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] });

  it('answers a card checkout once it is charged, before delivery is booked; the saga then completes as before', async () => {
    const held = gate();
    const s = stubs({
      bookDelivery: async () => {
        await held.opened;
        return { bookingId: 'o', orderId: 'o', slotId: 's', status: 'BOOKED', date: '2026-11-23', windowStart: '09:00', windowEnd: '12:00' };
      },
    });
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('early-card'));
      const answer = await handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage: 'payment' }] });
      expect(answer.payment).toMatchObject({ paymentId: 'early-card', method: 'card', accepted: 'CHARGED' });
      expect(answer.failure).toBeUndefined();
      expect(answer.timeline).toContainEqual(expect.objectContaining({ step: 'charge-payment', status: 'COMPLETED' }));
      expect(answer.timeline).not.toContainEqual(expect.objectContaining({ step: 'book-delivery', status: 'COMPLETED' }));
      held.open();
      expect(await handle.result()).toEqual({ orderId: 'early-card', outcome: 'COMPLETED', totalMinor: 2400, currency: 'JPY' });
      await recordHistory('checkout-early-answer-card', handle);
    });
    expect(s.names()).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'startFulfilmentAndPublish']);
    expect(s.published()).toEqual(['order.completed']);
  });

  it('answers a konbini checkout once its slip is issued, while the saga awaits the payment', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('early-slip', { type: 'konbini' }));
      const answer = await handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage: 'payment' }] });
      expect(answer.state).toBe('AWAITING_PAYMENT');
      expect(answer.payment).toMatchObject({ method: 'konbini', slipNumber: '123456789012', accepted: 'SLIP_ISSUED' });
      await handle.signal(paymentConfirmedSignal, { paymentId: 'early-slip', paidAt: '2026-11-23T10:00:00.000Z' });
      expect((await handle.result()).outcome).toBe('COMPLETED');
    });
  });

  it('answers a declined card with its failure at once, without waiting for the undos', async () => {
    const held = gate();
    const s = stubs({
      chargeCard: reject('CARD_DECLINED'),
      releaseStock: async () => {
        await held.opened;
        return { reservationId: 'o', orderId: 'o', status: 'RELEASED', lines: [], expiresAt: '' };
      },
    });
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('early-declined'));
      const answer = await handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage: 'payment' }] });
      expect(answer.failure).toMatchObject({ code: 'CARD_DECLINED' });
      expect(answer.payment?.accepted).toBeUndefined();
      expect(answer.state).toBe('COMPENSATING');
      held.open();
      expect((await handle.result()).outcome).toBe('FAILED');
    });
    expect(s.undone()).toEqual(['refundPayment', 'failOrder', 'releaseStock']);
  });

  it('answers stage outcome with the status the saga ended with, not before (what Prefer: wait uses instead of a query after the end)', async () => {
    const held = gate();
    const s = stubs({
      publishEvent: async () => {
        await held.opened;
        return undefined;
      },
    });
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('outcome-card'));
      const outcome = handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage: 'outcome' }] });
      const early = await handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage: 'payment' }] });
      expect(early.state).not.toBe('COMPLETED');
      held.open();
      const answer = await outcome;
      expect(answer.state).toBe('COMPLETED');
      expect(answer.timeline).toContainEqual(expect.objectContaining({ step: 'publish-event', status: 'COMPLETED' }));
      expect((await handle.result()).outcome).toBe('COMPLETED');
    });
  });

  it('answers a checkout already past payment at once (a retried request asks again)', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('early-again', { type: 'konbini' }));
      const first = await handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage: 'payment' }] });
      const again = await handle.executeUpdate(awaitCheckoutStageUpdate, { args: [{ stage: 'payment' }] });
      expect(again.payment).toEqual(first.payment);
      await handle.signal(paymentConfirmedSignal, { paymentId: 'early-again', paidAt: '2026-11-23T10:00:00.000Z' });
      expect((await handle.result()).outcome).toBe('COMPLETED');
    });
  });
});
