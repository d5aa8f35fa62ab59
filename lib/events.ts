import { randomUUID } from 'node:crypto';

/** CloudEvents-style envelope carried by every Kafka topic of the platform. */
export interface EventEnvelope<T = unknown> {
  /** Unique per event; consumers record it and skip duplicates. */
  id: string;
  /** e.g. `order.completed`. */
  type: string;
  /** The producer, e.g. `/workflows/checkout`. */
  source: string;
  /** ISO-8601 time of the fact. */
  time: string;
  /** The aggregate id (an order id): also the Kafka message key, so one order's events stay in order. */
  subject: string;
  data: T;
}

/**
 * `merchant.settled` (topic `orders`, subject the merchant id, id `merchant.settled:<merchant>:<day>`):
 * one merchant's Tokyo business day settled by workflows/settlement.workflow.ts, once.
 */
export const MERCHANT_SETTLED = 'merchant.settled';
export interface MerchantSettledData {
  merchantId: string;
  /** YYYY-MM-DD, Asia/Tokyo. */
  businessDate: string;
  paidMinor: number;
  refundedMinor: number;
  feesMinor: number;
  /** paid − refunded − fees. */
  netMinor: number;
  entries: number;
  currency: string;
  settledAt: string;
}

/** Builds an envelope; pass `id` when the event must keep its identity across retries. */
export function createEnvelope<T>(fields: Omit<EventEnvelope<T>, 'id' | 'time'> & { id?: string; time?: string }): EventEnvelope<T> {
  return { ...fields, id: fields.id ?? randomUUID(), time: fields.time ?? new Date().toISOString() };
}

/** Parses and checks a message value; returns undefined for anything that is not an envelope. */
export function parseEnvelope(value: Buffer | string | null | undefined): EventEnvelope | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value.toString());
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const e = parsed as Record<string, unknown>;
    const strings = ['id', 'type', 'source', 'time', 'subject'] as const;
    if (strings.some((k) => typeof e[k] !== 'string') || !('data' in e)) return undefined;
    return parsed as EventEnvelope;
  } catch {
    return undefined;
  }
}
