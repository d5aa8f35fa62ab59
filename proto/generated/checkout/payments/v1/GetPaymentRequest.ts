// Original file: proto/payments.proto


export interface GetPaymentRequest {
  'paymentId'?: (string);
  'slipNumber'?: (string);
}

export interface GetPaymentRequest__Output {
  'paymentId': (string);
  'slipNumber': (string);
}
