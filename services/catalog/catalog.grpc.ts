import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import { catalogPackageDefinition, catalogProto } from '../../proto/services';
import type { CatalogServiceHandlers } from '../../proto/generated/checkout/catalog/v1/CatalogService';
import type { ServiceDeps } from '../registry';
import { CatalogCache } from './catalog-cache';
import { CatalogService } from './catalog.service';

/** The catalog service as a gRPC registration. */
export function catalogRegistration(deps: ServiceDeps): ServiceRegistration {
  const service = new CatalogService(deps.prisma, new CatalogCache(deps.redis, deps.logger, deps.now));
  const handlers: CatalogServiceHandlers = {
    GetProducts: unary('catalog.GetProducts', async (r) => ({ products: await service.getProducts(r.skus) }), deps),
    UpsertProduct: unary('catalog.UpsertProduct', (r) => service.upsertProduct(r), deps),
    SearchProducts: unary('catalog.SearchProducts', (r) => service.searchProducts(r), deps),
    GetProduct: unary('catalog.GetProduct', (r) => service.getProduct(r.productId, r.includeInactive), deps),
    ListCategories: unary('catalog.ListCategories', async (r) => ({ categories: await service.listCategories(r.includeInactive) }), deps),
    UpsertMerchant: unary('catalog.UpsertMerchant', (r) => service.upsertMerchant(r), deps),
    DeactivateMerchant: unary('catalog.DeactivateMerchant', (r) => service.deactivateMerchant(r.id), deps),
    GetMerchant: unary('catalog.GetMerchant', (r) => service.getMerchant(r), deps),
    UpsertCategory: unary('catalog.UpsertCategory', (r) => service.upsertCategory(r), deps),
    DeactivateCategory: unary('catalog.DeactivateCategory', (r) => service.deactivateCategory(r.id), deps),
    UpsertStorefrontProduct: unary('catalog.UpsertStorefrontProduct', (r) => service.upsertStorefrontProduct(r), deps),
    DeactivateStorefrontProduct: unary('catalog.DeactivateStorefrontProduct', (r) => service.deactivateStorefrontProduct(r.id), deps),
    UpsertVariant: unary('catalog.UpsertVariant', (r) => service.upsertVariant(r), deps),
    DeactivateVariant: unary('catalog.DeactivateVariant', (r) => service.deactivateVariant(r.id), deps),
  };
  return {
    name: 'checkout.catalog.v1.CatalogService',
    definition: catalogProto.CatalogService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: catalogPackageDefinition,
  };
}
