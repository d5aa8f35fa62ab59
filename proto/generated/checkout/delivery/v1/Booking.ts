// Original file: proto/delivery.proto


export interface Booking {
  'bookingId'?: (string);
  'orderId'?: (string);
  'slotId'?: (string);
  'status'?: (string);
}

export interface Booking__Output {
  'bookingId': (string);
  'orderId': (string);
  'slotId': (string);
  'status': (string);
}
