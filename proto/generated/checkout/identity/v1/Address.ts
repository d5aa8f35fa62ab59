// Original file: proto/identity.proto


export interface Address {
  'id'?: (string);
  'name'?: (string);
  'postalCode'?: (string);
  'prefecture'?: (string);
  'city'?: (string);
  'line1'?: (string);
  'line2'?: (string);
  'phone'?: (string);
  'createdAt'?: (string);
}

export interface Address__Output {
  'id': (string);
  'name': (string);
  'postalCode': (string);
  'prefecture': (string);
  'city': (string);
  'line1': (string);
  'line2': (string);
  'phone': (string);
  'createdAt': (string);
}
