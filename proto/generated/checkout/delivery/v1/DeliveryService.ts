// Original file: proto/delivery.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BookRequest as _checkout_delivery_v1_BookRequest, BookRequest__Output as _checkout_delivery_v1_BookRequest__Output } from '../../../checkout/delivery/v1/BookRequest';
import type { Booking as _checkout_delivery_v1_Booking, Booking__Output as _checkout_delivery_v1_Booking__Output } from '../../../checkout/delivery/v1/Booking';
import type { BookingRef as _checkout_delivery_v1_BookingRef, BookingRef__Output as _checkout_delivery_v1_BookingRef__Output } from '../../../checkout/delivery/v1/BookingRef';
import type { ListSlotsRequest as _checkout_delivery_v1_ListSlotsRequest, ListSlotsRequest__Output as _checkout_delivery_v1_ListSlotsRequest__Output } from '../../../checkout/delivery/v1/ListSlotsRequest';
import type { ListSlotsResponse as _checkout_delivery_v1_ListSlotsResponse, ListSlotsResponse__Output as _checkout_delivery_v1_ListSlotsResponse__Output } from '../../../checkout/delivery/v1/ListSlotsResponse';

export interface DeliveryServiceClient extends grpc.Client {
  Book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Book(argument: _checkout_delivery_v1_BookRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Book(argument: _checkout_delivery_v1_BookRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  book(argument: _checkout_delivery_v1_BookRequest, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  ListSlots(argument: _checkout_delivery_v1_ListSlotsRequest, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  listSlots(argument: _checkout_delivery_v1_ListSlotsRequest, callback: grpc.requestCallback<_checkout_delivery_v1_ListSlotsResponse__Output>): grpc.ClientUnaryCall;
  
  Release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_delivery_v1_BookingRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  Release(argument: _checkout_delivery_v1_BookingRef, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  release(argument: _checkout_delivery_v1_BookingRef, callback: grpc.requestCallback<_checkout_delivery_v1_Booking__Output>): grpc.ClientUnaryCall;
  
}

export interface DeliveryServiceHandlers extends grpc.UntypedServiceImplementation {
  Book: grpc.handleUnaryCall<_checkout_delivery_v1_BookRequest__Output, _checkout_delivery_v1_Booking>;
  
  ListSlots: grpc.handleUnaryCall<_checkout_delivery_v1_ListSlotsRequest__Output, _checkout_delivery_v1_ListSlotsResponse>;
  
  Release: grpc.handleUnaryCall<_checkout_delivery_v1_BookingRef__Output, _checkout_delivery_v1_Booking>;
  
}

export interface DeliveryServiceDefinition extends grpc.ServiceDefinition {
  Book: MethodDefinition<_checkout_delivery_v1_BookRequest, _checkout_delivery_v1_Booking, _checkout_delivery_v1_BookRequest__Output, _checkout_delivery_v1_Booking__Output>
  ListSlots: MethodDefinition<_checkout_delivery_v1_ListSlotsRequest, _checkout_delivery_v1_ListSlotsResponse, _checkout_delivery_v1_ListSlotsRequest__Output, _checkout_delivery_v1_ListSlotsResponse__Output>
  Release: MethodDefinition<_checkout_delivery_v1_BookingRef, _checkout_delivery_v1_Booking, _checkout_delivery_v1_BookingRef__Output, _checkout_delivery_v1_Booking__Output>
}
