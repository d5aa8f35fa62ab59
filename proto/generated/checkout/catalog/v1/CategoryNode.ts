// Original file: proto/catalog.proto

import type { CategoryNode as _checkout_catalog_v1_CategoryNode, CategoryNode__Output as _checkout_catalog_v1_CategoryNode__Output } from '../../../checkout/catalog/v1/CategoryNode';

export interface CategoryNode {
  'id'?: (string);
  'parentId'?: (string);
  'slug'?: (string);
  'name'?: (string);
  'position'?: (number);
  'active'?: (boolean);
  'children'?: (_checkout_catalog_v1_CategoryNode)[];
}

export interface CategoryNode__Output {
  'id': (string);
  'parentId': (string);
  'slug': (string);
  'name': (string);
  'position': (number);
  'active': (boolean);
  'children': (_checkout_catalog_v1_CategoryNode__Output)[];
}
