// Original file: proto/delivery.proto


export interface Booking {
  'bookingId'?: (string);
  'orderId'?: (string);
  'slotId'?: (string);
  'status'?: (string);
  'date'?: (string);
  'windowStart'?: (string);
  'windowEnd'?: (string);
}

export interface Booking__Output {
  'bookingId': (string);
  'orderId': (string);
  'slotId': (string);
  'status': (string);
  'date': (string);
  'windowStart': (string);
  'windowEnd': (string);
}
