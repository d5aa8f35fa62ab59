import type { WorkflowHandle } from '@temporalio/client';
import { setTimeout as delay } from 'node:timers/promises';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { checkoutInput, reject, stubs, type StepActivities } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { CHECKOUT_WORKFLOW_TYPE, checkoutStatusQuery, checkoutWorkflowId, paymentConfirmedSignal, SEARCH_ATTRIBUTES, type CheckoutInput, type CheckoutResult } from './checkout.contract';

/** The OrderStatus values the saga wrote (UpsertWorkflowSearchAttributes events), in order. */
async function orderStatusUpserts(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const payload = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.OrderStatus;
    if (!payload?.data) return [];
    const value = JSON.parse(Buffer.from(payload.data).toString('utf8')) as string | string[];
    return Array.isArray(value) ? value : [value];
  });
}

/**
 * OrderStatus (a search attribute, one visibility write per upsert) is written only for the states
 * operators and alerts filter on: AWAITING_PAYMENT, COMPENSATING, COMPENSATION_STUCK and the outcomes,
 * plus the state right after one of them so a checkout never stays listed under a state it left.
 */
describe('checkoutWorkflow OrderStatus upserts (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: StepActivities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `upserts-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(fn(taskQueue));
  }

  const start = (taskQueue: string, i: CheckoutInput) =>
    env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] });

  it('a card checkout writes its first state and COMPLETED only (six upserts before), and still reports every step', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('upserts-card'));
      expect((await handle.result()).outcome).toBe('COMPLETED');
      expect(await orderStatusUpserts(handle)).toEqual(['RESERVING_STOCK', 'COMPLETED']);
      expect((await handle.describe()).searchAttributes).toMatchObject({ OrderStatus: ['COMPLETED'] });
      await recordHistory('checkout-fewer-status-upserts-card', handle);
    });
    expect(s.names()).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'startFulfilmentAndPublish']);
  });

  it('a checkout the api started listed as RESERVING_STOCK does not write it again: COMPLETED is its only upsert', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const i = checkoutInput('upserts-listed-card');
      const handle = await env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, {
        workflowId: checkoutWorkflowId(i.orderId),
        taskQueue: tq,
        args: [i],
        typedSearchAttributes: [{ key: SEARCH_ATTRIBUTES.OrderStatus, value: 'RESERVING_STOCK' }],
      });
      expect((await handle.describe()).searchAttributes).toMatchObject({ OrderStatus: ['RESERVING_STOCK'] });
      expect((await handle.result()).outcome).toBe('COMPLETED');
      expect(await orderStatusUpserts(handle)).toEqual(['COMPLETED']);
      expect((await handle.describe()).searchAttributes).toMatchObject({ OrderStatus: ['COMPLETED'] });
      await recordHistory('checkout-baseline-b-started-listed', handle);
    });
  });

  it('a slip checkout is listed as AWAITING_PAYMENT while it waits, and no longer once paid', async () => {
    const s = stubs();
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('upserts-slip', { type: 'konbini' }));
      // Asked, not slept for: the test server shared by this file's tests can be kept from skipping
      // time by what an earlier test left, and an env.sleep would then wait in real time (CI: 60 s).
      const deadline = Date.now() + 30_000;
      while ((await handle.query(checkoutStatusQuery)).state !== 'AWAITING_PAYMENT') {
        if (Date.now() > deadline) throw new Error('the slip checkout was not awaiting payment after 30 s');
        await delay(25);
      }
      expect((await handle.describe()).searchAttributes).toMatchObject({ OrderStatus: ['AWAITING_PAYMENT'] });
      await handle.signal(paymentConfirmedSignal, { paymentId: 'upserts-slip', paidAt: '2026-11-23T10:00:00.000Z' });
      expect((await handle.result()).outcome).toBe('COMPLETED');
      expect(await orderStatusUpserts(handle)).toEqual(['RESERVING_STOCK', 'AWAITING_PAYMENT', 'BOOKING_DELIVERY', 'COMPLETED']);
    });
  });

  it('a declined card is listed as COMPENSATING while undone, then FAILED', async () => {
    const s = stubs({ chargeCard: reject('CARD_DECLINED') });
    await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, checkoutInput('upserts-declined'));
      expect((await handle.result()).outcome).toBe('FAILED');
      expect(await orderStatusUpserts(handle)).toEqual(['RESERVING_STOCK', 'COMPENSATING', 'FAILED']);
    });
  });
});
