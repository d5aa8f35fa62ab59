// Original file: proto/loyalty.proto

import type { LedgerEntry as _checkout_loyalty_v1_LedgerEntry, LedgerEntry__Output as _checkout_loyalty_v1_LedgerEntry__Output } from '../../../checkout/loyalty/v1/LedgerEntry';
import type { Long } from '@grpc/proto-loader';

export interface Balance {
  'customerId'?: (string);
  'balance'?: (number | string | Long);
  'entries'?: (_checkout_loyalty_v1_LedgerEntry)[];
}

export interface Balance__Output {
  'customerId': (string);
  'balance': (number);
  'entries': (_checkout_loyalty_v1_LedgerEntry__Output)[];
}
