// Original file: proto/diagnostics.proto


export interface GetPingRequest {
  'pingId'?: (string);
}

export interface GetPingRequest__Output {
  'pingId': (string);
}
