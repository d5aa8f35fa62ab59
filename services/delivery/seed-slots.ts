import type { PrismaClient } from '../../lib/prisma';
import { addDays, localDateTime } from './slot-cutoff';

/** The demo zones: Tokyo's 23 wards (postal codes 100-179) and Osaka (530-559). */
export const DEMO_ZONES = [
  { id: 'tokyo-23', name: 'Tokyo 23 wards', postalPrefixes: ['10', '11', '12', '13', '14', '15', '16', '17'], cutoffTime: '14:00', timeZone: 'Asia/Tokyo' },
  { id: 'osaka', name: 'Osaka', postalPrefixes: ['53', '54', '55'], cutoffTime: '14:00', timeZone: 'Asia/Tokyo' },
] as const;

export const DEMO_WINDOWS = [
  { windowStart: '09:00', windowEnd: '12:00' },
  { windowStart: '14:00', windowEnd: '17:00' },
  { windowStart: '18:00', windowEnd: '21:00' },
] as const;

export const DEMO_SLOT_CAPACITY = 20;

/**
 * Creates the demo zones and their slots for the `days` days from the zones' today on; safe to run
 * again: zones are updated, existing slots (and what is booked on them) are left as they are.
 */
export async function ensureDemoDeliveryData(prisma: PrismaClient, now: Date, days = 14): Promise<{ zones: number; slotsCreated: number }> {
  let slotsCreated = 0;
  for (const zone of DEMO_ZONES) {
    const data = { name: zone.name, postalPrefixes: [...zone.postalPrefixes], cutoffTime: zone.cutoffTime, timeZone: zone.timeZone };
    await prisma.deliveryZone.upsert({ where: { id: zone.id }, create: { id: zone.id, ...data }, update: data });
    const today = localDateTime(now, zone.timeZone).date;
    const slots = Array.from({ length: days }, (_, i) => addDays(today, i)).flatMap((date) =>
      DEMO_WINDOWS.map((w) => ({
        id: `${zone.id}:${date}:${w.windowStart}`,
        zoneId: zone.id,
        date: new Date(`${date}T00:00:00Z`),
        windowStart: w.windowStart,
        windowEnd: w.windowEnd,
        capacity: DEMO_SLOT_CAPACITY,
      })),
    );
    // ON CONFLICT DO NOTHING on (zone_id, date, window_start) as well as the id: an existing slot keeps its bookings.
    const { count } = await prisma.deliverySlot.createMany({ data: slots, skipDuplicates: true });
    slotsCreated += count;
  }
  return { zones: DEMO_ZONES.length, slotsCreated };
}
