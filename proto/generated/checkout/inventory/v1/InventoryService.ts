// Original file: proto/inventory.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AdjustStockRequest as _checkout_inventory_v1_AdjustStockRequest, AdjustStockRequest__Output as _checkout_inventory_v1_AdjustStockRequest__Output } from '../../../checkout/inventory/v1/AdjustStockRequest';
import type { GetStockRequest as _checkout_inventory_v1_GetStockRequest, GetStockRequest__Output as _checkout_inventory_v1_GetStockRequest__Output } from '../../../checkout/inventory/v1/GetStockRequest';
import type { Reservation as _checkout_inventory_v1_Reservation, Reservation__Output as _checkout_inventory_v1_Reservation__Output } from '../../../checkout/inventory/v1/Reservation';
import type { ReservationRef as _checkout_inventory_v1_ReservationRef, ReservationRef__Output as _checkout_inventory_v1_ReservationRef__Output } from '../../../checkout/inventory/v1/ReservationRef';
import type { ReserveRequest as _checkout_inventory_v1_ReserveRequest, ReserveRequest__Output as _checkout_inventory_v1_ReserveRequest__Output } from '../../../checkout/inventory/v1/ReserveRequest';
import type { Stock as _checkout_inventory_v1_Stock, Stock__Output as _checkout_inventory_v1_Stock__Output } from '../../../checkout/inventory/v1/Stock';

export interface InventoryServiceClient extends grpc.Client {
  AdjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  AdjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  AdjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  AdjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  adjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  adjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  adjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  adjustStock(argument: _checkout_inventory_v1_AdjustStockRequest, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  
  Commit(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Commit(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Commit(argument: _checkout_inventory_v1_ReservationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Commit(argument: _checkout_inventory_v1_ReservationRef, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  commit(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  commit(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  commit(argument: _checkout_inventory_v1_ReservationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  commit(argument: _checkout_inventory_v1_ReservationRef, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  
  GetStock(argument: _checkout_inventory_v1_GetStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _checkout_inventory_v1_GetStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _checkout_inventory_v1_GetStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  GetStock(argument: _checkout_inventory_v1_GetStockRequest, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  getStock(argument: _checkout_inventory_v1_GetStockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  getStock(argument: _checkout_inventory_v1_GetStockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  getStock(argument: _checkout_inventory_v1_GetStockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  getStock(argument: _checkout_inventory_v1_GetStockRequest, callback: grpc.requestCallback<_checkout_inventory_v1_Stock__Output>): grpc.ClientUnaryCall;
  
  Release(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_inventory_v1_ReservationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_inventory_v1_ReservationRef, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_inventory_v1_ReservationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_inventory_v1_ReservationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_inventory_v1_ReservationRef, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  
  Reserve(argument: _checkout_inventory_v1_ReserveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _checkout_inventory_v1_ReserveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _checkout_inventory_v1_ReserveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _checkout_inventory_v1_ReserveRequest, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  reserve(argument: _checkout_inventory_v1_ReserveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  reserve(argument: _checkout_inventory_v1_ReserveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  reserve(argument: _checkout_inventory_v1_ReserveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  reserve(argument: _checkout_inventory_v1_ReserveRequest, callback: grpc.requestCallback<_checkout_inventory_v1_Reservation__Output>): grpc.ClientUnaryCall;
  
}

export interface InventoryServiceHandlers extends grpc.UntypedServiceImplementation {
  AdjustStock: grpc.handleUnaryCall<_checkout_inventory_v1_AdjustStockRequest__Output, _checkout_inventory_v1_Stock>;
  
  Commit: grpc.handleUnaryCall<_checkout_inventory_v1_ReservationRef__Output, _checkout_inventory_v1_Reservation>;
  
  GetStock: grpc.handleUnaryCall<_checkout_inventory_v1_GetStockRequest__Output, _checkout_inventory_v1_Stock>;
  
  Release: grpc.handleUnaryCall<_checkout_inventory_v1_ReservationRef__Output, _checkout_inventory_v1_Reservation>;
  
  Reserve: grpc.handleUnaryCall<_checkout_inventory_v1_ReserveRequest__Output, _checkout_inventory_v1_Reservation>;
  
}

export interface InventoryServiceDefinition extends grpc.ServiceDefinition {
  AdjustStock: MethodDefinition<_checkout_inventory_v1_AdjustStockRequest, _checkout_inventory_v1_Stock, _checkout_inventory_v1_AdjustStockRequest__Output, _checkout_inventory_v1_Stock__Output>
  Commit: MethodDefinition<_checkout_inventory_v1_ReservationRef, _checkout_inventory_v1_Reservation, _checkout_inventory_v1_ReservationRef__Output, _checkout_inventory_v1_Reservation__Output>
  GetStock: MethodDefinition<_checkout_inventory_v1_GetStockRequest, _checkout_inventory_v1_Stock, _checkout_inventory_v1_GetStockRequest__Output, _checkout_inventory_v1_Stock__Output>
  Release: MethodDefinition<_checkout_inventory_v1_ReservationRef, _checkout_inventory_v1_Reservation, _checkout_inventory_v1_ReservationRef__Output, _checkout_inventory_v1_Reservation__Output>
  Reserve: MethodDefinition<_checkout_inventory_v1_ReserveRequest, _checkout_inventory_v1_Reservation, _checkout_inventory_v1_ReserveRequest__Output, _checkout_inventory_v1_Reservation__Output>
}
