import type { ServiceRegistration } from '../lib/grpc';
import type { Logger } from '../lib/logger';
import type { Metrics } from '../lib/metrics';
import type { PrismaClient } from '../lib/prisma';
import { diagnosticsRegistration } from './diagnostics/diagnostics.grpc';

export interface ServiceDeps {
  prisma: PrismaClient;
  metrics: Metrics;
  logger: Logger;
}

/** Every domain service this codebase can serve, by the name used in the SERVICES setting. */
export const SERVICE_FACTORIES: Record<string, (deps: ServiceDeps) => ServiceRegistration> = {
  diagnostics: diagnosticsRegistration,
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
