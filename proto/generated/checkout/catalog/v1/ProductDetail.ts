// Original file: proto/catalog.proto

import type { Variant as _checkout_catalog_v1_Variant, Variant__Output as _checkout_catalog_v1_Variant__Output } from '../../../checkout/catalog/v1/Variant';

export interface ProductDetail {
  'id'?: (string);
  'merchantId'?: (string);
  'merchantName'?: (string);
  'categoryId'?: (string);
  'categorySlug'?: (string);
  'categoryName'?: (string);
  'name'?: (string);
  'description'?: (string);
  'imageUrls'?: (string)[];
  'active'?: (boolean);
  'variants'?: (_checkout_catalog_v1_Variant)[];
}

export interface ProductDetail__Output {
  'id': (string);
  'merchantId': (string);
  'merchantName': (string);
  'categoryId': (string);
  'categorySlug': (string);
  'categoryName': (string);
  'name': (string);
  'description': (string);
  'imageUrls': (string)[];
  'active': (boolean);
  'variants': (_checkout_catalog_v1_Variant__Output)[];
}
