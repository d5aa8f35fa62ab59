// Original file: proto/pos.proto


export interface MerchantOrdersResponse {
  'orderIds'?: (string)[];
  'total'?: (number);
}

export interface MerchantOrdersResponse__Output {
  'orderIds': (string)[];
  'total': (number);
}
