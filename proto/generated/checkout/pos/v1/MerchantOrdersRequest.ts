// Original file: proto/pos.proto


export interface MerchantOrdersRequest {
  'merchantId'?: (string);
  'orderId'?: (string);
  'status'?: (string);
  'customerId'?: (string);
  'customerEmail'?: (string);
  'page'?: (number);
  'pageSize'?: (number);
}

export interface MerchantOrdersRequest__Output {
  'merchantId': (string);
  'orderId': (string);
  'status': (string);
  'customerId': (string);
  'customerEmail': (string);
  'page': (number);
  'pageSize': (number);
}
