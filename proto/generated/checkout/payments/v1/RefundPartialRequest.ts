// Original file: proto/payments.proto

import type { Long } from '@grpc/proto-loader';

export interface RefundPartialRequest {
  'paymentId'?: (string);
  'amountMinor'?: (number | string | Long);
  'idempotencyKey'?: (string);
}

export interface RefundPartialRequest__Output {
  'paymentId': (string);
  'amountMinor': (number);
  'idempotencyKey': (string);
}
