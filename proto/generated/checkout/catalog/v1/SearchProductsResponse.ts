// Original file: proto/catalog.proto

import type { ProductSummary as _checkout_catalog_v1_ProductSummary, ProductSummary__Output as _checkout_catalog_v1_ProductSummary__Output } from '../../../checkout/catalog/v1/ProductSummary';

export interface SearchProductsResponse {
  'products'?: (_checkout_catalog_v1_ProductSummary)[];
  'total'?: (number);
  'page'?: (number);
  'pageSize'?: (number);
}

export interface SearchProductsResponse__Output {
  'products': (_checkout_catalog_v1_ProductSummary__Output)[];
  'total': (number);
  'page': (number);
  'pageSize': (number);
}
