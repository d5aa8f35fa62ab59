import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { catalogPackageDefinition, catalogProto } from '../../proto/services';
import type { CatalogServiceHandlers } from '../../proto/generated/checkout/catalog/v1/CatalogService';
import type { ServiceDeps } from '../registry';
import { CatalogService } from './catalog.service';

/** The catalog service as a gRPC registration. */
export function catalogRegistration(deps: ServiceDeps): ServiceRegistration {
  const service = new CatalogService(deps.prisma);
  const handlers: CatalogServiceHandlers = {
    GetProducts: unary('catalog.GetProducts', async (r) => ({ products: await service.getProducts(r.skus) }), deps),
    UpsertProduct: unary('catalog.UpsertProduct', (r) => service.upsertProduct(r), deps),
  };
  return {
    name: 'checkout.catalog.v1.CatalogService',
    definition: catalogProto.CatalogService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: catalogPackageDefinition,
  };
}
