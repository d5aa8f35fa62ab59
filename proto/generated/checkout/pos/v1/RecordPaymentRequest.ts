// Original file: proto/pos.proto

import type { Long } from '@grpc/proto-loader';

export interface RecordPaymentRequest {
  'saleId'?: (string);
  'paymentId'?: (string);
  'tenderedMinor'?: (number | string | Long);
  'idempotencyKey'?: (string);
}

export interface RecordPaymentRequest__Output {
  'saleId': (string);
  'paymentId': (string);
  'tenderedMinor': (number);
  'idempotencyKey': (string);
}
