// Original file: proto/loyalty.proto


export interface RevokeEarnedRequest {
  'customerId'?: (string);
  'orderId'?: (string);
  'idempotencyKey'?: (string);
}

export interface RevokeEarnedRequest__Output {
  'customerId': (string);
  'orderId': (string);
  'idempotencyKey': (string);
}
