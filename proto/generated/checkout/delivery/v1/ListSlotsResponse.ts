// Original file: proto/delivery.proto

import type { Slot as _checkout_delivery_v1_Slot, Slot__Output as _checkout_delivery_v1_Slot__Output } from '../../../checkout/delivery/v1/Slot';

export interface ListSlotsResponse {
  'slots'?: (_checkout_delivery_v1_Slot)[];
}

export interface ListSlotsResponse__Output {
  'slots': (_checkout_delivery_v1_Slot__Output)[];
}
