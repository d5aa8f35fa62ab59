import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../../lib/grpc';
import type { ListZonesRequest } from '../../../proto/generated/checkout/delivery/v1/ListZonesRequest';
import type { ListZonesResponse__Output } from '../../../proto/generated/checkout/delivery/v1/ListZonesResponse';
import type { Slot__Output } from '../../../proto/generated/checkout/delivery/v1/Slot';
import type { UpsertSlotRequest } from '../../../proto/generated/checkout/delivery/v1/UpsertSlotRequest';
import type { Zone, Zone__Output } from '../../../proto/generated/checkout/delivery/v1/Zone';
import type { DeliveryServiceClient } from '../../../proto/services';
import { requirePermission } from '../../auth';

const entityId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
/** A rule across two fields, which JSON Schema cannot state: written where a client reads the schema. */
const WINDOW_END = 'windowEnd must be after windowStart (400 VALIDATION_FAILED otherwise)';
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').meta({ example: '2026-12-01' });

/** The request body of PUT /v1/staff/delivery/zones/:zoneId. */
export const zoneBody = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ example: 'Tokyo 23 wards' }),
    postalPrefixes: z
      .array(z.string().regex(/^\d{1,7}$/, 'must be 1-7 digits'))
      .min(1)
      .max(500)
      .meta({ description: 'Digits a served postal code starts with; the longest matching prefix over all zones wins', example: ['100', '150'] }),
    cutoffTime: time.meta({ description: 'Same-day slots close at this time (zone time)', example: '14:00' }),
    timeZone: z.string().min(1).max(64).default('Asia/Tokyo').meta({ description: 'IANA time zone' }),
    feeMinor: z.number().int().min(0).max(100_000).default(0).meta({ description: 'Delivery fee in yen, consumption tax (10 %) included; 0: free', example: 550 }),
    freeShippingThresholdMinor: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .nullable()
      .default(null)
      .meta({ description: 'Goods (tax included, after a coupon) at or above this many yen ship free; null: the fee is never waived', example: 5000 }),
  })
  .strict();
/** The path parameters of PUT /v1/staff/delivery/zones/:zoneId and its slots. */
export const zoneIdParam = z.object({ zoneId: entityId });

/** The request body of POST /v1/staff/delivery/zones/:zoneId/slots and PUT /v1/staff/delivery/slots/:slotId. */
export const slotBody = z
  .object({
    date,
    windowStart: time.meta({ example: '09:00' }),
    windowEnd: time.meta({ example: '12:00', description: WINDOW_END }),
    capacity: z.number().int().min(0).max(100_000).meta({ description: 'Deliveries the window takes; never below the places already booked (409)' }),
  })
  .strict()
  .refine((s) => s.windowStart < s.windowEnd, { message: 'windowEnd must be after windowStart', path: ['windowEnd'] })
  .meta({ description: `A delivery window of a day. ${WINDOW_END}.` });
/** The request body of PUT /v1/staff/delivery/slots/:slotId: a slot body naming its zone. */
export const slotUpdateBody = z
  .object({ zoneId: entityId, date, windowStart: time, windowEnd: time.meta({ description: WINDOW_END }), capacity: z.number().int().min(0).max(100_000) })
  .strict()
  .refine((s) => s.windowStart < s.windowEnd, { message: 'windowEnd must be after windowStart', path: ['windowEnd'] })
  .meta({ description: `A delivery window of a day in a zone. ${WINDOW_END}.` });
/** The path parameters of PUT /v1/staff/delivery/slots/:slotId. */
export const slotIdParam = z.object({ slotId: z.string().min(1).max(128) });

/** A zone as staff read it: the service's threshold 0 ("none", proto has no null) is null. */
function zoneView(zone: Zone__Output) {
  return { ...zone, feeMinor: Number(zone.feeMinor), freeShippingThresholdMinor: Number(zone.freeShippingThresholdMinor) || null };
}

/** Staff management of delivery zones and slots: permission delivery:manage. */
export function staffDeliveryRoutes(deps: { delivery: DeliveryServiceClient }): Router {
  const router = Router();
  const { delivery } = deps;
  const guard = requirePermission('delivery:manage');
  const upsertSlot = (request: UpsertSlotRequest) => callUnary<UpsertSlotRequest, Slot__Output>(delivery.UpsertSlot.bind(delivery), request);

  router.get('/v1/staff/delivery/zones', guard, async (_req, res) => {
    const { zones } = await callUnary<ListZonesRequest, ListZonesResponse__Output>(delivery.ListZones.bind(delivery), {});
    res.json({ zones: zones.map(zoneView) });
  });

  router.put('/v1/staff/delivery/zones/:zoneId', guard, async (req, res) => {
    const { zoneId } = zoneIdParam.parse(req.params);
    const body = zoneBody.parse(req.body ?? {});
    const { freeShippingThresholdMinor, ...zone } = body;
    // The service's 0 is "no threshold" (proto has no null).
    res.json(zoneView(await callUnary<Zone, Zone__Output>(delivery.UpsertZone.bind(delivery), { id: zoneId, ...zone, freeShippingThresholdMinor: freeShippingThresholdMinor ?? 0 })));
  });

  router.post('/v1/staff/delivery/zones/:zoneId/slots', guard, async (req, res) => {
    const { zoneId } = zoneIdParam.parse(req.params);
    const body = slotBody.parse(req.body ?? {});
    const slot = await upsertSlot({ slotId: '', zoneId, ...body });
    res.status(201).location(`/v1/staff/delivery/slots/${encodeURIComponent(slot.slotId)}`).json(slot);
  });

  router.put('/v1/staff/delivery/slots/:slotId', guard, async (req, res) => {
    const { slotId } = slotIdParam.parse(req.params);
    const body = slotUpdateBody.parse(req.body ?? {});
    res.json(await upsertSlot({ slotId, ...body }));
  });

  return router;
}
