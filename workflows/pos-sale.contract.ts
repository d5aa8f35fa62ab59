import { defineQuery } from '@temporalio/workflow';
import type { MerchantSettledData } from '../lib/events';
import type { UndoRecord } from './saga';

/**
 * Contract of the point-of-sale saga (a cashier's sale at a merchant's counter) and of the daily
 * settlement: workflow types and ids, queries, inputs and results. The api and the worker import it.
 */
export const POS_SALE_WORKFLOW_TYPE = 'posSaleWorkflow';
export const SETTLEMENT_WORKFLOW_TYPE = 'settlementWorkflow';

/** Workflow id = business key: a retried request (same sale id) finds the same workflow. */
export function posSaleWorkflowId(saleId: string): string {
  return `pos-sale:${saleId}`;
}

export type PosPaymentInput = { type: 'cash'; tenderedMinor: number } | { type: 'card'; cardToken: string } | { type: 'qr'; qrToken: string };

export interface PosSaleInput {
  saleId: string;
  merchantId: string;
  cashierId: string;
  lines: { sku: string; quantity: number }[];
  payment: PosPaymentInput;
}

/** The saga's steps and their undos, as they appear in the timeline. */
export type PosSaleStep =
  | 'reserve-stock'
  | 'record-sale'
  | 'take-payment'
  | 'record-payment'
  | 'commit-stock'
  | 'complete-sale'
  | 'release-stock'
  | 'void-sale'
  | 'refund-payment'
  | 'record-refund';

export type PosSaleState = 'RESERVING_STOCK' | 'RECORDING_SALE' | 'TAKING_PAYMENT' | 'COMMITTING' | 'COMPLETED' | 'COMPENSATING' | 'COMPENSATION_STUCK' | 'FAILED';

export interface PosReceiptLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
}

/** What the cashier hands over: the sale as recorded, with its payment and time. */
export interface PosReceipt {
  saleId: string;
  merchantId: string;
  cashierId: string;
  lines: PosReceiptLine[];
  totalMinor: number;
  currency: string;
  payment: { method: PosPaymentInput['type']; paymentId?: string; tenderedMinor?: number; changeMinor?: number };
  completedAt: string;
  businessDate: string;
}

export interface PosSaleFailure {
  code: string;
  message: string;
}

export interface PosSaleResult {
  saleId: string;
  outcome: 'COMPLETED' | 'FAILED';
  receipt?: PosReceipt;
  failure?: PosSaleFailure;
}

export interface PosSaleStatus {
  saleId: string;
  merchantId: string;
  state: PosSaleState;
  timeline: { step: PosSaleStep; status: string; at: string; detail?: string }[];
  compensations: UndoRecord<PosSaleStep>[];
  receipt?: PosReceipt;
  failure?: PosSaleFailure;
}

export const posSaleStatusQuery = defineQuery<PosSaleStatus>('status');

/** Settles one Tokyo business day (YYYY-MM-DD); absent: the day before the workflow's start, in Tokyo. */
export interface SettlementInput {
  businessDate?: string;
}

/** One merchant's settled day: also the data of its `merchant.settled` event. */
export type MerchantSettlement = MerchantSettledData;

export interface SettlementResult {
  businessDate: string;
  /** Settlements this run wrote (a second run of the day writes none). */
  created: MerchantSettlement[];
  /** Every settlement of the day, written now or before. */
  settlements: MerchantSettlement[];
}

/** The schedule that settles each day at 00:30 Tokyo time (created idempotently by `npm run temporal:setup`). */
export const SETTLEMENT_SCHEDULE_ID = 'merchant-settlement-daily';
