// Original file: proto/delivery.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BookRequest as _checkout_delivery_v1_BookRequest, BookRequest__Output as _checkout_delivery_v1_BookRequest__Output } from '../../../checkout/delivery/v1/BookRequest';
import type { Booking as _checkout_delivery_v1_Booking, Booking__Output as _checkout_delivery_v1_Booking__Output } from '../../../checkout/delivery/v1/Booking';
import type { BookingRef as _checkout_delivery_v1_BookingRef, BookingRef__Output as _checkout_delivery_v1_BookingRef__Output } from '../../../checkout/delivery/v1/BookingRef';
import type { CreateShipmentRequest as _checkout_delivery_v1_CreateShipmentRequest, CreateShipmentRequest__Output as _checkout_delivery_v1_CreateShipmentRequest__Output } from '../../../checkout/delivery/v1/CreateShipmentRequest';
import type { GetZoneForPostalCodeRequest as _checkout_delivery_v1_GetZoneForPostalCodeRequest, GetZoneForPostalCodeRequest__Output as _checkout_delivery_v1_GetZoneForPostalCodeRequest__Output } from '../../../checkout/delivery/v1/GetZoneForPostalCodeRequest';
import type { ListSlotsRequest as _checkout_delivery_v1_ListSlotsRequest, ListSlotsRequest__Output as _checkout_delivery_v1_ListSlotsRequest__Output } from '../../../checkout/delivery/v1/ListSlotsRequest';
import type { ListSlotsResponse as _checkout_delivery_v1_ListSlotsResponse, ListSlotsResponse__Output as _checkout_delivery_v1_ListSlotsResponse__Output } from '../../../checkout/delivery/v1/ListSlotsResponse';
import type { ListZonesRequest as _checkout_delivery_v1_ListZonesRequest, ListZonesRequest__Output as _checkout_delivery_v1_ListZonesRequest__Output } from '../../../checkout/delivery/v1/ListZonesRequest';
import type { ListZonesResponse as _checkout_delivery_v1_ListZonesResponse, ListZonesResponse__Output as _checkout_delivery_v1_ListZonesResponse__Output } from '../../../checkout/delivery/v1/ListZonesResponse';
import type { Shipment as _checkout_delivery_v1_Shipment, Shipment__Output as _checkout_delivery_v1_Shipment__Output } from '../../../checkout/delivery/v1/Shipment';
import type { ShipmentRef as _checkout_delivery_v1_ShipmentRef, ShipmentRef__Output as _checkout_delivery_v1_ShipmentRef__Output } from '../../../checkout/delivery/v1/ShipmentRef';
import type { Slot as _checkout_delivery_v1_Slot, Slot__Output as _checkout_delivery_v1_Slot__Output } from '../../../checkout/delivery/v1/Slot';
import type { TrackingEventRequest as _checkout_delivery_v1_TrackingEventRequest, TrackingEventRequest__Output as _checkout_delivery_v1_TrackingEventRequest__Output } from '../../../checkout/delivery/v1/TrackingEventRequest';
import type { UpsertSlotRequest as _checkout_delivery_v1_UpsertSlotRequest, UpsertSlotRequest__Output as _checkout_delivery_v1_UpsertSlotRequest__Output } from '../../../checkout/delivery/v1/UpsertSlotRequest';
import type { Zone as _checkout_delivery_v1_Zone, Zone__Output as _checkout_delivery_v1_Zone__Output } from '../../../checkout/delivery/v1/Zone';

