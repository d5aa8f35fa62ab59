import { ApplicationFailure, getExternalWorkflowHandle, log, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RefundInput, RefundResult } from './checkout.contract';
import { fulfilmentWorkflowId, orderRefundedSignal } from './fulfilment.contract';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';

const steps = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Every step of a refund is an idempotent undo: retried until it goes through.
  retry: { ...RETRY_BASE, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
});

/**
 * Cancels a completed order: refunds the payment, frees the delivery slot, puts the goods back on
 * hand, gives back the loyalty points it redeemed and takes back those it earned, marks the order
 * REFUNDED and publishes `order.refunded`.
 */
export async function refundOrderWorkflow(input: RefundInput): Promise<RefundResult> {
  const { workflowId } = workflowInfo();
  const key = (step: string) => `${workflowId}:${step}`;
  const { orderId } = input;
  const order = await steps.getOrder({ orderId });
  if (order.status !== 'CONFIRMED') {
    throw ApplicationFailure.nonRetryable(`order ${orderId} is ${order.status}; only a completed order is refunded`, 'INVALID_TRANSITION');
  }
  // A parcel still on its way is not delivered once its order is refunded: the fulfilment stops first
  // (before the goods go back on hand). No running fulfilment (delivered, never started, or the
  // fulfilment's own return runs this refund) is nothing to stop. Refunds started before this step replay without it.
  if (patched('refund-stops-fulfilment')) {
    try {
      await getExternalWorkflowHandle(fulfilmentWorkflowId(orderId)).signal(orderRefundedSignal, { refundWorkflowId: workflowId, reason: input.reason });
    } catch (err) {
      log.info('no running fulfilment to stop', { orderId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  // The checkout uses the order id as payment, booking and reservation id.
  await steps.refundPayment({ paymentId: orderId, idempotencyKey: key('refund-payment') });
  await steps.releaseDelivery({ bookingId: orderId, idempotencyKey: key('release-delivery') });
  await steps.releaseStock({ reservationId: orderId, idempotencyKey: key('restock') });
  // Refunds that started before loyalty existed replay without this step.
  if (patched('refund-restores-points')) {
    await steps.restorePoints({ customerId: order.customerId, orderId, idempotencyKey: key('restore-points') });
  }
  // Points the order earned go with its refund (never below a zero balance; what could not be taken
  // back is recorded by the loyalty service). Refunds started before this step replay without it.
  if (patched('refund-revokes-earned-points')) {
    await steps.revokeEarnedPoints({ customerId: order.customerId, orderId, idempotencyKey: key('revoke-earned-points') });
  }
  await steps.transitionOrder({ orderId, toStatus: 'REFUNDED', reason: input.reason, idempotencyKey: key('mark-refunded') });
  await steps.publishEvent({
    topic: 'orders',
    event: {
      id: `${workflowId}:order.refunded`,
      type: 'order.refunded',
      source: '/workflows/refund',
      subject: orderId,
      data: { orderId, customerId: order.customerId, customerEmail: order.customerEmail, amountMinor: order.totalMinor, currency: order.currency, reason: input.reason, refundedAt: new Date().toISOString() },
    },
  });
  return { orderId, refundedMinor: order.totalMinor, currency: order.currency };
}
