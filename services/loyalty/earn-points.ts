import { DOMAIN_ERROR_CODES, isDomainError } from '../../lib/errors';
import type { EventEnvelope } from '../../lib/events';
import type { Logger } from '../../lib/logger';
import type { EarnRequest } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import { parseOrderEvent } from '../notifications/order-events';
import { pointsEarnedFor } from './loyalty-rules';

export type EarnOutcome = 'earned' | 'no-points' | 'ignored' | 'invalid' | 'revoked' | 'rejected';

/**
 * Credits the points of an `order.completed` event through `earn` (the loyalty service's Earn), with
 * the event id as idempotency key, so a redelivered event earns nothing more. Other events are
 * ignored; a malformed event or a business rejection is logged and skipped, since retrying cannot
 * fix it; an infrastructure fault is thrown so the consumer retries the event. An order refunded
 * before its event arrived (or redelivered after the refund) had its earning revoked: STEP_UNDONE,
 * an expected outcome of an at-least-once consumer, skipped without an error.
 */
export async function earnPointsFor(event: EventEnvelope, earn: (request: EarnRequest) => Promise<unknown>, logger: Logger): Promise<EarnOutcome> {
  const parsed = parseOrderEvent(event);
  if (parsed.kind === 'other') return 'ignored';
  if (parsed.kind === 'invalid') {
    if (event.type !== 'order.completed') return 'ignored';
    logger.error({ eventId: event.id, issues: parsed.issues }, 'order.completed with malformed data: no points earned');
    return 'invalid';
  }
  if (parsed.event.type !== 'order.completed') return 'ignored';
  const { orderId, customerId, totalMinor, currency } = parsed.event.data;
  const points = pointsEarnedFor(totalMinor, currency);
  if (points === 0 || !customerId) return 'no-points';
  try {
    await earn({ customerId, orderId, points, idempotencyKey: event.id });
    return 'earned';
  } catch (err) {
    if (isDomainError(err) && err.code === 'STEP_UNDONE') {
      logger.info({ eventId: event.id, orderId }, 'points of a refunded order not earned: the refund revoked them');
      return 'revoked';
    }
    if (isDomainError(err) && !DOMAIN_ERROR_CODES[err.code].retryable) {
      logger.error({ eventId: event.id, orderId, code: err.code, err }, 'points of a completed order rejected: not earned');
      return 'rejected';
    }
    throw err;
  }
}
