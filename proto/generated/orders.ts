import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Address as _checkout_orders_v1_Address, Address__Output as _checkout_orders_v1_Address__Output } from './checkout/orders/v1/Address';
import type { CreateOrderRequest as _checkout_orders_v1_CreateOrderRequest, CreateOrderRequest__Output as _checkout_orders_v1_CreateOrderRequest__Output } from './checkout/orders/v1/CreateOrderRequest';
import type { GetOrderRequest as _checkout_orders_v1_GetOrderRequest, GetOrderRequest__Output as _checkout_orders_v1_GetOrderRequest__Output } from './checkout/orders/v1/GetOrderRequest';
import type { ListOrdersRequest as _checkout_orders_v1_ListOrdersRequest, ListOrdersRequest__Output as _checkout_orders_v1_ListOrdersRequest__Output } from './checkout/orders/v1/ListOrdersRequest';
import type { ListOrdersResponse as _checkout_orders_v1_ListOrdersResponse, ListOrdersResponse__Output as _checkout_orders_v1_ListOrdersResponse__Output } from './checkout/orders/v1/ListOrdersResponse';
import type { Order as _checkout_orders_v1_Order, Order__Output as _checkout_orders_v1_Order__Output } from './checkout/orders/v1/Order';
import type { OrderLine as _checkout_orders_v1_OrderLine, OrderLine__Output as _checkout_orders_v1_OrderLine__Output } from './checkout/orders/v1/OrderLine';
import type { OrdersServiceClient as _checkout_orders_v1_OrdersServiceClient, OrdersServiceDefinition as _checkout_orders_v1_OrdersServiceDefinition } from './checkout/orders/v1/OrdersService';
import type { StatusChange as _checkout_orders_v1_StatusChange, StatusChange__Output as _checkout_orders_v1_StatusChange__Output } from './checkout/orders/v1/StatusChange';
import type { TransitionOrderRequest as _checkout_orders_v1_TransitionOrderRequest, TransitionOrderRequest__Output as _checkout_orders_v1_TransitionOrderRequest__Output } from './checkout/orders/v1/TransitionOrderRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    orders: {
      v1: {
        Address: MessageTypeDefinition<_checkout_orders_v1_Address, _checkout_orders_v1_Address__Output>
        CreateOrderRequest: MessageTypeDefinition<_checkout_orders_v1_CreateOrderRequest, _checkout_orders_v1_CreateOrderRequest__Output>
        GetOrderRequest: MessageTypeDefinition<_checkout_orders_v1_GetOrderRequest, _checkout_orders_v1_GetOrderRequest__Output>
        ListOrdersRequest: MessageTypeDefinition<_checkout_orders_v1_ListOrdersRequest, _checkout_orders_v1_ListOrdersRequest__Output>
        ListOrdersResponse: MessageTypeDefinition<_checkout_orders_v1_ListOrdersResponse, _checkout_orders_v1_ListOrdersResponse__Output>
        Order: MessageTypeDefinition<_checkout_orders_v1_Order, _checkout_orders_v1_Order__Output>
        OrderLine: MessageTypeDefinition<_checkout_orders_v1_OrderLine, _checkout_orders_v1_OrderLine__Output>
        OrdersService: SubtypeConstructor<typeof grpc.Client, _checkout_orders_v1_OrdersServiceClient> & { service: _checkout_orders_v1_OrdersServiceDefinition }
        StatusChange: MessageTypeDefinition<_checkout_orders_v1_StatusChange, _checkout_orders_v1_StatusChange__Output>
        TransitionOrderRequest: MessageTypeDefinition<_checkout_orders_v1_TransitionOrderRequest, _checkout_orders_v1_TransitionOrderRequest__Output>
      }
    }
  }
}

