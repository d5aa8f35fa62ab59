import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import type { ServiceDeps } from '../../services/registry';

/** Stands in for a dependency the service under test never uses; any use fails the test loudly. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, prop) => {
      throw new Error(`${name}.${String(prop)} was used, but this test gave the service no ${name}`);
    },
  });
}

/** ServiceDeps for a service integration test: the given real ones, test logging, and guards for the rest. */
export function serviceDeps(deps: Pick<ServiceDeps, 'prisma' | 'clients'> & Partial<ServiceDeps>): ServiceDeps {
  return {
    metrics: createMetrics('test'),
    logger: createLogger('test', 'warn'),
    now: () => new Date(),
    redis: unused('redis'),
    events: unused('events'),
    jwtSecret: 'integration-test-secret-of-at-least-32-chars',
    ...deps,
  };
}
