import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentCall, idempotentSql, type Prefetch, type Sql, type Tx } from '../../lib/idempotent-call';
import { sqlPool, type PrismaClient } from '../../lib/prisma';
import type { Booking__Output } from '../../proto/generated/checkout/delivery/v1/Booking';
import type { BookRequest__Output } from '../../proto/generated/checkout/delivery/v1/BookRequest';
import type { BookingRef__Output } from '../../proto/generated/checkout/delivery/v1/BookingRef';
import type { ListSlotsRequest__Output } from '../../proto/generated/checkout/delivery/v1/ListSlotsRequest';
import type { Slot__Output } from '../../proto/generated/checkout/delivery/v1/Slot';
import type { UpsertSlotRequest__Output } from '../../proto/generated/checkout/delivery/v1/UpsertSlotRequest';
import type { Zone__Output } from '../../proto/generated/checkout/delivery/v1/Zone';
import type { GetZoneForPostalCodeRequest__Output } from '../../proto/generated/checkout/delivery/v1/GetZoneForPostalCodeRequest';
import { matchZone, normalisePostalCode } from './postal-code';
import { addDays, localDateTime, slotOpening } from './slot-cutoff';

/** A delivery fee and a free-shipping threshold fit the money columns (PostgreSQL integer) with room to spare. */
const MAX_FEE_MINOR = 100_000;
const MAX_THRESHOLD_MINOR = 10_000_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ZONE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const POSTAL_PREFIX = /^\d{1,7}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_PREFIXES = 500;
const MAX_CAPACITY = 100_000;
const DEFAULT_TIME_ZONE = 'Asia/Tokyo';
/** How far ListSlots looks ahead of its from date. */
const LIST_DAYS = 31;
const LAST_LISTABLE_DAY = '2099-12-31';

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
   * answers with the existing booking. A booking already released (or the tombstone of a Release
   * that came first) is STEP_UNDONE, also for a replay of the key's stored success (a Temporal reset).
   */
  book(request: BookRequest__Output, context: CallContext = {}): Promise<Booking__Output> {
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<Booking__Output> => {
      for (const field of ['bookingId', 'orderId', 'slotId'] as const) {
        if (!request[field]) throw new DomainError('VALIDATION_FAILED', `${field} is required`);
      }
      const postalCode = normalisePostalCode(request.postalCode);
      // Read after the booking id's lock (two calls for one booking id under different keys must not both book).
      const found = prefetched[0] as BookRead;
      const existing = found!.booking;
      if (existing) {
        if (existing.status === 'RELEASED') throw stepUndone(request.bookingId);
        if (!existing.slot || existing.orderId !== request.orderId || existing.slotId !== request.slotId) {
          throw new DomainError('CONFLICT', `booking ${request.bookingId} exists for another order or slot`, {
            bookingId: existing.id,
            orderId: existing.orderId,
            slotId: existing.slotId,
          });
        }
        return bookingView(existing.id, existing.orderId, existing.slotId!, existing.status, existing.slot);
      }

      // Only zones with a prefix of the code were read: matchZone picks among them as it picks among all.
      const zone = matchZone(found!.zones, postalCode);
      if (!zone) throw new DomainError('ADDRESS_NOT_SERVED', `no delivery zone serves postal code ${postalCode}`, { postalCode });
      const slot = found!.slot;
      if (!slot) throw new DomainError('SLOT_NOT_FOUND', `no delivery slot ${request.slotId}`, { slotId: request.slotId });
      if (slot.zoneId !== zone.id) {
        throw new DomainError('ADDRESS_NOT_SERVED', `slot ${slot.id} does not deliver to postal code ${postalCode}`, {
          postalCode,
          zoneId: zone.id,
          slotZoneId: slot.zoneId,
        });
      }
      const opening = slotOpening({ date: slot.date, windowStart: slot.windowStart }, zone, this.now());
      if (!opening.open) {
        throw new DomainError('SLOT_CLOSED', `slot ${slot.id} (${slot.date} ${slot.windowStart}) can no longer be booked`, {
          slotId: slot.id,
          reason: opening.reason,
          cutoffTime: zone.cutoffTime,
          timeZone: zone.timeZone,
        });
      }
      // The conditional increment is the capacity check (concurrent bookings queue on the row lock);
      // the booking is written in the same statement, only when a place was taken.
      const [taken] = await sql.rows<{ taken: boolean }>(
        `WITH taken AS (UPDATE delivery.slots SET booked = booked + 1 WHERE id = $2 AND booked < capacity RETURNING id),
              booking AS (INSERT INTO delivery.bookings (id, order_id, slot_id, status, updated_at) SELECT $1, $3, id, 'BOOKED', now() FROM taken)
         SELECT EXISTS (SELECT 1 FROM taken) AS taken`,
        [request.bookingId, slot.id, request.orderId],
      );
      if (!taken!.taken) throw new DomainError('SLOT_FULL', `slot ${slot.id} is full`, { slotId: slot.id, capacity: slot.capacity });
      return bookingView(request.bookingId, request.orderId, slot.id, 'BOOKED', slot);
    };
    return idempotentSql(this.prisma, 'delivery', request.idempotencyKey, 'Book', fn, {
      deadline: context.deadline,
      locks: request.bookingId ? [bookingLock(request.bookingId)] : [],
      // The booking, the zones that may serve the postal code and the slot, in one statement sent ahead.
      prefetch: bookRead(request.bookingId, request.postalCode, request.slotId),
      undone: async (_sql, prefetched) => {
        if ((prefetched[0] as BookRead).booking?.status === 'RELEASED') throw stepUndone(request.bookingId);
        return false;
      },
    });
  }

  /**
   * Releases a booking and frees its place in the slot. Releasing an unknown id records it as
   * released (a tombstone without order or slot) and answers NONE, so a Book of that id still in
   * flight (its caller gave up on it) is refused afterwards instead of taking a seat for good.
   */
  release(request: BookingRef__Output, context: CallContext = {}): Promise<Booking__Output> {
    const fn = async (tx: Tx): Promise<Booking__Output> => {
      if (!request.bookingId) throw new DomainError('VALIDATION_FAILED', 'bookingId is required');
      await lockBookingId(tx, request.bookingId);
      const released = await tx.deliveryBooking.updateMany({ where: { id: request.bookingId, status: 'BOOKED' }, data: { status: 'RELEASED' } });
      const booking = await tx.deliveryBooking.findUnique({ where: { id: request.bookingId }, include: { slot: true } });
      if (!booking) {
        await tx.deliveryBooking.create({ data: { id: request.bookingId, orderId: '', slotId: null, status: 'RELEASED' } });
        return noBooking(request.bookingId);
      }
      if (!booking.slot) return noBooking(request.bookingId);
      if (released.count === 1) {
        await tx.$executeRaw`UPDATE delivery.slots SET booked = booked - 1 WHERE id = ${booking.slot.id}`;
      }
      return toBooking({ ...booking, slot: booking.slot });
    };
    return idempotentCall(this.prisma, 'delivery', request.idempotencyKey, 'Release', fn, { deadline: context.deadline });
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
    if (request.toDate && !isValidDate(request.toDate)) {
      throw new DomainError('VALIDATION_FAILED', 'toDate must be a date YYYY-MM-DD', { toDate: request.toDate });
    }
    const zone = await this.zoneFor(this.prisma, postalCode);
    const now = this.now();
    const from = request.fromDate || localDateTime(now, zone.timeZone).date;
    // Keeps the day arithmetic (addDays) inside four-digit years, where YYYY-MM-DD strings compare as dates.
    if (from > LAST_LISTABLE_DAY) throw new DomainError('VALIDATION_FAILED', `fromDate must be at most ${LAST_LISTABLE_DAY}`, { fromDate: from });
    // The range bounds the rows one public call can make the database read.
    const to = request.toDate || addDays(from, LIST_DAYS - 1);
    if (to < from) throw new DomainError('VALIDATION_FAILED', 'toDate must not be before fromDate', { fromDate: from, toDate: to });
    if (to >= addDays(from, LIST_DAYS)) {
      throw new DomainError('DATE_RANGE_TOO_LONG', `the date range may span at most ${LIST_DAYS} days`, { fromDate: from, toDate: to, maxDays: LIST_DAYS });
    }
    const rows = await this.prisma.deliverySlot.findMany({
      where: { zoneId: zone.id, date: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(`${addDays(to, 1)}T00:00:00Z`) } },
      orderBy: [{ date: 'asc' }, { windowStart: 'asc' }],
    });
    return rows
      .map(toSlot)
      .filter((slot) => slotOpening(slot, zone, now).open);
  }

  /**
   * Creates or updates a delivery zone (an empty id creates one with a new UUID): postal prefixes of
   * 1-7 digits, a same-day cutoff HH:MM and an IANA time zone (Asia/Tokyo when empty).
   */
  async upsertZone(request: Zone__Output): Promise<Zone__Output> {
    const id = request.id.trim() || randomUUID();
    invalidUnless(ZONE_ID.test(id), 'id', 'must be 1-64 letters, digits, ".", "_", ":" or "-"');
    const name = request.name.trim();
    invalidUnless(name.length >= 1 && name.length <= 100, 'name', 'must be 1-100 characters');
    const postalPrefixes = [...new Set(request.postalPrefixes.map((p) => p.normalize('NFKC').trim()))];
    invalidUnless(postalPrefixes.length >= 1 && postalPrefixes.length <= MAX_PREFIXES, 'postalPrefixes', `must hold 1-${MAX_PREFIXES} prefixes`);
    postalPrefixes.forEach((p, i) => invalidUnless(POSTAL_PREFIX.test(p), `postalPrefixes[${i}]`, 'must be 1-7 digits'));
    invalidUnless(HH_MM.test(request.cutoffTime), 'cutoffTime', 'must be a time HH:MM (00:00-23:59)');
    const timeZone = request.timeZone.trim() || DEFAULT_TIME_ZONE;
    invalidUnless(isTimeZone(timeZone), 'timeZone', 'must be an IANA time zone such as Asia/Tokyo');
    // Fee and threshold in yen (tax included); a threshold of 0 is none (the fee is never waived).
    const feeMinor = Number(request.feeMinor);
    invalidUnless(Number.isSafeInteger(feeMinor) && feeMinor >= 0 && feeMinor <= MAX_FEE_MINOR, 'feeMinor', `must be an integer from 0 to ${MAX_FEE_MINOR}`);
    const threshold = Number(request.freeShippingThresholdMinor);
    invalidUnless(Number.isSafeInteger(threshold) && threshold >= 0 && threshold <= MAX_THRESHOLD_MINOR, 'freeShippingThresholdMinor', `must be an integer from 0 to ${MAX_THRESHOLD_MINOR}`);
    const data = { name, postalPrefixes, cutoffTime: request.cutoffTime, timeZone, feeMinor, freeShippingThresholdMinor: threshold === 0 ? null : threshold };
    const row = await this.prisma.deliveryZone.upsert({ where: { id }, create: { id, ...data }, update: data });
    return toZone(row);
  }

  /** The zone serving a postal code, with its delivery fee and free-shipping threshold (ADDRESS_NOT_SERVED when none). */
  async getZoneForPostalCode(request: GetZoneForPostalCodeRequest__Output): Promise<Zone__Output> {
    const postalCode = normalisePostalCode(request.postalCode);
    // One statement over the pg pool (CreateOrder asks it for every order): only the zones with a
    // matching prefix, of which matchZone picks the longest as it would among all of them.
    const { rows } = await sqlPool(this.prisma).query<Parameters<typeof toZone>[0]>(
      `SELECT id, name, postal_prefixes AS "postalPrefixes", cutoff_time AS "cutoffTime", time_zone AS "timeZone",
              fee_minor AS "feeMinor", free_shipping_threshold_minor AS "freeShippingThresholdMinor"
         FROM delivery.zones z
        WHERE EXISTS (SELECT 1 FROM unnest(z.postal_prefixes) AS p (prefix) WHERE p.prefix <> '' AND starts_with($1, p.prefix))`,
      [postalCode],
    );
    const zone = matchZone(rows, postalCode);
    if (!zone) throw new DomainError('ADDRESS_NOT_SERVED', `no delivery zone serves postal code ${postalCode}`, { postalCode });
    return toZone(zone);
  }

  /** Every delivery zone, by id. */
  async listZones(): Promise<Zone__Output[]> {
    const rows = await this.prisma.deliveryZone.findMany({ orderBy: { id: 'asc' } });
    return rows.map(toZone);
  }

  /**
   * Creates or updates a slot of a zone (an empty id updates the zone's slot of that day and start,
   * or creates `<zoneId>:<date>:<windowStart>`); the capacity may not drop below the places already
   * booked (CONFLICT), and a slot never changes zone.
   */
  async upsertSlot(request: UpsertSlotRequest__Output): Promise<Slot__Output> {
    invalidUnless(request.zoneId !== '', 'zoneId', 'is required');
    invalidUnless(isValidDate(request.date), 'date', 'must be a date YYYY-MM-DD');
    invalidUnless(HH_MM.test(request.windowStart), 'windowStart', 'must be a time HH:MM');
    invalidUnless(HH_MM.test(request.windowEnd), 'windowEnd', 'must be a time HH:MM');
    invalidUnless(request.windowStart < request.windowEnd, 'windowEnd', 'must be after windowStart');
    invalidUnless(Number.isInteger(request.capacity) && request.capacity >= 0 && request.capacity <= MAX_CAPACITY, 'capacity', `must be an integer from 0 to ${MAX_CAPACITY}`);
    invalidUnless(request.slotId.length <= 128, 'slotId', 'must be at most 128 characters');
    const date = new Date(`${request.date}T00:00:00Z`);
    const data = { date, windowStart: request.windowStart, windowEnd: request.windowEnd, capacity: request.capacity };
    const row = await this.prisma.$transaction(async (tx) => {
      const zone = await tx.deliveryZone.findUnique({ where: { id: request.zoneId }, select: { id: true } });
      if (!zone) throw new DomainError('NOT_FOUND', `no delivery zone ${request.zoneId}`, { zoneId: request.zoneId });
      // Without an id, the slot of this zone, day and start is updated (whatever its id), or a new one made.
      const sameWindow = request.slotId ? null : await tx.deliverySlot.findFirst({ where: { zoneId: request.zoneId, date, windowStart: request.windowStart }, select: { id: true } });
      const id = request.slotId || sameWindow?.id || `${request.zoneId}:${request.date}:${request.windowStart}`;
      // The row lock makes a concurrent booking wait, so the capacity check below sees its place.
      const current = (await tx.$queryRaw<{ zoneId: string; booked: number }[]>`
        SELECT zone_id AS "zoneId", booked FROM delivery.slots WHERE id = ${id} FOR UPDATE`)[0];
      const clash = await tx.deliverySlot.findFirst({ where: { zoneId: request.zoneId, date, windowStart: request.windowStart, id: { not: id } }, select: { id: true } });
      if (clash) throw new DomainError('CONFLICT', `slot ${clash.id} already covers ${request.date} ${request.windowStart} in zone ${request.zoneId}`, { slotId: clash.id });
      if (!current) return tx.deliverySlot.create({ data: { id, zoneId: request.zoneId, ...data } });
      if (current.zoneId !== request.zoneId) throw new DomainError('CONFLICT', `slot ${id} belongs to zone ${current.zoneId}`, { slotId: id, zoneId: current.zoneId });
      if (request.capacity < current.booked) {
        throw new DomainError('CONFLICT', `slot ${id} has ${current.booked} bookings: its capacity cannot drop to ${request.capacity}`, { slotId: id, booked: current.booked, capacity: request.capacity });
      }
      return tx.deliverySlot.update({ where: { id }, data });
    });
    return toSlot(row);
  }

  private async zoneFor(db: Tx | PrismaClient, postalCode: string): Promise<Zone> {
    const zones = await db.deliveryZone.findMany({ select: { id: true, postalPrefixes: true, cutoffTime: true, timeZone: true } });
    const zone = matchZone(zones, postalCode);
    if (!zone) throw new DomainError('ADDRESS_NOT_SERVED', `no delivery zone serves postal code ${postalCode}`, { postalCode });
    return zone;
  }
}

