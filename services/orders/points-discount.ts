import { DomainError } from '../../lib/errors';
import type { PricedOrder } from './order-input';

/** A priced order after the loyalty points the checkout redeemed for it. */
export interface DiscountedOrder extends PricedOrder {
  pointsDiscountMinor: number;
}

/**
 * Takes redeemed loyalty points (1 point = 1 minor unit) off a priced order. The discount must leave
 * at least 1 to pay, because a payment of 0 cannot be charged or issued; a larger one is
 * VALIDATION_FAILED, so the saga restores the points instead of swallowing the excess.
 */
export function applyPointsDiscount<T extends PricedOrder>(priced: T, discountMinor: number): T & { pointsDiscountMinor: number } {
  if (!Number.isSafeInteger(discountMinor) || discountMinor < 0) {
    throw new DomainError('VALIDATION_FAILED', 'pointsDiscountMinor must be a non-negative integer', { field: 'pointsDiscountMinor' });
  }
  // Measured against the total before points (after a coupon and with the delivery fee), which is what is paid.
  if (discountMinor > 0 && discountMinor >= priced.totalMinor) {
    throw new DomainError('VALIDATION_FAILED', `points can pay at most ${priced.totalMinor - 1} of this order (total ${priced.totalMinor}): at least 1 must be paid`, {
      field: 'pointsDiscountMinor',
      subtotalMinor: priced.subtotalMinor,
      totalMinor: priced.totalMinor,
      pointsDiscountMinor: discountMinor,
    });
  }
  return { ...priced, pointsDiscountMinor: discountMinor, totalMinor: Math.max(0, priced.totalMinor - discountMinor) };
}
