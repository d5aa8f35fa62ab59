// Original file: proto/analytics.proto


export interface DailyFailures {
  'day'?: (string);
  'reason'?: (string);
  'count'?: (number);
}

export interface DailyFailures__Output {
  'day': (string);
  'reason': (string);
  'count': (number);
}
