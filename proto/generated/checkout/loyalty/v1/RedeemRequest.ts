// Original file: proto/loyalty.proto

import type { Long } from '@grpc/proto-loader';

export interface RedeemRequest {
  'customerId'?: (string);
  'orderId'?: (string);
  'points'?: (number | string | Long);
  'idempotencyKey'?: (string);
}

export interface RedeemRequest__Output {
  'customerId': (string);
  'orderId': (string);
  'points': (number);
  'idempotencyKey': (string);
}