export interface DeliveryServiceClient extends grpc.Client {
  Book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Book(argument: _checkout_delivery_v1_BookRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Book(argument: _checkout_delivery_v1_BookRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  
  CreateShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  CreateShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  CreateShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  CreateShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  createShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  createShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  createShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  createShipment(argument: _checkout_delivery_v1_CreateShipmentRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  
  GetShipment(argument: _checkout_delivery_v1_ShipmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _checkout_delivery_v1_ShipmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _checkout_delivery_v1_ShipmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  GetShipment(argument: _checkout_delivery_v1_ShipmentRef, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _checkout_delivery_v1_ShipmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _checkout_delivery_v1_ShipmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _checkout_delivery_v1_ShipmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  getShipment(argument: _checkout_delivery_v1_ShipmentRef, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  
  GetZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  GetZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  GetZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  GetZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  getZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  getZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  getZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  getZoneForPostalCode(argument: _checkout_delivery_v1_GetZoneForPostalCodeRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  
  ListZones(argument: _checkout_delivery_v1_ListZonesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  ListZones(argument: _checkout_delivery_v1_ListZonesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  ListZones(argument: _checkout_delivery_v1_ListZonesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  ListZones(argument: _checkout_delivery_v1_ListZonesRequest, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  listZones(argument: _checkout_delivery_v1_ListZonesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  listZones(argument: _checkout_delivery_v1_ListZonesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  listZones(argument: _checkout_delivery_v1_ListZonesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  listZones(argument: _checkout_delivery_v1_ListZonesRequest, callback: grpc.requestCallback<_checkout_delivery_v1_ListZonesResponse__Output>): grpc.ClientUnaryCall;
  
  RecordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  RecordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  RecordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  RecordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  recordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  recordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  recordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  recordTrackingEvent(argument: _checkout_delivery_v1_TrackingEventRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Shipment__Output>): grpc.ClientUnaryCall;
  
  Release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_delivery_v1_BookingRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_delivery_v1_BookingRef, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  
  UpsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  UpsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  UpsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  UpsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  upsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  upsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  upsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  upsertSlot(argument: _checkout_delivery_v1_UpsertSlotRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Slot__Output>): grpc.ClientUnaryCall;
  
  UpsertZone(argument: _checkout_delivery_v1_Zone, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  UpsertZone(argument: _checkout_delivery_v1_Zone, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  UpsertZone(argument: _checkout_delivery_v1_Zone, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  UpsertZone(argument: _checkout_delivery_v1_Zone, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  upsertZone(argument: _checkout_delivery_v1_Zone, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  upsertZone(argument: _checkout_delivery_v1_Zone, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  upsertZone(argument: _checkout_delivery_v1_Zone, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  upsertZone(argument: _checkout_delivery_v1_Zone, callback: grpc.requestCallback<_checkout_delivery_v1_Zone__Output>): grpc.ClientUnaryCall;
  
}

export interface DeliveryServiceHandlers extends grpc.UntypedServiceImplementation {
  Book: grpc.handleUnaryCall<_checkout_delivery_v1_BookRequest__Output, _checkout_delivery_v1_Booking>;
  
  CreateShipment: grpc.handleUnaryCall<_checkout_delivery_v1_CreateShipmentRequest__Output, _checkout_delivery_v1_Shipment>;
  
  GetShipment: grpc.handleUnaryCall<_checkout_delivery_v1_ShipmentRef__Output, _checkout_delivery_v1_Shipment>;
  
  GetZoneForPostalCode: grpc.handleUnaryCall<_checkout_delivery_v1_GetZoneForPostalCodeRequest__Output, _checkout_delivery_v1_Zone>;
  
  ListSlots: grpc.handleUnaryCall<_checkout_delivery_v1_ListSlotsRequest__Output, _checkout_delivery_v1_ListSlotsResponse>;
  
  ListZones: grpc.handleUnaryCall<_checkout_delivery_v1_ListZonesRequest__Output, _checkout_delivery_v1_ListZonesResponse>;
  
  RecordTrackingEvent: grpc.handleUnaryCall<_checkout_delivery_v1_TrackingEventRequest__Output, _checkout_delivery_v1_Shipment>;
  
  Release: grpc.handleUnaryCall<_checkout_delivery_v1_BookingRef__Output, _checkout_delivery_v1_Booking>;
  
  UpsertSlot: grpc.handleUnaryCall<_checkout_delivery_v1_UpsertSlotRequest__Output, _checkout_delivery_v1_Slot>;
  
  UpsertZone: grpc.handleUnaryCall<_checkout_delivery_v1_Zone__Output, _checkout_delivery_v1_Zone>;
  
}

export interface DeliveryServiceDefinition extends grpc.ServiceDefinition {
  Book: MethodDefinition<_checkout_delivery_v1_BookRequest, _checkout_delivery_v1_Booking, _checkout_delivery_v1_BookRequest__Output, _checkout_delivery_v1_Booking__Output>
  CreateShipment: MethodDefinition<_checkout_delivery_v1_CreateShipmentRequest, _checkout_delivery_v1_Shipment, _checkout_delivery_v1_CreateShipmentRequest__Output, _checkout_delivery_v1_Shipment__Output>
  GetShipment: MethodDefinition<_checkout_delivery_v1_ShipmentRef, _checkout_delivery_v1_Shipment, _checkout_delivery_v1_ShipmentRef__Output, _checkout_delivery_v1_Shipment__Output>
  GetZoneForPostalCode: MethodDefinition<_checkout_delivery_v1_GetZoneForPostalCodeRequest, _checkout_delivery_v1_Zone, _checkout_delivery_v1_GetZoneForPostalCodeRequest__Output, _checkout_delivery_v1_Zone__Output>
  ListSlots: MethodDefinition<_checkout_delivery_v1_ListSlotsRequest, _checkout_delivery_v1_ListSlotsResponse, _checkout_delivery_v1_ListSlotsRequest__Output, _checkout_delivery_v1_ListSlotsResponse__Output>
  ListZones: MethodDefinition<_checkout_delivery_v1_ListZonesRequest, _checkout_delivery_v1_ListZonesResponse, _checkout_delivery_v1_ListZonesRequest__Output, _checkout_delivery_v1_ListZonesResponse__Output>
  RecordTrackingEvent: MethodDefinition<_checkout_delivery_v1_TrackingEventRequest, _checkout_delivery_v1_Shipment, _checkout_delivery_v1_TrackingEventRequest__Output, _checkout_delivery_v1_Shipment__Output>
  Release: MethodDefinition<_checkout_delivery_v1_BookingRef, _checkout_delivery_v1_Booking, _checkout_delivery_v1_BookingRef__Output, _checkout_delivery_v1_Booking__Output>
  UpsertSlot: MethodDefinition<_checkout_delivery_v1_UpsertSlotRequest, _checkout_delivery_v1_Slot, _checkout_delivery_v1_UpsertSlotRequest__Output, _checkout_delivery_v1_Slot__Output>
  UpsertZone: MethodDefinition<_checkout_delivery_v1_Zone, _checkout_delivery_v1_Zone, _checkout_delivery_v1_Zone__Output, _checkout_delivery_v1_Zone__Output>
}
