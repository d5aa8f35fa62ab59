import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { checkoutInput, stubs } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { CHECKOUT_WORKFLOW_TYPE, checkoutWorkflowId, type CheckoutInput, type CheckoutResult } from './checkout.contract';

/**
 * The end of a completed checkout: the order.completed event's activity and the fulfilment child are
 * started by the same workflow task (one round trip of the saga less than one after the other).
 */
describe('checkoutWorkflow publishes and starts the fulfilment together (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('schedules publishEvent and starts the fulfilment child in one workflow task; the checkout completes as before', async () => {
    const s = stubs();
    const taskQueue = `together-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities: s.activities });
    await worker.runUntil(async () => {
      const i = checkoutInput('together-card');
      const handle = await env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] });
      expect(await handle.result()).toEqual({ orderId: 'together-card', outcome: 'COMPLETED', totalMinor: 2400, currency: 'JPY' });
      const events = (await handle.fetchHistory()).events ?? [];
      const publish = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'publishEvent');
      const child = events.find((e) => e.startChildWorkflowExecutionInitiatedEventAttributes);
      expect(child).toBeDefined();
      expect(String(child!.startChildWorkflowExecutionInitiatedEventAttributes!.workflowTaskCompletedEventId)).toBe(
        String(publish!.activityTaskScheduledEventAttributes!.workflowTaskCompletedEventId),
      );
      await recordHistory('checkout-publish-and-fulfil-together', handle);
    });
    expect(s.names()).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'publishEvent']);
    expect(s.published()).toEqual(['order.completed']);
  });
});
