// Original file: proto/catalog.proto


export interface DeactivateRequest {
  'id'?: (string);
}

export interface DeactivateRequest__Output {
  'id': (string);
}
