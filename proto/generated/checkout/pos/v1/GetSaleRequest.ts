// Original file: proto/pos.proto


export interface GetSaleRequest {
  'saleId'?: (string);
  'merchantId'?: (string);
}

export interface GetSaleRequest__Output {
  'saleId': (string);
  'merchantId': (string);
}
