// Original file: proto/inventory.proto


export interface ReservationRef {
  'reservationId'?: (string);
  'idempotencyKey'?: (string);
}

export interface ReservationRef__Output {
  'reservationId': (string);
  'idempotencyKey': (string);
}
