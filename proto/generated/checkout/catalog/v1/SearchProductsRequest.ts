// Original file: proto/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface SearchProductsRequest {
  'query'?: (string);
  'categorySlug'?: (string);
  'merchantId'?: (string);
  'priceMinMinor'?: (number | string | Long);
  'priceMaxMinor'?: (number | string | Long);
  'page'?: (number);
  'pageSize'?: (number);
  '_priceMinMinor'?: "priceMinMinor";
  '_priceMaxMinor'?: "priceMaxMinor";
}

export interface SearchProductsRequest__Output {
  'query': (string);
  'categorySlug': (string);
  'merchantId': (string);
  'priceMinMinor'?: (number);
  'priceMaxMinor'?: (number);
  'page': (number);
  'pageSize': (number);
  '_priceMinMinor'?: "priceMinMinor";
  '_priceMaxMinor'?: "priceMaxMinor";
}
