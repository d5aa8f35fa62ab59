// Original file: proto/catalog.proto

import type { CategoryNode as _checkout_catalog_v1_CategoryNode, CategoryNode__Output as _checkout_catalog_v1_CategoryNode__Output } from '../../../checkout/catalog/v1/CategoryNode';

export interface ListCategoriesResponse {
  'categories'?: (_checkout_catalog_v1_CategoryNode)[];
}

export interface ListCategoriesResponse__Output {
  'categories': (_checkout_catalog_v1_CategoryNode__Output)[];
}
