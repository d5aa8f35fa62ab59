// Original file: proto/inventory.proto

import type { ReservationLine as _checkout_inventory_v1_ReservationLine, ReservationLine__Output as _checkout_inventory_v1_ReservationLine__Output } from '../../../checkout/inventory/v1/ReservationLine';

export interface Reservation {
  'reservationId'?: (string);
  'orderId'?: (string);
  'status'?: (string);
  'lines'?: (_checkout_inventory_v1_ReservationLine)[];
  'expiresAt'?: (string);
}

export interface Reservation__Output {
  'reservationId': (string);
  'orderId': (string);
  'status': (string);
  'lines': (_checkout_inventory_v1_ReservationLine__Output)[];
  'expiresAt': (string);
}
