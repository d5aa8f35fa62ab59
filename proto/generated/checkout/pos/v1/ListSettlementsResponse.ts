// Original file: proto/pos.proto

import type { Settlement as _checkout_pos_v1_Settlement, Settlement__Output as _checkout_pos_v1_Settlement__Output } from '../../../checkout/pos/v1/Settlement';

export interface ListSettlementsResponse {
  'settlements'?: (_checkout_pos_v1_Settlement)[];
}

export interface ListSettlementsResponse__Output {
  'settlements': (_checkout_pos_v1_Settlement__Output)[];
}
