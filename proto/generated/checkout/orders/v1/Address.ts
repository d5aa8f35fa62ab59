// Original file: proto/orders.proto


export interface Address {
  'name'?: (string);
  'postalCode'?: (string);
  'prefecture'?: (string);
  'city'?: (string);
  'line1'?: (string);
  'line2'?: (string);
  'phone'?: (string);
}

export interface Address__Output {
  'name': (string);
  'postalCode': (string);
  'prefecture': (string);
  'city': (string);
  'line1': (string);
  'line2': (string);
  'phone': (string);
}
