import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { WEBHOOK_SIGNATURE_HEADER } from '../lib/webhook-signature';
import type { ErrorBody } from './error-handler';
import { cancelOrderBody, checkoutIdempotencyKeyHeader, createCheckoutBody, MAX_WAIT_SECONDS, orderIdParam } from './routes/checkouts';
import { slipPaidEvent } from './routes/payment-webhooks';
import { createPingBody, pingIdempotencyKeyHeader, pingIdParam } from './routes/pings';

extendZodWithOpenApi(z);

/** What a caller must hold to use a route; a later issue maps roles onto these. */
export type Permission = 'public' | 'customer';

/** The OpenAPI 3.1 document this gateway serves at GET /openapi.json. */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** The security scheme of routes that need a customer's bearer token. */
export const BEARER_SCHEME = 'customerBearer';

const DEFAULT_ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED (details list each invalid field) or MALFORMED_JSON',
  401: 'UNAUTHENTICATED: the bearer token is missing, invalid or expired',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE: the JSON body exceeds 100 kB',
  415: 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json',
  422: 'The request is well formed but cannot be processed',
  500: 'INTERNAL: quote the X-Request-Id response header when reporting it',
  503: 'UNAVAILABLE: a dependency is down; retry later',
};

const requestIdHeader = { 'X-Request-Id': { description: 'The request id (echoed when the client sent a valid one)', schema: { type: 'string' as const } } };

function buildDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'HS256 JWT issued by the identity service: `sub` = customer id, `email` = the customer’s email.',
  });

  // The route schemas were built before extendZodWithOpenApi ran, so they lack .openapi(); a clone
  // (the same definition, hence the same validation) gets it and can be named as a component.
  const named = <T extends z.ZodType>(schema: T): T => schema.clone();

  const errorSchema = registry.register(
    'Error',
    z
      .object({
        error: z.object({
          code: z.string().meta({ description: 'Stable machine-readable code (VALIDATION_FAILED, NOT_FOUND, OUT_OF_STOCK, …)', example: 'VALIDATION_FAILED' }),
          message: z.string().meta({ description: 'Human-readable explanation' }),
          details: z.unknown().optional().meta({ description: 'Code-specific detail, e.g. the invalid fields of VALIDATION_FAILED' }),
        }),
      })
      .strict() satisfies z.ZodType<ErrorBody>,
  );

  /** Error responses in the one error shape, keyed by status; a string overrides the default description. */
  const errors = (statuses: Record<number, string | true>): Record<number, ResponseConfig> =>
    Object.fromEntries(
      Object.entries(statuses).map(([status, text]) => [
        status,
        {
          description: text === true ? (DEFAULT_ERROR_DESCRIPTIONS[Number(status)] ?? 'Error') : text,
          headers: requestIdHeader,
          content: { 'application/json': { schema: errorSchema } },
        },
      ]),
    );
  const json = (description: string, schema: z.ZodType, headers: ResponseConfig['headers'] = {}): ResponseConfig => ({
    description,
    headers: { ...requestIdHeader, ...headers },
    content: { 'application/json': { schema } },
  });
  const jsonBody = (schema: z.ZodType, required = true) => ({ required, content: { 'application/json': { schema } } });
  /** Registers a route with its permission; customer routes also declare the bearer scheme. */
  const route = (permission: Permission, config: RouteConfig): void => {
    registry.registerPath({
      ...config,
      ...(permission === 'customer' ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
      'x-permission': permission,
    });
  };
  const locationHeader = { Location: { description: 'Where to poll the status', schema: { type: 'string' as const } } };

  // Responses are written by the routes without a schema; these describe them for clients.
  const timestamp = z.string().meta({ format: 'date-time' });
  const pingAccepted = registry.register('PingAccepted', z.object({ pingId: z.string().uuid(), workflowId: z.string(), statusUrl: z.string() }));
  const pingView = registry.register(
    'PingView',
    z.object({
      pingId: z.string().uuid(),
      workflowId: z.string(),
      execution: z.string().meta({ description: 'Temporal execution status (RUNNING, COMPLETED, FAILED, …)' }),
      state: z.enum(['RECORDING', 'WAITING', 'PUBLISHING', 'COMPLETED', 'FAILED']),
      timeline: z.array(z.object({ step: z.enum(['record-ping', 'wait', 'publish-event']), status: z.enum(['STARTED', 'COMPLETED', 'FAILED']), at: timestamp })),
    }),
  );
  const step = z.string().meta({ description: 'A saga step or its undo (reserve-stock, charge-payment, release-stock, …)' });
  const checkoutView = registry.register(
    'CheckoutView',
    z.object({
      orderId: z.string().uuid(),
      state: z.enum(['RESERVING_STOCK', 'CREATING_ORDER', 'CHARGING_PAYMENT', 'AWAITING_PAYMENT', 'BOOKING_DELIVERY', 'CONFIRMING', 'COMPLETED', 'COMPENSATING', 'FAILED', 'CANCELLED']),
      totalMinor: z.number().int().optional().meta({ description: 'Total in the currency’s minor unit' }),
      currency: z.string().optional(),
      payment: z
        .object({ paymentId: z.string(), method: z.enum(['card', 'konbini', 'bank_transfer']), slipNumber: z.string().optional(), expiresAt: timestamp.optional() })
        .optional(),
      failure: z.object({ code: z.string(), message: z.string(), step: step.optional() }).optional(),
      timeline: z.array(z.object({ step, status: z.enum(['STARTED', 'COMPLETED', 'FAILED', 'RETRYING']), at: timestamp, detail: z.string().optional() })),
      compensations: z.array(z.object({ step, status: z.enum(['PENDING', 'RUNNING', 'RETRYING', 'DONE']), attempts: z.number().int(), lastError: z.string().optional() })),
      statusUrl: z.string(),
    }),
  );
  const checkoutAccepted = registry.register('CheckoutAccepted', z.object({ orderId: z.string().uuid(), state: z.literal('ACCEPTED'), statusUrl: z.string() }));
  const orderView = registry.register(
    'OrderView',
    z.object({
      ...checkoutView.shape,
      order: z
        .object({
          status: z.string(),
          lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), name: z.string(), unitPriceMinor: z.number().int(), lineTotalMinor: z.number().int() })),
          history: z.array(z.object({ fromStatus: z.string(), toStatus: z.string(), reason: z.string(), at: timestamp })),
          createdAt: timestamp,
        })
        .optional()
        .meta({ description: 'Absent when the checkout failed before the order was created' }),
    }),
  );
  const refundAccepted = registry.register('RefundAccepted', z.object({ orderId: z.string().uuid(), state: z.literal('REFUNDING'), refundWorkflowId: z.string() }));

  route('public', {
    method: 'post',
    path: '/v1/system/pings',
    operationId: 'createPing',
    tags: ['system'],
    summary: 'Start a diagnostic ping across api, Temporal, a gRPC service, PostgreSQL and Kafka',
    request: { headers: z.object({ 'Idempotency-Key': pingIdempotencyKeyHeader }), body: jsonBody(registry.register('CreatePingBody', named(createPingBody)), false) },
    responses: {
      202: json('The ping workflow started (or, for a repeated Idempotency-Key, was already started)', pingAccepted, locationHeader),
      ...errors({ 400: true, 409: 'REQUEST_IN_PROGRESS: the first request with this Idempotency-Key is still running', 413: true, 415: true, 422: 'IDEMPOTENCY_KEY_REUSED with another body', 500: true, 503: true }),
    },
  });
  route('public', {
    method: 'get',
    path: '/v1/system/pings/{pingId}',
    operationId: 'getPing',
    tags: ['system'],
    summary: 'The state and timeline of a ping',
    request: { params: pingIdParam },
    responses: { 200: json('The ping', pingView), ...errors({ 400: true, 404: true, 500: true, 503: true }) },
  });

  route('customer', {
    method: 'post',
    path: '/v1/checkouts',
    operationId: 'createCheckout',
    tags: ['checkouts'],
    summary: 'Start a checkout saga for the authenticated customer',
    description: 'Prices come from the catalog, never from the client. Answers 202 at once, or waits for the outcome up to `Prefer: wait=N` seconds.',
    request: {
      headers: z.object({
        'Idempotency-Key': checkoutIdempotencyKeyHeader,
        Prefer: z
          .string()
          .optional()
          .meta({ description: `RFC 7240 \`wait=N\`: wait up to N seconds (at most ${MAX_WAIT_SECONDS}) for the checkout to finish`, example: 'wait=10' }),
      }),
      body: jsonBody(registry.register('CreateCheckoutBody', named(createCheckoutBody))),
    },
    responses: {
      200: json('The checkout finished within the Prefer: wait time (COMPLETED, FAILED or CANCELLED)', checkoutView, {
        ...locationHeader,
        'Preference-Applied': { description: 'The honoured wait', schema: { type: 'string' } },
      }),
      202: json('The checkout is running: poll statusUrl (the full view when Prefer: wait was sent)', z.union([checkoutAccepted, checkoutView]), locationHeader),
      ...errors({
        400: true,
        401: true,
        409: 'REQUEST_IN_PROGRESS: the first request with this Idempotency-Key is still running',
        413: true,
        415: true,
        422: 'IDEMPOTENCY_KEY_REUSED with another body',
        500: true,
        503: true,
      }),
    },
  });
  route('customer', {
    method: 'get',
    path: '/v1/orders/{orderId}',
    operationId: 'getOrder',
    tags: ['orders'],
    summary: 'The checkout status, timeline, compensations and order of one of the customer’s orders',
    request: { params: orderIdParam },
    responses: { 200: json('The order', orderView), ...errors({ 400: true, 401: true, 404: 'NOT_FOUND (also for another customer’s order)', 500: true, 503: true }) },
  });
  route('customer', {
    method: 'post',
    path: '/v1/orders/{orderId}/cancel',
    operationId: 'cancelOrder',
    tags: ['orders'],
    summary: 'Cancel an order: undoes the saga until delivery is booked, starts a refund after completion',
    request: { params: orderIdParam, body: jsonBody(registry.register('CancelOrderBody', named(cancelOrderBody)), false) },
    responses: {
      200: json('Cancelled: the saga undid its steps', checkoutView),
      202: json('The order was completed: a refund workflow started', refundAccepted),
      ...errors({ 400: true, 401: true, 404: 'NOT_FOUND (also for another customer’s order)', 409: 'ORDER_NOT_CANCELLABLE (delivery already booked)', 413: true, 415: true, 500: true, 503: true }),
    },
  });

  route('public', {
    method: 'post',
    path: '/v1/webhooks/payments',
    operationId: 'receivePaymentWebhook',
    tags: ['webhooks'],
    summary: 'The payment provider’s signed notice that a konbini / bank-transfer slip was paid',
    description: 'Authenticated by an HMAC-SHA256 signature over the exact raw body, not by a bearer token.',
    request: {
      headers: z.object({
        [WEBHOOK_SIGNATURE_HEADER]: z.string().meta({
          description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`; several v1 entries are allowed while a secret rotates; t must be within 5 minutes',
          example: 't=1767225600,v1=5f2b…',
        }),
      }),
      body: jsonBody(registry.register('SlipPaidEvent', named(slipPaidEvent))),
    },
    responses: {
      200: json('The checkout was told the slip is paid', registry.register('WebhookReceipt', z.object({ received: z.literal(true), eventId: z.string(), orderId: z.string().uuid() }))),
      ...errors({
        400: 'VALIDATION_FAILED: the body is not JSON or not a slip.paid event',
        401: 'UNAUTHENTICATED: the signature is missing, stale or does not match',
        404: 'NOT_FOUND: no payment has this slip number',
        409: 'PAYMENT_EXPIRED: the order no longer waits for this payment; the provider must refund',
        413: 'PAYLOAD_TOO_LARGE: the body exceeds 64 kB',
        500: true,
        503: true,
      }),
    },
  });

  route('public', {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tags: ['operations'],
    summary: 'Liveness: the process answers',
    responses: { 200: json('Alive', z.object({ status: z.literal('ok') })) },
  });
  const readiness = registry.register('Readiness', z.object({ status: z.enum(['ok', 'unavailable']), checks: z.object({ redis: z.enum(['ok', 'down']), temporal: z.enum(['ok', 'down']) }) }));
  route('public', {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    tags: ['operations'],
    summary: 'Readiness: Redis and Temporal are reachable',
    responses: { 200: json('Ready', readiness), 503: json('Not ready: a dependency is down', readiness) },
  });
  route('public', {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tags: ['operations'],
    summary: 'Prometheus metrics',
    responses: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } } },
  });
  route('public', {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tags: ['operations'],
    summary: 'This document (rendered by Swagger UI at /docs)',
    responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: z.looseObject({ openapi: z.string() }) } } } },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Checkout platform REST API',
      version: '1',
      description: 'Every error answers `{ "error": { "code", "message", "details" } }`. Each operation names the permission it needs in `x-permission`.',
    },
    tags: [
      { name: 'checkouts', description: 'Start a checkout saga' },
      { name: 'orders', description: 'Follow and cancel the customer’s orders' },
      { name: 'webhooks', description: 'Signed notices from the payment provider' },
      { name: 'system', description: 'Diagnostics' },
      { name: 'operations', description: 'Health, readiness, metrics, this document' },
    ],
  });
}

let cached: OpenApiDocument | undefined;

/** The gateway's OpenAPI 3.1 document, written from the same zod schemas the routes validate with. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
