// Original file: proto/catalog.proto


export interface StorefrontProduct {
  'id'?: (string);
  'merchantId'?: (string);
  'categoryId'?: (string);
  'name'?: (string);
  'description'?: (string);
  'imageUrls'?: (string)[];
  'active'?: (boolean);
}

export interface StorefrontProduct__Output {
  'id': (string);
  'merchantId': (string);
  'categoryId': (string);
  'name': (string);
  'description': (string);
  'imageUrls': (string)[];
  'active': (boolean);
}
