// Original file: proto/payments.proto


export interface PaymentRef {
  'paymentId'?: (string);
  'idempotencyKey'?: (string);
}

export interface PaymentRef__Output {
  'paymentId': (string);
  'idempotencyKey': (string);
}