/** Serialises every call on one booking id (Book and Release), including while its row does not exist yet. */
async function lockBookingId(tx: Tx, bookingId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${bookingLock(bookingId)}, 0))`;
}

function bookingLock(bookingId: string): string {
  return `delivery-booking:${bookingId}`;
}

interface BookRead {
  booking: BookingJson | null;
  zones: Zone[];
  slot: SlotJson | null;
}

/**
 * What Book reads: the booking, the zones with a prefix of the postal code (matchZone picks among
 * them as it picks among all) and the slot. The postal code is normalised as Book normalises it, or
 * left as given when it is malformed (Book rejects it before using what was read).
 */
function bookRead(bookingId: string, rawPostalCode: string, slotId: string): Prefetch {
  let postalCode = rawPostalCode;
  try {
    postalCode = normalisePostalCode(rawPostalCode);
  } catch {
    // rejected by Book itself
  }
  return {
    text: `SELECT (SELECT json_build_object('id', b.id, 'orderId', b.order_id, 'slotId', b.slot_id, 'status', b.status,
                                           'slot', (SELECT json_build_object('date', s.date::text, 'windowStart', s.window_start, 'windowEnd', s.window_end)
                                                      FROM delivery.slots s WHERE s.id = b.slot_id))
                    FROM delivery.bookings b WHERE b.id = $1) AS booking,
                 COALESCE((SELECT json_agg(json_build_object('id', z.id, 'postalPrefixes', z.postal_prefixes, 'cutoffTime', z.cutoff_time, 'timeZone', z.time_zone))
                             FROM delivery.zones z WHERE EXISTS (SELECT 1 FROM unnest(z.postal_prefixes) p WHERE p <> '' AND starts_with($2, p))), '[]') AS zones,
                 (SELECT json_build_object('id', s.id, 'zoneId', s.zone_id, 'date', s.date::text, 'windowStart', s.window_start, 'windowEnd', s.window_end,
                                           'capacity', s.capacity)
                    FROM delivery.slots s WHERE s.id = $3) AS slot`,
    values: [bookingId, postalCode, slotId],
  };
}

interface SlotJson {
  id: string;
  zoneId: string;
  /** YYYY-MM-DD */
  date: string;
  windowStart: string;
  windowEnd: string;
  capacity: number;
}

interface BookingJson {
  id: string;
  orderId: string;
  slotId: string | null;
  status: string;
  slot: { date: string; windowStart: string; windowEnd: string } | null;
}

/** A booking as toBooking shows it, from SQL rows (dates already YYYY-MM-DD). */
function bookingView(bookingId: string, orderId: string, slotId: string, status: string, slot: { date: string; windowStart: string; windowEnd: string }): Booking__Output {
  return { bookingId, orderId, slotId, status, date: slot.date, windowStart: slot.windowStart, windowEnd: slot.windowEnd };
}

function stepUndone(bookingId: string): DomainError {
  return new DomainError('STEP_UNDONE', `booking ${bookingId} was released: it cannot be booked again`, { bookingId, status: 'RELEASED' });
}

/** The answer of a Release that found no booking (a tombstone, then or now). */
function noBooking(bookingId: string): Booking__Output {
  return { bookingId, orderId: '', slotId: '', status: 'NONE', date: '', windowStart: '', windowEnd: '' };
}

function invalidUnless(condition: boolean, field: string, message: string): asserts condition {
  if (!condition) throw new DomainError('VALIDATION_FAILED', `${field} ${message}`, { field });
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function toZone(row: { id: string; name: string; postalPrefixes: string[]; cutoffTime: string; timeZone: string; feeMinor: number; freeShippingThresholdMinor: number | null }): Zone__Output {
  return {
    id: row.id,
    name: row.name,
    postalPrefixes: row.postalPrefixes,
    cutoffTime: row.cutoffTime,
    timeZone: row.timeZone,
    feeMinor: row.feeMinor,
    freeShippingThresholdMinor: row.freeShippingThresholdMinor ?? 0,
  };
}

function isValidDate(date: string): boolean {
  return DATE.test(date) && !Number.isNaN(Date.parse(date)) && isoDate(new Date(`${date}T00:00:00Z`)) === date;
}

/** The YYYY-MM-DD of a PostgreSQL `date` column (Prisma reads it as UTC midnight). */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toBooking(row: { id: string; orderId: string; slotId: string | null; status: string; slot: { date: Date; windowStart: string; windowEnd: string } }): Booking__Output {
  return {
    bookingId: row.id,
    orderId: row.orderId,
    slotId: row.slotId ?? '',
    status: row.status,
    date: isoDate(row.slot.date),
    windowStart: row.slot.windowStart,
    windowEnd: row.slot.windowEnd,
  };
}

/** A slot row as the API shows it, with what is left to book. */
function toSlot(row: { id: string; zoneId: string; date: Date; windowStart: string; windowEnd: string; capacity: number; booked: number }) {
  return {
    slotId: row.id,
    zoneId: row.zoneId,
    date: isoDate(row.date),
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    capacity: row.capacity,
    remaining: Math.max(0, row.capacity - row.booked),
  };
}
