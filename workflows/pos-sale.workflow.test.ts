import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { posSaleInput, posStubs } from '../test/support/pos-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { POS_SALE_WORKFLOW_TYPE, posSaleStatusQuery, posSaleWorkflowId, type PosSaleInput, type PosSaleResult } from './pos-sale.contract';

const reject = (type: string) => async (): Promise<never> => {
  throw ApplicationFailure.create({ type, message: `rejected: ${type}`, nonRetryable: true });
};

/**
 * The POS saga on the time-skipping test server with stub activities: which steps ran, and exactly
 * which undos ran in which order when each step fails.
 */
describe('posSaleWorkflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: Activities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `pos-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(fn(taskQueue));
  }

  const start = (taskQueue: string, i: PosSaleInput) => env.client.workflow.start(POS_SALE_WORKFLOW_TYPE, { workflowId: posSaleWorkflowId(i.saleId), taskQueue, args: [i] });

  it('completes a card sale: reserve → record → charge → ledger → commit → complete, keys scoped to the workflow id, a receipt, no undo', async () => {
    const s = posStubs();
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, posSaleInput('card-ok'));
      const r = (await handle.result()) as PosSaleResult;
      await recordHistory('pos-sale-card-completed', handle);
      expect((await handle.query(posSaleStatusQuery)).state).toBe('COMPLETED');
      return r;
    });
    expect(s.names()).toEqual(['reserveStock', 'recordSale', 'chargeCard', 'recordSalePayment', 'commitStock', 'completeSale']);
    expect(s.undone()).toEqual([]);
    expect(result).toEqual({
      saleId: 'card-ok',
      outcome: 'COMPLETED',
      receipt: {
        saleId: 'card-ok',
        merchantId: 'merchant-1',
        cashierId: 'cashier-1',
        lines: [{ sku: 'TEA-1', name: 'Tea', quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400 }],
        totalMinor: 2400,
        currency: 'JPY',
        payment: { method: 'card', paymentId: 'pos-card-ok' },
        completedAt: '2026-12-01T03:00:01.000Z',
        businessDate: '2026-12-01',
      },
    });
    // The charge is for the total the pos service priced, never an amount from the till.
    expect(s.calls.find((c) => c.name === 'chargeCard')?.input).toMatchObject({ paymentId: 'pos-card-ok', amountMinor: 2400, currency: 'JPY', cardToken: 'tok_visa' });
    const keys = s.calls.map((c) => (c.input as { idempotencyKey?: string }).idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^pos-sale:card-ok:/);
  });

  it('completes a cash sale without a provider call: the ledger gets the tendered cash and the receipt the change', async () => {
    const s = posStubs();
    const result = await withWorker(s.activities, (tq) => start(tq, posSaleInput('cash-ok', { type: 'cash', tenderedMinor: 3000 })).then((h) => h.result() as Promise<PosSaleResult>));
    expect(s.names()).toEqual(['reserveStock', 'recordSale', 'recordSalePayment', 'commitStock', 'completeSale']);
    expect(s.calls.find((c) => c.name === 'recordSalePayment')?.input).toMatchObject({ paymentId: '', tenderedMinor: 3000 });
    expect(result.receipt?.payment).toEqual({ method: 'cash', tenderedMinor: 3000, changeMinor: 600 });
  });

  it('charges a QR payment through payments with the wallet token', async () => {
    const s = posStubs();
    const result = await withWorker(s.activities, (tq) => start(tq, posSaleInput('qr-ok', { type: 'qr', qrToken: 'tok_visa' })).then((h) => h.result() as Promise<PosSaleResult>));
    expect(result.outcome).toBe('COMPLETED');
    expect(s.calls.find((c) => c.name === 'chargeCard')?.input).toMatchObject({ paymentId: 'pos-qr-ok', cardToken: 'tok_visa' });
    expect(s.calls.find((c) => c.name === 'recordSaleRefund')).toBeUndefined();
  });

  it.each([
    ['reserveStock', 'OUT_OF_STOCK', ['releaseStock']],
    ['recordSale', 'PRODUCT_UNAVAILABLE', ['voidSale', 'releaseStock']],
    ['chargeCard', 'CARD_DECLINED', ['refundPayment', 'voidSale', 'releaseStock']],
    ['recordSalePayment', 'STEP_UNDONE', ['recordSaleRefund', 'refundPayment', 'voidSale', 'releaseStock']],
    ['commitStock', 'STEP_UNDONE', ['recordSaleRefund', 'refundPayment', 'voidSale', 'releaseStock']],
    ['completeSale', 'INVALID_TRANSITION', ['recordSaleRefund', 'refundPayment', 'voidSale', 'releaseStock']],
  ] as const)('card sale: when %s fails with %s it undoes exactly %j, in reverse order', async (failing, code, expectedUndos) => {
    const s = posStubs({ [failing]: reject(code) });
    const saleId = `card-fail-${failing}`;
    const result = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, posSaleInput(saleId));
      const r = (await handle.result()) as PosSaleResult;
      if (failing === 'chargeCard') await recordHistory('pos-sale-card-declined', handle);
      const status = await handle.query(posSaleStatusQuery);
      expect(status.state).toBe('FAILED');
      expect(status.compensations.map((c) => [c.step, c.status])).toEqual(status.compensations.map((c) => [c.step, 'DONE']));
      return r;
    });
    expect(result).toMatchObject({ saleId, outcome: 'FAILED', failure: { code } });
    expect(result.receipt).toBeUndefined();
    expect(s.undone()).toEqual(expectedUndos);
    // Each undo carries the sale's own key and ids.
    for (const c of s.calls.filter((x) => expectedUndos.includes(x.name as never))) expect((c.input as { idempotencyKey: string }).idempotencyKey).toMatch(new RegExp(`^pos-sale:${saleId}:`));
    expect(s.calls.find((c) => c.name === 'refundPayment')?.input ?? { paymentId: `pos-${saleId}` }).toMatchObject({ paymentId: `pos-${saleId}` });
  });

  it.each([
    ['recordSalePayment', 'VALIDATION_FAILED', ['recordSaleRefund', 'voidSale', 'releaseStock']],
    ['commitStock', 'STEP_UNDONE', ['recordSaleRefund', 'voidSale', 'releaseStock']],
  ] as const)('cash sale: when %s fails with %s it undoes exactly %j (no provider refund: no provider was paid)', async (failing, code, expectedUndos) => {
    const s = posStubs({ [failing]: reject(code) });
    const result = await withWorker(s.activities, (tq) => start(tq, posSaleInput(`cash-fail-${failing}`, { type: 'cash', tenderedMinor: 2400 })).then((h) => h.result() as Promise<PosSaleResult>));
    expect(result).toMatchObject({ outcome: 'FAILED', failure: { code } });
    expect(s.undone()).toEqual(expectedUndos);
  });

  it('retries an undo that fails, shows the attempts in the status query, then finishes', async () => {
    let attempts = 0;
    const s = posStubs({
      chargeCard: reject('CARD_DECLINED'),
      voidSale: async () => {
        attempts += 1;
        if (attempts <= 2) throw new Error('pos service unavailable');
        return { saleId: 's', status: 'VOIDED' };
      },
    });
    const compensations = await withWorker(s.activities, async (tq) => {
      const handle = await start(tq, posSaleInput('undo-retried'));
      await handle.result();
      return (await handle.query(posSaleStatusQuery)).compensations;
    });
    expect(compensations.find((c) => c.step === 'void-sale')).toMatchObject({ status: 'DONE', attempts: 3 });
    expect(s.undone()).toEqual(['refundPayment', 'voidSale', 'voidSale', 'voidSale', 'releaseStock']);
  });
});
