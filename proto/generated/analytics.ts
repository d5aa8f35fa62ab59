import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AnalyticsServiceClient as _checkout_analytics_v1_AnalyticsServiceClient, AnalyticsServiceDefinition as _checkout_analytics_v1_AnalyticsServiceDefinition } from './checkout/analytics/v1/AnalyticsService';
import type { DailyFailures as _checkout_analytics_v1_DailyFailures, DailyFailures__Output as _checkout_analytics_v1_DailyFailures__Output } from './checkout/analytics/v1/DailyFailures';
import type { DailySettlement as _checkout_analytics_v1_DailySettlement, DailySettlement__Output as _checkout_analytics_v1_DailySettlement__Output } from './checkout/analytics/v1/DailySettlement';
import type { DailySkuSales as _checkout_analytics_v1_DailySkuSales, DailySkuSales__Output as _checkout_analytics_v1_DailySkuSales__Output } from './checkout/analytics/v1/DailySkuSales';
import type { SalesReport as _checkout_analytics_v1_SalesReport, SalesReport__Output as _checkout_analytics_v1_SalesReport__Output } from './checkout/analytics/v1/SalesReport';
import type { SalesReportRequest as _checkout_analytics_v1_SalesReportRequest, SalesReportRequest__Output as _checkout_analytics_v1_SalesReportRequest__Output } from './checkout/analytics/v1/SalesReportRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    analytics: {
      v1: {
        AnalyticsService: SubtypeConstructor<typeof grpc.Client, _checkout_analytics_v1_AnalyticsServiceClient> & { service: _checkout_analytics_v1_AnalyticsServiceDefinition }
        DailyFailures: MessageTypeDefinition<_checkout_analytics_v1_DailyFailures, _checkout_analytics_v1_DailyFailures__Output>
        DailySettlement: MessageTypeDefinition<_checkout_analytics_v1_DailySettlement, _checkout_analytics_v1_DailySettlement__Output>
        DailySkuSales: MessageTypeDefinition<_checkout_analytics_v1_DailySkuSales, _checkout_analytics_v1_DailySkuSales__Output>
        SalesReport: MessageTypeDefinition<_checkout_analytics_v1_SalesReport, _checkout_analytics_v1_SalesReport__Output>
        SalesReportRequest: MessageTypeDefinition<_checkout_analytics_v1_SalesReportRequest, _checkout_analytics_v1_SalesReportRequest__Output>
      }
    }
  }
}

