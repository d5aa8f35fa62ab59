import type { ServiceRegistration } from '../lib/grpc';
import type { Logger } from '../lib/logger';
import type { Metrics } from '../lib/metrics';
import { TOPICS, type EventPublisher } from '../lib/kafka';
import type { PrismaClient } from '../lib/prisma';
import type { Redis } from '../lib/redis';
import type { DomainClients } from '../proto/services';
import { analyticsRegistration } from './analytics/analytics.grpc';
import { catalogRegistration } from './catalog/catalog.grpc';
import { deliveryRegistration } from './delivery/delivery.grpc';
import { diagnosticsRegistration } from './diagnostics/diagnostics.grpc';
import { identityRegistration } from './identity/identity.grpc';
import { inventoryRegistration } from './inventory/inventory.grpc';
import { loyaltyRegistration } from './loyalty/loyalty.grpc';
import { ordersRegistration } from './orders/orders.grpc';
import { paymentsRegistration } from './payments/payments.grpc';
import { posRegistration } from './pos/pos.grpc';

export interface ServiceDeps {
  prisma: PrismaClient;
  metrics: Metrics;
  logger: Logger;
  /** Clients of the other domain services (a service calls another only through these). */
  clients: DomainClients;
  /** The clock: injected so cutoffs and expiries can be tested. */
  now: () => Date;
  /** Shared Redis (denylists, rate limits). */
  redis: Redis;
  /** Publishes events to Kafka, for services that announce something (identity's emails). */
  events: EventPublisher;
  /** HS256 key of the access tokens the identity service issues and the api verifies. */
  jwtSecret: string;
}

/** Lifetime of an access token: short, since only a denylist can end one early. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Every domain service this codebase can serve, by the name used in the SERVICES setting. */
export const SERVICE_FACTORIES: Record<string, (deps: ServiceDeps) => ServiceRegistration> = {
  diagnostics: diagnosticsRegistration,
  catalog: catalogRegistration,
  inventory: inventoryRegistration,
  orders: ordersRegistration,
  payments: paymentsRegistration,
  delivery: deliveryRegistration,
  identity: (deps) =>
    identityRegistration({ ...deps, accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS, publish: (event) => deps.events.publish(TOPICS.identity, event) }),
  analytics: analyticsRegistration,
  loyalty: loyaltyRegistration,
  pos: posRegistration,
};

/** Resolves a SERVICES list (`all`, or names) to registrations; unknown names are a config error. */
export function selectServices(names: readonly string[], deps: ServiceDeps): ServiceRegistration[] {
  const wanted = names.includes('all') ? Object.keys(SERVICE_FACTORIES) : [...names];
  const unknown = wanted.filter((n) => !(n in SERVICE_FACTORIES));
  if (unknown.length > 0) {
    throw new Error(`SERVICES names unknown services: ${unknown.join(', ')} (known: ${Object.keys(SERVICE_FACTORIES).join(', ')})`);
  }
  return wanted.map((name) => SERVICE_FACTORIES[name]!(deps));
}
