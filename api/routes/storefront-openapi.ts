import { z } from 'zod';
import { AVATAR_TYPES, MAX_AVATAR_BYTES } from './avatar';
import { deliverySlotsQuery } from './delivery-slots';
import { LINES_IN_SUMMARY, myPageQuery } from './me-orders';
import type { OpenApiHelpers } from './pos-openapi';
import { preferencesBody } from './preferences';

/** The storefront routes of the OpenAPI document: delivery slots, the account's orders, payments, preferences and avatar. */
export function registerStorefrontOpenApi({ registry, route, json, jsonBody, errors }: OpenApiHelpers): void {
  const timestamp = z.string().meta({ format: 'date-time' });

  const slots = registry.register(
    'DeliverySlots',
    z.object({
      postalCode: z.string().meta({ description: 'The postal code as 7 digits' }),
      slots: z.array(
        z.object({
          slotId: z.string().meta({ description: 'What POST /v1/checkouts takes as deliverySlotId' }),
          date: z.string().meta({ description: 'YYYY-MM-DD' }),
          windowStart: z.string().meta({ example: '09:00' }),
          windowEnd: z.string().meta({ example: '12:00' }),
          capacity: z.number().int(),
          remaining: z.number().int().meta({ description: 'Places left (always at least 1: full slots are not listed)' }),
        }),
      ),
    }),
  );
  route('public', {
    method: 'get',
    path: '/v1/delivery/slots',
    operationId: 'listDeliverySlots',
    tags: ['storefront'],
    summary: 'Delivery slots a customer can still choose for a postal code',
    description:
      'Public (a storefront shows them before sign-in). Slots of the zone serving the postal code, day by day, with places left; past days, slots past the zone’s same-day cutoff and full slots are left out.',
    request: { query: deliverySlotsQuery },
    responses: {
      200: json('The open slots, earliest first', slots),
      ...errors({
        400: 'VALIDATION_FAILED (a date that is no YYYY-MM-DD, `to` before `from`) or DATE_RANGE_TOO_LONG (more than 31 days)',
        422: 'INVALID_POSTAL_CODE (not 7 digits) or ADDRESS_NOT_SERVED (no zone delivers there)',
        500: true,
        503: true,
      }),
    },
  });

  const orderSummary = registry.register(
    'MyOrderSummary',
    z.object({
      orderId: z.string().uuid(),
      status: z.string(),
      totalMinor: z.number().int(),
      currency: z.string(),
      createdAt: timestamp,
      itemCount: z.number().int().meta({ description: 'Units over all lines' }),
      lines: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() })).meta({ description: `The first ${LINES_IN_SUMMARY} lines` }),
      moreLines: z.number().int().meta({ description: 'Lines not listed here (GET /v1/orders/{orderId} has them all)' }),
    }),
  );
  route('authenticated', {
    method: 'get',
    path: '/v1/me/orders',
    operationId: 'listMyOrders',
    tags: ['storefront'],
    summary: 'The signed-in account’s orders, newest first',
    request: { query: myPageQuery },
    responses: {
      200: json('A page of orders', registry.register('MyOrders', z.object({ orders: z.array(orderSummary), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() }))),
      ...errors({ 400: true, 401: true, 500: true, 503: true }),
    },
  });

  const payment = registry.register(
    'MyPayment',
    z.object({
      paymentId: z.string(),
      orderId: z.string(),
      method: z.enum(['card', 'konbini', 'bank_transfer']),
      status: z.string().meta({ description: 'card: PROCESSING, SUCCEEDED, FAILED, REFUNDING, REFUNDED, VOIDED; slips: PENDING, PAID, REFUNDED, VOIDED, EXPIRED' }),
      amountMinor: z.number().int(),
      currency: z.string(),
      createdAt: timestamp,
      slip: z.object({ number: z.string(), expiresAt: timestamp }).optional().meta({ description: 'konbini and bank transfer only: what to pay with, and until when' }),
      refunds: z.array(z.object({ amountMinor: z.number().int(), at: timestamp })),
      refundedMinor: z.number().int(),
    }),
  );
  route('authenticated', {
    method: 'get',
    path: '/v1/me/payments',
    operationId: 'listMyPayments',
    tags: ['storefront'],
    summary: 'The payments of the signed-in account’s orders, newest first',
    description: 'Paged by order: page N holds the payments of the account’s N-th page of orders (GET /v1/me/orders with the same page and pageSize).',
    request: { query: myPageQuery },
    responses: {
      200: json(
        'The payments of a page of orders',
        registry.register('MyPayments', z.object({ payments: z.array(payment), page: z.number().int(), pageSize: z.number().int(), totalOrders: z.number().int() })),
      ),
      ...errors({ 400: true, 401: true, 500: true, 503: true }),
    },
  });

  const preferences = registry.register(
    'Preferences',
    z.object({
      language: z.enum(['ja', 'en']),
      marketingEmails: z.boolean(),
      defaultAddressId: z.string().uuid().nullable(),
      updatedAt: timestamp.nullable().meta({ description: 'null while the defaults apply' }),
    }),
  );
  route('authenticated', {
    method: 'get',
    path: '/v1/me/preferences',
    operationId: 'getMyPreferences',
    tags: ['storefront'],
    summary: 'The signed-in account’s preferences (ja, no marketing emails, no default address until saved)',
    responses: { 200: json('The preferences', preferences), ...errors({ 401: true, 404: 'NOT_FOUND: the token names no account', 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'put',
    path: '/v1/me/preferences',
    operationId: 'putMyPreferences',
    tags: ['storefront'],
    summary: 'Replaces the signed-in account’s preferences',
    request: { body: jsonBody(preferencesBody) },
    responses: {
      200: json('The saved preferences', preferences),
      ...errors({ 400: 'VALIDATION_FAILED (also a defaultAddressId that is not one of your saved addresses)', 401: true, 404: 'NOT_FOUND: the token names no account', 500: true, 503: true }),
    },
  });

  const image = Object.fromEntries(AVATAR_TYPES.map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }]));
  route('authenticated', {
    method: 'put',
    path: '/v1/me/avatar',
    operationId: 'putMyAvatar',
    tags: ['storefront'],
    summary: 'Uploads the signed-in account’s avatar (replacing any)',
    description: `The body is the image itself (not multipart), at most ${MAX_AVATAR_BYTES} bytes, PNG, JPEG or WebP: the Content-Type must say so and the bytes must be that type.`,
    request: { body: { required: true, content: image } },
    responses: {
      200: json('Stored', registry.register('AvatarStored', z.object({ contentType: z.enum(AVATAR_TYPES), bytes: z.number().int() }))),
      ...errors({ 401: true, 413: 'AVATAR_TOO_LARGE', 415: 'UNSUPPORTED_IMAGE_TYPE: not PNG, JPEG or WebP, or bytes that are not the declared type', 500: true, 503: true }),
    },
  });
  route('authenticated', {
    method: 'get',
    path: '/v1/me/avatar',
    operationId: 'getMyAvatar',
    tags: ['storefront'],
    summary: 'The signed-in account’s avatar image',
    responses: { 200: { description: 'The image', content: image }, ...errors({ 401: true, 404: 'NOT_FOUND: no avatar uploaded', 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'delete',
    path: '/v1/me/avatar',
    operationId: 'deleteMyAvatar',
    tags: ['storefront'],
    summary: 'Removes the signed-in account’s avatar (204 also when there was none)',
    responses: { 204: { description: 'No avatar any more' }, ...errors({ 401: true, 500: true, 503: true }) },
  });
}
