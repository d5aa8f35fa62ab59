// Original file: proto/orders.proto


export interface ListReturnsRequest {
  'orderId'?: (string);
}

export interface ListReturnsRequest__Output {
  'orderId': (string);
}
