import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { checkoutInput, reject, stubs, type StepActivities } from '../test/support/checkout-stubs';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import {
  CHECKOUT_WORKFLOW_TYPE,
  cancelCheckoutUpdate,
  checkoutStatusQuery,
  checkoutWorkflowId,
  paymentConfirmedSignal,
  type CheckoutInput,
  type CheckoutResult,
} from './checkout.contract';

const DAY_MS = 24 * 60 * 60 * 1000;
const input = checkoutInput;

/**
 * The checkout saga on the time-skipping test server with stub activities: each test checks which
 * steps ran and exactly which undos ran, in which order.
 */
describe('checkoutWorkflow (time-skipping)', () => {
  // A test server per test: the fulfilment a completed checkout starts (an abandoned child with
  // timers of days) would otherwise keep running into the next test and stop time skipping there.
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await createTimeSkippingEnv();
  });
  afterEach(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: StepActivities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `checkout-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(fn(taskQueue));
  }

  const execute = (taskQueue: string, i: CheckoutInput) =>
    env.client.workflow.execute(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] }) as Promise<CheckoutResult>;

  it('completes a card checkout: every step once, keys scoped to the workflow id, no undo, order.completed published', async () => {
    const s = stubs();
    const result = await withWorker(s.activities, (tq) => execute(tq, input('ok-1')));
    expect(result).toEqual({ orderId: 'ok-1', outcome: 'COMPLETED', totalMinor: 2400, currency: 'JPY' });
    expect(s.names()).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'startFulfilmentAndPublish']);
    expect(s.undone()).toEqual([]);
    expect(s.published()).toEqual(['order.completed']);
    const keys = s.calls.map((c) => (c.input as { idempotencyKey?: string }).idempotencyKey).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^checkout:ok-1:/);
  });

  it.each([
    ['reserveStock', 'OUT_OF_STOCK', ['releaseStock']],
    ['createOrder', 'PRODUCT_UNAVAILABLE', ['failOrder', 'releaseStock']],
    ['chargeCard', 'CARD_DECLINED', ['refundPayment', 'failOrder', 'releaseStock']],
    ['bookDelivery', 'SLOT_FULL', ['releaseDelivery', 'refundPayment', 'failOrder', 'releaseStock']],
  ] as const)('when %s fails with %s it undoes exactly %j, in reverse order', async (failing, code, expectedUndos) => {
    const s = stubs({ [failing]: reject(code) });
    const orderId = `fail-${failing}`;
    const result = await withWorker(s.activities, (tq) => execute(tq, input(orderId)));
    expect(result.outcome).toBe('FAILED');
    expect(result.failure).toMatchObject({ code });
    expect(s.undone()).toEqual(expectedUndos);
    expect(s.names()).not.toContain('commitStock');
    expect(s.published()).toEqual(['order.failed']);
    const failOrder = s.calls.find((c) => c.name === 'failOrder');
    if (failOrder) expect(failOrder.input).toMatchObject({ toStatus: 'FAILED', reason: code });
  });

  it('retries an undo that fails twice, shows the attempts in the status query, then finishes', async () => {
    let releaseAttempts = 0;
    const s = stubs({
      bookDelivery: reject('SLOT_FULL'),
      releaseStock: async () => {
        releaseAttempts += 1;
        if (releaseAttempts <= 2) throw new Error('inventory unavailable');
        return { reservationId: 'o', orderId: 'o', status: 'RELEASED', lines: [], expiresAt: '' };
      },
    });
    await withWorker(s.activities, async (tq) => {
      const handle = await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId('undo-retry'), taskQueue: tq, args: [input('undo-retry')] });
      await handle.result();
      const status = await handle.query(checkoutStatusQuery);
      expect(status.state).toBe('FAILED');
      expect(status.compensations.find((c) => c.step === 'release-stock')).toMatchObject({ status: 'DONE', attempts: 3, lastError: expect.stringContaining('inventory unavailable') });
      expect(status.timeline.filter((t) => t.step === 'release-stock').map((t) => t.status)).toEqual(['STARTED', 'RETRYING', 'RETRYING', 'COMPLETED']);
    });
    expect(releaseAttempts).toBe(3);
  });

  it('retries a transient payment fault until the charge succeeds', async () => {
    let charges = 0;
    const s = stubs({
      chargeCard: async () => {
        charges += 1;
        if (charges <= 2) throw ApplicationFailure.create({ type: 'UNAVAILABLE', message: 'provider timeout', nonRetryable: false });
        return { paymentId: 'o', orderId: 'o', method: 'card', status: 'SUCCEEDED', amountMinor: 2400, currency: 'JPY', slipNumber: '', expiresAt: '', providerReference: 'sbx' };
      },
    });
    const result = await withWorker(s.activities, (tq) => execute(tq, input('transient')));
    expect(result.outcome).toBe('COMPLETED');
    expect(charges).toBe(3);
    expect(s.undone()).toEqual([]);
  });

  it('fails a konbini slip left unpaid for 3 days and undoes it', async () => {
    const s = stubs();
    const start = await env.currentTimeMs();
    const result = await withWorker(s.activities, (tq) => execute(tq, input('slip-expired', { type: 'konbini' })));
    expect(result.outcome).toBe('FAILED');
    expect(result.failure?.code).toBe('PAYMENT_EXPIRED');
    expect((await env.currentTimeMs()) - start).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(s.undone()).toEqual(['voidPayment', 'failOrder', 'releaseStock']);
    expect(s.names()).not.toContain('bookDelivery');
  });

  it('completes a bank-transfer checkout whose slip is paid on day 2', async () => {
    const s = stubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId('slip-paid'), taskQueue: tq, args: [input('slip-paid', { type: 'bank_transfer' })] });
      await env.sleep(2 * DAY_MS);
      expect((await handle.query(checkoutStatusQuery)).state).toBe('AWAITING_PAYMENT');
      await handle.signal(paymentConfirmedSignal, { paymentId: 'slip-paid', paidAt: new Date(await env.currentTimeMs()).toISOString() });
      return handle.result();
    });
    expect(result.outcome).toBe('COMPLETED');
    expect(s.names()).toEqual(['reserveStock', 'createOrder', 'issuePaymentSlip', 'transitionOrder', 'confirmSlipPayment', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'startFulfilmentAndPublish']);
  });

  it('accepts cancel before delivery is booked and undoes what was done', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId('cancel-early'), taskQueue: tq, args: [input('cancel-early', { type: 'konbini' })] });
      await env.sleep(60_000);
      const status = await handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'changed my mind' }] });
      expect(status.state).toBe('CANCELLED');
      expect(await handle.result()).toMatchObject({ outcome: 'CANCELLED', failure: { code: 'CANCELLED', message: 'changed my mind' } });
    });
    // A cancel may follow steps a lost workflow task ran unrecorded: the booking is released too (a no-op here).
    expect(s.undone()).toEqual(['releaseDelivery', 'voidPayment', 'failOrder', 'releaseStock']);
    expect(s.calls.find((c) => c.name === 'failOrder')?.input).toMatchObject({ toStatus: 'CANCELLED' });
    expect(s.published()).toEqual(['order.cancelled']);
  });

  it('rejects cancel once delivery is booked, and completes', async () => {
    let releaseCommit!: () => void;
    const commitGate = new Promise<void>((resolve) => (releaseCommit = resolve));
    const s = stubs({
      commitStock: async () => {
        await commitGate;
        return { reservationId: 'o', orderId: 'o', status: 'COMMITTED', lines: [], expiresAt: '' };
      },
    });
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId('cancel-late'), taskQueue: tq, args: [input('cancel-late')] });
      for (let i = 0; i < 100 && !s.names().includes('commitStock'); i += 1) await new Promise((r) => setTimeout(r, 50));
      const err = await handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'too late' }] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((err as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('ORDER_NOT_CANCELLABLE');
      releaseCommit();
      return handle.result();
    });
    expect(result.outcome).toBe('COMPLETED');
    expect(s.undone()).toEqual([]);
  });

  describe('with loyalty points', () => {
    const withPoints = (orderId: string, redeemPoints = 300): CheckoutInput => ({ ...input(orderId), redeemPoints });

    it('redeems after reserving stock and passes the discount to the order it creates', async () => {
      const s = stubs();
      const result = await withWorker(s.activities, async (tq) => {
        const handle = await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId('points-ok'), taskQueue: tq, args: [withPoints('points-ok')] });
        const outcome = await handle.result();
        const status = await handle.query(checkoutStatusQuery);
        expect(status.pointsRedeemed).toBe(300);
        expect(status.timeline.filter((t) => t.step === 'redeem-points').map((t) => t.status)).toEqual(['STARTED', 'COMPLETED']);
        return outcome;
      });
      expect(result.outcome).toBe('COMPLETED');
      expect(s.names()).toEqual(['reserveStock', 'redeemPoints', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'startFulfilmentAndPublish']);
      expect(s.calls.find((c) => c.name === 'redeemPoints')?.input).toEqual({ customerId: 'cust-1', orderId: 'points-ok', points: 300, idempotencyKey: 'checkout:points-ok:redeem-points' });
      expect(s.calls.find((c) => c.name === 'createOrder')?.input).toMatchObject({ pointsDiscountMinor: 300 });
      expect(s.undone()).toEqual([]);
    });

    it('registers the restore before redeeming: a redemption that fails is still undone', async () => {
      const s = stubs({ redeemPoints: reject('INSUFFICIENT_POINTS') });
      const result = await withWorker(s.activities, (tq) => execute(tq, withPoints('points-short')));
      expect(result).toMatchObject({ outcome: 'FAILED', failure: { code: 'INSUFFICIENT_POINTS' } });
      expect(s.undone()).toEqual(['restorePoints', 'releaseStock']);
      expect(s.calls.find((c) => c.name === 'restorePoints')?.input).toEqual({ customerId: 'cust-1', orderId: 'points-short', idempotencyKey: 'checkout:points-short:restore-points' });
      expect(s.names()).not.toContain('createOrder');
      expect(s.published()).toEqual(['order.failed']);
    });

    it('when the card is declined it restores the points between failing the order and releasing the stock', async () => {
      const s = stubs({ chargeCard: reject('CARD_DECLINED') });
      const result = await withWorker(s.activities, (tq) => execute(tq, withPoints('points-declined')));
      expect(result).toMatchObject({ outcome: 'FAILED', failure: { code: 'CARD_DECLINED' } });
      expect(s.undone()).toEqual(['refundPayment', 'failOrder', 'restorePoints', 'releaseStock']);
    });

    it('redeems nothing and registers no restore when no points are asked for', async () => {
      const s = stubs({ chargeCard: reject('CARD_DECLINED') });
      await withWorker(s.activities, (tq) => execute(tq, { ...input('points-zero'), redeemPoints: 0 }));
      expect(s.names()).not.toContain('redeemPoints');
      expect(s.undone()).toEqual(['refundPayment', 'failOrder', 'releaseStock']);
      expect(s.calls.find((c) => c.name === 'createOrder')?.input).not.toHaveProperty('pointsDiscountMinor');
    });
  });
});
