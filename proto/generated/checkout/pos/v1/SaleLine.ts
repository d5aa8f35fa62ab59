// Original file: proto/pos.proto

import type { Long } from '@grpc/proto-loader';

export interface SaleLine {
  'sku'?: (string);
  'quantity'?: (number);
  'name'?: (string);
  'unitPriceMinor'?: (number | string | Long);
  'lineTotalMinor'?: (number | string | Long);
  'taxRatePercent'?: (number);
  'taxMinor'?: (number | string | Long);
}

export interface SaleLine__Output {
  'sku': (string);
  'quantity': (number);
  'name': (string);
  'unitPriceMinor': (number);
  'lineTotalMinor': (number);
  'taxRatePercent': (number);
  'taxMinor': (number);
}
