// Original file: proto/orders.proto

import type { OrderLine as _checkout_orders_v1_OrderLine, OrderLine__Output as _checkout_orders_v1_OrderLine__Output } from '../../../checkout/orders/v1/OrderLine';
import type { Address as _checkout_orders_v1_Address, Address__Output as _checkout_orders_v1_Address__Output } from '../../../checkout/orders/v1/Address';
import type { StatusChange as _checkout_orders_v1_StatusChange, StatusChange__Output as _checkout_orders_v1_StatusChange__Output } from '../../../checkout/orders/v1/StatusChange';
import type { TaxTotal as _checkout_orders_v1_TaxTotal, TaxTotal__Output as _checkout_orders_v1_TaxTotal__Output } from '../../../checkout/orders/v1/TaxTotal';
import type { Long } from '@grpc/proto-loader';

export interface Order {
  'orderId'?: (string);
  'customerId'?: (string);
  'status'?: (string);
  'lines'?: (_checkout_orders_v1_OrderLine)[];
  'subtotalMinor'?: (number | string | Long);
  'totalMinor'?: (number | string | Long);
  'currency'?: (string);
  'address'?: (_checkout_orders_v1_Address | null);
  'paymentMethod'?: (string);
  'failureReason'?: (string);
  'history'?: (_checkout_orders_v1_StatusChange)[];
  'createdAt'?: (string);
  'customerEmail'?: (string);
  'pointsDiscountMinor'?: (number | string | Long);
  'couponCode'?: (string);
  'couponDiscountMinor'?: (number | string | Long);
  'deliveryFeeMinor'?: (number | string | Long);
  'taxTotals'?: (_checkout_orders_v1_TaxTotal)[];
}

export interface Order__Output {
  'orderId': (string);
  'customerId': (string);
  'status': (string);
  'lines': (_checkout_orders_v1_OrderLine__Output)[];
  'subtotalMinor': (number);
  'totalMinor': (number);
  'currency': (string);
  'address': (_checkout_orders_v1_Address__Output | null);
  'paymentMethod': (string);
  'failureReason': (string);
  'history': (_checkout_orders_v1_StatusChange__Output)[];
  'createdAt': (string);
  'customerEmail': (string);
  'pointsDiscountMinor': (number);
  'couponCode': (string);
  'couponDiscountMinor': (number);
  'deliveryFeeMinor': (number);
  'taxTotals': (_checkout_orders_v1_TaxTotal__Output)[];
}
