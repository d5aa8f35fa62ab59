// Original file: proto/pos.proto


export interface Owner {
  'found'?: (boolean);
  'merchantId'?: (string);
}

export interface Owner__Output {
  'found': (boolean);
  'merchantId': (string);
}
