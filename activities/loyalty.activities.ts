import type { PointsChange__Output } from '../proto/generated/checkout/loyalty/v1/PointsChange';
import type { LoyaltyServiceClient } from '../proto/services';
import { call, callUndo } from './grpc-call';

export interface RedeemPointsInput {
  customerId: string;
  orderId: string;
  points: number;
  idempotencyKey: string;
}
export interface RestorePointsInput {
  customerId: string;
  orderId: string;
  idempotencyKey: string;
}
export interface RevokeEarnedPointsInput {
  customerId: string;
  orderId: string;
  idempotencyKey: string;
}

/** Loyalty activities over an injected gRPC client. */
export function createLoyaltyActivities(deps: { loyalty: LoyaltyServiceClient }) {
  const { loyalty } = deps;
  return {
    /** Takes the customer's points for the order; INSUFFICIENT_POINTS is a non-retryable failure. */
    redeemPoints: (input: RedeemPointsInput): Promise<PointsChange__Output> => call(loyalty, loyalty.redeem, input),
    /** Undo of redeemPoints: gives back what the order redeemed; nothing redeemed is fine. */
    restorePoints: (input: RestorePointsInput) => callUndo(loyalty, loyalty.restore, input),
    /**
     * Refund step: takes back the points the order earned, never below a zero balance (what the
     * customer already spent is recorded as unrecovered); with nothing earned yet it succeeds with
     * kind NONE and the order's order.completed can no longer earn.
     */
    revokeEarnedPoints: (input: RevokeEarnedPointsInput): Promise<PointsChange__Output> => call(loyalty, loyalty.revokeEarned, input),
  };
}
