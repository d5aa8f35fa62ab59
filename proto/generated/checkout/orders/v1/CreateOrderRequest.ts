// Original file: proto/orders.proto

import type { OrderLine as _checkout_orders_v1_OrderLine, OrderLine__Output as _checkout_orders_v1_OrderLine__Output } from '../../../checkout/orders/v1/OrderLine';
import type { Address as _checkout_orders_v1_Address, Address__Output as _checkout_orders_v1_Address__Output } from '../../../checkout/orders/v1/Address';
import type { Long } from '@grpc/proto-loader';

export interface CreateOrderRequest {
  'orderId'?: (string);
  'customerId'?: (string);
  'lines'?: (_checkout_orders_v1_OrderLine)[];
  'address'?: (_checkout_orders_v1_Address | null);
  'paymentMethod'?: (string);
  'idempotencyKey'?: (string);
  'customerEmail'?: (string);
  'pointsDiscountMinor'?: (number | string | Long);
  'couponCode'?: (string);
}

export interface CreateOrderRequest__Output {
  'orderId': (string);
  'customerId': (string);
  'lines': (_checkout_orders_v1_OrderLine__Output)[];
  'address': (_checkout_orders_v1_Address__Output | null);
  'paymentMethod': (string);
  'idempotencyKey': (string);
  'customerEmail': (string);
  'pointsDiscountMinor': (number);
  'couponCode': (string);
}
