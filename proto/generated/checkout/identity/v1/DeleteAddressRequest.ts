// Original file: proto/identity.proto


export interface DeleteAddressRequest {
  'userId'?: (string);
  'addressId'?: (string);
}

export interface DeleteAddressRequest__Output {
  'userId': (string);
  'addressId': (string);
}
