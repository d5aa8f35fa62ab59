import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowStartOptions } from '@temporalio/client';
import type { CheckoutStatus } from '../../workflows/checkout.contract';
import type { IdempotencyKeys } from '../idempotency';
import { startCheckout, type StartCheckoutRequest } from './checkouts';

/**
 * startCheckout with `awaitStage` (update-with-start) when the call does not come back accepted: the
 * workflow must be started or found all the same before the Idempotency-Key is marked done. The real
 * server's happy path is in test/integration/early-answer.test.ts; these failures cannot be provoked
 * there (a server refusing multi-operations, an update not accepted within the wait).
 */

/** How the fake Temporal answers update-with-start. */
type MultiOperation = 'accepted' | 'refused' | 'closed' | 'never accepted' | 'unreachable';

/** A Temporal client that records the calls startCheckout makes and answers as `multiOperation` says. */
function fakeTemporal(multiOperation: MultiOperation, status: CheckoutStatus) {
  const calls: string[] = [];
  let answerUpdate!: (s: CheckoutStatus) => void;
  const unreachable = Object.assign(new Error('14 UNAVAILABLE: connect ECONNREFUSED'), { code: 14 });
  const client = {
    connection: {
      // Like the real one: the call fails once the signal aborts.
      withAbortSignal: <R>(signal: AbortSignal, fn: () => Promise<R>): Promise<R> =>
        new Promise<R>((resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('Cancelled on client')));
          fn().then(resolve, reject);
        }),
    },
    workflow: {
      startUpdateWithStart: async (_update: unknown, options: { startWorkflowOperation: { options: { workflowIdConflictPolicy: string; workflowIdReusePolicy?: string } } }) => {
        const { workflowIdConflictPolicy, workflowIdReusePolicy } = options.startWorkflowOperation.options;
        calls.push(`updateWithStart ${workflowIdConflictPolicy} ${workflowIdReusePolicy}`);
        if (multiOperation === 'refused') throw new Error('7 PERMISSION_DENIED: ExecuteMultiOperation API is disabled');
        if (multiOperation === 'closed') throw new WorkflowExecutionAlreadyStartedError('Workflow execution already started', 'checkout:x', 'checkoutWorkflow');
        if (multiOperation === 'unreachable') throw unreachable;
        if (multiOperation === 'never accepted') return new Promise<never>(() => undefined);
        return {
          result: () =>
            new Promise<CheckoutStatus>((resolve) => {
              answerUpdate = resolve;
            }),
        };
      },
      start: async (_type: string, options: WorkflowStartOptions) => {
        calls.push(`start ${options.workflowIdReusePolicy}`);
        if (multiOperation === 'closed') throw new WorkflowExecutionAlreadyStartedError('Workflow execution already started', options.workflowId, 'checkoutWorkflow');
        if (multiOperation === 'unreachable') throw unreachable;
        return {};
      },
    },
  };
  return { client: client as unknown as Client, calls, answerUpdate: (s: CheckoutStatus) => answerUpdate(s) };
}

/** Idempotency keys that record what happened to the key, in the order it happened. */
function fakeKeys(calls: string[]) {
  const keys = {
    begin: async (_scope: string, _key: string, _body: unknown, candidateId: string) => ({ id: candidateId, replay: false }),
    complete: async () => {
      calls.push('key done');
    },
    abandon: async () => {
      calls.push('key abandoned');
    },
  };
  return keys as unknown as IdempotencyKeys;
}

function request(calls: string[], waitSeconds = 1): StartCheckoutRequest {
  return {
    customer: { id: 'cust-1', email: 'hanako@example.com' } as StartCheckoutRequest['customer'],
    details: {
      address: { name: 'Hanako Yamada', postalCode: '150-0001', prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
      payment: { type: 'card', cardToken: 'tok_visa' },
      deliverySlotId: 'tokyo-23:2026-12-03:14:00',
    },
    lines: async () => [{ sku: 'TEA-SENCHA-100G', quantity: 1 }],
    idempotency: { scope: 'checkouts:cust-1', key: 'k-1', body: {} },
    onAccepted: async () => {
      calls.push('accepted');
    },
    awaitStage: { stage: 'payment', waitSeconds },
  };
}

const status = { orderId: 'o-1', state: 'CHARGING_PAYMENT' } as CheckoutStatus;

describe('startCheckout with Prefer: wait (update-with-start)', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('starts with the update in one call (USE_EXISTING, REJECT_DUPLICATE), marks the key done and accepts before the answer comes', async () => {
    const temporal = fakeTemporal('accepted', status);
    const started = await startCheckout({ temporal: temporal.client, taskQueue: 'q', idempotency: fakeKeys(temporal.calls) }, request(temporal.calls));
    expect(temporal.calls).toEqual(['updateWithStart USE_EXISTING REJECT_DUPLICATE', 'key done', 'accepted']);
    temporal.answerUpdate(status);
    expect(await started.answer).toEqual({ kind: 'reached', status });
  });

  it('a server refusing multi-operations: a plain start, and the answer is left to the separate update', async () => {
    const temporal = fakeTemporal('refused', status);
    const started = await startCheckout({ temporal: temporal.client, taskQueue: 'q', idempotency: fakeKeys(temporal.calls) }, request(temporal.calls));
    expect(temporal.calls).toEqual(['updateWithStart USE_EXISTING REJECT_DUPLICATE', 'start REJECT_DUPLICATE', 'key done', 'accepted']);
    expect(started.answer).toBeUndefined();
  });

  it('an id that is closed already (REJECT_DUPLICATE): found, not started again; the answer is unavailable (the fallback reads the outcome)', async () => {
    const temporal = fakeTemporal('closed', status);
    const started = await startCheckout({ temporal: temporal.client, taskQueue: 'q', idempotency: fakeKeys(temporal.calls) }, request(temporal.calls));
    expect(temporal.calls).toEqual(['updateWithStart USE_EXISTING REJECT_DUPLICATE', 'start REJECT_DUPLICATE', 'key done', 'accepted']);
    expect(await started.answer).toEqual({ kind: 'unavailable' });
  });

  it('the update not accepted within the wait: the workflow is started or found before the key is done, and the answer is timedOut', async () => {
    jest.useFakeTimers();
    const temporal = fakeTemporal('never accepted', status);
    const starting = startCheckout({ temporal: temporal.client, taskQueue: 'q', idempotency: fakeKeys(temporal.calls) }, request(temporal.calls, 1));
    await jest.advanceTimersByTimeAsync(1000);
    const started = await starting;
    expect(temporal.calls).toEqual(['updateWithStart USE_EXISTING REJECT_DUPLICATE', 'start REJECT_DUPLICATE', 'key done', 'accepted']);
    expect(await started.answer).toEqual({ kind: 'timedOut' });
  });

  it('Temporal unreachable: the error is thrown, the key abandoned, nothing accepted', async () => {
    const temporal = fakeTemporal('unreachable', status);
    await expect(startCheckout({ temporal: temporal.client, taskQueue: 'q', idempotency: fakeKeys(temporal.calls) }, request(temporal.calls))).rejects.toThrow(/UNAVAILABLE/);
    expect(temporal.calls).toEqual(['updateWithStart USE_EXISTING REJECT_DUPLICATE', 'start REJECT_DUPLICATE', 'key abandoned']);
  });
});
