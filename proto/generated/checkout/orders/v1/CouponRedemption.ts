// Original file: proto/orders.proto


export interface CouponRedemption {
  'orderId'?: (string);
  'code'?: (string);
  'status'?: (string);
}

export interface CouponRedemption__Output {
  'orderId': (string);
  'code': (string);
  'status': (string);
}
