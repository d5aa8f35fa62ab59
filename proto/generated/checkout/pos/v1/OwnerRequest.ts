// Original file: proto/pos.proto


export interface OwnerRequest {
  'sku'?: (string);
  'productId'?: (string);
}

export interface OwnerRequest__Output {
  'sku': (string);
  'productId': (string);
}
