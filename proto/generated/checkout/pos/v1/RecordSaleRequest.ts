// Original file: proto/pos.proto

import type { SaleLine as _checkout_pos_v1_SaleLine, SaleLine__Output as _checkout_pos_v1_SaleLine__Output } from '../../../checkout/pos/v1/SaleLine';

export interface RecordSaleRequest {
  'saleId'?: (string);
  'merchantId'?: (string);
  'cashierId'?: (string);
  'lines'?: (_checkout_pos_v1_SaleLine)[];
  'paymentMethod'?: (string);
  'idempotencyKey'?: (string);
}

export interface RecordSaleRequest__Output {
  'saleId': (string);
  'merchantId': (string);
  'cashierId': (string);
  'lines': (_checkout_pos_v1_SaleLine__Output)[];
  'paymentMethod': (string);
  'idempotencyKey': (string);
}
