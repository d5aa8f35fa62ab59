// Original file: proto/payments.proto

import type { Long } from '@grpc/proto-loader';

export interface IssueSlipRequest {
  'paymentId'?: (string);
  'orderId'?: (string);
  'amountMinor'?: (number | string | Long);
  'currency'?: (string);
  'method'?: (string);
  'expiresAt'?: (string);
  'idempotencyKey'?: (string);
}

export interface IssueSlipRequest__Output {
  'paymentId': (string);
  'orderId': (string);
  'amountMinor': (number);
  'currency': (string);
  'method': (string);
  'expiresAt': (string);
  'idempotencyKey': (string);
}
