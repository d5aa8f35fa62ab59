import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CatalogServiceClient as _checkout_catalog_v1_CatalogServiceClient, CatalogServiceDefinition as _checkout_catalog_v1_CatalogServiceDefinition } from './checkout/catalog/v1/CatalogService';
import type { GetProductsRequest as _checkout_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _checkout_catalog_v1_GetProductsRequest__Output } from './checkout/catalog/v1/GetProductsRequest';
import type { GetProductsResponse as _checkout_catalog_v1_GetProductsResponse, GetProductsResponse__Output as _checkout_catalog_v1_GetProductsResponse__Output } from './checkout/catalog/v1/GetProductsResponse';
import type { Product as _checkout_catalog_v1_Product, Product__Output as _checkout_catalog_v1_Product__Output } from './checkout/catalog/v1/Product';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    catalog: {
      v1: {
        CatalogService: SubtypeConstructor<typeof grpc.Client, _checkout_catalog_v1_CatalogServiceClient> & { service: _checkout_catalog_v1_CatalogServiceDefinition }
        GetProductsRequest: MessageTypeDefinition<_checkout_catalog_v1_GetProductsRequest, _checkout_catalog_v1_GetProductsRequest__Output>
        GetProductsResponse: MessageTypeDefinition<_checkout_catalog_v1_GetProductsResponse, _checkout_catalog_v1_GetProductsResponse__Output>
        Product: MessageTypeDefinition<_checkout_catalog_v1_Product, _checkout_catalog_v1_Product__Output>
      }
    }
  }
}

