// Original file: proto/identity.proto


export interface UpdateProfileRequest {
  'userId'?: (string);
  'name'?: (string);
}

export interface UpdateProfileRequest__Output {
  'userId': (string);
  'name': (string);
}
