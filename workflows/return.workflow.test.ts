import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { RETURN_WORKFLOW_TYPE, returnWorkflowId, type ReturnInput, type ReturnResult } from './return.workflow';

type Call = { name: string; input: Record<string, unknown> };
type Stub = (input: never) => Promise<unknown>;

/** Stub activities of the return workflow, recording every call. */
function returnStubs(overrides: Record<string, Stub> = {}) {
  const calls: Call[] = [];
  const ret = (i: { returnId: string; orderId?: string }, status: string) => ({
    returnId: i.returnId,
    orderId: i.orderId ?? 'o',
    status,
    amountMinor: 1200,
    currency: 'JPY',
    reason: '',
    lines: [{ sku: '抹茶-100g', quantity: 1, amountMinor: 1200 }],
    createdAt: '',
  });
  const base: Record<string, Stub> = {
    recordReturn: async (i: { returnId: string; orderId: string }) => ret(i, 'RECORDED'),
    refundPartial: async (i: { paymentId: string; amountMinor: number }) => ({ payment: { paymentId: i.paymentId, status: 'SUCCEEDED' }, refundedMinor: i.amountMinor }),
    restockReturned: async (i: { sku: string; quantity: number }) => ({ sku: i.sku, onHand: 10, reserved: 0, available: 10 }),
    completeReturn: async (i: { returnId: string }) => ret(i, 'REFUNDED'),
    cancelReturn: async (i: { returnId: string }) => ret(i, 'CANCELLED'),
    publishEvent: async () => undefined,
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
  return { activities, calls, names: () => calls.map((c) => c.name) };
}

const input = (returnId: string): ReturnInput => ({ orderId: `order-${returnId}`, returnId, lines: [{ sku: '抹茶-100g', quantity: 1 }], reason: '破損', recordKey: `rest:${returnId}` });

/** The return workflow on the time-skipping test server: success, a refused refund (undone), an over-quantity return. */
describe('returnOrderWorkflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function run(activities: object, i: ReturnInput, name?: string): Promise<{ result?: ReturnResult; failure?: ApplicationFailure }> {
    const taskQueue = `return-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(async () => {
      const handle = (await env.client.workflow.start(RETURN_WORKFLOW_TYPE, { workflowId: returnWorkflowId(i.returnId), taskQueue, args: [i] })) as WorkflowHandle;
      try {
        const result = (await handle.result()) as ReturnResult;
        if (name) await recordHistory(name, handle);
        return { result };
      } catch (err) {
        if (!(err instanceof WorkflowFailedError)) throw err;
        return { failure: err.cause as ApplicationFailure };
      }
    });
  }

  it('records, refunds that part, restocks what came back, marks it REFUNDED, publishes order.returned', async () => {
    const s = returnStubs();
    const { result } = await run(s.activities, input('r-ok'), 'return-refunded');
    expect(result).toEqual({ returnId: 'r-ok', orderId: 'order-r-ok', status: 'REFUNDED', amountMinor: 1200, currency: 'JPY' });
    expect(s.names()).toEqual(['recordReturn', 'refundPartial', 'restockReturned', 'completeReturn', 'publishEvent']);
    expect(s.calls[0]!.input).toMatchObject({ orderId: 'order-r-ok', returnId: 'r-ok', idempotencyKey: 'rest:r-ok' });
    expect(s.calls[1]!.input).toEqual({ paymentId: 'order-r-ok', amountMinor: 1200, idempotencyKey: 'return:r-ok:refund-partial' });
    expect(s.calls[2]!.input).toEqual({ sku: '抹茶-100g', quantity: 1, reason: 'RETURN r-ok', idempotencyKey: 'return:r-ok:restock:抹茶-100g' });
    expect(s.calls[4]!.input).toMatchObject({ event: { id: 'return:r-ok:order.returned', type: 'order.returned', data: { orderId: 'order-r-ok', returnId: 'r-ok', amountMinor: 1200 } } });
  });

  it('a refund the payment refuses cancels the return and restocks nothing', async () => {
    const s = returnStubs({
      refundPartial: async () => {
        throw ApplicationFailure.nonRetryable('would give back more than was paid', 'CONFLICT');
      },
    });
    const { failure } = await run(s.activities, input('r-refused'));
    expect(failure?.type).toBe('CONFLICT');
    expect(s.names()).toEqual(['recordReturn', 'refundPartial', 'cancelReturn']);
    expect(s.calls[2]!.input).toEqual({ returnId: 'r-refused' });
  });

  it('an over-quantity return is rejected before any money or stock moves', async () => {
    const s = returnStubs({
      recordReturn: async () => {
        throw ApplicationFailure.nonRetryable('2 asked back, 1 left', 'RETURN_QUANTITY_EXCEEDED');
      },
    });
    const { failure } = await run(s.activities, input('r-over'));
    expect(failure?.type).toBe('RETURN_QUANTITY_EXCEEDED');
    expect(s.names()).toEqual(['recordReturn']);
  });
});
