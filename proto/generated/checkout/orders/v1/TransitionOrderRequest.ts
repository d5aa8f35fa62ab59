// Original file: proto/orders.proto


export interface TransitionOrderRequest {
  'orderId'?: (string);
  'toStatus'?: (string);
  'reason'?: (string);
  'idempotencyKey'?: (string);
}

export interface TransitionOrderRequest__Output {
  'orderId': (string);
  'toStatus': (string);
  'reason': (string);
  'idempotencyKey': (string);
}
