import { randomInt, randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { DomainError } from '../../lib/errors';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { Booking__Output } from '../../proto/generated/checkout/delivery/v1/Booking';
import type { ListSlotsRequest } from '../../proto/generated/checkout/delivery/v1/ListSlotsRequest';
import type { ListSlotsResponse__Output } from '../../proto/generated/checkout/delivery/v1/ListSlotsResponse';
import type { Slot__Output } from '../../proto/generated/checkout/delivery/v1/Slot';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { deliveryRegistration } from '../../services/delivery/delivery.grpc';
import { DEMO_WINDOWS, ensureDemoDeliveryData } from '../../services/delivery/seed-slots';
import { freePort } from '../support/platform';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';
import { rejection } from '../support/rejection';

/** An instant given as Tokyo wall-clock time (JST is UTC+9 all year). */
const jst = (local: string) => new Date(`${local}+09:00`);

describe('delivery service (real PostgreSQL over gRPC)', () => {
  let prisma: PrismaClient;
  let server: RunningGrpcServer;
  let clients: DomainClients;
  let clock = jst('2030-01-15T10:00:00');
  const zoneIds: string[] = [];
  /** Ids released before any booking: their tombstones have no slot, so the zone cleanup misses them. */
  const tombstoneIds: string[] = [];

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    server = await startGrpcServer('127.0.0.1', port, [
      deliveryRegistration(serviceDeps({ prisma, clients, now: () => clock })),
    ]);
  });
  afterAll(async () => {
    if (prisma && zoneIds.length > 0) {
      await prisma.deliveryBooking.deleteMany({ where: { slot: { zoneId: { in: zoneIds } } } });
      await prisma.deliveryBooking.deleteMany({ where: { id: { in: tombstoneIds } } });
      await prisma.deliveryZone.deleteMany({ where: { id: { in: zoneIds } } });
    }
    if (clients) closeDomainClients(clients);
    await server?.stop();
    await prisma?.$disconnect();
  });
  beforeEach(() => {
    clock = jst('2030-01-15T10:00:00');
  });

  /** A zone of its own (a random 7-digit prefix starting with 2, so only it serves its postal code), cutoff 14:00 Tokyo. */
  async function createZone(): Promise<{ zoneId: string; postalCode: string }> {
    const digits = `2${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const zoneId = `test-zone-${randomUUID()}`;
    await prisma.deliveryZone.create({ data: { id: zoneId, name: 'test zone', postalPrefixes: [digits], cutoffTime: '14:00', timeZone: 'Asia/Tokyo' } });
    zoneIds.push(zoneId);
    return { zoneId, postalCode: `${digits.slice(0, 3)}-${digits.slice(3)}` };
  }

  async function createSlot(zoneId: string, date: string, windowStart = '18:00', capacity = 20): Promise<string> {
    const id = `test-slot-${randomUUID()}`;
    const windowEnd = `${String(Number(windowStart.slice(0, 2)) + 3).padStart(2, '0')}:00`;
    await prisma.deliverySlot.create({ data: { id, zoneId, date: new Date(`${date}T00:00:00Z`), windowStart, windowEnd, capacity } });
    return id;
  }

  const book = (req: { slotId: string; postalCode: string; bookingId?: string; orderId?: string; idempotencyKey?: string }): Promise<Booking__Output> => {
    const bookingId = req.bookingId ?? randomUUID();
    return callUnary(clients.delivery.book.bind(clients.delivery), {
      bookingId,
      orderId: req.orderId ?? `order-${bookingId}`,
      slotId: req.slotId,
      postalCode: req.postalCode,
      idempotencyKey: req.idempotencyKey ?? `checkout:${bookingId}:book-delivery`,
    });
  };
  const release = (bookingId: string, idempotencyKey = `${randomUUID()}:release-delivery`): Promise<Booking__Output> =>
    callUnary(clients.delivery.release.bind(clients.delivery), { bookingId, idempotencyKey });
  const listSlots = async (postalCode: string, fromDate = ''): Promise<Slot__Output[]> =>
    (await callUnary<ListSlotsRequest, ListSlotsResponse__Output>(clients.delivery.listSlots.bind(clients.delivery), { postalCode, fromDate })).slots;
  const booked = async (slotId: string) => (await prisma.deliverySlot.findUniqueOrThrow({ where: { id: slotId } })).booked;

  it('books a slot and releases it, freeing its place once however often release is called', async () => {
    const { zoneId, postalCode } = await createZone();
    const slotId = await createSlot(zoneId, '2030-01-16');
    const bookingId = randomUUID();

    const booking = await book({ slotId, postalCode, bookingId, orderId: 'order-1' });
    expect(booking).toEqual({ bookingId, orderId: 'order-1', slotId, status: 'BOOKED', date: '2030-01-16', windowStart: '18:00', windowEnd: '21:00' });
    expect(await booked(slotId)).toBe(1);
    expect((await listSlots(postalCode)).find((s) => s.slotId === slotId)).toMatchObject({ capacity: 20, remaining: 19 });

    expect(await release(bookingId)).toEqual({ ...booking, status: 'RELEASED' });
    expect(await booked(slotId)).toBe(0);
    // A second release (another key, e.g. a compensation retried after a reset) changes nothing.
    expect((await release(bookingId)).status).toBe('RELEASED');
    expect(await booked(slotId)).toBe(0);
    expect(await prisma.deliveryBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ status: 'RELEASED' });
  });

  it('succeeds with status NONE when there is nothing to release', async () => {
    const bookingId = randomUUID();
    tombstoneIds.push(bookingId);
    expect(await release(bookingId)).toEqual({ bookingId, orderId: '', slotId: '', status: 'NONE', date: '', windowStart: '', windowEnd: '' });
    expect(await release(bookingId)).toMatchObject({ status: 'NONE' });
  });

  it('leaves a tombstone when releasing an unknown booking: a Book of that id arriving later is STEP_UNDONE and takes no seat', async () => {
    const { zoneId, postalCode } = await createZone();
    const slotId = await createSlot(zoneId, '2030-01-16');
    const bookingId = randomUUID();
    tombstoneIds.push(bookingId);

    // The undo ran first (the Book attempt timed out on the caller's side while the server still had it).
    expect(await release(bookingId)).toMatchObject({ bookingId, status: 'NONE' });
    expect(await rejection(book({ slotId, postalCode, bookingId }))).toMatchObject({ code: 'STEP_UNDONE', details: { bookingId, status: 'RELEASED' } });
    expect(await booked(slotId)).toBe(0);
    expect(await prisma.deliveryBooking.findUniqueOrThrow({ where: { id: bookingId } })).toMatchObject({ status: 'RELEASED', slotId: null, orderId: '' });
  });

  it('never replays a stale BOOKED after the booking was released: a reset re-running Book with its key is STEP_UNDONE', async () => {
    const { zoneId, postalCode } = await createZone();
    const slotId = await createSlot(zoneId, '2030-01-16');
    const bookingId = randomUUID();
    const key = `checkout:${bookingId}:book-delivery`;
    expect(await book({ slotId, postalCode, bookingId, idempotencyKey: key })).toMatchObject({ status: 'BOOKED' });
    // Before any undo, a reset of the completed checkout still replays its booking.
    expect(await book({ slotId, postalCode, bookingId, idempotencyKey: key })).toMatchObject({ status: 'BOOKED' });
    await release(bookingId);

    expect(await rejection(book({ slotId, postalCode, bookingId, idempotencyKey: key }))).toMatchObject({ code: 'STEP_UNDONE', details: { bookingId } });
    expect(await rejection(book({ slotId, postalCode, bookingId, idempotencyKey: `${key}:again` }))).toMatchObject({ code: 'STEP_UNDONE' });
    expect(await booked(slotId)).toBe(0);
  });

  it('answers a repeated booking with the first booking and books the slot once', async () => {
    const { zoneId, postalCode } = await createZone();
    const slotId = await createSlot(zoneId, '2030-01-16');
    const otherSlotId = await createSlot(zoneId, '2030-01-17');
    const bookingId = randomUUID();
    const key = `checkout:${bookingId}:book-delivery`;

    const first = await book({ slotId, postalCode, bookingId, idempotencyKey: key });
    expect(await book({ slotId, postalCode, bookingId, idempotencyKey: key })).toEqual(first);
    // The same booking id under another key (a reset workflow) finds the existing booking.
    expect(await book({ slotId, postalCode, bookingId, idempotencyKey: `${key}:again` })).toEqual(first);
    expect(await booked(slotId)).toBe(1);
    expect(await prisma.deliveryBooking.count({ where: { id: bookingId } })).toBe(1);

    const conflict = await rejection(book({ slotId: otherSlotId, postalCode, bookingId, orderId: first.orderId, idempotencyKey: `${key}:other-slot` }));
    expect(conflict).toMatchObject({ code: 'CONFLICT' });
    expect(await booked(otherSlotId)).toBe(0);
  });

  it('lets exactly as many concurrent bookings in as the slot has capacity', async () => {
    const { zoneId, postalCode } = await createZone();
    const slotId = await createSlot(zoneId, '2030-01-16', '14:00', 2);

    const results = await Promise.allSettled(Array.from({ length: 5 }, () => book({ slotId, postalCode })));
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as DomainError] : []));
    expect(fulfilled).toHaveLength(2);
    expect(rejected).toHaveLength(3);
    for (const err of rejected) expect(err).toMatchObject({ code: 'SLOT_FULL', details: { slotId, capacity: 2 } });
    expect(await booked(slotId)).toBe(2);
    expect(await prisma.deliveryBooking.count({ where: { slotId, status: 'BOOKED' } })).toBe(2);
    expect((await listSlots(postalCode, '2030-01-16')).find((s) => s.slotId === slotId)).toMatchObject({ capacity: 2, remaining: 0 });
  });

  it('rejects postal codes no zone serves, slots of another zone, unknown slots and malformed codes', async () => {
    const { zoneId, postalCode } = await createZone();
    const other = await createZone();
    const slotId = await createSlot(zoneId, '2030-01-16');
    const otherSlotId = await createSlot(other.zoneId, '2030-01-16');

    const unserved = `099-${String(randomInt(0, 10_000)).padStart(4, '0')}`;
    expect(await rejection(book({ slotId, postalCode: unserved }))).toMatchObject({ code: 'ADDRESS_NOT_SERVED', details: { postalCode: unserved.replace('-', '') } });
    expect(await rejection(listSlots(unserved))).toMatchObject({ code: 'ADDRESS_NOT_SERVED' });
    expect(await rejection(book({ slotId: otherSlotId, postalCode }))).toMatchObject({
      code: 'ADDRESS_NOT_SERVED',
      details: { postalCode: postalCode.replace('-', ''), zoneId, slotZoneId: other.zoneId },
    });
    expect(await rejection(book({ slotId: `missing-${randomUUID()}`, postalCode }))).toMatchObject({ code: 'SLOT_NOT_FOUND' });
    expect(await rejection(book({ slotId, postalCode: '12-34' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await booked(slotId)).toBe(0);
    expect(await booked(otherSlotId)).toBe(0);
  });

  it('closes same-day slots at the cutoff in the zone time zone, and past days always', async () => {
    const { zoneId, postalCode } = await createZone();
    const today = await createSlot(zoneId, '2030-01-15', '18:00');
    const tomorrow = await createSlot(zoneId, '2030-01-16', '09:00');
    const yesterday = await createSlot(zoneId, '2030-01-14', '18:00');

    clock = jst('2030-01-15T13:59:00');
    expect((await book({ slotId: today, postalCode })).status).toBe('BOOKED');
    expect((await listSlots(postalCode)).map((s) => s.slotId)).toEqual([today, tomorrow]);

    clock = jst('2030-01-15T14:00:00');
    expect(await rejection(book({ slotId: today, postalCode }))).toMatchObject({ code: 'SLOT_CLOSED', details: { slotId: today, reason: 'CUTOFF', cutoffTime: '14:00' } });
    expect((await book({ slotId: tomorrow, postalCode })).status).toBe('BOOKED');
    expect(await rejection(book({ slotId: yesterday, postalCode }))).toMatchObject({ code: 'SLOT_CLOSED', details: { reason: 'PAST' } });
    expect(await booked(today)).toBe(1);
    expect(await booked(yesterday)).toBe(0);
    // After the cutoff today's slot is no longer offered; explicit from dates list from that day.
    expect((await listSlots(postalCode)).map((s) => s.slotId)).toEqual([tomorrow]);
    expect((await listSlots(postalCode, '2030-01-16')).map((s) => s.slotId)).toEqual([tomorrow]);

    // 00:30 JST on the 16th is still the 15th in UTC: "today" is the zone's day, so the 15th is past.
    clock = new Date('2030-01-15T15:30:00Z');
    expect(await rejection(book({ slotId: today, postalCode }))).toMatchObject({ code: 'SLOT_CLOSED', details: { reason: 'PAST' } });
    expect((await listSlots(postalCode)).map((s) => s.slotId)).toEqual([tomorrow]);
  });

  it('lists slots by date and window with their remaining capacity, and validates the from date', async () => {
    const { zoneId, postalCode } = await createZone();
    const late = await createSlot(zoneId, '2030-01-17', '18:00', 5);
    const early = await createSlot(zoneId, '2030-01-17', '09:00', 5);
    const first = await createSlot(zoneId, '2030-01-16', '14:00', 3);
    await book({ slotId: early, postalCode });
    await book({ slotId: early, postalCode });

    const slots = await listSlots(postalCode.replace('-', ''));
    expect(slots.map((s) => [s.slotId, s.date, s.windowStart, s.remaining])).toEqual([
      [first, '2030-01-16', '14:00', 3],
      [early, '2030-01-17', '09:00', 3],
      [late, '2030-01-17', '18:00', 5],
    ]);
    expect(slots[0]).toMatchObject({ zoneId, windowEnd: '17:00', capacity: 3 });
    expect((await listSlots(postalCode, '2030-01-17')).map((s) => s.slotId)).toEqual([early, late]);
    expect(await rejection(listSlots(postalCode, '2030-02-30'))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('seeds the demo zones and their slots idempotently, keeping what is booked', async () => {
    const now = new Date();
    clock = now;
    await ensureDemoDeliveryData(prisma, now, 2);
    const again = await ensureDemoDeliveryData(prisma, now, 2);
    expect(again.slotsCreated).toBe(0);
    for (const zoneId of ['tokyo-23', 'osaka']) {
      const zone = await prisma.deliveryZone.findUniqueOrThrow({ where: { id: zoneId } });
      expect(zone).toMatchObject({ cutoffTime: '14:00', timeZone: 'Asia/Tokyo' });
    }
    expect((await prisma.deliveryZone.findUniqueOrThrow({ where: { id: 'tokyo-23' } })).postalPrefixes).toEqual(['10', '11', '12', '13', '14', '15', '16', '17']);
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(now.getTime() + 24 * 3600_000));
    const seeded = await prisma.deliverySlot.findMany({ where: { zoneId: 'osaka', date: new Date(`${tomorrow}T00:00:00Z`) }, orderBy: { windowStart: 'asc' } });
    expect(seeded.map((s) => [s.windowStart, s.windowEnd, s.capacity])).toEqual(DEMO_WINDOWS.map((w) => [w.windowStart, w.windowEnd, 20]));
    // Tomorrow's slots are offered to an Osaka address (530-0001).
    const offered = await listSlots('530-0001', tomorrow);
    expect(offered.filter((s) => s.date === tomorrow).map((s) => s.windowStart)).toEqual(['09:00', '14:00', '18:00']);
  });
});
