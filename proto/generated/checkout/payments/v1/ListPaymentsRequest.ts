// Original file: proto/payments.proto


export interface ListPaymentsRequest {
  'orderIds'?: (string)[];
}

export interface ListPaymentsRequest__Output {
  'orderIds': (string)[];
}
