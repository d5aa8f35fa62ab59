import { CancellationScope, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { posSaleStatusQuery, type PosReceipt, type PosSaleInput, type PosSaleResult, type PosSaleState, type PosSaleStatus, type PosSaleStep } from './pos-sale.contract';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';
import { failureOf, Saga } from './saga';

// Forward steps: infrastructure faults are retried for a few minutes, then the saga compensates.
const steps = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumAttempts: 10, nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
});
// Undos: one attempt per activity; the saga retries them itself so each attempt shows in `status`.
const undos = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

/** How long stock stays reserved for a counter sale: the sale takes seconds, so an hour is plenty. */
const RESERVATION_TTL_SECONDS = 60 * 60;

/**
 * The point-of-sale saga: reserve stock → record the sale (priced from the catalog, the merchant's
 * SKUs only) → take payment (card and QR charged through payments; cash needs no provider) and record
 * it in the merchant's ledger → commit stock → complete. Each step names its undo, registered before
 * the call (`saga.step`) and run in reverse, non-cancellably, when a later step fails. No delivery and
 * no slip: a counter sale is paid at once or not at all.
 */
export async function posSaleWorkflow(input: PosSaleInput): Promise<PosSaleResult> {
  const { workflowId } = workflowInfo();
  const key = (step: PosSaleStep) => `${workflowId}:${step}`;
  const { saleId } = input;
  const status: PosSaleStatus = { saleId, merchantId: input.merchantId, state: 'RESERVING_STOCK', timeline: [], compensations: [] };
  const setState = (state: PosSaleState) => {
    status.state = state;
  };
  const saga = new Saga<PosSaleStep>({
    // new Date() is deterministic in a workflow: the time of the current workflow task.
    mark: (step, stepStatus, detail) => status.timeline.push({ step, status: stepStatus, at: new Date().toISOString(), ...(detail ? { detail } : {}) }),
    undoRecords: status.compensations,
    onStuck: (stuck) => setState(stuck ? 'COMPENSATION_STUCK' : 'COMPENSATING'),
  });
  setHandler(posSaleStatusQuery, () => status);

  try {
    // 1. Reserve stock (the sale id is the reservation id).
    await saga.step('reserve-stock', { step: 'release-stock', run: () => undos.releaseStock({ reservationId: saleId, idempotencyKey: key('release-stock') }) }, () =>
      steps.reserveStock({ reservationId: saleId, orderId: saleId, lines: input.lines, ttlSeconds: RESERVATION_TTL_SECONDS, idempotencyKey: key('reserve-stock') }),
    );

    // 2. Record the sale, priced by the pos service from the catalog (never from the till).
    setState('RECORDING_SALE');
    const sale = await saga.step('record-sale', { step: 'void-sale', run: () => undos.voidSale({ saleId, idempotencyKey: key('void-sale') }) }, () =>
      steps.recordSale({ saleId, merchantId: input.merchantId, cashierId: input.cashierId, lines: input.lines, paymentMethod: input.payment.type, idempotencyKey: key('record-sale') }),
    );

    // 3. Take the payment: card and QR are charged by the payments service (the QR wallet's token goes
    // to the same provider as a card token); cash is counted at the till, so there is no provider call.
    setState('TAKING_PAYMENT');
    const { payment } = input;
    let paymentId = '';
    if (payment.type !== 'cash') {
      paymentId = `pos-${saleId}`;
      const token = payment.type === 'card' ? payment.cardToken : payment.qrToken;
      await saga.step('take-payment', { step: 'refund-payment', run: () => undos.refundPayment({ paymentId, idempotencyKey: key('refund-payment') }) }, () =>
        steps.chargeCard({ paymentId, orderId: saleId, amountMinor: sale.totalMinor, currency: sale.currency, cardToken: token, idempotencyKey: key('take-payment') }),
      );
    }
    // The merchant's ledger: SALE_PAID and the acquirer's FEE; undone by a REFUND entry.
    const paid = await saga.step('record-payment', { step: 'record-refund', run: () => undos.recordSaleRefund({ saleId, idempotencyKey: key('record-refund') }) }, () =>
      steps.recordSalePayment({ saleId, paymentId, tenderedMinor: payment.type === 'cash' ? payment.tenderedMinor : 0, idempotencyKey: key('record-payment') }),
    );

    // 4. Commit: the reserved stock becomes sold, the sale COMPLETED.
    setState('COMMITTING');
    await saga.step('commit-stock', null, () => steps.commitStock({ reservationId: saleId, idempotencyKey: key('commit-stock') }));
    const completed = await saga.step('complete-sale', null, () => steps.completeSale({ saleId, idempotencyKey: key('complete-sale') }));

    const receipt: PosReceipt = {
      saleId,
      merchantId: completed.merchantId,
      cashierId: completed.cashierId,
      lines: completed.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPriceMinor: Number(l.unitPriceMinor), lineTotalMinor: Number(l.lineTotalMinor) })),
      totalMinor: completed.totalMinor,
      currency: completed.currency,
      payment: {
        method: payment.type,
        ...(paymentId ? { paymentId } : {}),
        ...(payment.type === 'cash' ? { tenderedMinor: paid.tenderedMinor, changeMinor: paid.changeMinor } : {}),
      },
      completedAt: completed.completedAt,
      businessDate: completed.businessDate,
    };
    status.receipt = receipt;
    setState('COMPLETED');
    return { saleId, outcome: 'COMPLETED', receipt };
  } catch (err) {
    const failure = failureOf(err);
    status.failure = failure;
    setState('COMPENSATING');
    await CancellationScope.nonCancellable(() => saga.compensate());
    setState('FAILED');
    return { saleId, outcome: 'FAILED', failure };
  }
}
