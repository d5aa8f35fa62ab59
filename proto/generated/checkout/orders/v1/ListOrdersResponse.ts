// Original file: proto/orders.proto

import type { Order as _checkout_orders_v1_Order, Order__Output as _checkout_orders_v1_Order__Output } from '../../../checkout/orders/v1/Order';

export interface ListOrdersResponse {
  'orders'?: (_checkout_orders_v1_Order)[];
  'total'?: (number);
  'page'?: (number);
  'pageSize'?: (number);
}

export interface ListOrdersResponse__Output {
  'orders': (_checkout_orders_v1_Order__Output)[];
  'total': (number);
  'page': (number);
  'pageSize': (number);
}
