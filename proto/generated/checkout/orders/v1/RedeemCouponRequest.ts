// Original file: proto/orders.proto


export interface RedeemCouponRequest {
  'orderId'?: (string);
  'customerId'?: (string);
  'code'?: (string);
  'idempotencyKey'?: (string);
}

export interface RedeemCouponRequest__Output {
  'orderId': (string);
  'customerId': (string);
  'code': (string);
  'idempotencyKey': (string);
}
