import { ApplicationFailure } from '@temporalio/common';
import type { PaymentsServiceClient } from '../proto/services';
import type { Payment__Output } from '../proto/generated/checkout/payments/v1/Payment';
import { call, callUndo } from './grpc-call';

export interface ChargeCardInput {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  cardToken: string;
  idempotencyKey: string;
}
export interface IssueSlipInput {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  method: 'konbini' | 'bank_transfer';
  expiresAt: string;
  idempotencyKey: string;
}
export interface PaymentRefInput {
  paymentId: string;
  idempotencyKey: string;
}

/** Payments activities over an injected gRPC client. */
export function createPaymentsActivities(deps: { payments: PaymentsServiceClient }) {
  const { payments } = deps;
  return {
    /** Charges a card once per payment id; CARD_DECLINED / INSUFFICIENT_FUNDS are non-retryable. */
    chargeCard: (input: ChargeCardInput): Promise<Payment__Output> => call(payments, payments.charge, input),
    /** Undo of chargeCard (and of a paid slip): refunds in full; nothing to refund is fine. */
    refundPayment: (input: PaymentRefInput) => callUndo(payments, payments.refund, input),
    /** Issues a konbini or bank-transfer slip payable until expiresAt. */
    issuePaymentSlip: (input: IssueSlipInput): Promise<Payment__Output> => call(payments, payments.issueSlip, input),
    /** Undo of issuePaymentSlip: voids an unpaid slip; anything else is left as is. */
    voidPayment: (input: PaymentRefInput) => callUndo(payments, payments.void, input),
    /**
     * Records a slip's payment (after the provider's signed webhook). Money that came in for a slip
     * already voided or expired was refunded at once by the service: a non-retryable PAYMENT_EXPIRED,
     * so the checkout does not go on with money it gave back.
     */
    confirmSlipPayment: async (input: PaymentRefInput & { paidAt: string }): Promise<Payment__Output> => paidOrExpired(await call(payments, payments.confirmSlip, input)),
  };
}

function paidOrExpired(payment: Payment__Output): Payment__Output {
  if (payment.status === 'PAID') return payment;
  throw ApplicationFailure.create({
    type: 'PAYMENT_EXPIRED',
    message: `slip ${payment.paymentId} was paid after the order stopped waiting for it; the payment is ${payment.status}`,
    nonRetryable: true,
    details: [{ paymentId: payment.paymentId, status: payment.status }],
  });
}
