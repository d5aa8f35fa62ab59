// Original file: proto/identity.proto


export interface TokenPair {
  'accessToken'?: (string);
  'refreshToken'?: (string);
  'expiresIn'?: (number);
  'tokenType'?: (string);
}

export interface TokenPair__Output {
  'accessToken': (string);
  'refreshToken': (string);
  'expiresIn': (number);
  'tokenType': (string);
}
