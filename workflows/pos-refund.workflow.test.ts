import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { posStubs } from '../test/support/pos-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { POS_REFUND_WORKFLOW_TYPE, posRefundStatusQuery, posRefundWorkflowId, type PosRefundInput, type PosRefundResult } from './pos-refund.contract';

const reject = (type: string) => async (): Promise<never> => {
  throw ApplicationFailure.create({ type, message: `rejected: ${type}`, nonRetryable: true });
};

/** A completed sale as the pos service answers it (Japanese name: the receipt carries it unchanged). */
const completed = (method: 'card' | 'qr' | 'cash') => ({
  saleId: 's',
  merchantId: 'merchant-1',
  cashierId: 'cashier-1',
  status: 'REFUNDING',
  lines: [{ sku: 'お茶-1', name: '煎茶', quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400, taxRatePercent: 8, taxMinor: 177 }],
  taxTotals: [],
  totalMinor: 2400,
  currency: 'JPY',
  paymentMethod: method,
  paymentId: method === 'cash' ? '' : 'pos-s',
  tenderedMinor: 2400,
  changeMinor: 0,
  feeMinor: 0,
  createdAt: '2026-12-01T03:00:00.000Z',
  completedAt: '2026-12-01T03:00:01.000Z',
  businessDate: '2026-12-01',
});

/** Stubs of the refund's activities on top of the POS stubs; `names()` lists every call in order. */
function refundStubs(method: 'card' | 'qr' | 'cash', overrides: Partial<Record<keyof Activities, (input: never) => Promise<unknown>>> = {}) {
  return posStubs({
    beginSaleRefund: async () => completed(method),
    cancelSaleRefund: async () => ({ ...completed(method), status: 'COMPLETED' }),
    finishSaleRefund: async () => ({ ...completed(method), status: 'REFUNDED' }),
    ...overrides,
  });
}

const input = (saleId: string): PosRefundInput => ({ saleId, merchantId: 'merchant-1', requestedBy: 'cashier-1', reason: '破損 (damaged)' });

/** The POS refund on the time-skipping test server with stub activities: the steps, and exactly which undos run when a step fails. */
describe('posRefundWorkflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: Activities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `pos-refund-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(fn(taskQueue));
  }

  const start = (taskQueue: string, i: PosRefundInput) => env.client.workflow.start(POS_REFUND_WORKFLOW_TYPE, { workflowId: posRefundWorkflowId(i.saleId), taskQueue, args: [i] });

  it('refunds a card sale: REFUNDING → payment refunded → restocked → REFUND entry + REFUNDED, keys scoped to the workflow, a receipt, no undo', async () => {
    const s = refundStubs('card');
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('card-ok'));
      const r = (await handle.result()) as PosRefundResult;
      await recordHistory('pos-refund-card-refunded', handle);
      expect((await handle.query(posRefundStatusQuery)).state).toBe('REFUNDED');
      return r;
    });
    expect(s.names()).toEqual(['beginSaleRefund', 'refundPayment', 'releaseStock', 'finishSaleRefund']);
    expect(s.calls.find((c) => c.name === 'refundPayment')?.input).toMatchObject({ paymentId: 'pos-s' });
    expect(s.calls.find((c) => c.name === 'releaseStock')?.input).toMatchObject({ reservationId: 'card-ok' });
    expect(s.calls.find((c) => c.name === 'cancelSaleRefund')).toBeUndefined();
    const keys = s.calls.map((c) => (c.input as { idempotencyKey: string }).idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^pos-refund:card-ok:/);
    expect(result).toMatchObject({
      saleId: 'card-ok',
      outcome: 'REFUNDED',
      receipt: {
        saleId: 'card-ok',
        merchantId: 'merchant-1',
        reason: '破損 (damaged)',
        refundedBy: 'cashier-1',
        lines: [{ sku: 'お茶-1', name: '煎茶', quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400 }],
        refundedMinor: 2400,
        currency: 'JPY',
        payment: { method: 'card', paymentId: 'pos-s' },
      },
    });
  });

  it('refunds a cash sale without a provider call: the receipt says the cash handed back', async () => {
    const s = refundStubs('cash');
    const result = await withWorker(s.activities, (tq) => start(tq, input('cash-ok')).then((h) => h.result() as Promise<PosRefundResult>));
    expect(s.names()).toEqual(['beginSaleRefund', 'releaseStock', 'finishSaleRefund']);
    expect(result.receipt?.payment).toEqual({ method: 'cash', cashBackMinor: 2400 });
  });

  it('rejects the refund of a sale that is not COMPLETED (INVALID_TRANSITION): nothing refunded or restocked', async () => {
    const s = refundStubs('card', { beginSaleRefund: reject('INVALID_TRANSITION') });
    const result = await withWorker(s.activities, (tq) => start(tq, input('not-completed')).then((h) => h.result() as Promise<PosRefundResult>));
    expect(result).toMatchObject({ outcome: 'FAILED', failure: { code: 'INVALID_TRANSITION' } });
    // The mark's undo leaves a sale that is not REFUNDING alone (cancelRefund answers it as it is).
    expect(s.names()).toEqual(['beginSaleRefund', 'cancelSaleRefund']);
  });

  it('when the provider refuses the refund, the sale is COMPLETED again and nothing is restocked or recorded', async () => {
    const s = refundStubs('qr', { refundPayment: reject('INVALID_TRANSITION') });
    const status = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input('provider-refuses'));
      const r = (await handle.result()) as PosRefundResult;
      expect(r).toMatchObject({ outcome: 'FAILED', failure: { code: 'INVALID_TRANSITION' } });
      await recordHistory('pos-refund-provider-refused', handle);
      return handle.query(posRefundStatusQuery);
    });
    expect(s.names()).toEqual(['beginSaleRefund', 'refundPayment', 'cancelSaleRefund']);
    expect(status.state).toBe('FAILED');
    expect(status.compensations).toMatchObject([{ step: 'cancel-refund', status: 'DONE' }]);
  });

  it.each([
    ['releaseStock', 'VALIDATION_FAILED', ['beginSaleRefund', 'refundPayment', 'releaseStock']],
    ['finishSaleRefund', 'NOT_FOUND', ['beginSaleRefund', 'refundPayment', 'releaseStock', 'finishSaleRefund']],
  ] as const)('after the money went back, %s rejected (%s) undoes nothing: REFUND_INCOMPLETE for an operator', async (failing, code, expected) => {
    const s = refundStubs('card', { [failing]: reject(code) });
    const status = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, input(`after-pivot-${failing}`));
      expect(await handle.result()).toMatchObject({ outcome: 'FAILED', failure: { code } });
      return handle.query(posRefundStatusQuery);
    });
    expect(s.names()).toEqual(expected);
    expect(status.state).toBe('REFUND_INCOMPLETE');
    expect(status.compensations).toEqual([]);
  });

  it('after the money went back, retries an infrastructure fault of the restock until it passes (no undo)', async () => {
    let attempts = 0;
    const s = refundStubs('card', {
      releaseStock: async () => {
        attempts += 1;
        if (attempts <= 12) throw new Error('inventory unavailable');
        return { reservationId: 's', status: 'RELEASED' };
      },
    });
    const result = await withWorker(s.activities, (tq) => start(tq, input('restock-retried')).then((h) => h.result() as Promise<PosRefundResult>));
    expect(result.outcome).toBe('REFUNDED');
    expect(attempts).toBe(13);
    expect(s.calls.find((c) => c.name === 'cancelSaleRefund')).toBeUndefined();
  });
});
