// Original file: proto/delivery.proto


export interface Zone {
  'id'?: (string);
  'name'?: (string);
  'postalPrefixes'?: (string)[];
  'cutoffTime'?: (string);
  'timeZone'?: (string);
}

export interface Zone__Output {
  'id': (string);
  'name': (string);
  'postalPrefixes': (string)[];
  'cutoffTime': (string);
  'timeZone': (string);
}
