// Original file: proto/orders.proto


export interface ListOrdersRequest {
  'status'?: (string);
  'customerId'?: (string);
  'page'?: (number);
  'pageSize'?: (number);
  'customerEmail'?: (string);
}

export interface ListOrdersRequest__Output {
  'status': (string);
  'customerId': (string);
  'page': (number);
  'pageSize': (number);
  'customerEmail': (string);
}
