// Original file: proto/identity.proto


export interface IsAccessTokenRevokedRequest {
  'jti'?: (string);
}

export interface IsAccessTokenRevokedRequest__Output {
  'jti': (string);
}
