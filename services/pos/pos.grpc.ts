import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import type { PosServiceHandlers } from '../../proto/generated/checkout/pos/v1/PosService';
import { posPackageDefinition, posProto } from '../../proto/pos-client';
import type { ServiceDeps } from '../registry';
import { PosService } from './pos.service';

/** The point-of-sale service as a gRPC registration. */
export function posRegistration(deps: ServiceDeps): ServiceRegistration {
  const service = new PosService(deps.prisma);
  const handlers: PosServiceHandlers = {
    RecordSale: unary('pos.RecordSale', (r, context) => service.recordSale(r, context), deps),
    VoidSale: unary('pos.VoidSale', (r, context) => service.voidSale(r, context), deps),
    RecordPayment: unary('pos.RecordPayment', (r, context) => service.recordPayment(r, context), deps),
    RecordRefund: unary('pos.RecordRefund', (r, context) => service.recordRefund(r, context), deps),
    CompleteSale: unary('pos.CompleteSale', (r, context) => service.completeSale(r, context), deps),
    BeginRefund: unary('pos.BeginRefund', (r, context) => service.beginRefund(r, context), deps),
    CancelRefund: unary('pos.CancelRefund', (r, context) => service.cancelRefund(r, context), deps),
    GetSale: unary('pos.GetSale', (r) => service.getSale(r), deps),
    SettleDay: unary('pos.SettleDay', (r) => service.settleDay(r), deps),
    ListSettlements: unary('pos.ListSettlements', (r) => service.listSettlements(r), deps),
    OwnerOf: unary('pos.OwnerOf', (r) => service.ownerOf(r), deps),
    MerchantOrders: unary('pos.MerchantOrders', (r) => service.merchantOrders(r), deps),
  };
  return {
    name: 'checkout.pos.v1.PosService',
    definition: posProto.PosService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: posPackageDefinition,
  };
}
