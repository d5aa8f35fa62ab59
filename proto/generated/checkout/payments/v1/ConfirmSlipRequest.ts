// Original file: proto/payments.proto


export interface ConfirmSlipRequest {
  'paymentId'?: (string);
  'paidAt'?: (string);
  'idempotencyKey'?: (string);
}

export interface ConfirmSlipRequest__Output {
  'paymentId': (string);
  'paidAt': (string);
  'idempotencyKey': (string);
}
