// Original file: proto/orders.proto

import type { Long } from '@grpc/proto-loader';

export interface Coupon {
  'id'?: (string);
  'code'?: (string);
  'kind'?: (string);
  'value'?: (number | string | Long);
  'minOrderMinor'?: (number | string | Long);
  'usageLimit'?: (number);
  'perCustomerLimit'?: (number);
  'validFrom'?: (string);
  'validTo'?: (string);
  'disabledAt'?: (string);
  'redeemedCount'?: (number);
  'createdAt'?: (string);
}

export interface Coupon__Output {
  'id': (string);
  'code': (string);
  'kind': (string);
  'value': (number);
  'minOrderMinor': (number);
  'usageLimit': (number);
  'perCustomerLimit': (number);
  'validFrom': (string);
  'validTo': (string);
  'disabledAt': (string);
  'redeemedCount': (number);
  'createdAt': (string);
}
