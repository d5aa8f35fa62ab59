import type { ServiceRegistration } from '../lib/grpc';
import type { Logger } from '../lib/logger';
import type { Metrics } from '../lib/metrics';
import type { PrismaClient } from '../lib/prisma';
import type { DomainClients } from '../proto/services';
import { catalogRegistration } from './catalog/catalog.grpc';
import { deliveryRegistration } from './delivery/delivery.grpc';
import { diagnosticsRegistration } from './diagnostics/diagnostics.grpc';
import { inventoryRegistration } from './inventory/inventory.grpc';
import { ordersRegistration } from './orders/orders.grpc';
import { paymentsRegistration } from './payments/payments.grpc';

export interface ServiceDeps {
  prisma: PrismaClient;
  metrics: Metrics;
  logger: Logger;
  /** Clients of the other domain services (a service calls another only through these). */
  clients: DomainClients;
  /** The clock: injected so cutoffs and expiries can be tested. */
  now: () => Date;
}

/** Every domain service this codebase can serve, by the name used in the SERVICES setting. */
export const SERVICE_FACTORIES: Record<string, (deps: ServiceDeps) => ServiceRegistration> = {
  diagnostics: diagnosticsRegistration,
  catalog: catalogRegistration,
  inventory: inventoryRegistration,
  orders: ordersRegistration,
  payments: paymentsRegistration,
  delivery: deliveryRegistration,
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
