// Original file: proto/orders.proto


export interface StatusChange {
  'fromStatus'?: (string);
  'toStatus'?: (string);
  'reason'?: (string);
  'at'?: (string);
}

export interface StatusChange__Output {
  'fromStatus': (string);
  'toStatus': (string);
  'reason': (string);
  'at': (string);
}
