import * as grpc from '@grpc/grpc-js';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { domainAddresses, GRPC_DOMAINS, type GrpcDomain } from '../../lib/config';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { closeDomainClients, createDomainClients, ordersProto, type DomainClients } from '../../proto/services';
import { Supervisor, type RoleSpec } from '../../scripts/supervisor';
import { platformRoles } from '../../scripts/supervisor-roles';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, freePort, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

/** The domains a card checkout calls (the saga's activities and the services among themselves). */
const CHECKOUT_DOMAINS: readonly GrpcDomain[] = ['catalog', 'inventory', 'orders', 'payments', 'delivery'];
const OTHER_DOMAINS = GRPC_DOMAINS.filter((d) => !CHECKOUT_DOMAINS.includes(d));

interface OrderView {
  orderId: string;
  state: string;
  failure?: { code: string };
}

/**
 * The modules split for real (issue 12): each domain service a checkout crosses in a process of its
 * own (`SERVICES=<domain>`, its own port; the other domains together in one more), the api, the Temporal worker and the services themselves
 * told each domain's address through GRPC_<DOMAIN>_ADDRESS, and GRPC_SERVICES_ADDRESS pointing at a
 * port where nothing listens, so a client that still used the all-in-one address would fail. A card
 * checkout crosses catalog, inventory, orders, payments and delivery and completes.
 */
describe('domain services as separate processes, one per domain (real processes, PostgreSQL, Redis, Kafka, Temporal)', () => {
  const base = testConfig();
  let supervisor: Supervisor;
  let logDir: string;
  let api = '';
  let clients: DomainClients;
  let prisma: PrismaClient;
  let platform: RunningPlatform;
  let ports: Record<GrpcDomain, number>;
  const exits: string[] = [];

  beforeAll(async () => {
    const ownPorts = Object.fromEntries(await Promise.all(CHECKOUT_DOMAINS.map(async (d) => [d, await freePort()] as const)));
    const othersPort = await freePort();
    ports = Object.fromEntries(GRPC_DOMAINS.map((d) => [d, ownPorts[d] ?? othersPort])) as Record<GrpcDomain, number>;
    const nobody = await freePort();
    const apiPort = await freePort();
    const perDomain = Object.fromEntries(GRPC_DOMAINS.map((d) => [`GRPC_${d.toUpperCase()}_ADDRESS`, `127.0.0.1:${ports[d]}`]));
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: base.DATABASE_URL,
      TEMPORAL_NAMESPACE: base.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: `${base.TEMPORAL_TASK_QUEUE}-split`,
      KAFKA_TOPIC_PREFIX: base.KAFKA_TOPIC_PREFIX,
      REDIS_KEY_PREFIX: base.REDIS_KEY_PREFIX,
      API_PORT: String(apiPort),
      // Nothing listens here: every call must go to its domain's own address.
      GRPC_SERVICES_ADDRESS: `127.0.0.1:${nobody}`,
      ...perDomain,
      OTEL_TRACES_EXPORTER: 'none',
    };
    const [servicesSpec] = platformRoles({ metricsBase: 0, env, only: ['services'] });
    // The domains a card checkout crosses each get a process of their own; the others share one
    // (they are addressed separately all the same), which keeps the process count bearable on 2 cores.
    const domainRoles: RoleSpec[] = [
      ...CHECKOUT_DOMAINS.map((domain) => ({
        ...servicesSpec!,
        role: `services-${domain}`,
        env: { ...servicesSpec!.env, SERVICES: domain, GRPC_PORT: String(ports[domain]) },
      })),
      { ...servicesSpec!, role: 'services-others', env: { ...servicesSpec!.env, SERVICES: OTHER_DOMAINS.join(','), GRPC_PORT: String(ports.identity) } },
    ];
    logDir = mkdtempSync(path.join(tmpdir(), 'split-services-test-'));
    supervisor = new Supervisor({
      roles: [...domainRoles, ...platformRoles({ metricsBase: 0, env, only: ['temporal-worker', 'api'] })],
      backoff: { initialMs: 200, maxMs: 2_000 },
    });
    // The children's output and exits go to a file (kept in the temporary directory) rather than the test output.
    const log = (line: string) => appendFileSync(path.join(logDir, 'children.log'), `${line}\n`);
    supervisor.on('exited', ({ role, code, signal }) => {
      exits.push(`${role} ${signal ?? code}`);
      log(`[${role}] exited ${signal ?? code}`);
    });
    supervisor.on('line', ({ role, line }) => log(`[${role}] ${line}`));
    log(`children log of the split-services test`);
    supervisor.start();
    api = `http://127.0.0.1:${apiPort}`;
    clients = createDomainClients(domainAddresses(testConfig(env)));
    prisma = createPrisma(base.DATABASE_URL);
    platform = { config: base, clients, prisma } as unknown as RunningPlatform;
    // Seven processes compile their TypeScript at once on two cores: give them time.
    await eventually(async () => ((await fetch(`${api}/readyz`)).ok ? true : undefined), 360_000, `the api to be ready (children's output in ${logDir})`);
  }, 420_000);

  afterAll(async () => {
    await supervisor?.stop();
    if (clients) closeDomainClients(clients);
    await prisma?.$disconnect();
  });

  it('serves each domain only from its own process', async () => {
    // The catalog process does not serve orders: a call there is UNIMPLEMENTED, not answered.
    const misplaced = new ordersProto.OrdersService(`127.0.0.1:${ports.catalog}`, grpc.credentials.createInsecure());
    try {
      const code = await eventually(
        () =>
          new Promise<number | undefined>((resolve) =>
            misplaced.getOrder({ orderId: randomUUID() }, { deadline: Date.now() + 5_000 }, (err) => resolve(err?.code === grpc.status.UNAVAILABLE ? undefined : (err?.code ?? grpc.status.OK))),
          ),
        120_000,
        'the catalog process to answer',
      );
      expect(code).toBe(grpc.status.UNIMPLEMENTED);
    } finally {
      misplaced.close();
    }
  }, 180_000);

  it('completes a card checkout across the separate domain processes', async () => {
    const sku = await eventually(() => createProduct(platform, { priceMinor: 1500, stock: 3 }), 120_000, 'a product');
    const slot = await createDeliverySlot(platform, 3);
    const customer = customerToken(platform);
    const res = await fetch(`${api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}`, 'Idempotency-Key': randomUUID(), Prefer: 'wait=20' },
      body: JSON.stringify({
        lines: [{ sku, quantity: 2 }],
        address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
        payment: { type: 'card', cardToken: 'tok_visa' },
        deliverySlotId: slot.slotId,
      }),
    });
    expect(res.status).toBeLessThan(300);
    const { orderId } = (await res.json()) as OrderView;
    const view = await eventually(async () => {
      const v = (await (await fetch(`${api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${customer.token}` } })).json()) as OrderView;
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(v.state) ? v : undefined;
    }, 180_000, `order ${orderId} to finish`);
    expect(view).toMatchObject({ state: 'COMPLETED' });
    expect(exits).toEqual([]);
  }, 300_000);
});
