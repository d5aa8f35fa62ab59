// Original file: proto/pos.proto

import type { Long } from '@grpc/proto-loader';

export interface Settlement {
  'merchantId'?: (string);
  'businessDate'?: (string);
  'paidMinor'?: (number | string | Long);
  'refundedMinor'?: (number | string | Long);
  'feesMinor'?: (number | string | Long);
  'netMinor'?: (number | string | Long);
  'entries'?: (number);
  'currency'?: (string);
  'settledAt'?: (string);
  'created'?: (boolean);
}

export interface Settlement__Output {
  'merchantId': (string);
  'businessDate': (string);
  'paidMinor': (number);
  'refundedMinor': (number);
  'feesMinor': (number);
  'netMinor': (number);
  'entries': (number);
  'currency': (string);
  'settledAt': (string);
  'created': (boolean);
}
