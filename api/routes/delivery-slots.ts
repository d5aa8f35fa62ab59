import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { ListSlotsRequest } from '../../proto/generated/checkout/delivery/v1/ListSlotsRequest';
import type { ListSlotsResponse__Output } from '../../proto/generated/checkout/delivery/v1/ListSlotsResponse';
import type { DeliveryServiceClient } from '../../proto/services';
import { normalisePostalCode } from '../../services/delivery/postal-code';

const date = z.string().regex(/^20\d{2}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD (2000-2099)');

/** The query of GET /v1/delivery/slots. */
export const deliverySlotsQuery = z
  .object({
    postalCode: z.string().max(32).meta({ description: 'A Japanese postal code: 7 digits, with or without the hyphen, full-width digits accepted (100-0001, １００－０００１)' }),
    from: date.optional().meta({ description: 'First day (YYYY-MM-DD, the zone’s calendar); today when absent' }),
    to: date.optional().meta({ description: 'Last day, inclusive; from + 30 days when absent. At most 31 days from `from` (400 DATE_RANGE_TOO_LONG)' }),
  })
  .strict();

/**
 * A postal code that is no 7-digit code is the caller's data, not a malformed request: 422
 * INVALID_POSTAL_CODE, so a storefront can show it next to the field (a code no zone serves is 422
 * ADDRESS_NOT_SERVED from the delivery service).
 */
export function storefrontPostalCode(raw: string): string {
  try {
    return normalisePostalCode(raw);
  } catch {
    throw new DomainError('INVALID_POSTAL_CODE', 'postalCode must be 7 digits, e.g. 100-0001', { field: 'postalCode' });
  }
}

/**
 * Public: a storefront shows delivery slots before the customer signs in. The slot ids answered are
 * exactly what POST /v1/checkouts takes as deliverySlotId.
 */
export function deliverySlotRoutes(deps: { delivery: DeliveryServiceClient }): Router {
  const router = Router();
  const { delivery } = deps;

  router.get('/v1/delivery/slots', async (req, res) => {
    const q = deliverySlotsQuery.parse(req.query);
    const postalCode = storefrontPostalCode(q.postalCode);
    const { slots } = await callUnary<ListSlotsRequest, ListSlotsResponse__Output>(delivery.listSlots.bind(delivery), { postalCode, fromDate: q.from ?? '', toDate: q.to ?? '' });
    // Full slots are left out: the list is what the customer can still choose.
    res.json({
      postalCode,
      slots: slots
        .filter((s) => s.remaining > 0)
        .map((s) => ({ slotId: s.slotId, date: s.date, windowStart: s.windowStart, windowEnd: s.windowEnd, capacity: s.capacity, remaining: s.remaining })),
    });
  });

  return router;
}
