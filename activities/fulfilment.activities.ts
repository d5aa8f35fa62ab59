import type { DeliveryServiceClient } from '../proto/services';
import type { Shipment__Output } from '../proto/generated/checkout/delivery/v1/Shipment';
import { call } from './grpc-call';

export interface CreateShipmentInput {
  shipmentId: string;
  orderId: string;
  postalCode: string;
  idempotencyKey: string;
}

/** Fulfilment activities over the delivery service's carrier sandbox. */
export function createFulfilmentActivities(deps: { delivery: DeliveryServiceClient }) {
  const { delivery } = deps;
  return {
    /** Hands the parcel to the carrier: one shipment and tracking number per shipment id (a retry answers with the first). */
    createShipment: (input: CreateShipmentInput): Promise<Shipment__Output> => call(delivery, delivery.createShipment, input),
  };
}
