// Original file: proto/catalog.proto


export interface Merchant {
  'id'?: (string);
  'name'?: (string);
  'active'?: (boolean);
  'cashierUserIds'?: (string)[];
}

export interface Merchant__Output {
  'id': (string);
  'name': (string);
  'active': (boolean);
  'cashierUserIds': (string)[];
}
