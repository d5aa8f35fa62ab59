import type { InventoryServiceClient } from '../proto/services';
import type { Reservation__Output } from '../proto/generated/checkout/inventory/v1/Reservation';
import { ApplicationFailure } from '@temporalio/common';
import { businessMetrics } from '../lib/metrics';
import { activityInfo, call, callUndo } from './grpc-call';

export interface ReserveStockInput {
  reservationId: string;
  orderId: string;
  lines: { sku: string; quantity: number }[];
  ttlSeconds: number;
  idempotencyKey: string;
}
export interface ReservationRefInput {
  reservationId: string;
  idempotencyKey: string;
}

/** Inventory activities over an injected gRPC client. */
export function createInventoryActivities(deps: { inventory: InventoryServiceClient }) {
  const { inventory } = deps;
  return {
    /** Reserves every line or none; OUT_OF_STOCK is a non-retryable failure. */
    reserveStock: async (input: ReserveStockInput): Promise<Reservation__Output> => {
      // The checkout's first step: its first attempt is a checkout started, and a rejection here
      // (OUT_OF_STOCK) ends the checkout before any order exists, so failOrder never counts it.
      const metrics = businessMetrics();
      if ((activityInfo()?.attempt ?? 1) === 1) metrics.checkoutsStarted.inc();
      try {
        return await call(inventory, inventory.reserve, input);
      } catch (err) {
        if (err instanceof ApplicationFailure && err.nonRetryable) metrics.checkoutsFailed.inc({ reason: err.type ?? 'UNKNOWN' });
        throw err;
      }
    },
    /** Undo of reserveStock: gives the stock back (restocks it if already committed); nothing to release is fine. */
    releaseStock: (input: ReservationRefInput) => callUndo(inventory, inventory.release, input),
    /** Turns the reservation into sold stock. */
    commitStock: (input: ReservationRefInput): Promise<Reservation__Output> => call(inventory, inventory.commit, input),
  };
}
