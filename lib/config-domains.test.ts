import { domainAddresses, GRPC_DOMAINS, loadConfig } from './config';

describe('domainAddresses', () => {
  it('sends every domain to the all-in-one GRPC_SERVICES_ADDRESS when no per-domain address is set', () => {
    const addresses = domainAddresses(loadConfig({ GRPC_SERVICES_ADDRESS: 'services:50051' }));
    expect(Object.keys(addresses)).toEqual([...GRPC_DOMAINS]);
    expect(new Set(Object.values(addresses))).toEqual(new Set(['services:50051']));
  });

  it('sends a domain with its own GRPC_<DOMAIN>_ADDRESS there and the rest to the default', () => {
    const addresses = domainAddresses(
      loadConfig({ GRPC_SERVICES_ADDRESS: 'services:50051', GRPC_ORDERS_ADDRESS: 'orders:50051', GRPC_DIAGNOSTICS_ADDRESS: 'diag:50051' }),
    );
    expect(addresses).toMatchObject({ orders: 'orders:50051', diagnostics: 'diag:50051', catalog: 'services:50051', payments: 'services:50051' });
  });
});
