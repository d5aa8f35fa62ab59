// Original file: proto/catalog.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetProductsRequest as _checkout_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _checkout_catalog_v1_GetProductsRequest__Output } from '../../../checkout/catalog/v1/GetProductsRequest';
import type { GetProductsResponse as _checkout_catalog_v1_GetProductsResponse, GetProductsResponse__Output as _checkout_catalog_v1_GetProductsResponse__Output } from '../../../checkout/catalog/v1/GetProductsResponse';
import type { Product as _checkout_catalog_v1_Product, Product__Output as _checkout_catalog_v1_Product__Output } from '../../../checkout/catalog/v1/Product';

export interface CatalogServiceClient extends grpc.Client {
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  
  UpsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _checkout_catalog_v1_Product, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _checkout_catalog_v1_Product, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  
}

export interface CatalogServiceHandlers extends grpc.UntypedServiceImplementation {
  GetProducts: grpc.handleUnaryCall<_checkout_catalog_v1_GetProductsRequest__Output, _checkout_catalog_v1_GetProductsResponse>;
  
  UpsertProduct: grpc.handleUnaryCall<_checkout_catalog_v1_Product__Output, _checkout_catalog_v1_Product>;
  
}

export interface CatalogServiceDefinition extends grpc.ServiceDefinition {
  GetProducts: MethodDefinition<_checkout_catalog_v1_GetProductsRequest, _checkout_catalog_v1_GetProductsResponse, _checkout_catalog_v1_GetProductsRequest__Output, _checkout_catalog_v1_GetProductsResponse__Output>
  UpsertProduct: MethodDefinition<_checkout_catalog_v1_Product, _checkout_catalog_v1_Product, _checkout_catalog_v1_Product__Output, _checkout_catalog_v1_Product__Output>
}
