// Original file: proto/payments.proto

import type { Long } from '@grpc/proto-loader';

export interface Payment {
  'paymentId'?: (string);
  'orderId'?: (string);
  'method'?: (string);
  'status'?: (string);
  'amountMinor'?: (number | string | Long);
  'currency'?: (string);
  'slipNumber'?: (string);
  'expiresAt'?: (string);
  'providerReference'?: (string);
}

export interface Payment__Output {
  'paymentId': (string);
  'orderId': (string);
  'method': (string);
  'status': (string);
  'amountMinor': (number);
  'currency': (string);
  'slipNumber': (string);
  'expiresAt': (string);
  'providerReference': (string);
}
