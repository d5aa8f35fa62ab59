import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import type { LoyaltyServiceHandlers } from '../../proto/generated/checkout/loyalty/v1/LoyaltyService';
import { loyaltyPackageDefinition, loyaltyProto } from '../../proto/services';
import type { ServiceDeps } from '../registry';
import { LoyaltyService } from './loyalty.service';

/** The loyalty service as a gRPC registration. */
export function loyaltyRegistration(deps: ServiceDeps): ServiceRegistration {
  const service = new LoyaltyService(deps.prisma);
  const handlers: LoyaltyServiceHandlers = {
    Earn: unary('loyalty.Earn', (r, context) => service.earn(r, context), deps),
    Redeem: unary('loyalty.Redeem', (r, context) => service.redeem(r, context), deps),
    Restore: unary('loyalty.Restore', (r, context) => service.restore(r, context), deps),
    RevokeEarned: unary('loyalty.RevokeEarned', (r, context) => service.revokeEarned(r, context), deps),
    GetBalance: unary('loyalty.GetBalance', (r) => service.getBalance(r), deps),
  };
  return {
    name: 'checkout.loyalty.v1.LoyaltyService',
    definition: loyaltyProto.LoyaltyService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: loyaltyPackageDefinition,
  };
}
