// Original file: proto/analytics.proto


export interface SalesReportRequest {
  'fromDay'?: (string);
  'toDay'?: (string);
  'merchantId'?: (string);
}

export interface SalesReportRequest__Output {
  'fromDay': (string);
  'toDay': (string);
  'merchantId': (string);
}
