// Original file: proto/orders.proto

import type { OrderReturn as _checkout_orders_v1_OrderReturn, OrderReturn__Output as _checkout_orders_v1_OrderReturn__Output } from '../../../checkout/orders/v1/OrderReturn';

export interface ListReturnsResponse {
  'returns'?: (_checkout_orders_v1_OrderReturn)[];
}

export interface ListReturnsResponse__Output {
  'returns': (_checkout_orders_v1_OrderReturn__Output)[];
}
