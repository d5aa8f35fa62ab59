// Original file: proto/pos.proto


export interface ListSettlementsRequest {
  'merchantId'?: (string);
  'limit'?: (number);
}

export interface ListSettlementsRequest__Output {
  'merchantId': (string);
  'limit': (number);
}
