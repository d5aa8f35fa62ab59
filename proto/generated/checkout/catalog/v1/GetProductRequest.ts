// Original file: proto/catalog.proto


export interface GetProductRequest {
  'productId'?: (string);
  'includeInactive'?: (boolean);
}

export interface GetProductRequest__Output {
  'productId': (string);
  'includeInactive': (boolean);
}
