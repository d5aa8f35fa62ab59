// Original file: proto/identity.proto


export interface SetRoleRequest {
  'userId'?: (string);
  'role'?: (string);
  'merchantId'?: (string);
}

export interface SetRoleRequest__Output {
  'userId': (string);
  'role': (string);
  'merchantId': (string);
}
