// Original file: proto/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface Product {
  'sku'?: (string);
  'name'?: (string);
  'priceMinor'?: (number | string | Long);
  'currency'?: (string);
  'active'?: (boolean);
  'taxClass'?: (string);
}

export interface Product__Output {
  'sku': (string);
  'name': (string);
  'priceMinor': (number);
  'currency': (string);
  'active': (boolean);
  'taxClass': (string);
}
