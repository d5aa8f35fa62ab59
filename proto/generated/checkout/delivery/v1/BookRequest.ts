// Original file: proto/delivery.proto


export interface BookRequest {
  'bookingId'?: (string);
  'orderId'?: (string);
  'slotId'?: (string);
  'postalCode'?: (string);
  'idempotencyKey'?: (string);
}

export interface BookRequest__Output {
  'bookingId': (string);
  'orderId': (string);
  'slotId': (string);
  'postalCode': (string);
  'idempotencyKey': (string);
}
