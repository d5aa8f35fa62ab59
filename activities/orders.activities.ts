import type { OrdersServiceClient } from '../proto/services';
import type { Order__Output } from '../proto/generated/checkout/orders/v1/Order';
import type { AddressInput } from '../workflows/checkout.contract';
import { businessMetrics } from '../lib/metrics';
import { call, callUndo } from './grpc-call';

export interface CreateOrderInput {
  orderId: string;
  customerId: string;
  customerEmail: string;
  lines: { sku: string; quantity: number }[];
  address: AddressInput;
  paymentMethod: string;
  /** Yen off the subtotal for loyalty points the saga redeemed (absent: none). */
  pointsDiscountMinor?: number;
  /** The coupon the saga redeemed for this order (absent: none); the orders service prices with its terms. */
  couponCode?: string;
  idempotencyKey: string;
}
export interface TransitionOrderInput {
  orderId: string;
  toStatus: 'AWAITING_PAYMENT' | 'PAID' | 'CONFIRMED' | 'FAILED' | 'CANCELLED' | 'REFUNDED';
  reason?: string;
  idempotencyKey: string;
}

/** Orders activities over an injected gRPC client. */
export function createOrdersActivities(deps: { orders: OrdersServiceClient }) {
  const { orders } = deps;
  return {
    /** Creates the order, priced by the orders service from the catalog (never from the client). */
    createOrder: (input: CreateOrderInput): Promise<Order__Output> => call(orders, orders.createOrder, input),
    /** Undo of createOrder: marks the order FAILED or CANCELLED with the reason; no order is fine. */
    failOrder: async (input: TransitionOrderInput & { toStatus: 'FAILED' | 'CANCELLED' }) => {
      const order = await callUndo(orders, orders.transitionOrder, input);
      businessMetrics().checkoutsFailed.inc({ reason: input.toStatus === 'CANCELLED' ? 'CANCELLED' : (input.reason ?? 'FAILED') });
      return order;
    },
    /** Moves the order along its lifecycle (AWAITING_PAYMENT, PAID, CONFIRMED, REFUNDED). */
    transitionOrder: async (input: TransitionOrderInput): Promise<Order__Output> => {
      const order: Order__Output = await call(orders, orders.transitionOrder, input);
      if (input.toStatus === 'CONFIRMED') businessMetrics().checkoutsCompleted.inc();
      return order;
    },
    /** Reads an order with its lines and history. */
    getOrder: (input: { orderId: string }): Promise<Order__Output> => call(orders, orders.getOrder, input),
  };
}
