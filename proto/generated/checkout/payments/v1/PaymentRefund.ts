// Original file: proto/payments.proto

import type { Long } from '@grpc/proto-loader';

export interface PaymentRefund {
  'amountMinor'?: (number | string | Long);
  'at'?: (string);
}

export interface PaymentRefund__Output {
  'amountMinor': (number);
  'at': (string);
}
