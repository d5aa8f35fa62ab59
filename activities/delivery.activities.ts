import type { DeliveryServiceClient } from '../proto/services';
import type { Booking__Output } from '../proto/generated/checkout/delivery/v1/Booking';
import { call, callUndo } from './grpc-call';

export interface BookDeliveryInput {
  bookingId: string;
  orderId: string;
  slotId: string;
  postalCode: string;
  idempotencyKey: string;
}

/** Delivery activities over an injected gRPC client. */
export function createDeliveryActivities(deps: { delivery: DeliveryServiceClient }) {
  const { delivery } = deps;
  return {
    /** Books the slot; SLOT_FULL, SLOT_CLOSED and ADDRESS_NOT_SERVED are non-retryable. */
    bookDelivery: (input: BookDeliveryInput): Promise<Booking__Output> => call(delivery, delivery.book, input),
    /** Undo of bookDelivery: frees the slot; nothing to release is fine. */
    releaseDelivery: (input: { bookingId: string; idempotencyKey: string }) => callUndo(delivery, delivery.release, input),
  };
}
