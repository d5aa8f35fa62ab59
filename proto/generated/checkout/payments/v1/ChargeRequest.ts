// Original file: proto/payments.proto

import type { Long } from '@grpc/proto-loader';

export interface ChargeRequest {
  'paymentId'?: (string);
  'orderId'?: (string);
  'amountMinor'?: (number | string | Long);
  'currency'?: (string);
  'cardToken'?: (string);
  'idempotencyKey'?: (string);
}

export interface ChargeRequest__Output {
  'paymentId': (string);
  'orderId': (string);
  'amountMinor': (number);
  'currency': (string);
  'cardToken': (string);
  'idempotencyKey': (string);
}
