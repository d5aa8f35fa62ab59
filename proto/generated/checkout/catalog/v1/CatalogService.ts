// Original file: proto/catalog.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Category as _checkout_catalog_v1_Category, Category__Output as _checkout_catalog_v1_Category__Output } from '../../../checkout/catalog/v1/Category';
import type { DeactivateRequest as _checkout_catalog_v1_DeactivateRequest, DeactivateRequest__Output as _checkout_catalog_v1_DeactivateRequest__Output } from '../../../checkout/catalog/v1/DeactivateRequest';
import type { GetMerchantRequest as _checkout_catalog_v1_GetMerchantRequest, GetMerchantRequest__Output as _checkout_catalog_v1_GetMerchantRequest__Output } from '../../../checkout/catalog/v1/GetMerchantRequest';
import type { GetProductRequest as _checkout_catalog_v1_GetProductRequest, GetProductRequest__Output as _checkout_catalog_v1_GetProductRequest__Output } from '../../../checkout/catalog/v1/GetProductRequest';
import type { GetProductsRequest as _checkout_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _checkout_catalog_v1_GetProductsRequest__Output } from '../../../checkout/catalog/v1/GetProductsRequest';
import type { GetProductsResponse as _checkout_catalog_v1_GetProductsResponse, GetProductsResponse__Output as _checkout_catalog_v1_GetProductsResponse__Output } from '../../../checkout/catalog/v1/GetProductsResponse';
import type { ListCategoriesRequest as _checkout_catalog_v1_ListCategoriesRequest, ListCategoriesRequest__Output as _checkout_catalog_v1_ListCategoriesRequest__Output } from '../../../checkout/catalog/v1/ListCategoriesRequest';
import type { ListCategoriesResponse as _checkout_catalog_v1_ListCategoriesResponse, ListCategoriesResponse__Output as _checkout_catalog_v1_ListCategoriesResponse__Output } from '../../../checkout/catalog/v1/ListCategoriesResponse';
import type { Merchant as _checkout_catalog_v1_Merchant, Merchant__Output as _checkout_catalog_v1_Merchant__Output } from '../../../checkout/catalog/v1/Merchant';
import type { Product as _checkout_catalog_v1_Product, Product__Output as _checkout_catalog_v1_Product__Output } from '../../../checkout/catalog/v1/Product';
import type { ProductDetail as _checkout_catalog_v1_ProductDetail, ProductDetail__Output as _checkout_catalog_v1_ProductDetail__Output } from '../../../checkout/catalog/v1/ProductDetail';
import type { SearchProductsRequest as _checkout_catalog_v1_SearchProductsRequest, SearchProductsRequest__Output as _checkout_catalog_v1_SearchProductsRequest__Output } from '../../../checkout/catalog/v1/SearchProductsRequest';
import type { SearchProductsResponse as _checkout_catalog_v1_SearchProductsResponse, SearchProductsResponse__Output as _checkout_catalog_v1_SearchProductsResponse__Output } from '../../../checkout/catalog/v1/SearchProductsResponse';
import type { StorefrontProduct as _checkout_catalog_v1_StorefrontProduct, StorefrontProduct__Output as _checkout_catalog_v1_StorefrontProduct__Output } from '../../../checkout/catalog/v1/StorefrontProduct';
import type { Variant as _checkout_catalog_v1_Variant, Variant__Output as _checkout_catalog_v1_Variant__Output } from '../../../checkout/catalog/v1/Variant';

