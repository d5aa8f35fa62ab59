/**
 * A failure the caller can act on, with a stable machine-readable code. Codes map to one HTTP status
 * (api/error-handler.ts), one gRPC status (lib/grpc.ts) and one Temporal failure type (activities).
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The codes and whether retrying the same call can ever help. */
export const DOMAIN_ERROR_CODES = {
  VALIDATION_FAILED: { retryable: false },
  NOT_FOUND: { retryable: false },
  ALREADY_EXISTS: { retryable: false },
  CONFLICT: { retryable: false },
  IDEMPOTENCY_KEY_REUSED: { retryable: false },
  REQUEST_IN_PROGRESS: { retryable: true },
  UNAUTHENTICATED: { retryable: false },
  FORBIDDEN: { retryable: false },
  UNAVAILABLE: { retryable: true },
  INTERNAL: { retryable: true },
  // Business rejections of the checkout: typed, final for this attempt.
  PRODUCT_UNAVAILABLE: { retryable: false },
  OUT_OF_STOCK: { retryable: false },
  INVALID_TRANSITION: { retryable: false },
  CARD_DECLINED: { retryable: false },
  INSUFFICIENT_FUNDS: { retryable: false },
  PAYMENT_EXPIRED: { retryable: false },
  ADDRESS_NOT_SERVED: { retryable: false },
  SLOT_NOT_FOUND: { retryable: false },
  SLOT_FULL: { retryable: false },
  SLOT_CLOSED: { retryable: false },
  ORDER_NOT_CANCELLABLE: { retryable: false },
  CART_EMPTY: { retryable: false },
  RATE_LIMITED: { retryable: false },
  INSUFFICIENT_POINTS: { retryable: false },
  // Coupons (services/orders/coupons.ts): unknown, disabled or outside its dates / limit reached / order too small.
  COUPON_INVALID: { retryable: false },
  COUPON_EXHAUSTED: { retryable: false },
  COUPON_MIN_ORDER_NOT_MET: { retryable: false },
  // A forward call whose step was already undone (a late retry, or a run after a reset): never a stale success.
  STEP_UNDONE: { retryable: false },
  ORDER_NOT_RETRYABLE: { retryable: false },
  // An encrypted Temporal payload that no configured key opens (unknown key id, altered bytes).
  PAYLOAD_UNREADABLE: { retryable: false },
  // Storefront reads and the avatar upload (api/routes/delivery-slots.ts, avatar.ts).
  INVALID_POSTAL_CODE: { retryable: false },
  DATE_RANGE_TOO_LONG: { retryable: false },
  AVATAR_TOO_LARGE: { retryable: false },
  UNSUPPORTED_IMAGE_TYPE: { retryable: false },
  // Returns (services/orders/returns.ts): more of a line than was bought and not yet returned.
  RETURN_QUANTITY_EXCEEDED: { retryable: false },
  // A checkout's live status could not be asked (its status query failed) and nothing else tells its state.
  STATUS_UNAVAILABLE: { retryable: true },
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
