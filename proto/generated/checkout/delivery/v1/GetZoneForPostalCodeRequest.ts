// Original file: proto/delivery.proto


export interface GetZoneForPostalCodeRequest {
  'postalCode'?: (string);
}

export interface GetZoneForPostalCodeRequest__Output {
  'postalCode': (string);
}
