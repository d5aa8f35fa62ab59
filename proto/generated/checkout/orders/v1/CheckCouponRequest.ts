// Original file: proto/orders.proto


export interface CheckCouponRequest {
  'code'?: (string);
  'customerId'?: (string);
}

export interface CheckCouponRequest__Output {
  'code': (string);
  'customerId': (string);
}
