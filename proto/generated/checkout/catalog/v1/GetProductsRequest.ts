// Original file: proto/catalog.proto


export interface GetProductsRequest {
  'skus'?: (string)[];
}

export interface GetProductsRequest__Output {
  'skus': (string)[];
}
