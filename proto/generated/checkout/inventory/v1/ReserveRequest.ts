// Original file: proto/inventory.proto

import type { ReservationLine as _checkout_inventory_v1_ReservationLine, ReservationLine__Output as _checkout_inventory_v1_ReservationLine__Output } from '../../../checkout/inventory/v1/ReservationLine';

export interface ReserveRequest {
  'reservationId'?: (string);
  'orderId'?: (string);
  'lines'?: (_checkout_inventory_v1_ReservationLine)[];
  'ttlSeconds'?: (number);
  'idempotencyKey'?: (string);
}

export interface ReserveRequest__Output {
  'reservationId': (string);
  'orderId': (string);
  'lines': (_checkout_inventory_v1_ReservationLine__Output)[];
  'ttlSeconds': (number);
  'idempotencyKey': (string);
}
