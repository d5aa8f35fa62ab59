import { CancellationScope, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { posRefundStatusQuery, type PosRefundInput, type PosRefundReceipt, type PosRefundResult, type PosRefundState, type PosRefundStatus, type PosRefundStep } from './pos-refund.contract';
import type { PosPaymentInput } from './pos-sale.contract';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';
import { failureOf, Saga } from './saga';

// Steps before the money goes back: infrastructure faults retried for a few minutes, then the saga undoes.
const steps = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumAttempts: 10, nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
});
// Steps after the money went back (the pivot): nothing can be undone any more, so infrastructure faults
// are retried until they pass; only a business rejection stops them (REFUND_INCOMPLETE, for an operator).
const rollForward = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
});
// Undos: one attempt per activity; the saga retries them itself so each attempt shows in `status`.
const undos = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

/**
 * The full refund of a completed POS sale: mark it REFUNDING (only a COMPLETED sale) → give the money back
 * (card and QR through payments, the sale's payment id; cash is handed back at the till, no provider) →
 * the pivot: from here the customer has the money, so the rest only goes forward → restock the lines (the
 * sale's committed reservation released) → the REFUND ledger entry and the sale REFUNDED. A refusal before
 * the pivot (e.g. the provider refuses the refund) undoes the mark: the sale is COMPLETED again, nothing restocked.
 */
export async function posRefundWorkflow(input: PosRefundInput): Promise<PosRefundResult> {
  const { workflowId } = workflowInfo();
  const key = (step: PosRefundStep) => `${workflowId}:${step}`;
  const { saleId } = input;
  const status: PosRefundStatus = { saleId, state: 'BEGINNING', timeline: [], compensations: [] };
  const setState = (state: PosRefundState) => {
    status.state = state;
  };
  const saga = new Saga<PosRefundStep>({
    mark: (step, stepStatus, detail) => status.timeline.push({ step, status: stepStatus, at: new Date().toISOString(), ...(detail ? { detail } : {}) }),
    undoRecords: status.compensations,
    onStuck: (stuck) => setState(stuck ? 'COMPENSATION_STUCK' : 'COMPENSATING'),
  });
  setHandler(posRefundStatusQuery, () => status);

  let pivoted = false;
  try {
    // 1. Only a COMPLETED sale becomes REFUNDING (a second refund of the sale is this same workflow).
    const sale = await saga.step('begin-refund', { step: 'cancel-refund', run: () => undos.cancelSaleRefund({ saleId, idempotencyKey: key('cancel-refund') }) }, () =>
      steps.beginSaleRefund({ saleId, idempotencyKey: key('begin-refund') }),
    );
    const method = sale.paymentMethod as PosPaymentInput['type'];

    // 2. The money back: card and QR to the payment they were charged on; cash counted out at the till.
    setState('REFUNDING_PAYMENT');
    if (method !== 'cash') {
      await saga.step('refund-payment', null, () => steps.refundPayment({ paymentId: sale.paymentId, idempotencyKey: key('refund-payment') }));
    }
    pivoted = true;

    // 3. The goods back on the shelf: the sale's reservation (id = sale id) was committed; releasing it restocks.
    setState('RESTOCKING');
    await saga.step('restock', null, () => rollForward.releaseStock({ reservationId: saleId, idempotencyKey: key('restock') }));

    // 4. The REFUND ledger entry (the next settlement subtracts it) and the sale REFUNDED, in one transaction.
    setState('RECORDING');
    await saga.step('record-refund', null, () => rollForward.finishSaleRefund({ saleId, idempotencyKey: key('record-refund') }));

    const receipt: PosRefundReceipt = {
      saleId,
      merchantId: sale.merchantId,
      reason: input.reason,
      refundedBy: input.requestedBy,
      lines: sale.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPriceMinor: Number(l.unitPriceMinor), lineTotalMinor: Number(l.lineTotalMinor) })),
      refundedMinor: Number(sale.totalMinor),
      currency: sale.currency,
      payment: { method, ...(method === 'cash' ? { cashBackMinor: Number(sale.totalMinor) } : { paymentId: sale.paymentId }) },
      refundedAt: new Date().toISOString(),
    };
    status.receipt = receipt;
    setState('REFUNDED');
    return { saleId, outcome: 'REFUNDED', receipt };
  } catch (err) {
    const failure = failureOf(err);
    status.failure = failure;
    if (pivoted) {
      // The customer has the money: undoing the mark would let the sale be refunded twice. Left for an operator.
      setState('REFUND_INCOMPLETE');
      return { saleId, outcome: 'FAILED', failure };
    }
    setState('COMPENSATING');
    await CancellationScope.nonCancellable(() => saga.compensate());
    setState('FAILED');
    return { saleId, outcome: 'FAILED', failure };
  }
}
