// Original file: proto/diagnostics.proto


export interface RecordPingRequest {
  'pingId'?: (string);
  'message'?: (string);
  'idempotencyKey'?: (string);
}

export interface RecordPingRequest__Output {
  'pingId': (string);
  'message': (string);
  'idempotencyKey': (string);
}
