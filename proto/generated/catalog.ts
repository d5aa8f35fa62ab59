import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CatalogServiceClient as _checkout_catalog_v1_CatalogServiceClient, CatalogServiceDefinition as _checkout_catalog_v1_CatalogServiceDefinition } from './checkout/catalog/v1/CatalogService';
import type { Category as _checkout_catalog_v1_Category, Category__Output as _checkout_catalog_v1_Category__Output } from './checkout/catalog/v1/Category';
import type { CategoryNode as _checkout_catalog_v1_CategoryNode, CategoryNode__Output as _checkout_catalog_v1_CategoryNode__Output } from './checkout/catalog/v1/CategoryNode';
import type { DeactivateRequest as _checkout_catalog_v1_DeactivateRequest, DeactivateRequest__Output as _checkout_catalog_v1_DeactivateRequest__Output } from './checkout/catalog/v1/DeactivateRequest';
import type { GetMerchantRequest as _checkout_catalog_v1_GetMerchantRequest, GetMerchantRequest__Output as _checkout_catalog_v1_GetMerchantRequest__Output } from './checkout/catalog/v1/GetMerchantRequest';
import type { GetProductRequest as _checkout_catalog_v1_GetProductRequest, GetProductRequest__Output as _checkout_catalog_v1_GetProductRequest__Output } from './checkout/catalog/v1/GetProductRequest';
import type { GetProductsRequest as _checkout_catalog_v1_GetProductsRequest, GetProductsRequest__Output as _checkout_catalog_v1_GetProductsRequest__Output } from './checkout/catalog/v1/GetProductsRequest';
import type { GetProductsResponse as _checkout_catalog_v1_GetProductsResponse, GetProductsResponse__Output as _checkout_catalog_v1_GetProductsResponse__Output } from './checkout/catalog/v1/GetProductsResponse';
import type { ListCategoriesRequest as _checkout_catalog_v1_ListCategoriesRequest, ListCategoriesRequest__Output as _checkout_catalog_v1_ListCategoriesRequest__Output } from './checkout/catalog/v1/ListCategoriesRequest';
import type { ListCategoriesResponse as _checkout_catalog_v1_ListCategoriesResponse, ListCategoriesResponse__Output as _checkout_catalog_v1_ListCategoriesResponse__Output } from './checkout/catalog/v1/ListCategoriesResponse';
import type { Merchant as _checkout_catalog_v1_Merchant, Merchant__Output as _checkout_catalog_v1_Merchant__Output } from './checkout/catalog/v1/Merchant';
import type { Product as _checkout_catalog_v1_Product, Product__Output as _checkout_catalog_v1_Product__Output } from './checkout/catalog/v1/Product';
import type { ProductDetail as _checkout_catalog_v1_ProductDetail, ProductDetail__Output as _checkout_catalog_v1_ProductDetail__Output } from './checkout/catalog/v1/ProductDetail';
import type { ProductSummary as _checkout_catalog_v1_ProductSummary, ProductSummary__Output as _checkout_catalog_v1_ProductSummary__Output } from './checkout/catalog/v1/ProductSummary';
import type { SearchProductsRequest as _checkout_catalog_v1_SearchProductsRequest, SearchProductsRequest__Output as _checkout_catalog_v1_SearchProductsRequest__Output } from './checkout/catalog/v1/SearchProductsRequest';
import type { SearchProductsResponse as _checkout_catalog_v1_SearchProductsResponse, SearchProductsResponse__Output as _checkout_catalog_v1_SearchProductsResponse__Output } from './checkout/catalog/v1/SearchProductsResponse';
import type { StorefrontProduct as _checkout_catalog_v1_StorefrontProduct, StorefrontProduct__Output as _checkout_catalog_v1_StorefrontProduct__Output } from './checkout/catalog/v1/StorefrontProduct';
import type { Variant as _checkout_catalog_v1_Variant, Variant__Output as _checkout_catalog_v1_Variant__Output } from './checkout/catalog/v1/Variant';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    catalog: {
      v1: {
        CatalogService: SubtypeConstructor<typeof grpc.Client, _checkout_catalog_v1_CatalogServiceClient> & { service: _checkout_catalog_v1_CatalogServiceDefinition }
        Category: MessageTypeDefinition<_checkout_catalog_v1_Category, _checkout_catalog_v1_Category__Output>
        CategoryNode: MessageTypeDefinition<_checkout_catalog_v1_CategoryNode, _checkout_catalog_v1_CategoryNode__Output>
        DeactivateRequest: MessageTypeDefinition<_checkout_catalog_v1_DeactivateRequest, _checkout_catalog_v1_DeactivateRequest__Output>
        GetMerchantRequest: MessageTypeDefinition<_checkout_catalog_v1_GetMerchantRequest, _checkout_catalog_v1_GetMerchantRequest__Output>
        GetProductRequest: MessageTypeDefinition<_checkout_catalog_v1_GetProductRequest, _checkout_catalog_v1_GetProductRequest__Output>
        GetProductsRequest: MessageTypeDefinition<_checkout_catalog_v1_GetProductsRequest, _checkout_catalog_v1_GetProductsRequest__Output>
        GetProductsResponse: MessageTypeDefinition<_checkout_catalog_v1_GetProductsResponse, _checkout_catalog_v1_GetProductsResponse__Output>
        ListCategoriesRequest: MessageTypeDefinition<_checkout_catalog_v1_ListCategoriesRequest, _checkout_catalog_v1_ListCategoriesRequest__Output>
        ListCategoriesResponse: MessageTypeDefinition<_checkout_catalog_v1_ListCategoriesResponse, _checkout_catalog_v1_ListCategoriesResponse__Output>
        Merchant: MessageTypeDefinition<_checkout_catalog_v1_Merchant, _checkout_catalog_v1_Merchant__Output>
        Product: MessageTypeDefinition<_checkout_catalog_v1_Product, _checkout_catalog_v1_Product__Output>
        ProductDetail: MessageTypeDefinition<_checkout_catalog_v1_ProductDetail, _checkout_catalog_v1_ProductDetail__Output>
        ProductSummary: MessageTypeDefinition<_checkout_catalog_v1_ProductSummary, _checkout_catalog_v1_ProductSummary__Output>
        SearchProductsRequest: MessageTypeDefinition<_checkout_catalog_v1_SearchProductsRequest, _checkout_catalog_v1_SearchProductsRequest__Output>
        SearchProductsResponse: MessageTypeDefinition<_checkout_catalog_v1_SearchProductsResponse, _checkout_catalog_v1_SearchProductsResponse__Output>
        StorefrontProduct: MessageTypeDefinition<_checkout_catalog_v1_StorefrontProduct, _checkout_catalog_v1_StorefrontProduct__Output>
        Variant: MessageTypeDefinition<_checkout_catalog_v1_Variant, _checkout_catalog_v1_Variant__Output>
      }
    }
  }
}

