// Original file: proto/pos.proto


export interface SettleDayRequest {
  'businessDate'?: (string);
}

export interface SettleDayRequest__Output {
  'businessDate': (string);
}
