// Original file: proto/inventory.proto


export interface AdjustStockRequest {
  'sku'?: (string);
  'delta'?: (number);
  'reason'?: (string);
  'idempotencyKey'?: (string);
}

export interface AdjustStockRequest__Output {
  'sku': (string);
  'delta': (number);
  'reason': (string);
  'idempotencyKey': (string);
}
