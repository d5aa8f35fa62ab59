// Original file: proto/catalog.proto

import type { Product as _checkout_catalog_v1_Product, Product__Output as _checkout_catalog_v1_Product__Output } from '../../../checkout/catalog/v1/Product';

export interface GetProductsResponse {
  'products'?: (_checkout_catalog_v1_Product)[];
}

export interface GetProductsResponse__Output {
  'products': (_checkout_catalog_v1_Product__Output)[];
}
