// Original file: proto/payments.proto

import type { Payment as _checkout_payments_v1_Payment, Payment__Output as _checkout_payments_v1_Payment__Output } from '../../../checkout/payments/v1/Payment';
import type { Long } from '@grpc/proto-loader';

export interface PartialRefund {
  'payment'?: (_checkout_payments_v1_Payment | null);
  'refundedMinor'?: (number | string | Long);
}

export interface PartialRefund__Output {
  'payment': (_checkout_payments_v1_Payment__Output | null);
  'refundedMinor': (number);
}