export interface CatalogServiceClient extends grpc.Client {
  DeactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  DeactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  DeactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  DeactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  deactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  deactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  deactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  deactivateCategory(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  
  DeactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  DeactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  DeactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  DeactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  deactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  deactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  deactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  deactivateMerchant(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  
  DeactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  DeactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  DeactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  DeactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  deactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  deactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  deactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  deactivateStorefrontProduct(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  
  DeactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  DeactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  DeactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  DeactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  deactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  deactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  deactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  deactivateVariant(argument: _checkout_catalog_v1_DeactivateRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  
  GetMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  GetMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  GetMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  GetMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  getMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  getMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  getMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  getMerchant(argument: _checkout_catalog_v1_GetMerchantRequest, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  
  GetProduct(argument: _checkout_catalog_v1_GetProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _checkout_catalog_v1_GetProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _checkout_catalog_v1_GetProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  GetProduct(argument: _checkout_catalog_v1_GetProductRequest, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _checkout_catalog_v1_GetProductRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _checkout_catalog_v1_GetProductRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _checkout_catalog_v1_GetProductRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  getProduct(argument: _checkout_catalog_v1_GetProductRequest, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  GetProducts(argument: _checkout_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  getProducts(argument: _checkout_catalog_v1_GetProductsRequest, callback: grpc.requestCallback<_checkout_catalog_v1_GetProductsResponse__Output>): grpc.ClientUnaryCall;
  
  ListCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _checkout_catalog_v1_ListCategoriesRequest, callback: grpc.requestCallback<_checkout_catalog_v1_ListCategoriesResponse__Output>): grpc.ClientUnaryCall;
  
  SearchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  SearchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  searchProducts(argument: _checkout_catalog_v1_SearchProductsRequest, callback: grpc.requestCallback<_checkout_catalog_v1_SearchProductsResponse__Output>): grpc.ClientUnaryCall;
  
  UpsertCategory(argument: _checkout_catalog_v1_Category, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  UpsertCategory(argument: _checkout_catalog_v1_Category, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  UpsertCategory(argument: _checkout_catalog_v1_Category, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  UpsertCategory(argument: _checkout_catalog_v1_Category, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  upsertCategory(argument: _checkout_catalog_v1_Category, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  upsertCategory(argument: _checkout_catalog_v1_Category, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  upsertCategory(argument: _checkout_catalog_v1_Category, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  upsertCategory(argument: _checkout_catalog_v1_Category, callback: grpc.requestCallback<_checkout_catalog_v1_Category__Output>): grpc.ClientUnaryCall;
  
  UpsertMerchant(argument: _checkout_catalog_v1_Merchant, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  UpsertMerchant(argument: _checkout_catalog_v1_Merchant, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  UpsertMerchant(argument: _checkout_catalog_v1_Merchant, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  UpsertMerchant(argument: _checkout_catalog_v1_Merchant, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  upsertMerchant(argument: _checkout_catalog_v1_Merchant, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  upsertMerchant(argument: _checkout_catalog_v1_Merchant, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  upsertMerchant(argument: _checkout_catalog_v1_Merchant, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  upsertMerchant(argument: _checkout_catalog_v1_Merchant, callback: grpc.requestCallback<_checkout_catalog_v1_Merchant__Output>): grpc.ClientUnaryCall;
  
  UpsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _checkout_catalog_v1_Product, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  UpsertProduct(argument: _checkout_catalog_v1_Product, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  upsertProduct(argument: _checkout_catalog_v1_Product, callback: grpc.requestCallback<_checkout_catalog_v1_Product__Output>): grpc.ClientUnaryCall;
  
  UpsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  UpsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  UpsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  UpsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  upsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  upsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  upsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  upsertStorefrontProduct(argument: _checkout_catalog_v1_StorefrontProduct, callback: grpc.requestCallback<_checkout_catalog_v1_ProductDetail__Output>): grpc.ClientUnaryCall;
  
  UpsertVariant(argument: _checkout_catalog_v1_Variant, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  UpsertVariant(argument: _checkout_catalog_v1_Variant, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  UpsertVariant(argument: _checkout_catalog_v1_Variant, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  UpsertVariant(argument: _checkout_catalog_v1_Variant, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  upsertVariant(argument: _checkout_catalog_v1_Variant, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  upsertVariant(argument: _checkout_catalog_v1_Variant, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  upsertVariant(argument: _checkout_catalog_v1_Variant, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  upsertVariant(argument: _checkout_catalog_v1_Variant, callback: grpc.requestCallback<_checkout_catalog_v1_Variant__Output>): grpc.ClientUnaryCall;
  
}

export interface CatalogServiceHandlers extends grpc.UntypedServiceImplementation {
  DeactivateCategory: grpc.handleUnaryCall<_checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_Category>;
  
  DeactivateMerchant: grpc.handleUnaryCall<_checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_Merchant>;
  
  DeactivateStorefrontProduct: grpc.handleUnaryCall<_checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_ProductDetail>;
  
  DeactivateVariant: grpc.handleUnaryCall<_checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_Variant>;
  
  GetMerchant: grpc.handleUnaryCall<_checkout_catalog_v1_GetMerchantRequest__Output, _checkout_catalog_v1_Merchant>;
  
  GetProduct: grpc.handleUnaryCall<_checkout_catalog_v1_GetProductRequest__Output, _checkout_catalog_v1_ProductDetail>;
  
  GetProducts: grpc.handleUnaryCall<_checkout_catalog_v1_GetProductsRequest__Output, _checkout_catalog_v1_GetProductsResponse>;
  
  ListCategories: grpc.handleUnaryCall<_checkout_catalog_v1_ListCategoriesRequest__Output, _checkout_catalog_v1_ListCategoriesResponse>;
  
  SearchProducts: grpc.handleUnaryCall<_checkout_catalog_v1_SearchProductsRequest__Output, _checkout_catalog_v1_SearchProductsResponse>;
  
  UpsertCategory: grpc.handleUnaryCall<_checkout_catalog_v1_Category__Output, _checkout_catalog_v1_Category>;
  
  UpsertMerchant: grpc.handleUnaryCall<_checkout_catalog_v1_Merchant__Output, _checkout_catalog_v1_Merchant>;
  
  UpsertProduct: grpc.handleUnaryCall<_checkout_catalog_v1_Product__Output, _checkout_catalog_v1_Product>;
  
  UpsertStorefrontProduct: grpc.handleUnaryCall<_checkout_catalog_v1_StorefrontProduct__Output, _checkout_catalog_v1_ProductDetail>;
  
  UpsertVariant: grpc.handleUnaryCall<_checkout_catalog_v1_Variant__Output, _checkout_catalog_v1_Variant>;
  
}

export interface CatalogServiceDefinition extends grpc.ServiceDefinition {
  DeactivateCategory: MethodDefinition<_checkout_catalog_v1_DeactivateRequest, _checkout_catalog_v1_Category, _checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_Category__Output>
  DeactivateMerchant: MethodDefinition<_checkout_catalog_v1_DeactivateRequest, _checkout_catalog_v1_Merchant, _checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_Merchant__Output>
  DeactivateStorefrontProduct: MethodDefinition<_checkout_catalog_v1_DeactivateRequest, _checkout_catalog_v1_ProductDetail, _checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_ProductDetail__Output>
  DeactivateVariant: MethodDefinition<_checkout_catalog_v1_DeactivateRequest, _checkout_catalog_v1_Variant, _checkout_catalog_v1_DeactivateRequest__Output, _checkout_catalog_v1_Variant__Output>
  GetMerchant: MethodDefinition<_checkout_catalog_v1_GetMerchantRequest, _checkout_catalog_v1_Merchant, _checkout_catalog_v1_GetMerchantRequest__Output, _checkout_catalog_v1_Merchant__Output>
  GetProduct: MethodDefinition<_checkout_catalog_v1_GetProductRequest, _checkout_catalog_v1_ProductDetail, _checkout_catalog_v1_GetProductRequest__Output, _checkout_catalog_v1_ProductDetail__Output>
  GetProducts: MethodDefinition<_checkout_catalog_v1_GetProductsRequest, _checkout_catalog_v1_GetProductsResponse, _checkout_catalog_v1_GetProductsRequest__Output, _checkout_catalog_v1_GetProductsResponse__Output>
  ListCategories: MethodDefinition<_checkout_catalog_v1_ListCategoriesRequest, _checkout_catalog_v1_ListCategoriesResponse, _checkout_catalog_v1_ListCategoriesRequest__Output, _checkout_catalog_v1_ListCategoriesResponse__Output>
  SearchProducts: MethodDefinition<_checkout_catalog_v1_SearchProductsRequest, _checkout_catalog_v1_SearchProductsResponse, _checkout_catalog_v1_SearchProductsRequest__Output, _checkout_catalog_v1_SearchProductsResponse__Output>
  UpsertCategory: MethodDefinition<_checkout_catalog_v1_Category, _checkout_catalog_v1_Category, _checkout_catalog_v1_Category__Output, _checkout_catalog_v1_Category__Output>
  UpsertMerchant: MethodDefinition<_checkout_catalog_v1_Merchant, _checkout_catalog_v1_Merchant, _checkout_catalog_v1_Merchant__Output, _checkout_catalog_v1_Merchant__Output>
  UpsertProduct: MethodDefinition<_checkout_catalog_v1_Product, _checkout_catalog_v1_Product, _checkout_catalog_v1_Product__Output, _checkout_catalog_v1_Product__Output>
  UpsertStorefrontProduct: MethodDefinition<_checkout_catalog_v1_StorefrontProduct, _checkout_catalog_v1_ProductDetail, _checkout_catalog_v1_StorefrontProduct__Output, _checkout_catalog_v1_ProductDetail__Output>
  UpsertVariant: MethodDefinition<_checkout_catalog_v1_Variant, _checkout_catalog_v1_Variant, _checkout_catalog_v1_Variant__Output, _checkout_catalog_v1_Variant__Output>
}
