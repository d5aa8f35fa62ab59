import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { WEBHOOK_SIGNATURE_HEADER } from '../lib/webhook-signature';
import type { ErrorBody } from './error-handler';
import { routeClassOf } from './rate-limits';
import { cancelOrderBody, checkoutIdempotencyKeyHeader, createCheckoutBody, MAX_WAIT_SECONDS, orderIdParam } from './routes/checkouts';
import { addCartLineBody, cartCheckoutBody, cartSkuParam, setCartLineBody } from './routes/cart';
import { productIdParam, searchProductsQuery } from './routes/catalog';
import { slipPaidEvent, webhookReceipt } from './routes/payment-webhooks';
import { ROLES, type Permission as RolePermission } from '../lib/permissions';
import {
  addressBody,
  addressIdParam,
  loginBody,
  logoutBody,
  passwordResetBody,
  passwordResetConfirmBody,
  refreshBody,
  registerBody,
  updateProfileBody,
  verifyEmailBody,
} from './routes/accounts';
import { createPingBody, pingIdempotencyKeyHeader, pingIdParam } from './routes/pings';
import { pointsQuery } from './routes/loyalty';
import { customerFulfilmentSchema, registerFulfilmentOpenApi } from './routes/fulfilment-openapi';
import { registerCouponOpenApi } from './routes/staff/coupons';
import { registerPosOpenApi } from './routes/pos-openapi';
import { orderReturnSchema, registerReturnsOpenApi } from './routes/returns-openapi';
import { registerUserAdminOpenApi } from './routes/staff/users-openapi';
import { registerStorefrontOpenApi } from './routes/storefront-openapi';
import { salesReportQuery } from './routes/staff/analytics';
import { categoryBody, categoryIdParam, merchantBody, merchantIdParam, staffProductIdParam, storefrontProductBody, variantBody, variantParams } from './routes/staff/catalog';
import { slotBody, slotIdParam, slotUpdateBody, zoneBody, zoneIdParam } from './routes/staff/delivery';
import { staffCancelBody, staffSagaParams, stuckCompensationsQuery } from './routes/staff/order-actions';
import { operatedOrderParams, resolveUndoBody, stuckUndoParams } from './routes/staff/order-operations';
import { listOrdersQuery, staffOrderIdParam } from './routes/staff/orders';
import { stockAdjustmentBody, stockAdjustmentIdempotencyKeyHeader, stockSkuParam } from './routes/staff/stock';

extendZodWithOpenApi(z);

/** What a caller must hold to use a route: nothing, any signed-in account, or a permission of lib/permissions.ts. */
export type Permission = 'public' | 'authenticated' | RolePermission;

/** The OpenAPI 3.1 document this gateway serves at GET /openapi.json. */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** The security scheme of routes that need a customer's bearer token. */
export const BEARER_SCHEME = 'customerBearer';

