// Original file: proto/orders.proto

import type { Long } from '@grpc/proto-loader';

export interface TaxTotal {
  'ratePercent'?: (number);
  'taxableMinor'?: (number | string | Long);
  'taxMinor'?: (number | string | Long);
}

export interface TaxTotal__Output {
  'ratePercent': (number);
  'taxableMinor': (number);
  'taxMinor': (number);
}
