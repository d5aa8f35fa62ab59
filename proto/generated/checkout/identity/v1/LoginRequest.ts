// Original file: proto/identity.proto


export interface LoginRequest {
  'email'?: (string);
  'password'?: (string);
  'ip'?: (string);
}

export interface LoginRequest__Output {
  'email': (string);
  'password': (string);
  'ip': (string);
}