const DEFAULT_ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED (details list each invalid field; a NUL character is refused anywhere in a request) or MALFORMED_JSON',
  401: 'UNAUTHENTICATED: the bearer token is missing, invalid, expired or revoked (signed out)',
  403: 'FORBIDDEN: the account’s role lacks the permission named in x-permission',
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
    description: 'HS256 access token from POST /v1/sessions: `sub` = account id, `email`, `role`, `jti`, `exp`.',
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
  /** The 429 of the gateway's per-client limits (api/rate-limits.ts), with the headers it sends. */
  const rateLimitedResponse = (routeClass: string, description?: string): ResponseConfig => ({
    description:
      description ??
      `RATE_LIMITED: this client (the account of a valid bearer token, else the address) sent more \`${routeClass}\` requests than its budget in the current window`,
    headers: {
      ...requestIdHeader,
      'Retry-After': { description: 'Seconds until the budget has room again', schema: { type: 'integer' as const } },
      RateLimit: { description: `IETF draft RateLimit header: \`"${routeClass}";r=<remaining>;t=<seconds to reset>\``, schema: { type: 'string' as const } },
      'RateLimit-Policy': { description: `IETF draft RateLimit-Policy header: \`"${routeClass}";q=<requests>;w=<window seconds>\``, schema: { type: 'string' as const } },
    },
    content: { 'application/json': { schema: errorSchema } },
  });
  /**
   * Registers a route with its permission; every non-public route also declares the bearer scheme.
   * The statuses every route of its kind can answer are added here (the route's own descriptions
   * win): 400 (a NUL character anywhere in the request), 500 and 503 everywhere, 429 wherever the
   * rate limiter counts, 401 behind a token, 403 behind a permission, 413/415 where a JSON body is read.
   */
  const route = (permission: Permission, config: RouteConfig): void => {
    const common: Record<number, true> = { 400: true, 500: true, 503: true };
    if (permission !== 'public') common[401] = true;
    if (permission !== 'public' && permission !== 'authenticated') common[403] = true;
    if (config.request?.body) Object.assign(common, { 413: true, 415: true });
    const routeClass = routeClassOf(config.method.toUpperCase(), config.path);
    registry.registerPath({
      ...config,
      ...(permission !== 'public' ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
      responses: { ...errors(common), ...(routeClass ? { 429: rateLimitedResponse(routeClass) } : {}), ...config.responses },
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
      state: z
        .enum([
          'RESERVING_STOCK',
          'REDEEMING_POINTS',
          'REDEEMING_COUPON',
          'CREATING_ORDER',
          'CHARGING_PAYMENT',
          'AWAITING_PAYMENT',
          'BOOKING_DELIVERY',
          'CONFIRMING',
          'COMPLETED',
          'COMPENSATING',
          'COMPENSATION_STUCK',
          'FAILED',
          'CANCELLED',
          'REFUNDING',
          'REFUNDED',
        ])
        .meta({
          description:
            'The saga’s state; COMPENSATION_STUCK: an undo waits for an operator; REFUNDING / REFUNDED: a completed order is being, or was, refunded (cancelled after completion)',
        }),
      totalMinor: z.number().int().optional().meta({ description: 'Total in the currency’s minor unit' }),
      currency: z.string().optional(),
      pointsRedeemed: z.number().int().optional().meta({ description: 'Loyalty points this checkout redeemed (1 point = 1 yen off the total; given back if the checkout fails)' }),
      couponRedeemed: z.string().optional().meta({ description: 'The coupon code this checkout redeemed (normalised; its use given back if the checkout fails)' }),
      payment: z
        .object({
          paymentId: z.string(),
          method: z.enum(['card', 'konbini', 'bank_transfer']),
          slipNumber: z.string().optional(),
          expiresAt: timestamp.optional(),
          accepted: z.enum(['CHARGED', 'SLIP_ISSUED']).optional().meta({ description: 'Set once the card was charged or the slip issued (what `Prefer: until=payment` waits for)' }),
        })
        .optional(),
      failure: z.object({ code: z.string(), message: z.string(), step: step.optional() }).optional(),
      retryOf: z.string().uuid().optional().meta({ description: 'The failed order an operator retried with this one' }),
      timeline: z.array(z.object({ step, status: z.enum(['STARTED', 'COMPLETED', 'FAILED', 'RETRYING', 'STUCK', 'RESOLVED']), at: timestamp, detail: z.string().optional() })),
      compensations: z.array(
        z.object({
          step,
          status: z.enum(['PENDING', 'RUNNING', 'RETRYING', 'STUCK', 'DONE', 'RESOLVED_BY_OPERATOR']),
          attempts: z.number().int(),
          lastError: z.string().optional(),
          resolvedBy: z.string().optional().meta({ description: 'The operator who settled a stuck undo by hand' }),
          note: z.string().optional(),
        }),
      ),
      statusUrl: z.string(),
      statusUnavailable: z
        .literal(true)
        .optional()
        .meta({
          description:
            'Present when the checkout’s live status could not be asked (its status query failed): `state` (and totals, failure) come from what Temporal tells without a worker (the OrderStatus search attribute while it runs, which may lag the live state; its result once completed), `timeline` and `compensations` are then sent empty; on GET /v1/orders/{orderId}, a slip AWAITING_PAYMENT still shows its `payment` (number, expiry) from the payments service. Without even that: 503 STATUS_UNAVAILABLE',
        }),
    }),
  );
  const checkoutAccepted = registry.register('CheckoutAccepted', z.object({ orderId: z.string().uuid(), state: z.literal('ACCEPTED'), statusUrl: z.string() }));
  // Prices include consumption tax: subtotal − coupon + delivery fee − points = total; tax per rate as the invoice states it.
  const orderLineSchema = z.object({
    sku: z.string(),
    quantity: z.number().int(),
    name: z.string(),
    unitPriceMinor: z.number().int(),
    lineTotalMinor: z.number().int(),
    taxRatePercent: z.number().int().meta({ description: '10 (standard) or 8 (reduced, food)' }),
    taxMinor: z.number().int().meta({ description: 'Consumption tax contained in lineTotalMinor (floor), for display; taxTotals are what the order states' }),
  });
  const orderChargesSchema = {
    subtotalMinor: z.number().int().meta({ description: 'The goods, tax included' }),
    couponCode: z.string().nullable().meta({ description: 'The coupon redeemed (normalised), null without one' }),
    couponDiscountMinor: z.number().int(),
    deliveryFeeMinor: z.number().int().meta({ description: 'The zone’s fee (tax included, 10 %), 0 when waived at or above its free-shipping threshold' }),
    pointsDiscountMinor: z.number().int(),
    totalMinor: z.number().int(),
    currency: z.string(),
    taxTotals: z
      .array(z.object({ ratePercent: z.number().int(), taxableMinor: z.number().int(), taxMinor: z.number().int() }))
      .meta({ description: 'Consumption tax per rate (10 %対象, 8 %対象): the amount at the rate, tax included, and its tax, floored once per rate' }),
  };
  const orderView = registry.register(
    'OrderView',
    z.object({
      ...checkoutView.shape,
      order: z
        .object({
          status: z.string(),
          lines: z.array(orderLineSchema),
          ...orderChargesSchema,
          history: z.array(z.object({ fromStatus: z.string(), toStatus: z.string(), reason: z.string(), at: timestamp })),
          createdAt: timestamp,
        })
        .optional()
        .meta({ description: 'Absent when the checkout failed before the order was created' }),
      fulfilment: customerFulfilmentSchema.optional(),
      fulfilmentUnavailable: z
        .literal(true)
        .optional()
        .meta({ description: 'Present (instead of `fulfilment`) when where the parcel is cannot be told right now; the order itself is current' }),
      returns: z.array(orderReturnSchema).optional().meta({ description: 'Returns of part of the order (POST /v1/orders/{orderId}/returns), oldest first; present with `order`' }),
    }),
  );
  const refundAccepted = registry.register('RefundAccepted', z.object({ orderId: z.string().uuid(), state: z.literal('REFUNDING'), refundWorkflowId: z.string() }));

  route('public', {
    method: 'post',
    path: '/v1/system/pings',
    operationId: 'createPing',
    tags: ['system'],
    summary: 'Start a diagnostic ping across api, Temporal, a gRPC service, PostgreSQL and Kafka',
    request: { headers: z.object({ 'Idempotency-Key': pingIdempotencyKeyHeader }), body: jsonBody(registry.register('CreatePingBody', named(createPingBody))) },
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

  route('checkout:create', {
    method: 'post',
    path: '/v1/checkouts',
    operationId: 'createCheckout',
    tags: ['checkouts'],
    summary: 'Start a checkout saga for the authenticated customer',
    description: 'Prices come from the catalog, never from the client. Answers 202 at once, or waits for the outcome up to `Prefer: wait=N` seconds, or (`Prefer: until=payment`) only until the payment succeeded.',
    request: {
      headers: z.object({
        'Idempotency-Key': checkoutIdempotencyKeyHeader,
        Prefer: z
          .string()
          .optional()
          .meta({
            description: `RFC 7240 \`wait=N\`: wait up to N seconds (at most ${MAX_WAIT_SECONDS}) for the checkout to finish. With \`until=payment\` (early answer): answer as soon as the payment succeeded (card charged, konbini/bank slip issued: \`payment.accepted\`) or the checkout is failing (\`failure\`), while delivery booking and the rest of the saga run on; \`wait=N\` then bounds that wait (${MAX_WAIT_SECONDS} s when absent)`,
            example: 'wait=10, until=payment',
          }),
      }),
      body: jsonBody(registry.register('CreateCheckoutBody', named(createCheckoutBody))),
    },
    responses: {
      200: json('The checkout finished within the Prefer: wait time (COMPLETED, FAILED or CANCELLED); with `until=payment`, its payment succeeded (`payment.accepted`) or it is failing (`failure`), and the saga may still run (poll statusUrl for the outcome)', checkoutView, {
        ...locationHeader,
        'Preference-Applied': { description: 'The honoured wait', schema: { type: 'string' } },
      }),
      202: json('The checkout is running: poll statusUrl (the full view when Prefer: wait was sent)', z.union([checkoutAccepted, checkoutView]), locationHeader),
      ...errors({
        400: true,
        401: true,
        409: 'REQUEST_IN_PROGRESS: the first request with this Idempotency-Key is still running; COUPON_EXHAUSTED: the coupon has no use left (in total or for this customer)',
        413: true,
        415: true,
        422: 'IDEMPOTENCY_KEY_REUSED with another body; COUPON_INVALID: the coupon code is unknown, disabled or not valid now',
        500: true,
        503: 'UNAVAILABLE: a dependency is down; STATUS_UNAVAILABLE: the checkout’s status query failed and nothing else tells its state (a known state is answered with `statusUnavailable` instead); retry later',
      }),
    },
  });
  route('checkout:create', {
    method: 'get',
    path: '/v1/orders/{orderId}',
    operationId: 'getOrder',
    tags: ['orders'],
    summary: 'The checkout status, timeline, compensations and order of one of the customer’s orders',
    request: { params: orderIdParam },
    responses: { 200: json('The order', orderView), ...errors({ 400: true, 401: true, 404: 'NOT_FOUND (also for another customer’s order)', 500: true, 503: 'UNAVAILABLE: a dependency is down; STATUS_UNAVAILABLE: the checkout’s status query failed and nothing else tells its state (a known state is answered with `statusUnavailable` instead); retry later' }) },
  });
  route('checkout:create', {
    method: 'post',
    path: '/v1/orders/{orderId}/cancel',
    operationId: 'cancelOrder',
    tags: ['orders'],
    summary: 'Cancel an order: undoes the saga until delivery is booked, starts a refund after completion',
    request: { params: orderIdParam, body: jsonBody(registry.register('CancelOrderBody', named(cancelOrderBody)), false) },
    responses: {
      200: json('Cancelled: the saga undid its steps (state CANCELLED; also for an order already cancelled), or state REFUNDED for an order already refunded', checkoutView),
      202: json('The order was completed: a refund workflow started (or was already running)', refundAccepted),
      ...errors({
        400: true,
        401: true,
        404: 'NOT_FOUND (also for another customer’s order)',
        409: 'ORDER_NOT_CANCELLABLE: delivery already booked, the checkout failed, or its undos are running',
        413: true,
        415: true,
        500: true,
        503: 'UNAVAILABLE: a dependency is down; STATUS_UNAVAILABLE: the checkout’s status query failed and nothing else tells its state (a known state is answered with `statusUnavailable` instead); retry later',
      }),
    },
  });

  const cartView = registry.register(
    'CartView',
    z.object({
      lines: z.array(
        z.object({
          sku: z.string(),
          quantity: z.number().int().min(1).max(999),
          available: z.boolean().meta({ description: 'False when the line cannot be checked out; it stays in the cart, flagged, until removed' }),
          unavailableReason: z
            .enum(['NOT_FOUND', 'INACTIVE', 'CURRENCY_MISMATCH'])
            .optional()
            .meta({ description: 'NOT_FOUND: the catalog no longer knows the SKU; INACTIVE: withdrawn from sale; CURRENCY_MISMATCH: priced in another currency than the cart' }),
          name: z.string().optional().meta({ description: 'Absent when the catalog does not know the SKU' }),
          unitPriceMinor: z.number().int().optional().meta({ description: 'Today’s catalog price (carts store no prices); available lines only' }),
          lineTotalMinor: z.number().int().optional(),
        }),
      ),
      itemCount: z.number().int().meta({ description: 'Units over all lines' }),
      subtotalMinor: z.number().int().meta({ description: 'Sum of the available lines, in the currency’s minor unit' }),
      currency: z.string().nullable().meta({ description: 'ISO 4217; null when no line is available' }),
      hasUnavailableLines: z.boolean(),
    }),
  );
  const cartLimits = 'VALIDATION_FAILED: invalid field, or the cart would exceed 100 lines or 999 units of a SKU';
  route('checkout:create', {
    method: 'get',
    path: '/v1/cart',
    operationId: 'getCart',
    tags: ['cart'],
    summary: 'The customer’s cart, priced from the catalog now (an untouched cart expires after 30 days)',
    responses: { 200: json('The cart (empty when there is none)', cartView), ...errors({ 401: true, 500: true, 503: true }) },
  });
  route('checkout:create', {
    method: 'post',
    path: '/v1/cart/lines',
    operationId: 'addCartLine',
    tags: ['cart'],
    summary: 'Add units of a product to the cart (a new line, or more of an existing one)',
    request: { body: jsonBody(registry.register('AddCartLineBody', named(addCartLineBody))) },
    responses: {
      200: json('The cart after the change', cartView),
      ...errors({ 400: cartLimits, 401: true, 413: true, 415: true, 422: 'PRODUCT_UNAVAILABLE: the catalog does not sell this SKU', 500: true, 503: true }),
    },
  });
  route('checkout:create', {
    method: 'put',
    path: '/v1/cart/lines/{sku}',
    operationId: 'setCartLine',
    tags: ['cart'],
    summary: 'Set the quantity of a cart line; 0 removes it',
    request: { params: cartSkuParam, body: jsonBody(registry.register('SetCartLineBody', named(setCartLineBody))) },
    responses: {
      200: json('The cart after the change', cartView),
      ...errors({ 400: cartLimits, 401: true, 413: true, 415: true, 422: 'PRODUCT_UNAVAILABLE: the catalog does not sell this SKU', 500: true, 503: true }),
    },
  });
  route('checkout:create', {
    method: 'delete',
    path: '/v1/cart/lines/{sku}',
    operationId: 'removeCartLine',
    tags: ['cart'],
    summary: 'Remove a line from the cart (nothing happens when the SKU is not in it)',
    request: { params: cartSkuParam },
    responses: { 200: json('The cart after the change', cartView), ...errors({ 400: true, 401: true, 500: true, 503: true }) },
  });
  route('checkout:create', {
    method: 'delete',
    path: '/v1/cart',
    operationId: 'clearCart',
    tags: ['cart'],
    summary: 'Empty the cart',
    responses: { 204: { description: 'The cart is empty', headers: requestIdHeader }, ...errors({ 401: true, 500: true, 503: true }) },
  });
  route('checkout:create', {
    method: 'post',
    path: '/v1/cart/checkout',
    operationId: 'checkoutCart',
    tags: ['cart'],
    summary: 'Check out the cart: starts the same checkout saga as POST /v1/checkouts with the cart’s lines',
    description:
      'The ordered quantities leave the cart as soon as the checkout is accepted (a failed checkout does not refill it). Answers like POST /v1/checkouts: 202 at once, or the outcome within `Prefer: wait=N` seconds.',
    request: {
      headers: z.object({
        'Idempotency-Key': checkoutIdempotencyKeyHeader,
        Prefer: z
          .string()
          .optional()
          .meta({
            description: `RFC 7240 \`wait=N\`: wait up to N seconds (at most ${MAX_WAIT_SECONDS}) for the checkout to finish. With \`until=payment\` (early answer): answer as soon as the payment succeeded (card charged, konbini/bank slip issued: \`payment.accepted\`) or the checkout is failing (\`failure\`), while delivery booking and the rest of the saga run on; \`wait=N\` then bounds that wait (${MAX_WAIT_SECONDS} s when absent)`,
            example: 'wait=10, until=payment',
          }),
      }),
      body: jsonBody(registry.register('CartCheckoutBody', named(cartCheckoutBody))),
    },
    responses: {
      200: json('The checkout finished within the Prefer: wait time (COMPLETED, FAILED or CANCELLED); with `until=payment`, its payment succeeded (`payment.accepted`) or it is failing (`failure`), and the saga may still run (poll statusUrl for the outcome)', checkoutView, {
        ...locationHeader,
        'Preference-Applied': { description: 'The honoured wait', schema: { type: 'string' } },
      }),
      202: json('The checkout is running: poll statusUrl (the full view when Prefer: wait was sent)', z.union([checkoutAccepted, checkoutView]), locationHeader),
      ...errors({
        400: true,
        401: true,
        409: 'REQUEST_IN_PROGRESS: a checkout of this cart, or the first request with this Idempotency-Key, is still being started; COUPON_EXHAUSTED: the coupon has no use left',
        413: true,
        415: true,
        422: 'CART_EMPTY; PRODUCT_UNAVAILABLE (details.lines lists the cart lines to remove first); IDEMPOTENCY_KEY_REUSED with another body; COUPON_INVALID',
        500: true,
        503: 'UNAVAILABLE: a dependency is down; STATUS_UNAVAILABLE: the checkout’s status query failed and nothing else tells its state (a known state is answered with `statusUnavailable` instead); retry later',
      }),
    },
  });

  const user = registry.register(
    'User',
    z.object({
      id: z.string().uuid(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      emailVerified: z.boolean(),
      createdAt: timestamp,
    }),
  );
  const tokenPair = registry.register(
    'TokenPair',
    z.object({
      accessToken: z.string().meta({ description: 'HS256 JWT (sub, email, role, jti, exp): send as `Authorization: Bearer <accessToken>`' }),
      refreshToken: z.string().meta({ description: 'Opaque, single use: POST /v1/sessions/refresh spends it and returns the next one' }),
      expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires' }),
      tokenType: z.literal('Bearer'),
    }),
  );
  const savedAddress = registry.register('SavedAddress', z.object({ id: z.string().uuid(), ...addressBody.shape, line2: z.string(), phone: z.string(), createdAt: timestamp }));
  const accepted = z.object({ accepted: z.literal(true) });
  const noContent = (description: string): ResponseConfig => ({ description, headers: requestIdHeader });
  const rateLimited = rateLimitedResponse(
    'account',
    'RATE_LIMITED: too many failed sign-ins for this email or from this address (Retry-After only), or more `account` requests from this client than its budget',
  );

  route('public', {
    method: 'post',
    path: '/v1/accounts',
    operationId: 'register',
    tags: ['accounts'],
    summary: 'Create a customer account; a verification link is emailed',
    request: { body: jsonBody(registry.register('RegisterBody', named(registerBody))) },
    responses: {
      201: json('The account (email not verified yet)', user, { Location: { description: '/v1/me', schema: { type: 'string' } } }),
      ...errors({ 400: 'VALIDATION_FAILED: a field is invalid or the password breaks the policy (details.violations)', 409: 'ALREADY_EXISTS: an account has this email', 413: true, 415: true, 500: true, 503: true }),
    },
  });
  route('public', {
    method: 'post',
    path: '/v1/accounts/verify-email',
    operationId: 'verifyEmail',
    tags: ['accounts'],
    summary: 'Mark the account’s email verified with the token of the emailed link (works once, within 24 hours)',
    request: { body: jsonBody(registry.register('VerifyEmailBody', named(verifyEmailBody))) },
    responses: { 200: json('The account, now verified', user), ...errors({ 400: 'VALIDATION_FAILED: the link is not valid, already used or expired', 413: true, 415: true, 500: true, 503: true }) },
  });
  route('public', {
    method: 'post',
    path: '/v1/accounts/password-reset',
    operationId: 'requestPasswordReset',
    tags: ['accounts'],
    summary: 'Email a password-reset link (valid one hour)',
    description: 'Answers 202 whether or not an account has this email, so it reveals no accounts.',
    request: { body: jsonBody(registry.register('PasswordResetBody', named(passwordResetBody))) },
    responses: { 202: json('Accepted', accepted), ...errors({ 400: true, 413: true, 415: true, 500: true, 503: true }) },
  });
  route('public', {
    method: 'post',
    path: '/v1/accounts/password-reset/confirm',
    operationId: 'resetPassword',
    tags: ['accounts'],
    summary: 'Set a new password with the token of the emailed link; every session of the account ends',
    request: { body: jsonBody(registry.register('PasswordResetConfirmBody', named(passwordResetConfirmBody))) },
    responses: {
      204: noContent('The password is changed'),
      ...errors({ 400: 'VALIDATION_FAILED: the link is not valid, used or expired, or the password breaks the policy', 413: true, 415: true, 500: true, 503: true }),
    },
  });
  route('public', {
    method: 'post',
    path: '/v1/sessions',
    operationId: 'login',
    tags: ['sessions'],
    summary: 'Sign in: an access token and a refresh token',
    request: { body: jsonBody(registry.register('LoginBody', named(loginBody))) },
    responses: {
      200: json('Signed in', tokenPair),
      ...errors({ 400: true, 401: 'UNAUTHENTICATED: the email or password is wrong', 413: true, 415: true, 500: true, 503: true }),
      429: rateLimited,
    },
  });
  route('public', {
    method: 'post',
    path: '/v1/sessions/refresh',
    operationId: 'refreshSession',
    tags: ['sessions'],
    summary: 'Spend a refresh token for a new token pair',
    description: 'Presenting a refresh token that was already spent ends its whole session (the newest token stops working too).',
    request: { body: jsonBody(registry.register('RefreshBody', named(refreshBody))) },
    responses: { 200: json('The next token pair', tokenPair), ...errors({ 400: true, 401: 'UNAUTHENTICATED: the refresh token is not valid, spent or expired', 413: true, 415: true, 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'delete',
    path: '/v1/sessions/current',
    operationId: 'logout',
    tags: ['sessions'],
    summary: 'Sign out: the access token is revoked until it expires, and the refresh token’s session ends',
    description: 'Accepts an access token that has just expired.',
    request: { body: jsonBody(registry.register('LogoutBody', named(logoutBody)), false) },
    responses: { 204: noContent('Signed out'), ...errors({ 400: true, 401: true, 413: true, 415: true, 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'get',
    path: '/v1/me',
    operationId: 'getProfile',
    tags: ['accounts'],
    summary: 'The signed-in account',
    responses: { 200: json('The account', user), ...errors({ 401: true, 404: 'NOT_FOUND: no account has the token’s subject (e.g. deleted)', 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'patch',
    path: '/v1/me',
    operationId: 'updateProfile',
    tags: ['accounts'],
    summary: 'Change the signed-in account’s display name',
    request: { body: jsonBody(registry.register('UpdateProfileBody', named(updateProfileBody))) },
    responses: { 200: json('The account', user), ...errors({ 400: true, 401: true, 404: 'NOT_FOUND: no account has the token’s subject (e.g. deleted)', 413: true, 415: true, 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'post',
    path: '/v1/me/email-verification',
    operationId: 'requestEmailVerification',
    tags: ['accounts'],
    summary: 'Email a new verification link (earlier links stop working)',
    responses: { 202: json('Accepted', accepted), ...errors({ 401: true, 404: 'NOT_FOUND: no account has the token’s subject (e.g. deleted)', 409: 'CONFLICT: the email is already verified', 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'get',
    path: '/v1/me/addresses',
    operationId: 'listAddresses',
    tags: ['accounts'],
    summary: 'The signed-in account’s saved delivery addresses, oldest first',
    responses: { 200: json('The addresses', z.object({ addresses: z.array(savedAddress) })), ...errors({ 401: true, 404: 'NOT_FOUND: no account has the token’s subject (e.g. deleted)', 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'post',
    path: '/v1/me/addresses',
    operationId: 'addAddress',
    tags: ['accounts'],
    summary: 'Save a delivery address (at most 10 per account)',
    request: { body: jsonBody(registry.register('AddressBody', named(addressBody))) },
    responses: {
      201: json('The saved address', savedAddress),
      ...errors({
        400: 'VALIDATION_FAILED: e.g. not a Japanese postal code or prefecture',
        401: true,
        404: 'NOT_FOUND: no account has the token’s subject (e.g. deleted)',
        409: 'CONFLICT: the account already has 10 addresses',
        413: true,
        415: true,
        500: true,
        503: true,
      }),
    },
  });
  route('authenticated', {
    method: 'delete',
    path: '/v1/me/addresses/{addressId}',
    operationId: 'deleteAddress',
    tags: ['accounts'],
    summary: 'Delete one of the signed-in account’s addresses',
    request: { params: addressIdParam },
    responses: { 204: noContent('Deleted'), ...errors({ 400: true, 401: true, 404: 'NOT_FOUND (also for another account’s address)', 500: true, 503: true }) },
  });
  route('authenticated', {
    method: 'get',
    path: '/v1/me/points',
    operationId: 'getPoints',
    tags: ['loyalty'],
    summary: 'The signed-in account’s loyalty points and latest ledger entries, newest first',
    description: 'Completed orders earn 1 point per 100 yen of their total; a checkout redeems points with `redeemPoints` (1 point = 1 yen off).',
    request: { query: pointsQuery },
    responses: {
      200: json(
        'The balance and latest entries',
        registry.register(
          'LoyaltyPoints',
          z.object({
            balance: z.number().int().meta({ description: 'Points available (0 for an account that never earned any)' }),
            entries: z.array(
              z.object({
                orderId: z.string(),
                kind: z.enum(['EARN', 'REDEEM', 'RESTORE']).meta({ description: 'EARN for a completed order, REDEEM at checkout, RESTORE when that checkout failed' }),
                points: z.number().int().meta({ description: 'Signed change of the balance' }),
                at: timestamp,
              }),
            ),
          }),
        ),
      ),
      ...errors({ 400: true, 401: true, 500: true, 503: true }),
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
          example: 't=1767225600,v1=5f2b3c8e0d6a41f79b2e8c4d1a7f6e3b9c0d2e4f6a8b1c3d5e7f9a0b2c4d6e8f',
        }),
      }),
      body: jsonBody(registry.register('SlipPaidEvent', named(slipPaidEvent))),
    },
    responses: {
      200: json('The payment is recorded; `outcome` says what happened to the money', registry.register('WebhookReceipt', named(webhookReceipt))),
      ...errors({
        400: 'VALIDATION_FAILED: the body is not JSON or not a slip.paid event',
        401: 'UNAUTHENTICATED: the signature is missing, stale or does not match',
        404: 'NOT_FOUND: no payment has this slip number',
        413: 'PAYLOAD_TOO_LARGE: the body exceeds 64 kB',
        500: true,
        503: true,
      }),
    },
  });

  // ---- catalog (public storefront reads)
  const variantView = registry.register(
    'Variant',
    z.object({
      sku: z.string().meta({ description: 'What a cart line or checkout names' }),
      productId: z.string(),
      name: z.string().meta({ example: 'Sencha, 100 g' }),
      attributes: z.record(z.string(), z.string()).meta({ example: { weight: '100 g' } }),
      priceMinor: z.number().int().meta({ description: 'Price in the currency’s minor unit (yen)' }),
      currency: z.string().meta({ example: 'JPY' }),
      active: z.boolean(),
    }),
  );
  const productSummary = registry.register(
    'ProductSummary',
    z.object({
      id: z.string(),
      merchantId: z.string(),
      name: z.string(),
      description: z.string(),
      categorySlug: z.string().meta({ description: 'Empty when the product has no category' }),
      imageUrls: z.array(z.string()),
      minPriceMinor: z.number().int().meta({ description: 'Cheapest variant on sale' }),
      maxPriceMinor: z.number().int().meta({ description: 'Dearest variant on sale' }),
      currency: z.string(),
    }),
  );
  const productPage = registry.register(
    'ProductPage',
    z.object({ products: z.array(productSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  );
  const productDetail = registry.register(
    'ProductDetail',
    z.object({
      id: z.string(),
      merchantId: z.string(),
      merchantName: z.string(),
      categoryId: z.string(),
      categorySlug: z.string(),
      categoryName: z.string(),
      name: z.string(),
      description: z.string(),
      imageUrls: z.array(z.string()),
      active: z.boolean(),
      variants: z
        .array(
          registry.register(
            'VariantOnSale',
            variantView.extend({
              availability: z.enum(['in_stock', 'low_stock', 'out_of_stock']).meta({
                description: 'From inventory (on hand − reserved), at most 15 s old: low_stock at 5 sellable units or fewer',
              }),
              availableQuantity: z.number().int().optional().meta({ description: 'Sellable units, shown only when low_stock' }),
            }),
          ),
        )
        .meta({ description: 'The variants on sale, cheapest first, each with its availability' }),
    }),
  );
  const categoryFields = { id: z.string(), parentId: z.string(), slug: z.string(), name: z.string(), position: z.number().int(), active: z.boolean() };
  const categoryTree = registry.register(
    'CategoryTree',
    z.object({
      categories: z
        .array(z.object({ ...categoryFields, children: z.array(z.looseObject({ ...categoryFields })).meta({ description: 'Subcategories, nested the same way' }) }))
        .meta({ description: 'Top-level categories, each with its subtree' }),
    }),
  );
  route('public', {
    method: 'get',
    path: '/v1/products',
    operationId: 'searchProducts',
    tags: ['catalog'],
    summary: 'Search the storefront: ranked by relevance when q is given (name matches first), else by name',
    request: { query: searchProductsQuery },
    responses: { 200: json('One page of products on sale', productPage), ...errors({ 400: true, 404: 'NOT_FOUND: no such category', 500: true, 503: true }) },
  });
  route('public', {
    method: 'get',
    path: '/v1/products/{productId}',
    operationId: 'getProduct',
    tags: ['catalog'],
    summary: 'A product page with its variants on sale',
    request: { params: productIdParam },
    responses: { 200: json('The product', productDetail), ...errors({ 400: true, 404: 'NOT_FOUND (also for a product no longer on sale)', 500: true, 503: true }) },
  });
  route('public', {
    method: 'get',
    path: '/v1/categories',
    operationId: 'listCategories',
    tags: ['catalog'],
    summary: 'The category tree',
    responses: { 200: json('The active categories, nested', categoryTree), ...errors({ 500: true, 503: true }) },
  });

  // ---- staff (each route checks its permission of lib/permissions.ts)
  const merchantView = registry.register('Merchant', z.object({ id: z.string(), name: z.string(), active: z.boolean(), cashierUserIds: z.array(z.string()) }));
  const categoryView = registry.register('Category', z.object(categoryFields));
  const merchantBodySchema = registry.register('MerchantBody', named(merchantBody));
  const categoryBodySchema = registry.register('CategoryBody', named(categoryBody));
  const productBodySchema = registry.register('StorefrontProductBody', named(storefrontProductBody));
  const staffWriteErrors = errors({
    400: true,
    401: true,
    404: true,
    409: 'CONFLICT: e.g. the cashier works for another merchant, the SKU belongs to another product',
    413: true,
    415: true,
    500: true,
    503: true,
  });
  route('catalog:write', {
    method: 'post',
    path: '/v1/staff/merchants',
    operationId: 'createMerchant',
    tags: ['staff'],
    summary: 'Create a merchant (the service assigns its id)',
    request: { body: jsonBody(merchantBodySchema) },
    responses: { 201: json('The merchant', merchantView), ...staffWriteErrors },
  });
  route('catalog:write', {
    method: 'put',
    path: '/v1/staff/merchants/{merchantId}',
    operationId: 'putMerchant',
    tags: ['staff'],
    summary: 'Create or update a merchant with this id; its cashier set is replaced',
    request: { params: merchantIdParam, body: jsonBody(merchantBodySchema) },
    responses: { 200: json('The merchant', merchantView), ...staffWriteErrors },
  });
  route('catalog:write', {
    method: 'post',
    path: '/v1/staff/categories',
    operationId: 'createCategory',
    tags: ['staff'],
    summary: 'Create a category (the service assigns its id)',
    request: { body: jsonBody(categoryBodySchema) },
    responses: { 201: json('The category', categoryView), ...staffWriteErrors },
  });
  route('catalog:write', {
    method: 'put',
    path: '/v1/staff/categories/{categoryId}',
    operationId: 'putCategory',
    tags: ['staff'],
    summary: 'Create or update a category with this id (a parent may not be the category or one of its descendants)',
    request: { params: categoryIdParam, body: jsonBody(categoryBodySchema) },
    responses: { 200: json('The category', categoryView), ...staffWriteErrors },
  });
  route('catalog:write', {
    method: 'post',
    path: '/v1/staff/products',
    operationId: 'createStorefrontProduct',
    tags: ['staff'],
    summary: 'Create a storefront product (add its variants with PUT …/variants/{sku})',
    request: { body: jsonBody(productBodySchema) },
    responses: { 201: json('The product, with its variants (also inactive ones)', productDetail), ...staffWriteErrors },
  });
  route('catalog:write', {
    method: 'get',
    path: '/v1/staff/products/{productId}',
    operationId: 'getStaffProduct',
    tags: ['staff'],
    summary: 'A product with all its variants, also inactive ones (never cached)',
    request: { params: staffProductIdParam },
    responses: { 200: json('The product', productDetail), ...errors({ 400: true, 401: true, 404: true, 500: true, 503: true }) },
  });
  route('catalog:write', {
    method: 'put',
    path: '/v1/staff/products/{productId}',
    operationId: 'putStorefrontProduct',
    tags: ['staff'],
    summary: 'Create or update a storefront product with this id (it never changes merchant); active=false takes it off sale',
    request: { params: staffProductIdParam, body: jsonBody(productBodySchema) },
    responses: { 200: json('The product, with its variants (also inactive ones)', productDetail), ...staffWriteErrors },
  });
  route('catalog:write', {
    method: 'put',
    path: '/v1/staff/products/{productId}/variants/{sku}',
    operationId: 'putVariant',
    tags: ['staff'],
    summary: 'Create or update a variant (a SKU) of a product; active=false stops it being sold',
    request: { params: variantParams, body: jsonBody(registry.register('VariantBody', named(variantBody))) },
    responses: { 200: json('The variant', variantView), ...staffWriteErrors },
  });

  const stockView = registry.register(
    'Stock',
    z.object({ sku: z.string(), onHand: z.number().int(), reserved: z.number().int().meta({ description: 'Held by running checkouts' }), available: z.number().int() }),
  );
  route('stock:adjust', {
    method: 'get',
    path: '/v1/staff/stock/{sku}',
    operationId: 'getStock',
    tags: ['staff'],
    summary: 'The stock of a SKU: on hand, reserved by checkouts, available',
    request: { params: stockSkuParam },
    responses: { 200: json('The stock', stockView), ...errors({ 400: true, 401: true, 404: 'NOT_FOUND: the SKU has never been stocked', 500: true, 503: true }) },
  });
  route('stock:adjust', {
    method: 'post',
    path: '/v1/staff/stock/{sku}/adjustments',
    operationId: 'adjustStock',
    tags: ['staff'],
    summary: 'Add or remove stock on hand (logged as an ADJUST movement with the reason); once per Idempotency-Key',
    request: {
      params: stockSkuParam,
      headers: z.object({ 'Idempotency-Key': stockAdjustmentIdempotencyKeyHeader }),
      body: jsonBody(registry.register('StockAdjustmentBody', named(stockAdjustmentBody))),
    },
    responses: {
      200: json('The stock after the adjustment (for a repeated key: the first answer)', stockView),
      ...errors({
        400: 'VALIDATION_FAILED: invalid field or missing Idempotency-Key',
        401: true,
        404: 'NOT_FOUND: removing stock of a SKU never stocked',
        409: 'CONFLICT: the removal would leave less on hand than is reserved; REQUEST_IN_PROGRESS: the first request with this key is still running',
        413: true,
        415: true,
        422: 'IDEMPOTENCY_KEY_REUSED with another SKU or body',
        500: true,
        503: true,
      }),
    },
  });

  const zoneView = registry.register(
    'DeliveryZone',
    z.object({
      id: z.string(),
      name: z.string(),
      postalPrefixes: z.array(z.string()),
      cutoffTime: z.string(),
      timeZone: z.string(),
      feeMinor: z.number().int().meta({ description: 'Delivery fee in yen, tax included' }),
      freeShippingThresholdMinor: z.number().int().nullable().meta({ description: 'Goods at or above this ship free; null: never waived' }),
    }),
  );
  const slotView = registry.register(
    'DeliverySlot',
    z.object({
      slotId: z.string(),
      zoneId: z.string(),
      date: z.string(),
      windowStart: z.string(),
      windowEnd: z.string(),
      capacity: z.number().int(),
      remaining: z.number().int().meta({ description: 'Capacity not yet booked' }),
    }),
  );
  route('delivery:manage', {
    method: 'get',
    path: '/v1/staff/delivery/zones',
    operationId: 'listDeliveryZones',
    tags: ['staff'],
    summary: 'Every delivery zone',
    responses: { 200: json('The zones, by id', z.object({ zones: z.array(zoneView) })), ...errors({ 401: true, 500: true, 503: true }) },
  });
  route('delivery:manage', {
    method: 'put',
    path: '/v1/staff/delivery/zones/{zoneId}',
    operationId: 'putDeliveryZone',
    tags: ['staff'],
    summary: 'Create or update a delivery zone: the postal prefixes it serves, its same-day cutoff, its delivery fee and free-shipping threshold',
    request: { params: zoneIdParam, body: jsonBody(registry.register('DeliveryZoneBody', named(zoneBody))) },
    responses: { 200: json('The zone', zoneView), ...errors({ 400: true, 401: true, 413: true, 415: true, 500: true, 503: true }) },
  });
  const slotErrors = errors({
    400: true,
    401: true,
    404: 'NOT_FOUND: no such zone',
    409: 'CONFLICT: the capacity would drop below the places booked, or the slot belongs to another zone',
    413: true,
    415: true,
    500: true,
    503: true,
  });
  route('delivery:manage', {
    method: 'post',
    path: '/v1/staff/delivery/zones/{zoneId}/slots',
    operationId: 'createDeliverySlot',
    tags: ['staff'],
    summary: 'Create the zone’s slot of a day and window start, or update the one that exists',
    request: { params: zoneIdParam, body: jsonBody(registry.register('DeliverySlotBody', named(slotBody))) },
    responses: { 201: json('The slot', slotView), ...slotErrors },
  });
  route('delivery:manage', {
    method: 'put',
    path: '/v1/staff/delivery/slots/{slotId}',
    operationId: 'putDeliverySlot',
    tags: ['staff'],
    summary: 'Create or update a slot by id (e.g. change its capacity)',
    request: { params: slotIdParam, body: jsonBody(registry.register('DeliverySlotUpdateBody', named(slotUpdateBody))) },
    responses: { 200: json('The slot', slotView), ...slotErrors },
  });

  const staffOrder = registry.register(
    'StaffOrder',
    z.object({
      orderId: z.string(),
      customerId: z.string(),
      customerEmail: z.string(),
      status: z.string(),
      lines: z.array(orderLineSchema),
      ...orderChargesSchema,
      couponCode: z.string().meta({ description: 'Empty when no coupon was redeemed' }),
      address: z.looseObject({ postalCode: z.string() }).nullable(),
      paymentMethod: z.string(),
      failureReason: z.string(),
      history: z.array(z.object({ fromStatus: z.string(), toStatus: z.string(), reason: z.string(), at: timestamp })),
      createdAt: timestamp,
    }),
  );
  route('orders:read:any', {
    method: 'get',
    path: '/v1/staff/orders',
    operationId: 'listOrders',
    tags: ['staff'],
    summary: 'Any customer’s orders, newest first, filtered by status, customer id and customer email',
    request: { query: listOrdersQuery },
    responses: {
      200: json('One page of orders', z.object({ orders: z.array(staffOrder), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })),
      ...errors({ 400: true, 401: true, 500: true, 503: true }),
    },
  });
  route('orders:read:any', {
    method: 'get',
    path: '/v1/staff/orders/{orderId}',
    operationId: 'getStaffOrder',
    tags: ['staff'],
    summary: 'Any customer’s order with its lines and status history',
    request: { params: staffOrderIdParam },
    responses: { 200: json('The order', staffOrder), ...errors({ 400: true, 401: true, 404: true, 500: true, 503: true }) },
  });
  route('orders:operate', {
    method: 'post',
    path: '/v1/staff/orders/{orderId}/retry',
    operationId: 'retryOrder',
    tags: ['staff'],
    summary: 'Retry a FAILED order: a new order (id derived from the failed one, so asking twice finds the same retry) with the same customer, lines, address and payment',
    request: { params: operatedOrderParams },
    responses: {
      202: {
        description: 'The retry started (or had already started); poll its status',
        headers: locationHeader,
        content: { 'application/json': { schema: registry.register('RetryAccepted', z.object({ orderId: z.string().uuid(), retryOf: z.string().uuid(), state: z.literal('ACCEPTED'), statusUrl: z.string() })) } },
      },
      ...errors({ 404: 'NOT_FOUND: no checkout for this order', 409: 'ORDER_NOT_RETRYABLE: the order is not FAILED (running, completed or cancelled)' }),
    },
  });
  route('orders:operate', {
    method: 'post',
    path: '/v1/staff/orders/{orderId}/compensations/{step}',
    operationId: 'resolveStuckUndo',
    tags: ['staff'],
    summary: 'Settle an undo that waits for an operator (state COMPENSATION_STUCK): run it again, or mark it resolved by hand so the saga goes on with the next undo',
    request: { params: stuckUndoParams, body: jsonBody(registry.register('ResolveUndoBody', named(resolveUndoBody))) },
    responses: {
      200: json('The saga status once the action was taken up (STUCK again if the retried undo failed again)', checkoutView),
      ...errors({ 404: 'NOT_FOUND: no checkout for this order', 409: 'CONFLICT: no undo of this order waits for an operator, or another one does' }),
    },
  });

  route('orders:read:any', {
    method: 'get',
    path: '/v1/staff/orders/{orderId}/saga',
    operationId: 'getStaffOrderSaga',
    tags: ['staff'],
    summary: 'Any customer’s checkout saga: its state (REFUNDING / REFUNDED once refunded), timeline and compensations with their states',
    request: { params: staffSagaParams },
    responses: {
      200: json('The saga status', registry.register('StaffSagaView', z.object({ ...checkoutView.shape, customerId: z.string() }))),
      ...errors({ 404: 'NOT_FOUND: no checkout for this order' }),
    },
  });
  const staffCancelBodySchema = registry.register('StaffCancelBody', named(staffCancelBody));
  route('orders:cancel:any', {
    method: 'post',
    path: '/v1/staff/orders/{orderId}/cancel',
    operationId: 'staffCancelOrder',
    tags: ['staff'],
    summary: 'Cancel any customer’s running checkout: its steps are undone (a completed order is refunded instead)',
    request: { params: staffSagaParams, body: jsonBody(staffCancelBodySchema, false) },
    responses: {
      200: json('Cancelled (state CANCELLED; also for an order already cancelled)', checkoutView),
      202: json('The cancel was taken up and its undos are running, or one is stuck (COMPENSATION_STUCK): poll the saga', checkoutView),
      ...errors({
        404: 'NOT_FOUND: no checkout for this order',
        409: 'ORDER_NOT_CANCELLABLE: delivery already booked, the order completed (refund it), failed, or its undos are running',
      }),
    },
  });
  route('orders:cancel:any', {
    method: 'post',
    path: '/v1/staff/orders/{orderId}/refund',
    operationId: 'staffRefundOrder',
    tags: ['staff'],
    summary: 'Refund any customer’s COMPLETED order: the refund workflow (one per order) gives the money and points back and restocks',
    request: { params: staffSagaParams, body: jsonBody(staffCancelBodySchema, false) },
    responses: {
      200: json('Already refunded (state REFUNDED)', checkoutView),
      202: json('The refund started (or was already running)', refundAccepted),
      ...errors({ 404: 'NOT_FOUND: no checkout for this order', 409: 'ORDER_NOT_CANCELLABLE: the order is not COMPLETED (cancel a running one), or its refund ran and was refused' }),
    },
  });
  route('orders:operate', {
    method: 'get',
    path: '/v1/staff/compensations/stuck',
    operationId: 'listStuckCompensations',
    tags: ['staff'],
    summary: 'Running checkouts whose undo waits for an operator (COMPENSATION_STUCK), oldest first, with the stuck step and why',
    request: { query: stuckCompensationsQuery },
    responses: {
      200: json(
        'The stuck sagas',
        registry.register(
          'StuckCompensations',
          z.object({
            stuck: z.array(
              z.object({
                orderId: z.string(),
                customerId: z.string().optional(),
                state: z.string(),
                startedAt: timestamp,
                step: z.string().optional().meta({ description: 'The undo that waits: settle it with POST /v1/staff/orders/{orderId}/compensations/{step}' }),
                attempts: z.number().int().optional(),
                lastError: z.string().optional(),
                stuckSince: timestamp.optional(),
                detail: z.string().optional(),
                failure: z.object({ code: z.string(), message: z.string(), step: z.string().optional() }).optional(),
                compensations: checkoutView.shape.compensations,
                unreadable: z.string().optional().meta({ description: 'Why the saga’s status could not be read (its worker is away): listed from visibility only' }),
              }),
            ),
            count: z.number().int().meta({ description: 'Every stuck saga found (up to 1000); `stuck` holds the oldest `limit` of them' }),
          }),
        ),
      ),
      ...errors({}),
    },
  });

  route('analytics:read', {
    method: 'get',
    path: '/v1/staff/analytics/sales',
    operationId: 'getSalesReport',
    tags: ['staff'],
    summary: 'Sales per business day (Asia/Tokyo) and SKU, failed checkouts per day and reason, and each day’s merchant settlements; a merchant token sees only its SKUs and settlements',
    request: { query: salesReportQuery },
    responses: {
      200: json(
        'The report',
        registry.register(
          'SalesReport',
          z.object({
            fromDay: z.string(),
            toDay: z.string(),
            sales: z.array(z.object({ day: z.string(), sku: z.string(), orders: z.number().int(), quantity: z.number().int(), revenueMinor: z.number().int(), currency: z.string() })),
            failures: z.array(z.object({ day: z.string(), reason: z.string(), count: z.number().int() })).meta({ description: 'Empty in a merchant’s view' }),
            settlements: z
              .array(
                z.object({
                  day: z.string(),
                  merchantId: z.string(),
                  paidMinor: z.number().int(),
                  refundedMinor: z.number().int(),
                  feesMinor: z.number().int(),
                  netMinor: z.number().int().meta({ description: 'paid − refunded − fees' }),
                  currency: z.string(),
                  settledAt: z.string(),
                }),
              )
              .meta({ description: 'The settlement of each day that has one (per merchant; a merchant token sees only its own)' }),
          }),
        ),
      ),
      ...errors({ 400: true, 401: true, 403: true, 500: true, 503: true }),
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

  registerPosOpenApi({ registry, route, json, jsonBody, errors, named });
  registerUserAdminOpenApi({ registry, route, json, jsonBody, errors, named });
  registerStorefrontOpenApi({ registry, route, json, jsonBody, errors, named });
  registerFulfilmentOpenApi({ registry, route, json, jsonBody, errors, named });
  registerCouponOpenApi({ registry, route, json, jsonBody, errors, named });
  registerReturnsOpenApi({ registry, route, json, jsonBody, errors, named });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Checkout platform REST API',
      version: '1',
      description: 'Every error answers `{ "error": { "code", "message", "details" } }`. Each operation names the permission it needs in `x-permission`.',
    },
    tags: [
      { name: 'catalog', description: 'The storefront: product search, product pages, categories' },
      { name: 'checkouts', description: 'Start a checkout saga' },
      { name: 'orders', description: 'Follow and cancel the customer’s orders' },
      { name: 'cart', description: 'The customer’s cart and its checkout' },
      { name: 'accounts', description: 'Sign up, verify the email, reset the password, the profile and saved addresses' },
      { name: 'sessions', description: 'Sign in, refresh and sign out' },
      { name: 'loyalty', description: 'Loyalty points: earned on completed orders, redeemed at checkout' },
      { name: 'storefront', description: 'What a storefront client shows: delivery slots, the account’s orders, payments, preferences and avatar' },
      { name: 'webhooks', description: 'Signed notices from the payment provider' },
      { name: 'pos', description: 'Point of sale: a cashier’s sales at a merchant’s counter, the merchant’s settlements' },
      { name: 'staff', description: 'Catalog, stock, delivery, orders and analytics for staff: each operation names its permission in x-permission' },
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
