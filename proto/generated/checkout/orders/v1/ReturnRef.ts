// Original file: proto/orders.proto


export interface ReturnRef {
  'returnId'?: (string);
}

export interface ReturnRef__Output {
  'returnId': (string);
}
