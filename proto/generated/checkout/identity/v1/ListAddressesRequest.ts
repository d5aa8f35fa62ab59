// Original file: proto/identity.proto


export interface ListAddressesRequest {
  'userId'?: (string);
}

export interface ListAddressesRequest__Output {
  'userId': (string);
}
