// Original file: proto/orders.proto

import type { Long } from '@grpc/proto-loader';

export interface ReturnLine {
  'sku'?: (string);
  'quantity'?: (number);
  'amountMinor'?: (number | string | Long);
}

export interface ReturnLine__Output {
  'sku': (string);
  'quantity': (number);
  'amountMinor': (number);
}
