// Original file: proto/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface Variant {
  'sku'?: (string);
  'productId'?: (string);
  'name'?: (string);
  'attributes'?: ({[key: string]: string});
  'priceMinor'?: (number | string | Long);
  'currency'?: (string);
  'active'?: (boolean);
  'taxClass'?: (string);
}

export interface Variant__Output {
  'sku': (string);
  'productId': (string);
  'name': (string);
  'attributes': ({[key: string]: string});
  'priceMinor': (number);
  'currency': (string);
  'active': (boolean);
  'taxClass': (string);
}
