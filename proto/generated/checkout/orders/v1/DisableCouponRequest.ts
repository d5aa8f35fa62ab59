// Original file: proto/orders.proto


export interface DisableCouponRequest {
  'id'?: (string);
}

export interface DisableCouponRequest__Output {
  'id': (string);
}
