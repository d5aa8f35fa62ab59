// Original file: proto/orders.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateOrderRequest as _checkout_orders_v1_CreateOrderRequest, CreateOrderRequest__Output as _checkout_orders_v1_CreateOrderRequest__Output } from '../../../checkout/orders/v1/CreateOrderRequest';
import type { GetOrderRequest as _checkout_orders_v1_GetOrderRequest, GetOrderRequest__Output as _checkout_orders_v1_GetOrderRequest__Output } from '../../../checkout/orders/v1/GetOrderRequest';
import type { ListOrdersRequest as _checkout_orders_v1_ListOrdersRequest, ListOrdersRequest__Output as _checkout_orders_v1_ListOrdersRequest__Output } from '../../../checkout/orders/v1/ListOrdersRequest';
import type { ListOrdersResponse as _checkout_orders_v1_ListOrdersResponse, ListOrdersResponse__Output as _checkout_orders_v1_ListOrdersResponse__Output } from '../../../checkout/orders/v1/ListOrdersResponse';
import type { Order as _checkout_orders_v1_Order, Order__Output as _checkout_orders_v1_Order__Output } from '../../../checkout/orders/v1/Order';
import type { TransitionOrderRequest as _checkout_orders_v1_TransitionOrderRequest, TransitionOrderRequest__Output as _checkout_orders_v1_TransitionOrderRequest__Output } from '../../../checkout/orders/v1/TransitionOrderRequest';

export interface OrdersServiceClient extends grpc.Client {
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  
  TransitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  TransitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  TransitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  TransitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  transitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  transitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  transitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  transitionOrder(argument: _checkout_orders_v1_TransitionOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  
}

export interface OrdersServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateOrder: grpc.handleUnaryCall<_checkout_orders_v1_CreateOrderRequest__Output, _checkout_orders_v1_Order>;
  
  GetOrder: grpc.handleUnaryCall<_checkout_orders_v1_GetOrderRequest__Output, _checkout_orders_v1_Order>;
  
  ListOrders: grpc.handleUnaryCall<_checkout_orders_v1_ListOrdersRequest__Output, _checkout_orders_v1_ListOrdersResponse>;
  
  TransitionOrder: grpc.handleUnaryCall<_checkout_orders_v1_TransitionOrderRequest__Output, _checkout_orders_v1_Order>;
  
}

export interface OrdersServiceDefinition extends grpc.ServiceDefinition {
  CreateOrder: MethodDefinition<_checkout_orders_v1_CreateOrderRequest, _checkout_orders_v1_Order, _checkout_orders_v1_CreateOrderRequest__Output, _checkout_orders_v1_Order__Output>
  GetOrder: MethodDefinition<_checkout_orders_v1_GetOrderRequest, _checkout_orders_v1_Order, _checkout_orders_v1_GetOrderRequest__Output, _checkout_orders_v1_Order__Output>
  ListOrders: MethodDefinition<_checkout_orders_v1_ListOrdersRequest, _checkout_orders_v1_ListOrdersResponse, _checkout_orders_v1_ListOrdersRequest__Output, _checkout_orders_v1_ListOrdersResponse__Output>
  TransitionOrder: MethodDefinition<_checkout_orders_v1_TransitionOrderRequest, _checkout_orders_v1_Order, _checkout_orders_v1_TransitionOrderRequest__Output, _checkout_orders_v1_Order__Output>
}
