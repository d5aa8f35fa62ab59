import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AdjustStockRequest as _checkout_inventory_v1_AdjustStockRequest, AdjustStockRequest__Output as _checkout_inventory_v1_AdjustStockRequest__Output } from './checkout/inventory/v1/AdjustStockRequest';
import type { GetStockRequest as _checkout_inventory_v1_GetStockRequest, GetStockRequest__Output as _checkout_inventory_v1_GetStockRequest__Output } from './checkout/inventory/v1/GetStockRequest';
import type { InventoryServiceClient as _checkout_inventory_v1_InventoryServiceClient, InventoryServiceDefinition as _checkout_inventory_v1_InventoryServiceDefinition } from './checkout/inventory/v1/InventoryService';
import type { Reservation as _checkout_inventory_v1_Reservation, Reservation__Output as _checkout_inventory_v1_Reservation__Output } from './checkout/inventory/v1/Reservation';
import type { ReservationLine as _checkout_inventory_v1_ReservationLine, ReservationLine__Output as _checkout_inventory_v1_ReservationLine__Output } from './checkout/inventory/v1/ReservationLine';
import type { ReservationRef as _checkout_inventory_v1_ReservationRef, ReservationRef__Output as _checkout_inventory_v1_ReservationRef__Output } from './checkout/inventory/v1/ReservationRef';
import type { ReserveRequest as _checkout_inventory_v1_ReserveRequest, ReserveRequest__Output as _checkout_inventory_v1_ReserveRequest__Output } from './checkout/inventory/v1/ReserveRequest';
import type { Stock as _checkout_inventory_v1_Stock, Stock__Output as _checkout_inventory_v1_Stock__Output } from './checkout/inventory/v1/Stock';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    inventory: {
      v1: {
        AdjustStockRequest: MessageTypeDefinition<_checkout_inventory_v1_AdjustStockRequest, _checkout_inventory_v1_AdjustStockRequest__Output>
        GetStockRequest: MessageTypeDefinition<_checkout_inventory_v1_GetStockRequest, _checkout_inventory_v1_GetStockRequest__Output>
        InventoryService: SubtypeConstructor<typeof grpc.Client, _checkout_inventory_v1_InventoryServiceClient> & { service: _checkout_inventory_v1_InventoryServiceDefinition }
        Reservation: MessageTypeDefinition<_checkout_inventory_v1_Reservation, _checkout_inventory_v1_Reservation__Output>
        ReservationLine: MessageTypeDefinition<_checkout_inventory_v1_ReservationLine, _checkout_inventory_v1_ReservationLine__Output>
        ReservationRef: MessageTypeDefinition<_checkout_inventory_v1_ReservationRef, _checkout_inventory_v1_ReservationRef__Output>
        ReserveRequest: MessageTypeDefinition<_checkout_inventory_v1_ReserveRequest, _checkout_inventory_v1_ReserveRequest__Output>
        Stock: MessageTypeDefinition<_checkout_inventory_v1_Stock, _checkout_inventory_v1_Stock__Output>
      }
    }
  }
}

