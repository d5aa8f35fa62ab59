// Original file: proto/orders.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckCouponRequest as _checkout_orders_v1_CheckCouponRequest, CheckCouponRequest__Output as _checkout_orders_v1_CheckCouponRequest__Output } from '../../../checkout/orders/v1/CheckCouponRequest';
import type { Coupon as _checkout_orders_v1_Coupon, Coupon__Output as _checkout_orders_v1_Coupon__Output } from '../../../checkout/orders/v1/Coupon';
import type { CouponRedemption as _checkout_orders_v1_CouponRedemption, CouponRedemption__Output as _checkout_orders_v1_CouponRedemption__Output } from '../../../checkout/orders/v1/CouponRedemption';
import type { CreateOrderRequest as _checkout_orders_v1_CreateOrderRequest, CreateOrderRequest__Output as _checkout_orders_v1_CreateOrderRequest__Output } from '../../../checkout/orders/v1/CreateOrderRequest';
import type { DisableCouponRequest as _checkout_orders_v1_DisableCouponRequest, DisableCouponRequest__Output as _checkout_orders_v1_DisableCouponRequest__Output } from '../../../checkout/orders/v1/DisableCouponRequest';
import type { GetOrderRequest as _checkout_orders_v1_GetOrderRequest, GetOrderRequest__Output as _checkout_orders_v1_GetOrderRequest__Output } from '../../../checkout/orders/v1/GetOrderRequest';
import type { ListCouponsRequest as _checkout_orders_v1_ListCouponsRequest, ListCouponsRequest__Output as _checkout_orders_v1_ListCouponsRequest__Output } from '../../../checkout/orders/v1/ListCouponsRequest';
import type { ListCouponsResponse as _checkout_orders_v1_ListCouponsResponse, ListCouponsResponse__Output as _checkout_orders_v1_ListCouponsResponse__Output } from '../../../checkout/orders/v1/ListCouponsResponse';
import type { ListOrdersRequest as _checkout_orders_v1_ListOrdersRequest, ListOrdersRequest__Output as _checkout_orders_v1_ListOrdersRequest__Output } from '../../../checkout/orders/v1/ListOrdersRequest';
import type { ListOrdersResponse as _checkout_orders_v1_ListOrdersResponse, ListOrdersResponse__Output as _checkout_orders_v1_ListOrdersResponse__Output } from '../../../checkout/orders/v1/ListOrdersResponse';
import type { ListReturnsRequest as _checkout_orders_v1_ListReturnsRequest, ListReturnsRequest__Output as _checkout_orders_v1_ListReturnsRequest__Output } from '../../../checkout/orders/v1/ListReturnsRequest';
import type { ListReturnsResponse as _checkout_orders_v1_ListReturnsResponse, ListReturnsResponse__Output as _checkout_orders_v1_ListReturnsResponse__Output } from '../../../checkout/orders/v1/ListReturnsResponse';
import type { Order as _checkout_orders_v1_Order, Order__Output as _checkout_orders_v1_Order__Output } from '../../../checkout/orders/v1/Order';
import type { OrderReturn as _checkout_orders_v1_OrderReturn, OrderReturn__Output as _checkout_orders_v1_OrderReturn__Output } from '../../../checkout/orders/v1/OrderReturn';
import type { RecordReturnRequest as _checkout_orders_v1_RecordReturnRequest, RecordReturnRequest__Output as _checkout_orders_v1_RecordReturnRequest__Output } from '../../../checkout/orders/v1/RecordReturnRequest';
import type { RedeemCouponRequest as _checkout_orders_v1_RedeemCouponRequest, RedeemCouponRequest__Output as _checkout_orders_v1_RedeemCouponRequest__Output } from '../../../checkout/orders/v1/RedeemCouponRequest';
import type { RestoreCouponRequest as _checkout_orders_v1_RestoreCouponRequest, RestoreCouponRequest__Output as _checkout_orders_v1_RestoreCouponRequest__Output } from '../../../checkout/orders/v1/RestoreCouponRequest';
import type { ReturnRef as _checkout_orders_v1_ReturnRef, ReturnRef__Output as _checkout_orders_v1_ReturnRef__Output } from '../../../checkout/orders/v1/ReturnRef';
import type { TransitionOrderRequest as _checkout_orders_v1_TransitionOrderRequest, TransitionOrderRequest__Output as _checkout_orders_v1_TransitionOrderRequest__Output } from '../../../checkout/orders/v1/TransitionOrderRequest';

