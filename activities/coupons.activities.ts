import type { CouponRedemption__Output } from '../proto/generated/checkout/orders/v1/CouponRedemption';
import type { OrdersServiceClient } from '../proto/services';
import { call, callUndo } from './grpc-call';

export interface RedeemCouponInput {
  orderId: string;
  customerId: string;
  code: string;
  idempotencyKey: string;
}
export interface RestoreCouponInput {
  orderId: string;
  idempotencyKey: string;
}

/** Coupon activities over the orders service's gRPC client (coupons live in the orders schema). */
export function createCouponActivities(deps: { orders: OrdersServiceClient }) {
  const { orders } = deps;
  return {
    /** Takes one use of the coupon for the order; COUPON_INVALID and COUPON_EXHAUSTED are non-retryable failures. */
    redeemCoupon: (input: RedeemCouponInput): Promise<CouponRedemption__Output> => call(orders, orders.redeemCoupon, input),
    /** Undo of redeemCoupon: gives the use back; an order that redeemed nothing is fine (a tombstone). */
    restoreCoupon: (input: RestoreCouponInput) => callUndo(orders, orders.restoreCoupon, input),
  };
}
