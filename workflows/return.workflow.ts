import { ActivityFailure, ApplicationFailure, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';

export const RETURN_WORKFLOW_TYPE = 'returnOrderWorkflow';

/** One workflow per return: the REST routes record the return first, then start this with its id. */
export function returnWorkflowId(returnId: string): string {
  return `return:${returnId}`;
}

export interface ReturnInput {
  orderId: string;
  returnId: string;
  lines: { sku: string; quantity: number }[];
  reason: string;
  /** The key RecordReturn was (or is) called with: the workflow's first step repeats it and gets the same return. */
  recordKey: string;
}

export interface ReturnResult {
  returnId: string;
  orderId: string;
  /** REFUNDED, or CANCELLED when the payment refused the refund (nothing was restocked). */
  status: 'REFUNDED' | 'CANCELLED';
  amountMinor: number;
  currency: string;
}

const steps = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Business rejections end the step at once; anything else (an outage) is retried until it goes through.
  retry: { ...RETRY_BASE, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
});

/**
 * A return of part of a completed order: record it (quantities checked, refund priced) → refund that
 * part of the payment → put the goods back on hand → mark it REFUNDED → publish `order.returned`.
 * A refund the payment refuses for good (a non-retryable failure) cancels the return record (its undo)
 * and nothing is restocked; the workflow then ends with the refusal's type.
 */
export async function returnOrderWorkflow(input: ReturnInput): Promise<ReturnResult> {
  const { workflowId } = workflowInfo();
  const key = (step: string) => `${workflowId}:${step}`;
  const { orderId, returnId } = input;
  // RETURN_QUANTITY_EXCEEDED and the like fail the workflow here, before any money or stock moves.
  const ret = await steps.recordReturn({ orderId, returnId, lines: input.lines, reason: input.reason, idempotencyKey: input.recordKey }).catch((err: unknown) => {
    // The workflow ends with the rejection's own type (not an ActivityFailure wrapping it) for its callers.
    throw finalFailure(err, `return ${returnId} was rejected`, { returnId, orderId });
  });
  const amountMinor = Number(ret.amountMinor);
  // A return whose share of the discounts took its whole value refunds nothing (RefundPartial takes 1 yen or more).
  if (amountMinor > 0) {
    try {
      // The checkout uses the order id as payment id.
      await steps.refundPartial({ paymentId: orderId, amountMinor, idempotencyKey: key('refund-partial') });
    } catch (err) {
      // Retryable failures never get here (retried without end): this one is final. Undo the record.
      log.warn('the refund of a return was refused; cancelling the return', { orderId, returnId });
      await steps.cancelReturn({ returnId });
      throw finalFailure(err, `the refund of return ${returnId} was refused`, { returnId, orderId });
    }
  }
  for (const line of ret.lines) {
    await steps.restockReturned({ sku: line.sku, quantity: line.quantity, reason: `RETURN ${returnId}`, idempotencyKey: key(`restock:${line.sku}`) });
  }
  await steps.completeReturn({ returnId });
  await steps.publishEvent({
    topic: 'orders',
    event: {
      id: `${workflowId}:order.returned`,
      type: 'order.returned',
      source: '/workflows/return',
      subject: orderId,
      data: { orderId, returnId, amountMinor, currency: ret.currency, lines: ret.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), reason: input.reason },
    },
  });
  return { returnId, orderId, status: 'REFUNDED', amountMinor, currency: ret.currency };
}

/** A non-retryable failure with the type and message of the activity's (an outage never ends a step: it is retried). */
function finalFailure(err: unknown, what: string, details: Record<string, string>): ApplicationFailure {
  const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
  return ApplicationFailure.nonRetryable(`${what}: ${cause?.message ?? String(err)}`, cause?.type ?? 'INTERNAL', details);
}
