// Original file: proto/payments.proto

import type { PaymentWithRefunds as _checkout_payments_v1_PaymentWithRefunds, PaymentWithRefunds__Output as _checkout_payments_v1_PaymentWithRefunds__Output } from '../../../checkout/payments/v1/PaymentWithRefunds';

export interface ListPaymentsResponse {
  'payments'?: (_checkout_payments_v1_PaymentWithRefunds)[];
}

export interface ListPaymentsResponse__Output {
  'payments': (_checkout_payments_v1_PaymentWithRefunds__Output)[];
}
