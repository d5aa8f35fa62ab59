import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetSaleRequest as _checkout_pos_v1_GetSaleRequest, GetSaleRequest__Output as _checkout_pos_v1_GetSaleRequest__Output } from './checkout/pos/v1/GetSaleRequest';
import type { ListSettlementsRequest as _checkout_pos_v1_ListSettlementsRequest, ListSettlementsRequest__Output as _checkout_pos_v1_ListSettlementsRequest__Output } from './checkout/pos/v1/ListSettlementsRequest';
import type { ListSettlementsResponse as _checkout_pos_v1_ListSettlementsResponse, ListSettlementsResponse__Output as _checkout_pos_v1_ListSettlementsResponse__Output } from './checkout/pos/v1/ListSettlementsResponse';
import type { MerchantOrdersRequest as _checkout_pos_v1_MerchantOrdersRequest, MerchantOrdersRequest__Output as _checkout_pos_v1_MerchantOrdersRequest__Output } from './checkout/pos/v1/MerchantOrdersRequest';
import type { MerchantOrdersResponse as _checkout_pos_v1_MerchantOrdersResponse, MerchantOrdersResponse__Output as _checkout_pos_v1_MerchantOrdersResponse__Output } from './checkout/pos/v1/MerchantOrdersResponse';
import type { Owner as _checkout_pos_v1_Owner, Owner__Output as _checkout_pos_v1_Owner__Output } from './checkout/pos/v1/Owner';
import type { OwnerRequest as _checkout_pos_v1_OwnerRequest, OwnerRequest__Output as _checkout_pos_v1_OwnerRequest__Output } from './checkout/pos/v1/OwnerRequest';
import type { PosServiceClient as _checkout_pos_v1_PosServiceClient, PosServiceDefinition as _checkout_pos_v1_PosServiceDefinition } from './checkout/pos/v1/PosService';
import type { RecordPaymentRequest as _checkout_pos_v1_RecordPaymentRequest, RecordPaymentRequest__Output as _checkout_pos_v1_RecordPaymentRequest__Output } from './checkout/pos/v1/RecordPaymentRequest';
import type { RecordSaleRequest as _checkout_pos_v1_RecordSaleRequest, RecordSaleRequest__Output as _checkout_pos_v1_RecordSaleRequest__Output } from './checkout/pos/v1/RecordSaleRequest';
import type { Sale as _checkout_pos_v1_Sale, Sale__Output as _checkout_pos_v1_Sale__Output } from './checkout/pos/v1/Sale';
import type { SaleLine as _checkout_pos_v1_SaleLine, SaleLine__Output as _checkout_pos_v1_SaleLine__Output } from './checkout/pos/v1/SaleLine';
import type { SaleRef as _checkout_pos_v1_SaleRef, SaleRef__Output as _checkout_pos_v1_SaleRef__Output } from './checkout/pos/v1/SaleRef';
import type { SaleTaxTotal as _checkout_pos_v1_SaleTaxTotal, SaleTaxTotal__Output as _checkout_pos_v1_SaleTaxTotal__Output } from './checkout/pos/v1/SaleTaxTotal';
import type { SettleDayRequest as _checkout_pos_v1_SettleDayRequest, SettleDayRequest__Output as _checkout_pos_v1_SettleDayRequest__Output } from './checkout/pos/v1/SettleDayRequest';
import type { SettleDayResponse as _checkout_pos_v1_SettleDayResponse, SettleDayResponse__Output as _checkout_pos_v1_SettleDayResponse__Output } from './checkout/pos/v1/SettleDayResponse';
import type { Settlement as _checkout_pos_v1_Settlement, Settlement__Output as _checkout_pos_v1_Settlement__Output } from './checkout/pos/v1/Settlement';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    pos: {
      v1: {
        GetSaleRequest: MessageTypeDefinition<_checkout_pos_v1_GetSaleRequest, _checkout_pos_v1_GetSaleRequest__Output>
        ListSettlementsRequest: MessageTypeDefinition<_checkout_pos_v1_ListSettlementsRequest, _checkout_pos_v1_ListSettlementsRequest__Output>
        ListSettlementsResponse: MessageTypeDefinition<_checkout_pos_v1_ListSettlementsResponse, _checkout_pos_v1_ListSettlementsResponse__Output>
        MerchantOrdersRequest: MessageTypeDefinition<_checkout_pos_v1_MerchantOrdersRequest, _checkout_pos_v1_MerchantOrdersRequest__Output>
        MerchantOrdersResponse: MessageTypeDefinition<_checkout_pos_v1_MerchantOrdersResponse, _checkout_pos_v1_MerchantOrdersResponse__Output>
        Owner: MessageTypeDefinition<_checkout_pos_v1_Owner, _checkout_pos_v1_Owner__Output>
        OwnerRequest: MessageTypeDefinition<_checkout_pos_v1_OwnerRequest, _checkout_pos_v1_OwnerRequest__Output>
        PosService: SubtypeConstructor<typeof grpc.Client, _checkout_pos_v1_PosServiceClient> & { service: _checkout_pos_v1_PosServiceDefinition }
        RecordPaymentRequest: MessageTypeDefinition<_checkout_pos_v1_RecordPaymentRequest, _checkout_pos_v1_RecordPaymentRequest__Output>
        RecordSaleRequest: MessageTypeDefinition<_checkout_pos_v1_RecordSaleRequest, _checkout_pos_v1_RecordSaleRequest__Output>
        Sale: MessageTypeDefinition<_checkout_pos_v1_Sale, _checkout_pos_v1_Sale__Output>
        SaleLine: MessageTypeDefinition<_checkout_pos_v1_SaleLine, _checkout_pos_v1_SaleLine__Output>
        SaleRef: MessageTypeDefinition<_checkout_pos_v1_SaleRef, _checkout_pos_v1_SaleRef__Output>
        SaleTaxTotal: MessageTypeDefinition<_checkout_pos_v1_SaleTaxTotal, _checkout_pos_v1_SaleTaxTotal__Output>
        SettleDayRequest: MessageTypeDefinition<_checkout_pos_v1_SettleDayRequest, _checkout_pos_v1_SettleDayRequest__Output>
        SettleDayResponse: MessageTypeDefinition<_checkout_pos_v1_SettleDayResponse, _checkout_pos_v1_SettleDayResponse__Output>
        Settlement: MessageTypeDefinition<_checkout_pos_v1_Settlement, _checkout_pos_v1_Settlement__Output>
      }
    }
  }
}

