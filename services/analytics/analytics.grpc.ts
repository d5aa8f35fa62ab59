import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { analyticsPackageDefinition, analyticsProto } from '../../proto/services';
import type { AnalyticsServiceHandlers } from '../../proto/generated/checkout/analytics/v1/AnalyticsService';
import type { ServiceDeps } from '../registry';
import { salesReport } from './order-aggregates';

/** The read side of the analytics aggregates as a gRPC registration (the analytics worker writes them). */
export function analyticsRegistration(deps: ServiceDeps): ServiceRegistration {
  const handlers: AnalyticsServiceHandlers = {
    GetSalesReport: unary('analytics.GetSalesReport', (r) => salesReport(deps.prisma, r.fromDay, r.toDay, r.merchantId), deps),
  };
  return {
    name: 'checkout.analytics.v1.AnalyticsService',
    definition: analyticsProto.AnalyticsService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: analyticsPackageDefinition,
  };
}
