// Original file: proto/payments.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ChargeRequest as _checkout_payments_v1_ChargeRequest, ChargeRequest__Output as _checkout_payments_v1_ChargeRequest__Output } from '../../../checkout/payments/v1/ChargeRequest';
import type { ConfirmSlipRequest as _checkout_payments_v1_ConfirmSlipRequest, ConfirmSlipRequest__Output as _checkout_payments_v1_ConfirmSlipRequest__Output } from '../../../checkout/payments/v1/ConfirmSlipRequest';
import type { GetPaymentRequest as _checkout_payments_v1_GetPaymentRequest, GetPaymentRequest__Output as _checkout_payments_v1_GetPaymentRequest__Output } from '../../../checkout/payments/v1/GetPaymentRequest';
import type { IssueSlipRequest as _checkout_payments_v1_IssueSlipRequest, IssueSlipRequest__Output as _checkout_payments_v1_IssueSlipRequest__Output } from '../../../checkout/payments/v1/IssueSlipRequest';
import type { ListPaymentsRequest as _checkout_payments_v1_ListPaymentsRequest, ListPaymentsRequest__Output as _checkout_payments_v1_ListPaymentsRequest__Output } from '../../../checkout/payments/v1/ListPaymentsRequest';
import type { ListPaymentsResponse as _checkout_payments_v1_ListPaymentsResponse, ListPaymentsResponse__Output as _checkout_payments_v1_ListPaymentsResponse__Output } from '../../../checkout/payments/v1/ListPaymentsResponse';
import type { PartialRefund as _checkout_payments_v1_PartialRefund, PartialRefund__Output as _checkout_payments_v1_PartialRefund__Output } from '../../../checkout/payments/v1/PartialRefund';
import type { Payment as _checkout_payments_v1_Payment, Payment__Output as _checkout_payments_v1_Payment__Output } from '../../../checkout/payments/v1/Payment';
import type { PaymentRef as _checkout_payments_v1_PaymentRef, PaymentRef__Output as _checkout_payments_v1_PaymentRef__Output } from '../../../checkout/payments/v1/PaymentRef';
import type { RefundPartialRequest as _checkout_payments_v1_RefundPartialRequest, RefundPartialRequest__Output as _checkout_payments_v1_RefundPartialRequest__Output } from '../../../checkout/payments/v1/RefundPartialRequest';

