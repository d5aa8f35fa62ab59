// Original file: proto/analytics.proto

import type { DailySkuSales as _checkout_analytics_v1_DailySkuSales, DailySkuSales__Output as _checkout_analytics_v1_DailySkuSales__Output } from '../../../checkout/analytics/v1/DailySkuSales';
import type { DailyFailures as _checkout_analytics_v1_DailyFailures, DailyFailures__Output as _checkout_analytics_v1_DailyFailures__Output } from '../../../checkout/analytics/v1/DailyFailures';

export interface SalesReport {
  'fromDay'?: (string);
  'toDay'?: (string);
  'sales'?: (_checkout_analytics_v1_DailySkuSales)[];
  'failures'?: (_checkout_analytics_v1_DailyFailures)[];
}

export interface SalesReport__Output {
  'fromDay': (string);
  'toDay': (string);
  'sales': (_checkout_analytics_v1_DailySkuSales__Output)[];
  'failures': (_checkout_analytics_v1_DailyFailures__Output)[];
}
