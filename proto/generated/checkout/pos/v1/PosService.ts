// Original file: proto/pos.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetSaleRequest as _checkout_pos_v1_GetSaleRequest, GetSaleRequest__Output as _checkout_pos_v1_GetSaleRequest__Output } from '../../../checkout/pos/v1/GetSaleRequest';
import type { ListSettlementsRequest as _checkout_pos_v1_ListSettlementsRequest, ListSettlementsRequest__Output as _checkout_pos_v1_ListSettlementsRequest__Output } from '../../../checkout/pos/v1/ListSettlementsRequest';
import type { ListSettlementsResponse as _checkout_pos_v1_ListSettlementsResponse, ListSettlementsResponse__Output as _checkout_pos_v1_ListSettlementsResponse__Output } from '../../../checkout/pos/v1/ListSettlementsResponse';
import type { MerchantOrdersRequest as _checkout_pos_v1_MerchantOrdersRequest, MerchantOrdersRequest__Output as _checkout_pos_v1_MerchantOrdersRequest__Output } from '../../../checkout/pos/v1/MerchantOrdersRequest';
import type { MerchantOrdersResponse as _checkout_pos_v1_MerchantOrdersResponse, MerchantOrdersResponse__Output as _checkout_pos_v1_MerchantOrdersResponse__Output } from '../../../checkout/pos/v1/MerchantOrdersResponse';
import type { Owner as _checkout_pos_v1_Owner, Owner__Output as _checkout_pos_v1_Owner__Output } from '../../../checkout/pos/v1/Owner';
import type { OwnerRequest as _checkout_pos_v1_OwnerRequest, OwnerRequest__Output as _checkout_pos_v1_OwnerRequest__Output } from '../../../checkout/pos/v1/OwnerRequest';
import type { RecordPaymentRequest as _checkout_pos_v1_RecordPaymentRequest, RecordPaymentRequest__Output as _checkout_pos_v1_RecordPaymentRequest__Output } from '../../../checkout/pos/v1/RecordPaymentRequest';
import type { RecordSaleRequest as _checkout_pos_v1_RecordSaleRequest, RecordSaleRequest__Output as _checkout_pos_v1_RecordSaleRequest__Output } from '../../../checkout/pos/v1/RecordSaleRequest';
import type { Sale as _checkout_pos_v1_Sale, Sale__Output as _checkout_pos_v1_Sale__Output } from '../../../checkout/pos/v1/Sale';
import type { SaleRef as _checkout_pos_v1_SaleRef, SaleRef__Output as _checkout_pos_v1_SaleRef__Output } from '../../../checkout/pos/v1/SaleRef';
import type { SettleDayRequest as _checkout_pos_v1_SettleDayRequest, SettleDayRequest__Output as _checkout_pos_v1_SettleDayRequest__Output } from '../../../checkout/pos/v1/SettleDayRequest';
import type { SettleDayResponse as _checkout_pos_v1_SettleDayResponse, SettleDayResponse__Output as _checkout_pos_v1_SettleDayResponse__Output } from '../../../checkout/pos/v1/SettleDayResponse';

