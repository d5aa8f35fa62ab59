import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { inventoryPackageDefinition, inventoryProto } from '../../proto/services';
import type { InventoryServiceHandlers } from '../../proto/generated/checkout/inventory/v1/InventoryService';
import type { ServiceDeps } from '../registry';
import { InventoryService } from './inventory.service';

/** The inventory service as a gRPC registration (the expiry sweeper is started separately: see reservation-expiry.ts). */
export function inventoryRegistration(deps: ServiceDeps): ServiceRegistration {
  const service = new InventoryService(deps.prisma, deps.now);
  const handlers: InventoryServiceHandlers = {
    Reserve: unary('inventory.Reserve', (r, context) => service.reserve(r, context), deps),
    Release: unary('inventory.Release', (r, context) => service.release(r, context), deps),
    Commit: unary('inventory.Commit', (r, context) => service.commit(r, context), deps),
    GetStock: unary('inventory.GetStock', (r) => service.getStock(r.sku), deps),
    AdjustStock: unary('inventory.AdjustStock', (r, context) => service.adjustStock(r, context), deps),
  };
  return {
    name: 'checkout.inventory.v1.InventoryService',
    definition: inventoryProto.InventoryService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: inventoryPackageDefinition,
  };
}
