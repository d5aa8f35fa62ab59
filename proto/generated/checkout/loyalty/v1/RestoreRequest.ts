// Original file: proto/loyalty.proto


export interface RestoreRequest {
  'customerId'?: (string);
  'orderId'?: (string);
  'idempotencyKey'?: (string);
}

export interface RestoreRequest__Output {
  'customerId': (string);
  'orderId': (string);
  'idempotencyKey': (string);
}
