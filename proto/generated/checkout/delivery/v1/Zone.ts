// Original file: proto/delivery.proto

import type { Long } from '@grpc/proto-loader';

export interface Zone {
  'id'?: (string);
  'name'?: (string);
  'postalPrefixes'?: (string)[];
  'cutoffTime'?: (string);
  'timeZone'?: (string);
  'feeMinor'?: (number | string | Long);
  'freeShippingThresholdMinor'?: (number | string | Long);
}

export interface Zone__Output {
  'id': (string);
  'name': (string);
  'postalPrefixes': (string)[];
  'cutoffTime': (string);
  'timeZone': (string);
  'feeMinor': (number);
  'freeShippingThresholdMinor': (number);
}
