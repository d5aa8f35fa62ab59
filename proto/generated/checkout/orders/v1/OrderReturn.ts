// Original file: proto/orders.proto

import type { ReturnLine as _checkout_orders_v1_ReturnLine, ReturnLine__Output as _checkout_orders_v1_ReturnLine__Output } from '../../../checkout/orders/v1/ReturnLine';
import type { Long } from '@grpc/proto-loader';

export interface OrderReturn {
  'returnId'?: (string);
  'orderId'?: (string);
  'status'?: (string);
  'amountMinor'?: (number | string | Long);
  'currency'?: (string);
  'reason'?: (string);
  'lines'?: (_checkout_orders_v1_ReturnLine)[];
  'createdAt'?: (string);
}

export interface OrderReturn__Output {
  'returnId': (string);
  'orderId': (string);
  'status': (string);
  'amountMinor': (number);
  'currency': (string);
  'reason': (string);
  'lines': (_checkout_orders_v1_ReturnLine__Output)[];
  'createdAt': (string);
}
