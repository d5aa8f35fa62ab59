// Original file: proto/loyalty.proto

import type { Long } from '@grpc/proto-loader';

export interface LedgerEntry {
  'orderId'?: (string);
  'kind'?: (string);
  'points'?: (number | string | Long);
  'at'?: (string);
}

export interface LedgerEntry__Output {
  'orderId': (string);
  'kind': (string);
  'points': (number);
  'at': (string);
}
