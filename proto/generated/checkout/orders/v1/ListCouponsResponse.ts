// Original file: proto/orders.proto

import type { Coupon as _checkout_orders_v1_Coupon, Coupon__Output as _checkout_orders_v1_Coupon__Output } from '../../../checkout/orders/v1/Coupon';

export interface ListCouponsResponse {
  'coupons'?: (_checkout_orders_v1_Coupon)[];
}

export interface ListCouponsResponse__Output {
  'coupons': (_checkout_orders_v1_Coupon__Output)[];
}
