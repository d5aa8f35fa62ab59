import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { isDomainError, type DomainErrorCode } from '../lib/errors';
import type { Logger } from '../lib/logger';

/** One HTTP status per domain error code: the only place this mapping lives. */
export const HTTP_STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  REQUEST_IN_PROGRESS: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  PRODUCT_UNAVAILABLE: 422,
  OUT_OF_STOCK: 409,
  INVALID_TRANSITION: 409,
  CARD_DECLINED: 402,
  INSUFFICIENT_FUNDS: 402,
  PAYMENT_EXPIRED: 409,
  ADDRESS_NOT_SERVED: 422,
  SLOT_NOT_FOUND: 422,
  SLOT_FULL: 409,
  SLOT_CLOSED: 409,
  ORDER_NOT_CANCELLABLE: 409,
  CART_EMPTY: 422,
  RATE_LIMITED: 429,
  INSUFFICIENT_POINTS: 422,
  COUPON_INVALID: 422,
  COUPON_EXHAUSTED: 409,
  COUPON_MIN_ORDER_NOT_MET: 422,
  STEP_UNDONE: 409,
  ORDER_NOT_RETRYABLE: 409,
  PAYLOAD_UNREADABLE: 422,
  INVALID_POSTAL_CODE: 422,
  DATE_RANGE_TOO_LONG: 400,
  AVATAR_TOO_LARGE: 413,
  UNSUPPORTED_IMAGE_TYPE: 415,
  RETURN_QUANTITY_EXCEEDED: 409,
  STATUS_UNAVAILABLE: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Unknown routes answer 404 in the same shape as every other error. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(body('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};

const TRANSIENT_GRPC = new Set<number>([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.RESOURCE_EXHAUSTED, GrpcStatus.CANCELLED]);

/**
 * A call to the Temporal server (or through it, a query no worker answered in time) that failed for
 * a reason that retrying later can fix: the client sees 503, not a 500 that looks like a bug.
 */
export function isTransientUpstreamError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'number' && TRANSIENT_GRPC.has(code)) return true;
    // The server refuses a query while no worker polls the workflow's task queue (workers down or
    // being deployed): the same outage as a query that times out.
    if (code === GrpcStatus.FAILED_PRECONDITION && typeof message === 'string' && /no poller seen/i.test(message)) return true;
  }
  return false;
}

/** Maps every error to `{ error: { code, message, details } }`; never leaks a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (err instanceof ZodError) {
      res.status(400).json(
        body('VALIDATION_FAILED', 'The request is not valid', err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))),
      );
      return;
    }
    if (isDomainError(err)) {
      const retryAfter = err.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') res.set('Retry-After', String(Math.ceil(retryAfter)));
      res.status(HTTP_STATUS_BY_CODE[err.code]).json(body(err.code, err.message, err.details));
      return;
    }
    // body-parser's errors carry an HTTP status and a type (malformed JSON, too large, bad charset).
    const httpErr = err as { status?: number; type?: string; expose?: boolean; message?: string };
    if (typeof httpErr.status === 'number' && httpErr.status >= 400 && httpErr.status < 500) {
      const code = httpErr.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : httpErr.type === 'entity.parse.failed' ? 'MALFORMED_JSON' : 'BAD_REQUEST';
      res.status(httpErr.status).json(body(code, httpErr.expose && httpErr.message ? httpErr.message : 'The request could not be read'));
      return;
    }
    if (isTransientUpstreamError(err)) {
      logger.warn({ err, method: req.method, path: req.path }, 'upstream unavailable');
      res.set('Retry-After', '5').status(503).json(body('UNAVAILABLE', 'A service this request needs is unavailable right now; retry shortly'));
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
    res.status(500).json(body('INTERNAL', 'Something went wrong on our side; the request id helps us find it'));
  };
}
