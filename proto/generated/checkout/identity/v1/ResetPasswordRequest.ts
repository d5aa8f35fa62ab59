// Original file: proto/identity.proto


export interface ResetPasswordRequest {
  'token'?: (string);
  'newPassword'?: (string);
}

export interface ResetPasswordRequest__Output {
  'token': (string);
  'newPassword': (string);
}
