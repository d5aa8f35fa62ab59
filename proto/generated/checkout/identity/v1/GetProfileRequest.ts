// Original file: proto/identity.proto


export interface GetProfileRequest {
  'userId'?: (string);
}

export interface GetProfileRequest__Output {
  'userId': (string);
}
