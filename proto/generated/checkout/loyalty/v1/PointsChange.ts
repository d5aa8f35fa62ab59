// Original file: proto/loyalty.proto

import type { Long } from '@grpc/proto-loader';

export interface PointsChange {
  'customerId'?: (string);
  'orderId'?: (string);
  'kind'?: (string);
  'points'?: (number | string | Long);
  'balance'?: (number | string | Long);
  'unrecoveredPoints'?: (number | string | Long);
}

export interface PointsChange__Output {
  'customerId': (string);
  'orderId': (string);
  'kind': (string);
  'points': (number);
  'balance': (number);
  'unrecoveredPoints': (number);
}
