// Original file: proto/delivery.proto

import type { Zone as _checkout_delivery_v1_Zone, Zone__Output as _checkout_delivery_v1_Zone__Output } from '../../../checkout/delivery/v1/Zone';

export interface ListZonesResponse {
  'zones'?: (_checkout_delivery_v1_Zone)[];
}

export interface ListZonesResponse__Output {
  'zones': (_checkout_delivery_v1_Zone__Output)[];
}
