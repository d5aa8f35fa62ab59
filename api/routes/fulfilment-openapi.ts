import { z } from 'zod';
import { FULFILMENT_TERMINAL_STATES, type FulfilmentEvent } from '../../workflows/fulfilment.contract';
import { CARRIER_SIGNATURE_HEADER, carrierWebhookReceipt, fulfilmentParams, staffFulfilmentBody, trackingUpdatedEvent } from './fulfilment';
import type { OpenApiHelpers } from './pos-openapi';

const timestamp = z.string().meta({ format: 'date-time' });
const FULFILMENT_STATES = ['PICKING', 'DISPATCHED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'REDELIVERY_SCHEDULED', 'RETURNING', 'RETURNED', 'REFUNDED'] as const;
const eventStatus = z.enum(['DISPATCHED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED', 'STALLED', 'REDELIVERY_BOOKED', 'RETURN_DECIDED', 'REFUNDED', 'ORDER_REFUNDED'] as const satisfies readonly FulfilmentEvent['status'][]);
const redelivery = z.object({ bookingId: z.string(), slotId: z.string(), date: z.string(), windowStart: z.string(), windowEnd: z.string() });
const stalled = z
  .object({ since: timestamp, state: z.enum(FULFILMENT_STATES), escalatedAt: timestamp })
  .meta({ description: 'Present while the parcel has had no news for the stall window; cleared by its next scan' });

/** `fulfilment` in GET /v1/orders/{orderId}: what the customer sees of the parcel (api/routes/fulfilment.ts customerFulfilmentView). */
export const customerFulfilmentSchema = z
  .object({
    state: z.enum(FULFILMENT_STATES).meta({ description: `Ends at ${FULFILMENT_TERMINAL_STATES.join(' or ')}` }),
    deliveredBy: z.enum(['carrier', 'shop']),
    trackingNumber: z.string().nullable().meta({ description: 'The carrier’s tracking number; null when the shop delivers itself' }),
    events: z.array(z.object({ eventId: z.string(), status: eventStatus, at: timestamp, detail: z.string().optional() })).meta({ description: 'Oldest first' }),
    redeliveries: z.array(redelivery),
    stalled: stalled.optional(),
    returned: z.object({ reason: z.string(), refund: z.enum(['RUNNING', 'DONE', 'ALREADY_REFUNDED', 'FAILED']) }).optional(),
    refunded: z
      .object({ reason: z.string(), at: timestamp, dispatched: z.boolean() })
      .optional()
      .meta({ description: 'The order was refunded while the parcel was on its way (state REFUNDED): the fulfilment stopped; `dispatched` says whether the carrier had it' }),
  })
  .meta({ description: 'Where the parcel is; present once the checkout completed and its fulfilment started' });

/** The fulfilment routes of the OpenAPI document (api/routes/fulfilment.ts). */
export function registerFulfilmentOpenApi({ registry, route, json, jsonBody, errors, named }: OpenApiHelpers): void {
  const staffStatus = registry.register(
    'FulfilmentStatus',
    z.object({
      orderId: z.string(),
      customerId: z.string(),
      state: z.enum(FULFILMENT_STATES),
      deliveredBy: z.enum(['carrier', 'shop']),
      trackingNumber: z.string().optional(),
      events: z.array(z.object({ eventId: z.string(), status: eventStatus, at: timestamp, detail: z.string().optional(), reportedBy: z.string().meta({ description: '`carrier`, `staff:<user id>`, `fulfilment` or `refund`' }) })),
      stalled: stalled.optional(),
      redeliveries: z.array(redelivery),
      returned: z
        .object({ reason: z.string(), decidedBy: z.string(), refundWorkflowId: z.string(), refund: z.enum(['RUNNING', 'DONE', 'ALREADY_REFUNDED', 'FAILED']), error: z.string().optional() })
        .optional(),
      compensations: z.array(z.object({ step: z.string(), status: z.string(), attempts: z.number().int(), lastError: z.string().optional() })),
      refunded: z.object({ reason: z.string(), refundWorkflowId: z.string(), at: timestamp, dispatched: z.boolean() }).optional(),
    }),
  );

  route('public', {
    method: 'post',
    path: '/v1/webhooks/carrier',
    operationId: 'receiveCarrierWebhook',
    tags: ['webhooks'],
    summary: 'The carrier’s signed tracking scan (dispatched, out for delivery, delivered, delivery failed, returned)',
    description: 'Authenticated by an HMAC-SHA256 signature (CARRIER_WEBHOOK_SECRET) over the exact raw body, not by a bearer token.',
    request: {
      headers: z.object({
        [CARRIER_SIGNATURE_HEADER]: z.string().meta({
          description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`; several v1 entries are allowed while a secret rotates; t must be within 5 minutes',
          example: 't=1767225600,v1=5f2b3c8e0d6a41f79b2e8c4d1a7f6e3b9c0d2e4f6a8b1c3d5e7f9a0b2c4d6e8f',
        }),
      }),
      body: jsonBody(registry.register('TrackingUpdatedEvent', named(trackingUpdatedEvent))),
    },
    responses: {
      200: json('The scan is recorded; `outcome` says whether the order’s fulfilment took it', registry.register('CarrierWebhookReceipt', named(carrierWebhookReceipt))),
      ...errors({
        400: 'VALIDATION_FAILED: the body is not JSON or not a tracking.updated event',
        401: 'UNAUTHENTICATED: the signature is missing, stale or does not match',
        404: 'NOT_FOUND: no shipment has this tracking number',
        413: 'PAYLOAD_TOO_LARGE: the body exceeds 64 kB',
        500: true,
        503: true,
      }),
    },
  });

  route('orders:operate', {
    method: 'post',
    path: '/v1/staff/orders/{orderId}/fulfilment',
    operationId: 'updateOrderFulfilment',
    tags: ['staff'],
    summary: 'Report a step of a parcel the shop delivers itself, or decide on a failed delivery: redeliver in a new slot, or return to the shop (the order is refunded)',
    request: { params: fulfilmentParams, body: jsonBody(registry.register('StaffFulfilmentBody', named(staffFulfilmentBody))) },
    responses: {
      200: json('The fulfilment after the report or decision (a return answers RETURNING; the refund follows)', staffStatus),
      ...errors({
        404: 'NOT_FOUND: no fulfilment for this order',
        409: 'INVALID_TRANSITION: the parcel cannot take this step now (or its fulfilment has ended); SLOT_FULL / SLOT_CLOSED: the redelivery slot cannot be booked',
        422: 'ADDRESS_NOT_SERVED / SLOT_NOT_FOUND: the redelivery slot does not serve the order’s address',
      }),
    },
  });
}
