// Original file: proto/diagnostics.proto


export interface Ping {
  'pingId'?: (string);
  'message'?: (string);
  'recordedAt'?: (string);
}

export interface Ping__Output {
  'pingId': (string);
  'message': (string);
  'recordedAt': (string);
}
