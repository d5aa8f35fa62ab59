import { status as GrpcStatus } from '@grpc/grpc-js';
import { QueryNotRegisteredError, WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { isDomainError } from '../../lib/errors';
import type { CheckoutResult, CheckoutStatus } from '../../workflows/checkout.contract';
import { askCheckoutStatus, askedView } from './checkouts';

/**
 * askCheckoutStatus when the status query fails the way it did under bench load (the worker could not
 * replay the checkout: QueryNotRegisteredError TMPRL1100, which the error handler turned into a 500).
 * The real server's cases (a task queue nobody polls, a stopped worker) are in
 * test/integration/checkout-status-unavailable.test.ts; a nondeterministic replay cannot be provoked there
 * without a broken workflow.
 */

const orderId = '6a7698a3-dc73-4c6b-9d6d-c36a61e27ba5';
const nondeterminism = () => new QueryNotRegisteredError('[TMPRL1100] Nondeterminism error: Non-deprecated patch marker encountered', GrpcStatus.INVALID_ARGUMENT);

interface Described {
  status: string;
  attributes: Record<string, string>;
  result?: CheckoutResult;
}

/** A checkout handle whose query answers `query` and whose describe/result tell `described`. */
function fakeCheckout(query: () => Promise<CheckoutStatus>, described: Described | Error) {
  const handle = {
    workflowId: `checkout:${orderId}`,
    query,
    describe: async () => {
      if (described instanceof Error) throw described;
      return { status: { name: described.status }, typedSearchAttributes: { get: (key: { name: string }) => described.attributes[key.name] } };
    },
    result: async () => {
      if (described instanceof Error || !described.result) throw new Error('no result');
      return described.result;
    },
  } as unknown as WorkflowHandle;
  const deadlines: number[] = [];
  const temporal = {
    withDeadline: <R>(deadline: number, fn: () => Promise<R>) => {
      deadlines.push(deadline);
      return fn();
    },
  } as unknown as Client;
  const warnings: object[] = [];
  return { handle, temporal, deadlines, warnings, log: { warn: (obj: object) => warnings.push(obj) } };
}

describe('askCheckoutStatus', () => {
  it('answers the live status when the query works, with a deadline', async () => {
    const status: CheckoutStatus = { orderId, customerId: 'cust-1', state: 'CHARGING_PAYMENT', timeline: [], compensations: [] };
    const f = fakeCheckout(async () => status, new Error('not asked'));
    const before = Date.now();
    expect(await askCheckoutStatus(f.temporal, f.handle, orderId, f.log)).toEqual({ status });
    expect(f.deadlines).toHaveLength(1);
    expect(f.deadlines[0]).toBeGreaterThan(before);
    expect(f.warnings).toEqual([]);
  });

  it('a running checkout whose query fails (nondeterminism): its state from OrderStatus, its customer from CustomerId, flagged and logged', async () => {
    const f = fakeCheckout(() => Promise.reject(nondeterminism()), { status: 'RUNNING', attributes: { CustomerId: 'cust-1', OrderStatus: 'BOOKING_DELIVERY' } });
    const asked = await askCheckoutStatus(f.temporal, f.handle, orderId, f.log);
    expect(asked).toEqual({ status: { orderId, customerId: 'cust-1', state: 'BOOKING_DELIVERY', timeline: [], compensations: [] }, statusUnavailable: true });
    expect(askedView(asked)).toMatchObject({ orderId, state: 'BOOKING_DELIVERY', statusUnavailable: true, statusUrl: `/v1/orders/${orderId}` });
    expect(f.warnings).toEqual([expect.objectContaining({ orderId, answeredWith: 'BOOKING_DELIVERY', error: expect.stringContaining('TMPRL1100') })]);
  });

  it('a completed checkout whose query fails: its outcome, totals and failure from its result', async () => {
    const f = fakeCheckout(() => Promise.reject(nondeterminism()), {
      status: 'COMPLETED',
      attributes: { CustomerId: 'cust-1', OrderStatus: 'CONFIRMING' },
      result: { orderId, outcome: 'FAILED', totalMinor: 1500, currency: 'JPY', failure: { code: 'CARD_DECLINED', message: 'declined' } },
    });
    expect(await askCheckoutStatus(f.temporal, f.handle, orderId, f.log)).toEqual({
      status: { orderId, customerId: 'cust-1', state: 'FAILED', totalMinor: 1500, currency: 'JPY', failure: { code: 'CARD_DECLINED', message: 'declined' }, timeline: [], compensations: [] },
      statusUnavailable: true,
    });
  });

  it.each([
    ['no CustomerId', { status: 'RUNNING', attributes: { OrderStatus: 'RESERVING_STOCK' } }],
    ['no OrderStatus while running', { status: 'RUNNING', attributes: { CustomerId: 'cust-1' } }],
    ['a terminated workflow', { status: 'TERMINATED', attributes: { CustomerId: 'cust-1', OrderStatus: 'CHARGING_PAYMENT' } }],
    ['describe failing too', new Error('14 UNAVAILABLE')],
  ] as const)('with nothing usable known (%s): STATUS_UNAVAILABLE (503), never the query error (500)', async (_what, described) => {
    const f = fakeCheckout(() => Promise.reject(nondeterminism()), described as Described | Error);
    const err: unknown = await askCheckoutStatus(f.temporal, f.handle, orderId, f.log).catch((e: unknown) => e);
    expect(isDomainError(err) && err.code).toBe('STATUS_UNAVAILABLE');
  });

  it('keeps "no such workflow" as it is (the routes answer NOT_FOUND), from the query or from describe', async () => {
    const notFound = () => new WorkflowNotFoundError('not found', `checkout:${orderId}`, undefined);
    const fromQuery = fakeCheckout(() => Promise.reject(notFound()), new Error('not asked'));
    await expect(askCheckoutStatus(fromQuery.temporal, fromQuery.handle, orderId, fromQuery.log)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    const fromDescribe = fakeCheckout(() => Promise.reject(nondeterminism()), notFound());
    await expect(askCheckoutStatus(fromDescribe.temporal, fromDescribe.handle, orderId, fromDescribe.log)).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });
});
