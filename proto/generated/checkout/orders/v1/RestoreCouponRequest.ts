// Original file: proto/orders.proto


export interface RestoreCouponRequest {
  'orderId'?: (string);
  'idempotencyKey'?: (string);
}

export interface RestoreCouponRequest__Output {
  'orderId': (string);
  'idempotencyKey': (string);
}
