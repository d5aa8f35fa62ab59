// Original file: proto/pos.proto

import type { SaleLine as _checkout_pos_v1_SaleLine, SaleLine__Output as _checkout_pos_v1_SaleLine__Output } from '../../../checkout/pos/v1/SaleLine';
import type { SaleTaxTotal as _checkout_pos_v1_SaleTaxTotal, SaleTaxTotal__Output as _checkout_pos_v1_SaleTaxTotal__Output } from '../../../checkout/pos/v1/SaleTaxTotal';
import type { Long } from '@grpc/proto-loader';

export interface Sale {
  'saleId'?: (string);
  'merchantId'?: (string);
  'cashierId'?: (string);
  'status'?: (string);
  'lines'?: (_checkout_pos_v1_SaleLine)[];
  'totalMinor'?: (number | string | Long);
  'currency'?: (string);
  'paymentMethod'?: (string);
  'paymentId'?: (string);
  'tenderedMinor'?: (number | string | Long);
  'changeMinor'?: (number | string | Long);
  'feeMinor'?: (number | string | Long);
  'createdAt'?: (string);
  'completedAt'?: (string);
  'businessDate'?: (string);
  'taxTotals'?: (_checkout_pos_v1_SaleTaxTotal)[];
}

export interface Sale__Output {
  'saleId': (string);
  'merchantId': (string);
  'cashierId': (string);
  'status': (string);
  'lines': (_checkout_pos_v1_SaleLine__Output)[];
  'totalMinor': (number);
  'currency': (string);
  'paymentMethod': (string);
  'paymentId': (string);
  'tenderedMinor': (number);
  'changeMinor': (number);
  'feeMinor': (number);
  'createdAt': (string);
  'completedAt': (string);
  'businessDate': (string);
  'taxTotals': (_checkout_pos_v1_SaleTaxTotal__Output)[];
}
