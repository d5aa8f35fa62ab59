// Original file: proto/identity.proto


export interface GetPreferencesRequest {
  'userId'?: (string);
}

export interface GetPreferencesRequest__Output {
  'userId': (string);
}