export interface PaymentsServiceClient extends grpc.Client {
  Charge(argument: _checkout_payments_v1_ChargeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Charge(argument: _checkout_payments_v1_ChargeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Charge(argument: _checkout_payments_v1_ChargeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Charge(argument: _checkout_payments_v1_ChargeRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  charge(argument: _checkout_payments_v1_ChargeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  charge(argument: _checkout_payments_v1_ChargeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  charge(argument: _checkout_payments_v1_ChargeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  charge(argument: _checkout_payments_v1_ChargeRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  
  ConfirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  ConfirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  ConfirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  ConfirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  confirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  confirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  confirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  confirmSlip(argument: _checkout_payments_v1_ConfirmSlipRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  
  GetPayment(argument: _checkout_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  GetPayment(argument: _checkout_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  GetPayment(argument: _checkout_payments_v1_GetPaymentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  GetPayment(argument: _checkout_payments_v1_GetPaymentRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _checkout_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _checkout_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _checkout_payments_v1_GetPaymentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _checkout_payments_v1_GetPaymentRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  
  IssueSlip(argument: _checkout_payments_v1_IssueSlipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  IssueSlip(argument: _checkout_payments_v1_IssueSlipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  IssueSlip(argument: _checkout_payments_v1_IssueSlipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  IssueSlip(argument: _checkout_payments_v1_IssueSlipRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  issueSlip(argument: _checkout_payments_v1_IssueSlipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  issueSlip(argument: _checkout_payments_v1_IssueSlipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  issueSlip(argument: _checkout_payments_v1_IssueSlipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  issueSlip(argument: _checkout_payments_v1_IssueSlipRequest, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  
  ListPayments(argument: _checkout_payments_v1_ListPaymentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  ListPayments(argument: _checkout_payments_v1_ListPaymentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  ListPayments(argument: _checkout_payments_v1_ListPaymentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  ListPayments(argument: _checkout_payments_v1_ListPaymentsRequest, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  listPayments(argument: _checkout_payments_v1_ListPaymentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  listPayments(argument: _checkout_payments_v1_ListPaymentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  listPayments(argument: _checkout_payments_v1_ListPaymentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  listPayments(argument: _checkout_payments_v1_ListPaymentsRequest, callback: grpc.requestCallback<_checkout_payments_v1_ListPaymentsResponse__Output>): grpc.ClientUnaryCall;
  
  Refund(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Refund(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Refund(argument: _checkout_payments_v1_PaymentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Refund(argument: _checkout_payments_v1_PaymentRef, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  refund(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  refund(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  refund(argument: _checkout_payments_v1_PaymentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  refund(argument: _checkout_payments_v1_PaymentRef, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  
  RefundPartial(argument: _checkout_payments_v1_RefundPartialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  RefundPartial(argument: _checkout_payments_v1_RefundPartialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  RefundPartial(argument: _checkout_payments_v1_RefundPartialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  RefundPartial(argument: _checkout_payments_v1_RefundPartialRequest, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  refundPartial(argument: _checkout_payments_v1_RefundPartialRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  refundPartial(argument: _checkout_payments_v1_RefundPartialRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  refundPartial(argument: _checkout_payments_v1_RefundPartialRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  refundPartial(argument: _checkout_payments_v1_RefundPartialRequest, callback: grpc.requestCallback<_checkout_payments_v1_PartialRefund__Output>): grpc.ClientUnaryCall;
  
  Void(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Void(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Void(argument: _checkout_payments_v1_PaymentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  Void(argument: _checkout_payments_v1_PaymentRef, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  void(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  void(argument: _checkout_payments_v1_PaymentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  void(argument: _checkout_payments_v1_PaymentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  void(argument: _checkout_payments_v1_PaymentRef, callback: grpc.requestCallback<_checkout_payments_v1_Payment__Output>): grpc.ClientUnaryCall;
  
}

export interface PaymentsServiceHandlers extends grpc.UntypedServiceImplementation {
  Charge: grpc.handleUnaryCall<_checkout_payments_v1_ChargeRequest__Output, _checkout_payments_v1_Payment>;
  
  ConfirmSlip: grpc.handleUnaryCall<_checkout_payments_v1_ConfirmSlipRequest__Output, _checkout_payments_v1_Payment>;
  
  GetPayment: grpc.handleUnaryCall<_checkout_payments_v1_GetPaymentRequest__Output, _checkout_payments_v1_Payment>;
  
  IssueSlip: grpc.handleUnaryCall<_checkout_payments_v1_IssueSlipRequest__Output, _checkout_payments_v1_Payment>;
  
  ListPayments: grpc.handleUnaryCall<_checkout_payments_v1_ListPaymentsRequest__Output, _checkout_payments_v1_ListPaymentsResponse>;
  
  Refund: grpc.handleUnaryCall<_checkout_payments_v1_PaymentRef__Output, _checkout_payments_v1_Payment>;
  
  RefundPartial: grpc.handleUnaryCall<_checkout_payments_v1_RefundPartialRequest__Output, _checkout_payments_v1_PartialRefund>;
  
  Void: grpc.handleUnaryCall<_checkout_payments_v1_PaymentRef__Output, _checkout_payments_v1_Payment>;
  
}

export interface PaymentsServiceDefinition extends grpc.ServiceDefinition {
  Charge: MethodDefinition<_checkout_payments_v1_ChargeRequest, _checkout_payments_v1_Payment, _checkout_payments_v1_ChargeRequest__Output, _checkout_payments_v1_Payment__Output>
  ConfirmSlip: MethodDefinition<_checkout_payments_v1_ConfirmSlipRequest, _checkout_payments_v1_Payment, _checkout_payments_v1_ConfirmSlipRequest__Output, _checkout_payments_v1_Payment__Output>
  GetPayment: MethodDefinition<_checkout_payments_v1_GetPaymentRequest, _checkout_payments_v1_Payment, _checkout_payments_v1_GetPaymentRequest__Output, _checkout_payments_v1_Payment__Output>
  IssueSlip: MethodDefinition<_checkout_payments_v1_IssueSlipRequest, _checkout_payments_v1_Payment, _checkout_payments_v1_IssueSlipRequest__Output, _checkout_payments_v1_Payment__Output>
  ListPayments: MethodDefinition<_checkout_payments_v1_ListPaymentsRequest, _checkout_payments_v1_ListPaymentsResponse, _checkout_payments_v1_ListPaymentsRequest__Output, _checkout_payments_v1_ListPaymentsResponse__Output>
  Refund: MethodDefinition<_checkout_payments_v1_PaymentRef, _checkout_payments_v1_Payment, _checkout_payments_v1_PaymentRef__Output, _checkout_payments_v1_Payment__Output>
  RefundPartial: MethodDefinition<_checkout_payments_v1_RefundPartialRequest, _checkout_payments_v1_PartialRefund, _checkout_payments_v1_RefundPartialRequest__Output, _checkout_payments_v1_PartialRefund__Output>
  Void: MethodDefinition<_checkout_payments_v1_PaymentRef, _checkout_payments_v1_Payment, _checkout_payments_v1_PaymentRef__Output, _checkout_payments_v1_Payment__Output>
}
