// Original file: proto/loyalty.proto


export interface GetBalanceRequest {
  'customerId'?: (string);
  'historyLimit'?: (number);
}

export interface GetBalanceRequest__Output {
  'customerId': (string);
  'historyLimit': (number);
}
