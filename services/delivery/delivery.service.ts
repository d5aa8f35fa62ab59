import { DomainError } from '../../lib/errors';
import { idempotentCall, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { Booking__Output } from '../../proto/generated/checkout/delivery/v1/Booking';
import type { BookRequest__Output } from '../../proto/generated/checkout/delivery/v1/BookRequest';
import type { BookingRef__Output } from '../../proto/generated/checkout/delivery/v1/BookingRef';
import type { ListSlotsRequest__Output } from '../../proto/generated/checkout/delivery/v1/ListSlotsRequest';
import type { Slot__Output } from '../../proto/generated/checkout/delivery/v1/Slot';
import { matchZone, normalisePostalCode } from './postal-code';
import { addDays, localDateTime, slotOpening } from './slot-cutoff';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** How far ListSlots looks ahead of its from date. */
const LIST_DAYS = 31;

interface Zone {
  id: string;
  postalPrefixes: string[];
  cutoffTime: string;
  timeZone: string;
}

/** Delivery zones by postal code, slots with a capacity, and same-day cutoffs. */
export class DeliveryService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date,
  ) {}

  /**
   * Books a slot for an order: the slot must belong to the zone serving the postal code, still be
   * open (not past, not after the same-day cutoff) and have capacity left; a repeated booking id
   * answers with the existing booking.
   */
  book(request: BookRequest__Output): Promise<Booking__Output> {
    return idempotentCall(this.prisma, 'delivery', request.idempotencyKey, 'Book', async (tx) => {
      for (const field of ['bookingId', 'orderId', 'slotId'] as const) {
        if (!request[field]) throw new DomainError('VALIDATION_FAILED', `${field} is required`);
      }
      const postalCode = normalisePostalCode(request.postalCode);
      // Two calls for one booking id under different keys must not both book.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`delivery-booking:${request.bookingId}`}, 0))`;
      const existing = await tx.deliveryBooking.findUnique({ where: { id: request.bookingId }, include: { slot: true } });
      if (existing) {
        if (existing.orderId !== request.orderId || existing.slotId !== request.slotId) {
          throw new DomainError('CONFLICT', `booking ${request.bookingId} exists for another order or slot`, {
            bookingId: existing.id,
            orderId: existing.orderId,
            slotId: existing.slotId,
          });
        }
        return toBooking(existing);
      }

      const zone = await this.zoneFor(tx, postalCode);
      const slot = await tx.deliverySlot.findUnique({ where: { id: request.slotId } });
      if (!slot) throw new DomainError('SLOT_NOT_FOUND', `no delivery slot ${request.slotId}`, { slotId: request.slotId });
      if (slot.zoneId !== zone.id) {
        throw new DomainError('ADDRESS_NOT_SERVED', `slot ${slot.id} does not deliver to postal code ${postalCode}`, {
          postalCode,
          zoneId: zone.id,
          slotZoneId: slot.zoneId,
        });
      }
      const date = isoDate(slot.date);
      const opening = slotOpening({ date, windowStart: slot.windowStart }, zone, this.now());
      if (!opening.open) {
        throw new DomainError('SLOT_CLOSED', `slot ${slot.id} (${date} ${slot.windowStart}) can no longer be booked`, {
          slotId: slot.id,
          reason: opening.reason,
          cutoffTime: zone.cutoffTime,
          timeZone: zone.timeZone,
        });
      }
      // The conditional increment is the capacity check: concurrent bookings queue on the row lock.
      const taken = await tx.$executeRaw`UPDATE delivery.slots SET booked = booked + 1 WHERE id = ${slot.id} AND booked < capacity`;
      if (taken === 0) throw new DomainError('SLOT_FULL', `slot ${slot.id} is full`, { slotId: slot.id, capacity: slot.capacity });
      const booking = await tx.deliveryBooking.create({
        data: { id: request.bookingId, orderId: request.orderId, slotId: slot.id, status: 'BOOKED' },
      });
      return toBooking({ ...booking, slot });
    });
  }

  /** Releases a booking and frees its place in the slot; succeeds with status NONE when there is no booking. */
  release(request: BookingRef__Output): Promise<Booking__Output> {
    return idempotentCall(this.prisma, 'delivery', request.idempotencyKey, 'Release', async (tx) => {
      if (!request.bookingId) throw new DomainError('VALIDATION_FAILED', 'bookingId is required');
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`delivery-booking:${request.bookingId}`}, 0))`;
      const released = await tx.deliveryBooking.updateMany({ where: { id: request.bookingId, status: 'BOOKED' }, data: { status: 'RELEASED' } });
      const booking = await tx.deliveryBooking.findUnique({ where: { id: request.bookingId }, include: { slot: true } });
      if (!booking) return { bookingId: request.bookingId, orderId: '', slotId: '', status: 'NONE', date: '', windowStart: '', windowEnd: '' };
      if (released.count === 1) {
        await tx.$executeRaw`UPDATE delivery.slots SET booked = booked - 1 WHERE id = ${booking.slotId}`;
      }
      return toBooking(booking);
    });
  }

  /**
   * Lists the slots that can still be booked in the zone serving a postal code, for 31 days from
   * `fromDate` (the zone's today when empty), by date and window, with their remaining capacity.
   */
  async listSlots(request: ListSlotsRequest__Output): Promise<Slot__Output[]> {
    const postalCode = normalisePostalCode(request.postalCode);
    if (request.fromDate && !isValidDate(request.fromDate)) {
      throw new DomainError('VALIDATION_FAILED', 'fromDate must be a date YYYY-MM-DD', { fromDate: request.fromDate });
    }
    const zone = await this.zoneFor(this.prisma, postalCode);
    const now = this.now();
    const from = request.fromDate || localDateTime(now, zone.timeZone).date;
    const rows = await this.prisma.deliverySlot.findMany({
      where: { zoneId: zone.id, date: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(`${addDays(from, LIST_DAYS)}T00:00:00Z`) } },
      orderBy: [{ date: 'asc' }, { windowStart: 'asc' }],
    });
    return rows
      .map((row) => ({
        slotId: row.id,
        zoneId: row.zoneId,
        date: isoDate(row.date),
        windowStart: row.windowStart,
        windowEnd: row.windowEnd,
        capacity: row.capacity,
        remaining: Math.max(0, row.capacity - row.booked),
      }))
      .filter((slot) => slotOpening(slot, zone, now).open);
  }

  private async zoneFor(db: Tx | PrismaClient, postalCode: string): Promise<Zone> {
    const zones = await db.deliveryZone.findMany({ select: { id: true, postalPrefixes: true, cutoffTime: true, timeZone: true } });
    const zone = matchZone(zones, postalCode);
    if (!zone) throw new DomainError('ADDRESS_NOT_SERVED', `no delivery zone serves postal code ${postalCode}`, { postalCode });
    return zone;
  }
}

function isValidDate(date: string): boolean {
  return DATE.test(date) && !Number.isNaN(Date.parse(date)) && isoDate(new Date(`${date}T00:00:00Z`)) === date;
}

/** The YYYY-MM-DD of a PostgreSQL `date` column (Prisma reads it as UTC midnight). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toBooking(row: { id: string; orderId: string; slotId: string; status: string; slot: { date: Date; windowStart: string; windowEnd: string } }): Booking__Output {
  return {
    bookingId: row.id,
    orderId: row.orderId,
    slotId: row.slotId,
    status: row.status,
    date: isoDate(row.slot.date),
    windowStart: row.slot.windowStart,
    windowEnd: row.slot.windowEnd,
  };
}
