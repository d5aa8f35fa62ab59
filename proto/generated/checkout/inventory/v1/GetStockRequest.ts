// Original file: proto/inventory.proto


export interface GetStockRequest {
  'sku'?: (string);
}

export interface GetStockRequest__Output {
  'sku': (string);
}
