// Original file: proto/analytics.proto

import type { Long } from '@grpc/proto-loader';

export interface DailySettlement {
  'day'?: (string);
  'merchantId'?: (string);
  'paidMinor'?: (number | string | Long);
  'refundedMinor'?: (number | string | Long);
  'feesMinor'?: (number | string | Long);
  'netMinor'?: (number | string | Long);
  'currency'?: (string);
  'settledAt'?: (string);
}

export interface DailySettlement__Output {
  'day': (string);
  'merchantId': (string);
  'paidMinor': (number);
  'refundedMinor': (number);
  'feesMinor': (number);
  'netMinor': (number);
  'currency': (string);
  'settledAt': (string);
}