export interface OrdersServiceClient extends grpc.Client {
  CancelReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  CancelReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  CancelReturn(argument: _checkout_orders_v1_ReturnRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  CancelReturn(argument: _checkout_orders_v1_ReturnRef, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  cancelReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  cancelReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  cancelReturn(argument: _checkout_orders_v1_ReturnRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  cancelReturn(argument: _checkout_orders_v1_ReturnRef, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  
  CheckCoupon(argument: _checkout_orders_v1_CheckCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  CheckCoupon(argument: _checkout_orders_v1_CheckCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  CheckCoupon(argument: _checkout_orders_v1_CheckCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  CheckCoupon(argument: _checkout_orders_v1_CheckCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _checkout_orders_v1_CheckCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _checkout_orders_v1_CheckCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _checkout_orders_v1_CheckCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  checkCoupon(argument: _checkout_orders_v1_CheckCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  
  CompleteReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  CompleteReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  CompleteReturn(argument: _checkout_orders_v1_ReturnRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  CompleteReturn(argument: _checkout_orders_v1_ReturnRef, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  completeReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  completeReturn(argument: _checkout_orders_v1_ReturnRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  completeReturn(argument: _checkout_orders_v1_ReturnRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  completeReturn(argument: _checkout_orders_v1_ReturnRef, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  
  CreateCoupon(argument: _checkout_orders_v1_Coupon, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  CreateCoupon(argument: _checkout_orders_v1_Coupon, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  CreateCoupon(argument: _checkout_orders_v1_Coupon, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  CreateCoupon(argument: _checkout_orders_v1_Coupon, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  createCoupon(argument: _checkout_orders_v1_Coupon, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  createCoupon(argument: _checkout_orders_v1_Coupon, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  createCoupon(argument: _checkout_orders_v1_Coupon, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  createCoupon(argument: _checkout_orders_v1_Coupon, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  CreateOrder(argument: _checkout_orders_v1_CreateOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  createOrder(argument: _checkout_orders_v1_CreateOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  
  DisableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  DisableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  DisableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  DisableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  disableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  disableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  disableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  disableCoupon(argument: _checkout_orders_v1_DisableCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_Coupon__Output>): grpc.ClientUnaryCall;
  
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _checkout_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _checkout_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_checkout_orders_v1_Order__Output>): grpc.ClientUnaryCall;
  
  ListCoupons(argument: _checkout_orders_v1_ListCouponsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  ListCoupons(argument: _checkout_orders_v1_ListCouponsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  ListCoupons(argument: _checkout_orders_v1_ListCouponsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  ListCoupons(argument: _checkout_orders_v1_ListCouponsRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  listCoupons(argument: _checkout_orders_v1_ListCouponsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  listCoupons(argument: _checkout_orders_v1_ListCouponsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  listCoupons(argument: _checkout_orders_v1_ListCouponsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  listCoupons(argument: _checkout_orders_v1_ListCouponsRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListCouponsResponse__Output>): grpc.ClientUnaryCall;
  
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListOrders(argument: _checkout_orders_v1_ListOrdersRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  listOrders(argument: _checkout_orders_v1_ListOrdersRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListOrdersResponse__Output>): grpc.ClientUnaryCall;
  
  ListReturns(argument: _checkout_orders_v1_ListReturnsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  ListReturns(argument: _checkout_orders_v1_ListReturnsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  ListReturns(argument: _checkout_orders_v1_ListReturnsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  ListReturns(argument: _checkout_orders_v1_ListReturnsRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  listReturns(argument: _checkout_orders_v1_ListReturnsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  listReturns(argument: _checkout_orders_v1_ListReturnsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  listReturns(argument: _checkout_orders_v1_ListReturnsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  listReturns(argument: _checkout_orders_v1_ListReturnsRequest, callback: grpc.requestCallback<_checkout_orders_v1_ListReturnsResponse__Output>): grpc.ClientUnaryCall;
  
  RecordReturn(argument: _checkout_orders_v1_RecordReturnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _checkout_orders_v1_RecordReturnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _checkout_orders_v1_RecordReturnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  RecordReturn(argument: _checkout_orders_v1_RecordReturnRequest, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _checkout_orders_v1_RecordReturnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _checkout_orders_v1_RecordReturnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _checkout_orders_v1_RecordReturnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  recordReturn(argument: _checkout_orders_v1_RecordReturnRequest, callback: grpc.requestCallback<_checkout_orders_v1_OrderReturn__Output>): grpc.ClientUnaryCall;
  
  RedeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  RedeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  RedeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  RedeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  redeemCoupon(argument: _checkout_orders_v1_RedeemCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  
  RestoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  RestoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  RestoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  RestoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  restoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  restoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  restoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  restoreCoupon(argument: _checkout_orders_v1_RestoreCouponRequest, callback: grpc.requestCallback<_checkout_orders_v1_CouponRedemption__Output>): grpc.ClientUnaryCall;
  
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
  CancelReturn: grpc.handleUnaryCall<_checkout_orders_v1_ReturnRef__Output, _checkout_orders_v1_OrderReturn>;
  
  CheckCoupon: grpc.handleUnaryCall<_checkout_orders_v1_CheckCouponRequest__Output, _checkout_orders_v1_Coupon>;
  
  CompleteReturn: grpc.handleUnaryCall<_checkout_orders_v1_ReturnRef__Output, _checkout_orders_v1_OrderReturn>;
  
  CreateCoupon: grpc.handleUnaryCall<_checkout_orders_v1_Coupon__Output, _checkout_orders_v1_Coupon>;
  
  CreateOrder: grpc.handleUnaryCall<_checkout_orders_v1_CreateOrderRequest__Output, _checkout_orders_v1_Order>;
  
  DisableCoupon: grpc.handleUnaryCall<_checkout_orders_v1_DisableCouponRequest__Output, _checkout_orders_v1_Coupon>;
  
  GetOrder: grpc.handleUnaryCall<_checkout_orders_v1_GetOrderRequest__Output, _checkout_orders_v1_Order>;
  
  ListCoupons: grpc.handleUnaryCall<_checkout_orders_v1_ListCouponsRequest__Output, _checkout_orders_v1_ListCouponsResponse>;
  
  ListOrders: grpc.handleUnaryCall<_checkout_orders_v1_ListOrdersRequest__Output, _checkout_orders_v1_ListOrdersResponse>;
  
  ListReturns: grpc.handleUnaryCall<_checkout_orders_v1_ListReturnsRequest__Output, _checkout_orders_v1_ListReturnsResponse>;
  
  RecordReturn: grpc.handleUnaryCall<_checkout_orders_v1_RecordReturnRequest__Output, _checkout_orders_v1_OrderReturn>;
  
  RedeemCoupon: grpc.handleUnaryCall<_checkout_orders_v1_RedeemCouponRequest__Output, _checkout_orders_v1_CouponRedemption>;
  
  RestoreCoupon: grpc.handleUnaryCall<_checkout_orders_v1_RestoreCouponRequest__Output, _checkout_orders_v1_CouponRedemption>;
  
  TransitionOrder: grpc.handleUnaryCall<_checkout_orders_v1_TransitionOrderRequest__Output, _checkout_orders_v1_Order>;
  
}

export interface OrdersServiceDefinition extends grpc.ServiceDefinition {
  CancelReturn: MethodDefinition<_checkout_orders_v1_ReturnRef, _checkout_orders_v1_OrderReturn, _checkout_orders_v1_ReturnRef__Output, _checkout_orders_v1_OrderReturn__Output>
  CheckCoupon: MethodDefinition<_checkout_orders_v1_CheckCouponRequest, _checkout_orders_v1_Coupon, _checkout_orders_v1_CheckCouponRequest__Output, _checkout_orders_v1_Coupon__Output>
  CompleteReturn: MethodDefinition<_checkout_orders_v1_ReturnRef, _checkout_orders_v1_OrderReturn, _checkout_orders_v1_ReturnRef__Output, _checkout_orders_v1_OrderReturn__Output>
  CreateCoupon: MethodDefinition<_checkout_orders_v1_Coupon, _checkout_orders_v1_Coupon, _checkout_orders_v1_Coupon__Output, _checkout_orders_v1_Coupon__Output>
  CreateOrder: MethodDefinition<_checkout_orders_v1_CreateOrderRequest, _checkout_orders_v1_Order, _checkout_orders_v1_CreateOrderRequest__Output, _checkout_orders_v1_Order__Output>
  DisableCoupon: MethodDefinition<_checkout_orders_v1_DisableCouponRequest, _checkout_orders_v1_Coupon, _checkout_orders_v1_DisableCouponRequest__Output, _checkout_orders_v1_Coupon__Output>
  GetOrder: MethodDefinition<_checkout_orders_v1_GetOrderRequest, _checkout_orders_v1_Order, _checkout_orders_v1_GetOrderRequest__Output, _checkout_orders_v1_Order__Output>
  ListCoupons: MethodDefinition<_checkout_orders_v1_ListCouponsRequest, _checkout_orders_v1_ListCouponsResponse, _checkout_orders_v1_ListCouponsRequest__Output, _checkout_orders_v1_ListCouponsResponse__Output>
  ListOrders: MethodDefinition<_checkout_orders_v1_ListOrdersRequest, _checkout_orders_v1_ListOrdersResponse, _checkout_orders_v1_ListOrdersRequest__Output, _checkout_orders_v1_ListOrdersResponse__Output>
  ListReturns: MethodDefinition<_checkout_orders_v1_ListReturnsRequest, _checkout_orders_v1_ListReturnsResponse, _checkout_orders_v1_ListReturnsRequest__Output, _checkout_orders_v1_ListReturnsResponse__Output>
  RecordReturn: MethodDefinition<_checkout_orders_v1_RecordReturnRequest, _checkout_orders_v1_OrderReturn, _checkout_orders_v1_RecordReturnRequest__Output, _checkout_orders_v1_OrderReturn__Output>
  RedeemCoupon: MethodDefinition<_checkout_orders_v1_RedeemCouponRequest, _checkout_orders_v1_CouponRedemption, _checkout_orders_v1_RedeemCouponRequest__Output, _checkout_orders_v1_CouponRedemption__Output>
  RestoreCoupon: MethodDefinition<_checkout_orders_v1_RestoreCouponRequest, _checkout_orders_v1_CouponRedemption, _checkout_orders_v1_RestoreCouponRequest__Output, _checkout_orders_v1_CouponRedemption__Output>
  TransitionOrder: MethodDefinition<_checkout_orders_v1_TransitionOrderRequest, _checkout_orders_v1_Order, _checkout_orders_v1_TransitionOrderRequest__Output, _checkout_orders_v1_Order__Output>
}
