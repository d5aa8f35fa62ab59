// Original file: proto/delivery.proto


export interface ListSlotsRequest {
  'postalCode'?: (string);
  'fromDate'?: (string);
  'toDate'?: (string);
}

export interface ListSlotsRequest__Output {
  'postalCode': (string);
  'fromDate': (string);
  'toDate': (string);
}
