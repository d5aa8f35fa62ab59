import { randomInt } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentSql, type Sql, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { CreateShipmentRequest__Output } from '../../proto/generated/checkout/delivery/v1/CreateShipmentRequest';
import type { Shipment__Output } from '../../proto/generated/checkout/delivery/v1/Shipment';
import type { ShipmentRef__Output } from '../../proto/generated/checkout/delivery/v1/ShipmentRef';
import type { TrackingEventRequest__Output } from '../../proto/generated/checkout/delivery/v1/TrackingEventRequest';

/** What a carrier scan can say about a parcel. */
export const TRACKING_STATUSES = ['DISPATCHED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** A shipment as createShipment's prefetch reads it (the events' instants as JSON text). */
type ShipmentJson = Omit<ShipmentRow, 'events'> & { events: { id: string; status: string; occurredAt: string; detail: string }[] };

type ShipmentRow = {
  id: string;
  orderId: string;
  trackingNumber: string;
  postalCode: string;
  status: string;
  events: { id: string; status: string; occurredAt: Date; detail: string }[];
};

/**
 * The carrier sandbox: stands in for a parcel carrier's API as the payments sandbox stands in for a
 * card provider. It issues tracking numbers (one shipment per shipment id, answered again to a repeated
 * call) and keeps the tracking events the carrier reports through its webhooks, as a real carrier
 * account's records would be.
 */
export class CarrierSandbox {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Creates the shipment of an order with a new tracking number; a repeated shipment id answers with
   * the first shipment, a repeated idempotency key with the key's first answer.
   */
  createShipment(request: CreateShipmentRequest__Output, context: CallContext = {}): Promise<Shipment__Output> {
    // Two round trips (every fulfilment's start makes this call): the shipment is read with the key's
    // lookup, and written with the key's answer and COMMIT; the answer is built from what is written.
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<Shipment__Output> => {
      for (const field of ['shipmentId', 'orderId', 'postalCode'] as const) {
        if (!request[field]) throw new DomainError('VALIDATION_FAILED', `${field} is required`, { field });
      }
      const existing = prefetched[0] as ShipmentJson | undefined;
      if (existing) {
        if (existing.orderId !== request.orderId) {
          throw new DomainError('CONFLICT', `shipment ${request.shipmentId} belongs to another order`, { shipmentId: request.shipmentId });
        }
        return toShipment({ ...existing, events: existing.events.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })) });
      }
      const created = { id: request.shipmentId, orderId: request.orderId, postalCode: request.postalCode, trackingNumber: newTrackingNumber(), status: 'LABEL_CREATED', events: [] };
      // A tracking number already taken (about one chance in 10^11) fails the commit: an unexpected error, not the key's answer, so a retry draws another.
      sql.atCommit({
        text: `INSERT INTO delivery.shipments (id, order_id, postal_code, tracking_number, status, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
        values: [created.id, created.orderId, created.postalCode, created.trackingNumber, created.status],
      });
      return toShipment(created);
    };
    return idempotentSql(this.prisma, 'delivery', request.idempotencyKey, 'CreateShipment', fn, {
      deadline: context.deadline,
      // Calls for one shipment id under different keys queue here, so the second finds the first one's shipment.
      locks: request.shipmentId ? [`delivery/shipment:${request.shipmentId}`] : [],
      prefetch: {
        text: `SELECT s.id, s.order_id AS "orderId", s.tracking_number AS "trackingNumber", s.postal_code AS "postalCode", s.status,
                      COALESCE((SELECT json_agg(json_build_object('id', e.id, 'status', e.status, 'occurredAt', e.occurred_at, 'detail', e.detail) ORDER BY e.occurred_at, e.recorded_at)
                                  FROM delivery.tracking_events e WHERE e.shipment_id = s.id), '[]') AS events
                 FROM delivery.shipments s WHERE s.id = $1`,
        values: [request.shipmentId],
      },
    });
  }

  /**
   * Records a carrier scan under the carrier's event id (a webhook delivered twice is recorded once)
   * and moves the shipment to it, unless a later scan was already recorded (webhooks can arrive out
   * of order: the latest scan is where the parcel is).
   */
  async recordTrackingEvent(request: TrackingEventRequest__Output): Promise<Shipment__Output> {
    if (!request.eventId || request.eventId.length > 200) throw new DomainError('VALIDATION_FAILED', 'eventId must be 1-200 characters', { field: 'eventId' });
    if (!(TRACKING_STATUSES as readonly string[]).includes(request.status)) {
      throw new DomainError('VALIDATION_FAILED', `status must be one of ${TRACKING_STATUSES.join(', ')}`, { field: 'status' });
    }
    const occurredAt = new Date(request.occurredAt);
    if (Number.isNaN(occurredAt.getTime())) throw new DomainError('VALIDATION_FAILED', 'occurredAt must be an ISO-8601 time', { field: 'occurredAt' });
    return this.prisma.$transaction(async (tx) => {
      const shipment = await findShipment(tx, { shipmentId: '', trackingNumber: request.trackingNumber }, true);
      if (!shipment) throw new DomainError('NOT_FOUND', `no shipment with tracking number ${request.trackingNumber}`);
      const seen = shipment.events.find((e) => e.id === request.eventId);
      if (seen) return toShipment(shipment);
      await tx.deliveryTrackingEvent.create({ data: { id: request.eventId, shipmentId: shipment.id, status: request.status, occurredAt, detail: request.detail.slice(0, 500) } });
      const latest = shipment.events.at(-1);
      if (!latest || latest.occurredAt <= occurredAt) {
        await tx.deliveryShipment.update({ where: { id: shipment.id }, data: { status: request.status } });
      }
      return toShipment((await findShipment(tx, { shipmentId: shipment.id, trackingNumber: '' }))!);
    });
  }

  /** A shipment with its tracking events, by id or tracking number. */
  async getShipment(request: ShipmentRef__Output): Promise<Shipment__Output> {
    if (!request.shipmentId && !request.trackingNumber) throw new DomainError('VALIDATION_FAILED', 'shipmentId or trackingNumber is required');
    const shipment = await findShipment(this.prisma, request);
    if (!shipment) throw new DomainError('NOT_FOUND', `no shipment ${request.shipmentId || request.trackingNumber}`);
    return toShipment(shipment);
  }
}

async function findShipment(db: Tx | PrismaClient, ref: { shipmentId: string; trackingNumber: string }, lock = false): Promise<ShipmentRow | null> {
  const where = ref.shipmentId ? { id: ref.shipmentId } : { trackingNumber: ref.trackingNumber };
  if (lock) {
    // Two scans of one parcel at once queue here, so each sees the other's event when it decides the status.
    const column = ref.shipmentId ? 'id' : 'tracking_number';
    await db.$queryRawUnsafe(`SELECT 1 FROM delivery.shipments WHERE ${column} = $1 FOR UPDATE`, ref.shipmentId || ref.trackingNumber);
  }
  return db.deliveryShipment.findUnique({ where, include: { events: { orderBy: [{ occurredAt: 'asc' }, { recordedAt: 'asc' }] } } });
}

/** A 12-digit tracking number, as Japanese carriers print them. */
function newTrackingNumber(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 100_000_000_000)).padStart(11, '0')}`;
}

function toShipment(row: ShipmentRow): Shipment__Output {
  return {
    shipmentId: row.id,
    orderId: row.orderId,
    trackingNumber: row.trackingNumber,
    postalCode: row.postalCode,
    status: row.status,
    events: row.events.map((e) => ({ eventId: e.id, status: e.status, occurredAt: e.occurredAt.toISOString(), detail: e.detail })),
  };
}
