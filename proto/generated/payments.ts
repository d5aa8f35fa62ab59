import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChargeRequest as _checkout_payments_v1_ChargeRequest, ChargeRequest__Output as _checkout_payments_v1_ChargeRequest__Output } from './checkout/payments/v1/ChargeRequest';
import type { ConfirmSlipRequest as _checkout_payments_v1_ConfirmSlipRequest, ConfirmSlipRequest__Output as _checkout_payments_v1_ConfirmSlipRequest__Output } from './checkout/payments/v1/ConfirmSlipRequest';
import type { GetPaymentRequest as _checkout_payments_v1_GetPaymentRequest, GetPaymentRequest__Output as _checkout_payments_v1_GetPaymentRequest__Output } from './checkout/payments/v1/GetPaymentRequest';
import type { IssueSlipRequest as _checkout_payments_v1_IssueSlipRequest, IssueSlipRequest__Output as _checkout_payments_v1_IssueSlipRequest__Output } from './checkout/payments/v1/IssueSlipRequest';
import type { ListPaymentsRequest as _checkout_payments_v1_ListPaymentsRequest, ListPaymentsRequest__Output as _checkout_payments_v1_ListPaymentsRequest__Output } from './checkout/payments/v1/ListPaymentsRequest';
import type { ListPaymentsResponse as _checkout_payments_v1_ListPaymentsResponse, ListPaymentsResponse__Output as _checkout_payments_v1_ListPaymentsResponse__Output } from './checkout/payments/v1/ListPaymentsResponse';
import type { PartialRefund as _checkout_payments_v1_PartialRefund, PartialRefund__Output as _checkout_payments_v1_PartialRefund__Output } from './checkout/payments/v1/PartialRefund';
import type { Payment as _checkout_payments_v1_Payment, Payment__Output as _checkout_payments_v1_Payment__Output } from './checkout/payments/v1/Payment';
import type { PaymentRef as _checkout_payments_v1_PaymentRef, PaymentRef__Output as _checkout_payments_v1_PaymentRef__Output } from './checkout/payments/v1/PaymentRef';
import type { PaymentRefund as _checkout_payments_v1_PaymentRefund, PaymentRefund__Output as _checkout_payments_v1_PaymentRefund__Output } from './checkout/payments/v1/PaymentRefund';
import type { PaymentWithRefunds as _checkout_payments_v1_PaymentWithRefunds, PaymentWithRefunds__Output as _checkout_payments_v1_PaymentWithRefunds__Output } from './checkout/payments/v1/PaymentWithRefunds';
import type { PaymentsServiceClient as _checkout_payments_v1_PaymentsServiceClient, PaymentsServiceDefinition as _checkout_payments_v1_PaymentsServiceDefinition } from './checkout/payments/v1/PaymentsService';
import type { RefundPartialRequest as _checkout_payments_v1_RefundPartialRequest, RefundPartialRequest__Output as _checkout_payments_v1_RefundPartialRequest__Output } from './checkout/payments/v1/RefundPartialRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    payments: {
      v1: {
        ChargeRequest: MessageTypeDefinition<_checkout_payments_v1_ChargeRequest, _checkout_payments_v1_ChargeRequest__Output>
        ConfirmSlipRequest: MessageTypeDefinition<_checkout_payments_v1_ConfirmSlipRequest, _checkout_payments_v1_ConfirmSlipRequest__Output>
        GetPaymentRequest: MessageTypeDefinition<_checkout_payments_v1_GetPaymentRequest, _checkout_payments_v1_GetPaymentRequest__Output>
        IssueSlipRequest: MessageTypeDefinition<_checkout_payments_v1_IssueSlipRequest, _checkout_payments_v1_IssueSlipRequest__Output>
        ListPaymentsRequest: MessageTypeDefinition<_checkout_payments_v1_ListPaymentsRequest, _checkout_payments_v1_ListPaymentsRequest__Output>
        ListPaymentsResponse: MessageTypeDefinition<_checkout_payments_v1_ListPaymentsResponse, _checkout_payments_v1_ListPaymentsResponse__Output>
        PartialRefund: MessageTypeDefinition<_checkout_payments_v1_PartialRefund, _checkout_payments_v1_PartialRefund__Output>
        Payment: MessageTypeDefinition<_checkout_payments_v1_Payment, _checkout_payments_v1_Payment__Output>
        PaymentRef: MessageTypeDefinition<_checkout_payments_v1_PaymentRef, _checkout_payments_v1_PaymentRef__Output>
        PaymentRefund: MessageTypeDefinition<_checkout_payments_v1_PaymentRefund, _checkout_payments_v1_PaymentRefund__Output>
        PaymentWithRefunds: MessageTypeDefinition<_checkout_payments_v1_PaymentWithRefunds, _checkout_payments_v1_PaymentWithRefunds__Output>
        PaymentsService: SubtypeConstructor<typeof grpc.Client, _checkout_payments_v1_PaymentsServiceClient> & { service: _checkout_payments_v1_PaymentsServiceDefinition }
        RefundPartialRequest: MessageTypeDefinition<_checkout_payments_v1_RefundPartialRequest, _checkout_payments_v1_RefundPartialRequest__Output>
      }
    }
  }
}

