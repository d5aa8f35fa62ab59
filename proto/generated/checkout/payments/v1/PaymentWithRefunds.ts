// Original file: proto/payments.proto

import type { Payment as _checkout_payments_v1_Payment, Payment__Output as _checkout_payments_v1_Payment__Output } from '../../../checkout/payments/v1/Payment';
import type { PaymentRefund as _checkout_payments_v1_PaymentRefund, PaymentRefund__Output as _checkout_payments_v1_PaymentRefund__Output } from '../../../checkout/payments/v1/PaymentRefund';

export interface PaymentWithRefunds {
  'payment'?: (_checkout_payments_v1_Payment | null);
  'refunds'?: (_checkout_payments_v1_PaymentRefund)[];
  'createdAt'?: (string);
}

export interface PaymentWithRefunds__Output {
  'payment': (_checkout_payments_v1_Payment__Output | null);
  'refunds': (_checkout_payments_v1_PaymentRefund__Output)[];
  'createdAt': (string);
}
