import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BookRequest as _checkout_delivery_v1_BookRequest, BookRequest__Output as _checkout_delivery_v1_BookRequest__Output } from './checkout/delivery/v1/BookRequest';
import type { Booking as _checkout_delivery_v1_Booking, Booking__Output as _checkout_delivery_v1_Booking__Output } from './checkout/delivery/v1/Booking';
import type { BookingRef as _checkout_delivery_v1_BookingRef, BookingRef__Output as _checkout_delivery_v1_BookingRef__Output } from './checkout/delivery/v1/BookingRef';
import type { CreateShipmentRequest as _checkout_delivery_v1_CreateShipmentRequest, CreateShipmentRequest__Output as _checkout_delivery_v1_CreateShipmentRequest__Output } from './checkout/delivery/v1/CreateShipmentRequest';
import type { DeliveryServiceClient as _checkout_delivery_v1_DeliveryServiceClient, DeliveryServiceDefinition as _checkout_delivery_v1_DeliveryServiceDefinition } from './checkout/delivery/v1/DeliveryService';
import type { GetZoneForPostalCodeRequest as _checkout_delivery_v1_GetZoneForPostalCodeRequest, GetZoneForPostalCodeRequest__Output as _checkout_delivery_v1_GetZoneForPostalCodeRequest__Output } from './checkout/delivery/v1/GetZoneForPostalCodeRequest';
import type { ListSlotsRequest as _checkout_delivery_v1_ListSlotsRequest, ListSlotsRequest__Output as _checkout_delivery_v1_ListSlotsRequest__Output } from './checkout/delivery/v1/ListSlotsRequest';
import type { ListSlotsResponse as _checkout_delivery_v1_ListSlotsResponse, ListSlotsResponse__Output as _checkout_delivery_v1_ListSlotsResponse__Output } from './checkout/delivery/v1/ListSlotsResponse';
import type { ListZonesRequest as _checkout_delivery_v1_ListZonesRequest, ListZonesRequest__Output as _checkout_delivery_v1_ListZonesRequest__Output } from './checkout/delivery/v1/ListZonesRequest';
import type { ListZonesResponse as _checkout_delivery_v1_ListZonesResponse, ListZonesResponse__Output as _checkout_delivery_v1_ListZonesResponse__Output } from './checkout/delivery/v1/ListZonesResponse';
import type { Shipment as _checkout_delivery_v1_Shipment, Shipment__Output as _checkout_delivery_v1_Shipment__Output } from './checkout/delivery/v1/Shipment';
import type { ShipmentRef as _checkout_delivery_v1_ShipmentRef, ShipmentRef__Output as _checkout_delivery_v1_ShipmentRef__Output } from './checkout/delivery/v1/ShipmentRef';
import type { Slot as _checkout_delivery_v1_Slot, Slot__Output as _checkout_delivery_v1_Slot__Output } from './checkout/delivery/v1/Slot';
import type { TrackingEvent as _checkout_delivery_v1_TrackingEvent, TrackingEvent__Output as _checkout_delivery_v1_TrackingEvent__Output } from './checkout/delivery/v1/TrackingEvent';
import type { TrackingEventRequest as _checkout_delivery_v1_TrackingEventRequest, TrackingEventRequest__Output as _checkout_delivery_v1_TrackingEventRequest__Output } from './checkout/delivery/v1/TrackingEventRequest';
import type { UpsertSlotRequest as _checkout_delivery_v1_UpsertSlotRequest, UpsertSlotRequest__Output as _checkout_delivery_v1_UpsertSlotRequest__Output } from './checkout/delivery/v1/UpsertSlotRequest';
import type { Zone as _checkout_delivery_v1_Zone, Zone__Output as _checkout_delivery_v1_Zone__Output } from './checkout/delivery/v1/Zone';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    delivery: {
      v1: {
        BookRequest: MessageTypeDefinition<_checkout_delivery_v1_BookRequest, _checkout_delivery_v1_BookRequest__Output>
        Booking: MessageTypeDefinition<_checkout_delivery_v1_Booking, _checkout_delivery_v1_Booking__Output>
        BookingRef: MessageTypeDefinition<_checkout_delivery_v1_BookingRef, _checkout_delivery_v1_BookingRef__Output>
        CreateShipmentRequest: MessageTypeDefinition<_checkout_delivery_v1_CreateShipmentRequest, _checkout_delivery_v1_CreateShipmentRequest__Output>
        DeliveryService: SubtypeConstructor<typeof grpc.Client, _checkout_delivery_v1_DeliveryServiceClient> & { service: _checkout_delivery_v1_DeliveryServiceDefinition }
        GetZoneForPostalCodeRequest: MessageTypeDefinition<_checkout_delivery_v1_GetZoneForPostalCodeRequest, _checkout_delivery_v1_GetZoneForPostalCodeRequest__Output>
        ListSlotsRequest: MessageTypeDefinition<_checkout_delivery_v1_ListSlotsRequest, _checkout_delivery_v1_ListSlotsRequest__Output>
        ListSlotsResponse: MessageTypeDefinition<_checkout_delivery_v1_ListSlotsResponse, _checkout_delivery_v1_ListSlotsResponse__Output>
        ListZonesRequest: MessageTypeDefinition<_checkout_delivery_v1_ListZonesRequest, _checkout_delivery_v1_ListZonesRequest__Output>
        ListZonesResponse: MessageTypeDefinition<_checkout_delivery_v1_ListZonesResponse, _checkout_delivery_v1_ListZonesResponse__Output>
        Shipment: MessageTypeDefinition<_checkout_delivery_v1_Shipment, _checkout_delivery_v1_Shipment__Output>
        ShipmentRef: MessageTypeDefinition<_checkout_delivery_v1_ShipmentRef, _checkout_delivery_v1_ShipmentRef__Output>
        Slot: MessageTypeDefinition<_checkout_delivery_v1_Slot, _checkout_delivery_v1_Slot__Output>
        TrackingEvent: MessageTypeDefinition<_checkout_delivery_v1_TrackingEvent, _checkout_delivery_v1_TrackingEvent__Output>
        TrackingEventRequest: MessageTypeDefinition<_checkout_delivery_v1_TrackingEventRequest, _checkout_delivery_v1_TrackingEventRequest__Output>
        UpsertSlotRequest: MessageTypeDefinition<_checkout_delivery_v1_UpsertSlotRequest, _checkout_delivery_v1_UpsertSlotRequest__Output>
        Zone: MessageTypeDefinition<_checkout_delivery_v1_Zone, _checkout_delivery_v1_Zone__Output>
      }
    }
  }
}

