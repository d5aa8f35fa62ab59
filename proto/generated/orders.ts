import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Address as _checkout_orders_v1_Address, Address__Output as _checkout_orders_v1_Address__Output } from './checkout/orders/v1/Address';
import type { CheckCouponRequest as _checkout_orders_v1_CheckCouponRequest, CheckCouponRequest__Output as _checkout_orders_v1_CheckCouponRequest__Output } from './checkout/orders/v1/CheckCouponRequest';
import type { Coupon as _checkout_orders_v1_Coupon, Coupon__Output as _checkout_orders_v1_Coupon__Output } from './checkout/orders/v1/Coupon';
import type { CouponRedemption as _checkout_orders_v1_CouponRedemption, CouponRedemption__Output as _checkout_orders_v1_CouponRedemption__Output } from './checkout/orders/v1/CouponRedemption';
import type { CreateOrderRequest as _checkout_orders_v1_CreateOrderRequest, CreateOrderRequest__Output as _checkout_orders_v1_CreateOrderRequest__Output } from './checkout/orders/v1/CreateOrderRequest';
import type { DisableCouponRequest as _checkout_orders_v1_DisableCouponRequest, DisableCouponRequest__Output as _checkout_orders_v1_DisableCouponRequest__Output } from './checkout/orders/v1/DisableCouponRequest';
import type { GetOrderRequest as _checkout_orders_v1_GetOrderRequest, GetOrderRequest__Output as _checkout_orders_v1_GetOrderRequest__Output } from './checkout/orders/v1/GetOrderRequest';
import type { ListCouponsRequest as _checkout_orders_v1_ListCouponsRequest, ListCouponsRequest__Output as _checkout_orders_v1_ListCouponsRequest__Output } from './checkout/orders/v1/ListCouponsRequest';
import type { ListCouponsResponse as _checkout_orders_v1_ListCouponsResponse, ListCouponsResponse__Output as _checkout_orders_v1_ListCouponsResponse__Output } from './checkout/orders/v1/ListCouponsResponse';
import type { ListOrdersRequest as _checkout_orders_v1_ListOrdersRequest, ListOrdersRequest__Output as _checkout_orders_v1_ListOrdersRequest__Output } from './checkout/orders/v1/ListOrdersRequest';
import type { ListOrdersResponse as _checkout_orders_v1_ListOrdersResponse, ListOrdersResponse__Output as _checkout_orders_v1_ListOrdersResponse__Output } from './checkout/orders/v1/ListOrdersResponse';
import type { ListReturnsRequest as _checkout_orders_v1_ListReturnsRequest, ListReturnsRequest__Output as _checkout_orders_v1_ListReturnsRequest__Output } from './checkout/orders/v1/ListReturnsRequest';
import type { ListReturnsResponse as _checkout_orders_v1_ListReturnsResponse, ListReturnsResponse__Output as _checkout_orders_v1_ListReturnsResponse__Output } from './checkout/orders/v1/ListReturnsResponse';
import type { Order as _checkout_orders_v1_Order, Order__Output as _checkout_orders_v1_Order__Output } from './checkout/orders/v1/Order';
import type { OrderLine as _checkout_orders_v1_OrderLine, OrderLine__Output as _checkout_orders_v1_OrderLine__Output } from './checkout/orders/v1/OrderLine';
import type { OrderReturn as _checkout_orders_v1_OrderReturn, OrderReturn__Output as _checkout_orders_v1_OrderReturn__Output } from './checkout/orders/v1/OrderReturn';
import type { OrdersServiceClient as _checkout_orders_v1_OrdersServiceClient, OrdersServiceDefinition as _checkout_orders_v1_OrdersServiceDefinition } from './checkout/orders/v1/OrdersService';
import type { RecordReturnRequest as _checkout_orders_v1_RecordReturnRequest, RecordReturnRequest__Output as _checkout_orders_v1_RecordReturnRequest__Output } from './checkout/orders/v1/RecordReturnRequest';
import type { RedeemCouponRequest as _checkout_orders_v1_RedeemCouponRequest, RedeemCouponRequest__Output as _checkout_orders_v1_RedeemCouponRequest__Output } from './checkout/orders/v1/RedeemCouponRequest';
import type { RestoreCouponRequest as _checkout_orders_v1_RestoreCouponRequest, RestoreCouponRequest__Output as _checkout_orders_v1_RestoreCouponRequest__Output } from './checkout/orders/v1/RestoreCouponRequest';
import type { ReturnLine as _checkout_orders_v1_ReturnLine, ReturnLine__Output as _checkout_orders_v1_ReturnLine__Output } from './checkout/orders/v1/ReturnLine';
import type { ReturnRef as _checkout_orders_v1_ReturnRef, ReturnRef__Output as _checkout_orders_v1_ReturnRef__Output } from './checkout/orders/v1/ReturnRef';
import type { StatusChange as _checkout_orders_v1_StatusChange, StatusChange__Output as _checkout_orders_v1_StatusChange__Output } from './checkout/orders/v1/StatusChange';
import type { TaxTotal as _checkout_orders_v1_TaxTotal, TaxTotal__Output as _checkout_orders_v1_TaxTotal__Output } from './checkout/orders/v1/TaxTotal';
import type { TransitionOrderRequest as _checkout_orders_v1_TransitionOrderRequest, TransitionOrderRequest__Output as _checkout_orders_v1_TransitionOrderRequest__Output } from './checkout/orders/v1/TransitionOrderRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    orders: {
      v1: {
        Address: MessageTypeDefinition<_checkout_orders_v1_Address, _checkout_orders_v1_Address__Output>
        CheckCouponRequest: MessageTypeDefinition<_checkout_orders_v1_CheckCouponRequest, _checkout_orders_v1_CheckCouponRequest__Output>
        Coupon: MessageTypeDefinition<_checkout_orders_v1_Coupon, _checkout_orders_v1_Coupon__Output>
        CouponRedemption: MessageTypeDefinition<_checkout_orders_v1_CouponRedemption, _checkout_orders_v1_CouponRedemption__Output>
        CreateOrderRequest: MessageTypeDefinition<_checkout_orders_v1_CreateOrderRequest, _checkout_orders_v1_CreateOrderRequest__Output>
        DisableCouponRequest: MessageTypeDefinition<_checkout_orders_v1_DisableCouponRequest, _checkout_orders_v1_DisableCouponRequest__Output>
        GetOrderRequest: MessageTypeDefinition<_checkout_orders_v1_GetOrderRequest, _checkout_orders_v1_GetOrderRequest__Output>
        ListCouponsRequest: MessageTypeDefinition<_checkout_orders_v1_ListCouponsRequest, _checkout_orders_v1_ListCouponsRequest__Output>
        ListCouponsResponse: MessageTypeDefinition<_checkout_orders_v1_ListCouponsResponse, _checkout_orders_v1_ListCouponsResponse__Output>
        ListOrdersRequest: MessageTypeDefinition<_checkout_orders_v1_ListOrdersRequest, _checkout_orders_v1_ListOrdersRequest__Output>
        ListOrdersResponse: MessageTypeDefinition<_checkout_orders_v1_ListOrdersResponse, _checkout_orders_v1_ListOrdersResponse__Output>
        ListReturnsRequest: MessageTypeDefinition<_checkout_orders_v1_ListReturnsRequest, _checkout_orders_v1_ListReturnsRequest__Output>
        ListReturnsResponse: MessageTypeDefinition<_checkout_orders_v1_ListReturnsResponse, _checkout_orders_v1_ListReturnsResponse__Output>
        Order: MessageTypeDefinition<_checkout_orders_v1_Order, _checkout_orders_v1_Order__Output>
        OrderLine: MessageTypeDefinition<_checkout_orders_v1_OrderLine, _checkout_orders_v1_OrderLine__Output>
        OrderReturn: MessageTypeDefinition<_checkout_orders_v1_OrderReturn, _checkout_orders_v1_OrderReturn__Output>
        OrdersService: SubtypeConstructor<typeof grpc.Client, _checkout_orders_v1_OrdersServiceClient> & { service: _checkout_orders_v1_OrdersServiceDefinition }
        RecordReturnRequest: MessageTypeDefinition<_checkout_orders_v1_RecordReturnRequest, _checkout_orders_v1_RecordReturnRequest__Output>
        RedeemCouponRequest: MessageTypeDefinition<_checkout_orders_v1_RedeemCouponRequest, _checkout_orders_v1_RedeemCouponRequest__Output>
        RestoreCouponRequest: MessageTypeDefinition<_checkout_orders_v1_RestoreCouponRequest, _checkout_orders_v1_RestoreCouponRequest__Output>
        ReturnLine: MessageTypeDefinition<_checkout_orders_v1_ReturnLine, _checkout_orders_v1_ReturnLine__Output>
        ReturnRef: MessageTypeDefinition<_checkout_orders_v1_ReturnRef, _checkout_orders_v1_ReturnRef__Output>
        StatusChange: MessageTypeDefinition<_checkout_orders_v1_StatusChange, _checkout_orders_v1_StatusChange__Output>
        TaxTotal: MessageTypeDefinition<_checkout_orders_v1_TaxTotal, _checkout_orders_v1_TaxTotal__Output>
        TransitionOrderRequest: MessageTypeDefinition<_checkout_orders_v1_TransitionOrderRequest, _checkout_orders_v1_TransitionOrderRequest__Output>
      }
    }
  }
}

