import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import { redactUrl, type Logger } from '../lib/logger';
import type { Metrics } from '../lib/metrics';
import type { Redis } from '../lib/redis';
import { errorHandler, notFoundHandler } from './error-handler';
import { methodNotAllowedBeforeBody, methodNotAllowedHandler } from './method-not-allowed';
import { rateLimiter, type RateLimitSettings } from './rate-limits';
import { IdempotencyKeys } from './idempotency';
import { CartStore, DEFAULT_CART_TTL_SECONDS } from './cart/cart-store';
import { accountRoutes } from './routes/accounts';
import { cartRoutes } from './routes/cart';
import { catalogRoutes } from './routes/catalog';
import { checkoutRoutes } from './routes/checkouts';
import { carrierWebhookRoutes } from './routes/fulfilment';
import { paymentWebhookRoutes } from './routes/payment-webhooks';
import { pingRoutes } from './routes/pings';
import { loyaltyRoutes } from './routes/loyalty';
import { deliverySlotRoutes } from './routes/delivery-slots';
import { myOrderRoutes } from './routes/me-orders';
import { preferenceRoutes } from './routes/preferences';
import { avatarRoutes } from './routes/avatar';
import { DEFAULT_OBJECT_STORAGE_DIR, FilesystemObjectStorage, type ObjectStorage } from '../lib/object-storage';
import { merchantSettlementRoutes } from './routes/merchant-settlements';
import { merchantTenancy } from './routes/merchant-tenancy';
import { posRoutes } from './routes/pos';
import { staffRoutes } from './routes/staff/staff-routes';
import { registerSagaGauges } from './saga-gauges';
import { requireCustomer } from './auth';
import { openApiDocument } from './openapi';
import { corsPolicy, docsContentSecurityPolicy, JSON_MEDIA_TYPE, rejectNulCharacters, requireJsonBody, securityHeaders } from './security';
import type { DomainClients } from '../proto/services';

export interface ApiDeps {
  temporal: Client;
  taskQueue: string;
  redis: Redis;
  logger: Logger;
  metrics: Metrics;
  clients: DomainClients;
  jwtSecret: string;
  webhookSecret: string;
  /** Verifies the carrier's tracking webhooks (config CARRIER_WEBHOOK_SECRET); absent, every carrier webhook is refused as unsigned. */
  carrierWebhookSecret?: string;
  /** Browser origins allowed by CORS (exact matches); none when absent. */
  corsOrigins?: string[];
  /** Sliding expiry of customers' carts (config CART_TTL_SECONDS); 30 days when absent. */
  cartTtlSeconds?: number;
  /**
   * Per-client request limits, counted in `redis` (config RATE_LIMIT_*; the api process always
   * passes them). Absent: no limits, for tests whose Redis is a fake.
   */
  rateLimits?: RateLimitSettings;
  /** Where avatars are kept (config AVATAR_STORAGE_DIR); a directory under the OS temp dir when absent. */
  objectStorage?: ObjectStorage;
}

/** The REST gateway: thin routes over Temporal and the domain services. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Headers are redacted by the logger (lib/logger.ts); the URL's query is scrubbed here.
      serializers: { req: (req: { url?: string }) => (typeof req.url === 'string' ? { ...req, url: redactUrl(req.url) } : req) },
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
    }),
  );
  app.use((req, res, next) => {
    const end = deps.metrics.requestDuration.startTimer({ kind: 'http' });
    res.on('finish', () => {
      // The route pattern, not the URL, so ids do not explode the label set.
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ operation: `${req.method} ${route}`, outcome: res.statusCode < 500 ? 'ok' : 'error' });
    });
    next();
  });
  app.use(securityHeaders());
  app.use(corsPolicy(deps.corsOrigins ?? []));
  // Before every route (webhooks included) and before any body is read, so a flood costs little.
  if (deps.rateLimits) app.use(rateLimiter({ redis: deps.redis, settings: deps.rateLimits, jwtSecret: deps.jwtSecret, logger: deps.logger }));
  const document = openApiDocument();
  app.use(methodNotAllowedBeforeBody(document));
  // Before the JSON parser: webhooks verify a signature over the raw body.
  app.use(paymentWebhookRoutes({ temporal: deps.temporal, clients: deps.clients, secret: deps.webhookSecret }));
  app.use(carrierWebhookRoutes({ temporal: deps.temporal, clients: deps.clients, secret: deps.carrierWebhookSecret ?? '' }));
  // Before the JSON-only gate: an avatar upload's body is the image itself.
  app.use(avatarRoutes({ storage: deps.objectStorage ?? new FilesystemObjectStorage(DEFAULT_OBJECT_STORAGE_DIR), auth: { jwtSecret: deps.jwtSecret, redis: deps.redis } }));
  app.use(requireJsonBody);
  app.use(express.json({ limit: '100kb', type: JSON_MEDIA_TYPE }));
  app.use(rejectNulCharacters);

  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  // Swagger UI and its assets come from the bundled swagger-ui-dist: nothing is fetched from a CDN.
  const docsOptions = { swaggerUrl: '/openapi.json', customSiteTitle: 'Checkout platform API', swaggerOptions: { validatorUrl: null } };
  app.use('/docs', docsContentSecurityPolicy(), swaggerUi.serveFiles(undefined, docsOptions), swaggerUi.setup(undefined, docsOptions));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([deps.redis.ping(), deps.temporal.workflowService.getSystemInfo({})]);
    const [redis, temporal] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'down'));
    const ready = redis === 'ok' && temporal === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks: { redis, temporal } });
  });
  registerSagaGauges(deps.metrics.registry, deps.temporal);
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  const idempotency = new IdempotencyKeys(deps.redis);
  app.use(pingRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, idempotency }));
  app.use(catalogRoutes({ clients: deps.clients, redis: deps.redis, logger: deps.logger }));
  const auth = { jwtSecret: deps.jwtSecret, redis: deps.redis };
  app.use(accountRoutes({ identity: deps.clients.identity, auth }));
  app.use(loyaltyRoutes({ loyalty: deps.clients.loyalty, auth }));
  app.use(deliverySlotRoutes({ delivery: deps.clients.delivery }));
  app.use(myOrderRoutes({ orders: deps.clients.orders, payments: deps.clients.payments, auth }));
  app.use(preferenceRoutes({ identity: deps.clients.identity, auth }));
  // Before the staff routes: a merchant's or cashier's token reaches only its own merchant's data there.
  app.use(merchantTenancy({ pos: deps.clients.pos, auth }));
  app.use(staffRoutes({ clients: deps.clients, auth, idempotency, temporal: deps.temporal, taskQueue: deps.taskQueue }));
  app.use(posRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, idempotency, pos: deps.clients.pos, auth }));
  app.use(merchantSettlementRoutes({ pos: deps.clients.pos, auth }));
  app.use(['/v1/checkouts', '/v1/orders', '/v1/cart'], requireCustomer(auth));
  app.use(checkoutRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, idempotency, clients: deps.clients }));
  const cart = new CartStore(deps.redis, deps.cartTtlSeconds ?? DEFAULT_CART_TTL_SECONDS);
  app.use(cartRoutes({ temporal: deps.temporal, taskQueue: deps.taskQueue, idempotency, clients: deps.clients, cart }));

  app.use(methodNotAllowedHandler(document));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
