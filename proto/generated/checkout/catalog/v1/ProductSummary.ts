// Original file: proto/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface ProductSummary {
  'id'?: (string);
  'merchantId'?: (string);
  'name'?: (string);
  'description'?: (string);
  'categorySlug'?: (string);
  'imageUrls'?: (string)[];
  'minPriceMinor'?: (number | string | Long);
  'maxPriceMinor'?: (number | string | Long);
  'currency'?: (string);
}

export interface ProductSummary__Output {
  'id': (string);
  'merchantId': (string);
  'name': (string);
  'description': (string);
  'categorySlug': (string);
  'imageUrls': (string)[];
  'minPriceMinor': (number);
  'maxPriceMinor': (number);
  'currency': (string);
}
