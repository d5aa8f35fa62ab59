// Original file: proto/analytics.proto

import type { Long } from '@grpc/proto-loader';

export interface DailySkuSales {
  'day'?: (string);
  'sku'?: (string);
  'orders'?: (number);
  'quantity'?: (number);
  'revenueMinor'?: (number | string | Long);
  'currency'?: (string);
}

export interface DailySkuSales__Output {
  'day': (string);
  'sku': (string);
  'orders': (number);
  'quantity': (number);
  'revenueMinor': (number);
  'currency': (string);
}
