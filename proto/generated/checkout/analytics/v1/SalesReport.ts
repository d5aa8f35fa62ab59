// Original file: proto/analytics.proto

import type { DailySkuSales as _checkout_analytics_v1_DailySkuSales, DailySkuSales__Output as _checkout_analytics_v1_DailySkuSales__Output } from '../../../checkout/analytics/v1/DailySkuSales';
import type { DailyFailures as _checkout_analytics_v1_DailyFailures, DailyFailures__Output as _checkout_analytics_v1_DailyFailures__Output } from '../../../checkout/analytics/v1/DailyFailures';
import type { DailySettlement as _checkout_analytics_v1_DailySettlement, DailySettlement__Output as _checkout_analytics_v1_DailySettlement__Output } from '../../../checkout/analytics/v1/DailySettlement';

export interface SalesReport {
  'fromDay'?: (string);
  'toDay'?: (string);
  'sales'?: (_checkout_analytics_v1_DailySkuSales)[];
  'failures'?: (_checkout_analytics_v1_DailyFailures)[];
  'settlements'?: (_checkout_analytics_v1_DailySettlement)[];
}

export interface SalesReport__Output {
  'fromDay': (string);
  'toDay': (string);
  'sales': (_checkout_analytics_v1_DailySkuSales__Output)[];
  'failures': (_checkout_analytics_v1_DailyFailures__Output)[];
  'settlements': (_checkout_analytics_v1_DailySettlement__Output)[];
}
