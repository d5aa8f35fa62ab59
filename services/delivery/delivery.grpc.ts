import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { deliveryPackageDefinition, deliveryProto } from '../../proto/services';
import type { DeliveryServiceHandlers } from '../../proto/generated/checkout/delivery/v1/DeliveryService';
import type { ServiceDeps } from '../registry';
import { CarrierSandbox } from './carrier-sandbox';
import { DeliveryService } from './delivery.service';

/** The delivery service as a gRPC registration. */
export function deliveryRegistration(deps: ServiceDeps): ServiceRegistration {
  const service = new DeliveryService(deps.prisma, deps.now);
  const carrier = new CarrierSandbox(deps.prisma);
  const handlers: DeliveryServiceHandlers = {
    Book: unary('delivery.Book', (r, context) => service.book(r, context), deps),
    Release: unary('delivery.Release', (r, context) => service.release(r, context), deps),
    ListSlots: unary('delivery.ListSlots', async (r) => ({ slots: await service.listSlots(r) }), deps),
    UpsertZone: unary('delivery.UpsertZone', (r) => service.upsertZone(r), deps),
    ListZones: unary('delivery.ListZones', async () => ({ zones: await service.listZones() }), deps),
    GetZoneForPostalCode: unary('delivery.GetZoneForPostalCode', (r) => service.getZoneForPostalCode(r), deps),
    UpsertSlot: unary('delivery.UpsertSlot', (r) => service.upsertSlot(r), deps),
    CreateShipment: unary('delivery.CreateShipment', (r, context) => carrier.createShipment(r, context), deps),
    RecordTrackingEvent: unary('delivery.RecordTrackingEvent', (r) => carrier.recordTrackingEvent(r), deps),
    GetShipment: unary('delivery.GetShipment', (r) => carrier.getShipment(r), deps),
  };
  return {
    name: 'checkout.delivery.v1.DeliveryService',
    definition: deliveryProto.DeliveryService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: deliveryPackageDefinition,
  };
}
