// Original file: proto/delivery.proto


export interface BookingRef {
  'bookingId'?: (string);
  'idempotencyKey'?: (string);
}

export interface BookingRef__Output {
  'bookingId': (string);
  'idempotencyKey': (string);
}
