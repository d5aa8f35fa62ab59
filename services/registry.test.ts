import { selectServices, SERVICE_FACTORIES, type ServiceDeps } from './registry';

const deps = { prisma: {}, metrics: {}, logger: {}, clients: {}, now: () => new Date() } as unknown as ServiceDeps;

describe('selectServices', () => {
  it('serves every known service for "all"', () => {
    expect(selectServices(['all'], deps).map((s) => s.name)).toHaveLength(Object.keys(SERVICE_FACTORIES).length);
  });

  it('rejects an unknown service name with the list of known ones', () => {
    expect(() => selectServices(['diagnostics', 'teleport'], deps)).toThrow(/unknown services: teleport \(known: diagnostics, catalog, inventory, orders, payments, delivery, identity/);
  });
});
