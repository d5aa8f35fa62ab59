// Original file: proto/pos.proto


export interface SaleRef {
  'saleId'?: (string);
  'idempotencyKey'?: (string);
}

export interface SaleRef__Output {
  'saleId': (string);
  'idempotencyKey': (string);
}
