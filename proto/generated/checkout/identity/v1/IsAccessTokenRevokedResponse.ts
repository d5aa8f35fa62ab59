// Original file: proto/identity.proto


export interface IsAccessTokenRevokedResponse {
  'revoked'?: (boolean);
}

export interface IsAccessTokenRevokedResponse__Output {
  'revoked': (boolean);
}
