// Original file: proto/identity.proto


export interface RequestEmailVerificationRequest {
  'userId'?: (string);
}

export interface RequestEmailVerificationRequest__Output {
  'userId': (string);
}
