// Original file: proto/orders.proto

import type { ReturnLine as _checkout_orders_v1_ReturnLine, ReturnLine__Output as _checkout_orders_v1_ReturnLine__Output } from '../../../checkout/orders/v1/ReturnLine';

export interface RecordReturnRequest {
  'orderId'?: (string);
  'returnId'?: (string);
  'lines'?: (_checkout_orders_v1_ReturnLine)[];
  'reason'?: (string);
  'idempotencyKey'?: (string);
}

export interface RecordReturnRequest__Output {
  'orderId': (string);
  'returnId': (string);
  'lines': (_checkout_orders_v1_ReturnLine__Output)[];
  'reason': (string);
  'idempotencyKey': (string);
}
