// Original file: proto/pos.proto

import type { Long } from '@grpc/proto-loader';

export interface SaleTaxTotal {
  'ratePercent'?: (number);
  'taxableMinor'?: (number | string | Long);
  'taxMinor'?: (number | string | Long);
}

export interface SaleTaxTotal__Output {
  'ratePercent': (number);
  'taxableMinor': (number);
  'taxMinor': (number);
}