export interface PosServiceClient extends grpc.Client {
  BeginRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  BeginRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  BeginRefund(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  BeginRefund(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  beginRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  beginRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  beginRefund(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  beginRefund(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
  CancelRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  CancelRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  CancelRefund(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  CancelRefund(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  cancelRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  cancelRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  cancelRefund(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  cancelRefund(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
  CompleteSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  CompleteSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  CompleteSale(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  CompleteSale(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  completeSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  completeSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  completeSale(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  completeSale(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
  GetSale(argument: _checkout_pos_v1_GetSaleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  GetSale(argument: _checkout_pos_v1_GetSaleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  GetSale(argument: _checkout_pos_v1_GetSaleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  GetSale(argument: _checkout_pos_v1_GetSaleRequest, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  getSale(argument: _checkout_pos_v1_GetSaleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  getSale(argument: _checkout_pos_v1_GetSaleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  getSale(argument: _checkout_pos_v1_GetSaleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  getSale(argument: _checkout_pos_v1_GetSaleRequest, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
  ListSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  ListSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  ListSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  ListSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  listSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  listSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  listSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  listSettlements(argument: _checkout_pos_v1_ListSettlementsRequest, callback: grpc.requestCallback<_checkout_pos_v1_ListSettlementsResponse__Output>): grpc.ClientUnaryCall;
  
  MerchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  MerchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  MerchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  MerchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  merchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  merchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  merchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  merchantOrders(argument: _checkout_pos_v1_MerchantOrdersRequest, callback: grpc.requestCallback<_checkout_pos_v1_MerchantOrdersResponse__Output>): grpc.ClientUnaryCall;
  
  OwnerOf(argument: _checkout_pos_v1_OwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  OwnerOf(argument: _checkout_pos_v1_OwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  OwnerOf(argument: _checkout_pos_v1_OwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  OwnerOf(argument: _checkout_pos_v1_OwnerRequest, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  ownerOf(argument: _checkout_pos_v1_OwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  ownerOf(argument: _checkout_pos_v1_OwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  ownerOf(argument: _checkout_pos_v1_OwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  ownerOf(argument: _checkout_pos_v1_OwnerRequest, callback: grpc.requestCallback<_checkout_pos_v1_Owner__Output>): grpc.ClientUnaryCall;
  
  RecordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordPayment(argument: _checkout_pos_v1_RecordPaymentRequest, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
  RecordRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordRefund(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordRefund(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordRefund(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordRefund(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordRefund(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
  RecordSale(argument: _checkout_pos_v1_RecordSaleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordSale(argument: _checkout_pos_v1_RecordSaleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordSale(argument: _checkout_pos_v1_RecordSaleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  RecordSale(argument: _checkout_pos_v1_RecordSaleRequest, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _checkout_pos_v1_RecordSaleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _checkout_pos_v1_RecordSaleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _checkout_pos_v1_RecordSaleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  recordSale(argument: _checkout_pos_v1_RecordSaleRequest, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
  SettleDay(argument: _checkout_pos_v1_SettleDayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  SettleDay(argument: _checkout_pos_v1_SettleDayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  SettleDay(argument: _checkout_pos_v1_SettleDayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  SettleDay(argument: _checkout_pos_v1_SettleDayRequest, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  settleDay(argument: _checkout_pos_v1_SettleDayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  settleDay(argument: _checkout_pos_v1_SettleDayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  settleDay(argument: _checkout_pos_v1_SettleDayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  settleDay(argument: _checkout_pos_v1_SettleDayRequest, callback: grpc.requestCallback<_checkout_pos_v1_SettleDayResponse__Output>): grpc.ClientUnaryCall;
  
  VoidSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  VoidSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  VoidSale(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  VoidSale(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  voidSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  voidSale(argument: _checkout_pos_v1_SaleRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  voidSale(argument: _checkout_pos_v1_SaleRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  voidSale(argument: _checkout_pos_v1_SaleRef, callback: grpc.requestCallback<_checkout_pos_v1_Sale__Output>): grpc.ClientUnaryCall;
  
}

export interface PosServiceHandlers extends grpc.UntypedServiceImplementation {
  BeginRefund: grpc.handleUnaryCall<_checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale>;
  
  CancelRefund: grpc.handleUnaryCall<_checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale>;
  
  CompleteSale: grpc.handleUnaryCall<_checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale>;
  
  GetSale: grpc.handleUnaryCall<_checkout_pos_v1_GetSaleRequest__Output, _checkout_pos_v1_Sale>;
  
  ListSettlements: grpc.handleUnaryCall<_checkout_pos_v1_ListSettlementsRequest__Output, _checkout_pos_v1_ListSettlementsResponse>;
  
  MerchantOrders: grpc.handleUnaryCall<_checkout_pos_v1_MerchantOrdersRequest__Output, _checkout_pos_v1_MerchantOrdersResponse>;
  
  OwnerOf: grpc.handleUnaryCall<_checkout_pos_v1_OwnerRequest__Output, _checkout_pos_v1_Owner>;
  
  RecordPayment: grpc.handleUnaryCall<_checkout_pos_v1_RecordPaymentRequest__Output, _checkout_pos_v1_Sale>;
  
  RecordRefund: grpc.handleUnaryCall<_checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale>;
  
  RecordSale: grpc.handleUnaryCall<_checkout_pos_v1_RecordSaleRequest__Output, _checkout_pos_v1_Sale>;
  
  SettleDay: grpc.handleUnaryCall<_checkout_pos_v1_SettleDayRequest__Output, _checkout_pos_v1_SettleDayResponse>;
  
  VoidSale: grpc.handleUnaryCall<_checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale>;
  
}

export interface PosServiceDefinition extends grpc.ServiceDefinition {
  BeginRefund: MethodDefinition<_checkout_pos_v1_SaleRef, _checkout_pos_v1_Sale, _checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale__Output>
  CancelRefund: MethodDefinition<_checkout_pos_v1_SaleRef, _checkout_pos_v1_Sale, _checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale__Output>
  CompleteSale: MethodDefinition<_checkout_pos_v1_SaleRef, _checkout_pos_v1_Sale, _checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale__Output>
  GetSale: MethodDefinition<_checkout_pos_v1_GetSaleRequest, _checkout_pos_v1_Sale, _checkout_pos_v1_GetSaleRequest__Output, _checkout_pos_v1_Sale__Output>
  ListSettlements: MethodDefinition<_checkout_pos_v1_ListSettlementsRequest, _checkout_pos_v1_ListSettlementsResponse, _checkout_pos_v1_ListSettlementsRequest__Output, _checkout_pos_v1_ListSettlementsResponse__Output>
  MerchantOrders: MethodDefinition<_checkout_pos_v1_MerchantOrdersRequest, _checkout_pos_v1_MerchantOrdersResponse, _checkout_pos_v1_MerchantOrdersRequest__Output, _checkout_pos_v1_MerchantOrdersResponse__Output>
  OwnerOf: MethodDefinition<_checkout_pos_v1_OwnerRequest, _checkout_pos_v1_Owner, _checkout_pos_v1_OwnerRequest__Output, _checkout_pos_v1_Owner__Output>
  RecordPayment: MethodDefinition<_checkout_pos_v1_RecordPaymentRequest, _checkout_pos_v1_Sale, _checkout_pos_v1_RecordPaymentRequest__Output, _checkout_pos_v1_Sale__Output>
  RecordRefund: MethodDefinition<_checkout_pos_v1_SaleRef, _checkout_pos_v1_Sale, _checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale__Output>
  RecordSale: MethodDefinition<_checkout_pos_v1_RecordSaleRequest, _checkout_pos_v1_Sale, _checkout_pos_v1_RecordSaleRequest__Output, _checkout_pos_v1_Sale__Output>
  SettleDay: MethodDefinition<_checkout_pos_v1_SettleDayRequest, _checkout_pos_v1_SettleDayResponse, _checkout_pos_v1_SettleDayRequest__Output, _checkout_pos_v1_SettleDayResponse__Output>
  VoidSale: MethodDefinition<_checkout_pos_v1_SaleRef, _checkout_pos_v1_Sale, _checkout_pos_v1_SaleRef__Output, _checkout_pos_v1_Sale__Output>
}
