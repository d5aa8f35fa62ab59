import { z } from 'zod';
import type { EventEnvelope } from '../../lib/events';

/**
 * The order events the checkout and refund workflows publish on the `orders` topic (keyed by order
 * id), and what their `data` holds. One schema gives both the TypeScript type the publisher fills in
 * and the check a consumer runs before trusting a message. Amounts are integers in the currency's
 * minor unit (yen for JPY); times are ISO-8601 instants.
 */
export const ORDER_EVENT_TYPES = {
  completed: 'order.completed',
  failed: 'order.failed',
  cancelled: 'order.cancelled',
  refunded: 'order.refunded',
  shipped: 'order.shipped',
  delivered: 'order.delivered',
} as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[keyof typeof ORDER_EVENT_TYPES];

const minor = z.number().int().nonnegative();
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO-8601 time');
const currency = z.string().regex(/^[A-Z]{3}$/);
// The address is checked where it is used (the email worker), so analytics never drops an order over it.
const customer = { orderId: z.string().min(1), customerId: z.string(), customerEmail: z.string() };

export const orderLineSchema = z.object({
  sku: z.string().min(1),
  name: z.string(),
  quantity: z.number().int().positive(),
  unitPriceMinor: minor,
  lineTotalMinor: minor,
});

export const orderCompletedSchema = z.object({
  ...customer,
  currency,
  totalMinor: minor,
  lines: z.array(orderLineSchema),
  /** CARD, KONBINI, BANK_TRANSFER, … as the payments service names them. */
  paymentMethod: z.string(),
  /** null when the order needs no delivery slot. */
  deliverySlot: z
    .object({ slotId: z.string(), date: z.string(), windowStart: z.string(), windowEnd: z.string() })
    .nullable(),
  completedAt: instant,
});

export const orderFailedSchema = z.object({
  ...customer,
  /** A DomainError code such as OUT_OF_STOCK or CARD_DECLINED. */
  reason: z.string().min(1),
  /** A sentence for people (it is shown to the customer). */
  message: z.string(),
  failedAt: instant,
});

export const orderCancelledSchema = z.object({
  ...customer,
  reason: z.string(),
  cancelledAt: instant,
});

export const orderRefundedSchema = z.object({
  ...customer,
  amountMinor: minor,
  currency,
  /** Why the order was refunded, when someone said. */
  reason: z.string().optional(),
  refundedAt: instant,
});

/** Published by the fulfilment workflow when the parcel leaves the shop (the carrier's first scan, or the shop's own report). */
export const orderShippedSchema = z.object({
  ...customer,
  /** null when the shop delivers itself. */
  trackingNumber: z.string().nullable(),
  deliveredBy: z.enum(['carrier', 'shop']),
  shippedAt: instant,
});

export const orderDeliveredSchema = z.object({
  ...customer,
  trackingNumber: z.string().nullable(),
  deliveredBy: z.enum(['carrier', 'shop']),
  deliveredAt: instant,
});

/**
 * For the shop's staff, not the customer (no email): a parcel without news for the fulfilment's stall
 * window. Not an OrderEvent, so the email worker skips it.
 */
export const FULFILMENT_STALLED_EVENT_TYPE = 'order.fulfilment_stalled';
export const fulfilmentStalledSchema = z.object({
  ...customer,
  /** The fulfilment state the parcel is stuck in (PICKING, DISPATCHED, …). */
  state: z.string(),
  trackingNumber: z.string().nullable(),
  since: instant,
  stalledAt: instant,
});

export type OrderLine = z.infer<typeof orderLineSchema>;
export type OrderCompletedData = z.infer<typeof orderCompletedSchema>;
export type OrderFailedData = z.infer<typeof orderFailedSchema>;
export type OrderCancelledData = z.infer<typeof orderCancelledSchema>;
export type OrderRefundedData = z.infer<typeof orderRefundedSchema>;
export type OrderShippedData = z.infer<typeof orderShippedSchema>;
export type OrderDeliveredData = z.infer<typeof orderDeliveredSchema>;
export type FulfilmentStalledData = z.infer<typeof fulfilmentStalledSchema>;

/** An order event with its data checked, discriminated by `type`. */
export type OrderEvent =
  | (EventEnvelope<OrderCompletedData> & { type: 'order.completed' })
  | (EventEnvelope<OrderFailedData> & { type: 'order.failed' })
  | (EventEnvelope<OrderCancelledData> & { type: 'order.cancelled' })
  | (EventEnvelope<OrderRefundedData> & { type: 'order.refunded' })
  | (EventEnvelope<OrderShippedData> & { type: 'order.shipped' })
  | (EventEnvelope<OrderDeliveredData> & { type: 'order.delivered' });

const SCHEMAS = {
  'order.completed': orderCompletedSchema,
  'order.failed': orderFailedSchema,
  'order.cancelled': orderCancelledSchema,
  'order.refunded': orderRefundedSchema,
  'order.shipped': orderShippedSchema,
  'order.delivered': orderDeliveredSchema,
} as const satisfies Record<OrderEventType, z.ZodType>;

export function isOrderEventType(type: string): type is OrderEventType {
  return type in SCHEMAS;
}

export type OrderEventParse =
  | { kind: 'order'; event: OrderEvent }
  | { kind: 'other' }
  | { kind: 'invalid'; issues: string[] };

/** Checks an envelope: an order event with valid data, another kind of event, or an order event whose data is malformed. */
export function parseOrderEvent(event: EventEnvelope): OrderEventParse {
  if (!isOrderEventType(event.type)) return { kind: 'other' };
  const result = SCHEMAS[event.type].safeParse(event.data);
  if (!result.success) return { kind: 'invalid', issues: result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`) };
  return { kind: 'order', event: { ...event, data: result.data } as OrderEvent };
}
