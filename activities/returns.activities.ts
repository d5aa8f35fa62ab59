import type { InventoryServiceClient, OrdersServiceClient, PaymentsServiceClient } from '../proto/services';
import type { OrderReturn__Output } from '../proto/generated/checkout/orders/v1/OrderReturn';
import type { PartialRefund__Output } from '../proto/generated/checkout/payments/v1/PartialRefund';
import type { Stock__Output } from '../proto/generated/checkout/inventory/v1/Stock';
import { call, callUndo } from './grpc-call';

export interface RecordReturnInput {
  orderId: string;
  returnId: string;
  lines: { sku: string; quantity: number }[];
  reason: string;
  idempotencyKey: string;
}

/** The return workflow's activities (workflows/return.workflow.ts) over injected gRPC clients. */
export function createReturnActivities(deps: { orders: OrdersServiceClient; payments: PaymentsServiceClient; inventory: InventoryServiceClient }) {
  const { orders, payments, inventory } = deps;
  return {
    /** Records the return and prices its refund; RETURN_QUANTITY_EXCEEDED, INVALID_TRANSITION, VALIDATION_FAILED are non-retryable. */
    recordReturn: (input: RecordReturnInput): Promise<OrderReturn__Output> => call(orders, orders.recordReturn, input),
    /** Undo of recordReturn (the refund was refused): the return is CANCELLED, its quantities can be returned again. */
    cancelReturn: (input: { returnId: string }) => callUndo(orders, orders.cancelReturn, input),
    /** The refund went through and the goods are back on hand. */
    completeReturn: (input: { returnId: string }): Promise<OrderReturn__Output> => call(orders, orders.completeReturn, input),
    /** Gives back part of the payment; CONFLICT (more than paid) and INVALID_TRANSITION are non-retryable. */
    refundPartial: (input: { paymentId: string; amountMinor: number; idempotencyKey: string }): Promise<PartialRefund__Output> => call(payments, payments.refundPartial, input),
    /** Puts returned goods back on hand (one adjustment per sku, its own key: a retry counts once). */
    restockReturned: (input: { sku: string; quantity: number; reason: string; idempotencyKey: string }): Promise<Stock__Output> =>
      call(inventory, inventory.adjustStock, { sku: input.sku, delta: input.quantity, reason: input.reason, idempotencyKey: input.idempotencyKey }),
  };
}
