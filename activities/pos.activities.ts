import type { PosServiceClient } from '../proto/pos-client';
import type { Sale__Output } from '../proto/generated/checkout/pos/v1/Sale';
import type { SettleDayResponse__Output } from '../proto/generated/checkout/pos/v1/SettleDayResponse';
import { call, callUndo } from './grpc-call';

export interface RecordSaleInput {
  saleId: string;
  merchantId: string;
  cashierId: string;
  lines: { sku: string; quantity: number }[];
  paymentMethod: 'cash' | 'card' | 'qr';
  idempotencyKey: string;
}
export interface SaleRefInput {
  saleId: string;
  idempotencyKey: string;
}
export interface RecordSalePaymentInput {
  saleId: string;
  /** The payments service's id (card, QR); empty for cash. */
  paymentId: string;
  /** Cash handed over (cash only). */
  tenderedMinor: number;
  idempotencyKey: string;
}

/** Point-of-sale activities over an injected gRPC client (the POS saga and the settlement workflow). */
export function createPosActivities(deps: { pos: PosServiceClient }) {
  const { pos } = deps;
  return {
    /** Records the PENDING sale priced from the catalog; another merchant's SKU is PRODUCT_UNAVAILABLE. */
    recordSale: (input: RecordSaleInput): Promise<Sale__Output> => call(pos, pos.recordSale, { ...input, lines: input.lines.map((l) => ({ ...l, name: '', unitPriceMinor: 0, lineTotalMinor: 0 })) }),
    /** Undo of recordSale: VOIDED; an unknown sale leaves a tombstone. */
    voidSale: (input: SaleRefInput) => callUndo(pos, pos.voidSale, input),
    /** The sale PAID, its SALE_PAID and FEE ledger entries written. */
    recordSalePayment: (input: RecordSalePaymentInput): Promise<Sale__Output> => call(pos, pos.recordPayment, input),
    /** Undo of recordSalePayment: a REFUND ledger entry for what was paid; nothing paid is fine. */
    recordSaleRefund: (input: SaleRefInput) => callUndo(pos, pos.recordRefund, input),
    /** The sale COMPLETED once its stock was committed. */
    completeSale: (input: SaleRefInput): Promise<Sale__Output> => call(pos, pos.completeSale, input),
    /** Refund, first step: a COMPLETED sale REFUNDING (anything else is INVALID_TRANSITION). */
    beginSaleRefund: (input: SaleRefInput): Promise<Sale__Output> => call(pos, pos.beginRefund, input),
    /** Undo of beginSaleRefund: back to COMPLETED. */
    cancelSaleRefund: (input: SaleRefInput) => callUndo(pos, pos.cancelRefund, input),
    /** Refund, last step: the REFUND ledger entry (the next settlement subtracts it) and the sale REFUNDED. */
    finishSaleRefund: (input: SaleRefInput): Promise<Sale__Output> => call(pos, pos.recordRefund, input),
    /** Settles every merchant's ledger of one Tokyo business day (once; a second run answers the same settlements, created false). */
    settleMerchantsDay: (input: { businessDate: string }): Promise<SettleDayResponse__Output> => call(pos, pos.settleDay, input),
  };
}
