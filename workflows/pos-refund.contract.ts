import { defineQuery } from '@temporalio/workflow';
import type { UndoRecord } from './saga';
import type { PosPaymentInput, PosReceiptLine, PosSaleFailure } from './pos-sale.contract';

/** Contract of the POS refund workflow (a full refund of a completed counter sale). The api and the worker import it. */
export const POS_REFUND_WORKFLOW_TYPE = 'posRefundWorkflow';

/** Workflow id = the sale: a sale is refunded at most once, and a retried refund request finds the same workflow. */
export function posRefundWorkflowId(saleId: string): string {
  return `pos-refund:${saleId}`;
}

export interface PosRefundInput {
  saleId: string;
  merchantId: string;
  /** Who asked (a cashier or the merchant). */
  requestedBy: string;
  reason: string;
}

export type PosRefundStep = 'begin-refund' | 'refund-payment' | 'restock' | 'record-refund' | 'cancel-refund';

export type PosRefundState = 'BEGINNING' | 'REFUNDING_PAYMENT' | 'RESTOCKING' | 'RECORDING' | 'REFUNDED' | 'COMPENSATING' | 'COMPENSATION_STUCK' | 'FAILED' | 'REFUND_INCOMPLETE';

/** What the cashier hands over: what was given back, how, and what went back on the shelf. */
export interface PosRefundReceipt {
  saleId: string;
  merchantId: string;
  reason: string;
  refundedBy: string;
  lines: PosReceiptLine[];
  refundedMinor: number;
  currency: string;
  /** card / QR: refunded to the payment; cash: handed back at the till (cashBackMinor). */
  payment: { method: PosPaymentInput['type']; paymentId?: string; cashBackMinor?: number };
  refundedAt: string;
}

export interface PosRefundResult {
  saleId: string;
  outcome: 'REFUNDED' | 'FAILED';
  receipt?: PosRefundReceipt;
  failure?: PosSaleFailure;
}

export interface PosRefundStatus {
  saleId: string;
  state: PosRefundState;
  timeline: { step: PosRefundStep; status: string; at: string; detail?: string }[];
  compensations: UndoRecord<PosRefundStep>[];
  receipt?: PosRefundReceipt;
  failure?: PosSaleFailure;
}

export const posRefundStatusQuery = defineQuery<PosRefundStatus>('status');
