// Original file: proto/analytics.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { SalesReport as _checkout_analytics_v1_SalesReport, SalesReport__Output as _checkout_analytics_v1_SalesReport__Output } from '../../../checkout/analytics/v1/SalesReport';
import type { SalesReportRequest as _checkout_analytics_v1_SalesReportRequest, SalesReportRequest__Output as _checkout_analytics_v1_SalesReportRequest__Output } from '../../../checkout/analytics/v1/SalesReportRequest';

export interface AnalyticsServiceClient extends grpc.Client {
  GetSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  GetSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  GetSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  GetSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  getSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  getSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  getSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  getSalesReport(argument: _checkout_analytics_v1_SalesReportRequest, callback: grpc.requestCallback<_checkout_analytics_v1_SalesReport__Output>): grpc.ClientUnaryCall;
  
}

export interface AnalyticsServiceHandlers extends grpc.UntypedServiceImplementation {
  GetSalesReport: grpc.handleUnaryCall<_checkout_analytics_v1_SalesReportRequest__Output, _checkout_analytics_v1_SalesReport>;
  
}

export interface AnalyticsServiceDefinition extends grpc.ServiceDefinition {
  GetSalesReport: MethodDefinition<_checkout_analytics_v1_SalesReportRequest, _checkout_analytics_v1_SalesReport, _checkout_analytics_v1_SalesReportRequest__Output, _checkout_analytics_v1_SalesReport__Output>
}
