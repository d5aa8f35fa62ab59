// Original file: proto/identity.proto


export interface User {
  'id'?: (string);
  'email'?: (string);
  'name'?: (string);
  'role'?: (string);
  'emailVerified'?: (boolean);
  'createdAt'?: (string);
  'merchantId'?: (string);
}

export interface User__Output {
  'id': (string);
  'email': (string);
  'name': (string);
  'role': (string);
  'emailVerified': (boolean);
  'createdAt': (string);
  'merchantId': (string);
}
