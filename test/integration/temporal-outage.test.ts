import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { Supervisor } from '../../scripts/supervisor';
import { platformRoles } from '../../scripts/supervisor-roles';
import { CuttableProxy } from '../chaos/cuttable-proxy';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, freePort, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * The api and the Temporal worker (real child processes under the supervisor) start while Temporal
 * is unreachable, wait for it, and serve checkouts once it answers; after a second outage they
 * reconnect by themselves. No process exits.
 */
describe('a Temporal outage (real processes behind a cuttable proxy)', () => {
  const base = testConfig();
  const exits: string[] = [];
  const lines: string[] = [];
  let supervisor: Supervisor;
  let proxy: CuttableProxy;
  let api = '';
  let clients: DomainClients;
  let prisma: PrismaClient;
  let platform: RunningPlatform;

  beforeAll(async () => {
    const [apiPort, grpcPort, proxyPort] = [await freePort(), await freePort(), await freePort()];
    const [host, port] = base.TEMPORAL_ADDRESS.split(':');
    proxy = new CuttableProxy(proxyPort, { host: host!, port: Number(port) });
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: base.DATABASE_URL,
      TEMPORAL_ADDRESS: `127.0.0.1:${proxyPort}`,
      TEMPORAL_NAMESPACE: base.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: `${base.TEMPORAL_TASK_QUEUE}-outage`,
      KAFKA_TOPIC_PREFIX: base.KAFKA_TOPIC_PREFIX,
      REDIS_KEY_PREFIX: base.REDIS_KEY_PREFIX,
      API_PORT: String(apiPort),
      GRPC_PORT: String(grpcPort),
      GRPC_SERVICES_ADDRESS: `127.0.0.1:${grpcPort}`,
      OTEL_TRACES_EXPORTER: 'none',
    };
    supervisor = new Supervisor({
      roles: platformRoles({ metricsBase: 0, env, only: ['services', 'temporal-worker', 'api'] }),
      pidDir: mkdtempSync(path.join(tmpdir(), 'temporal-outage-test-')),
      backoff: { initialMs: 200, maxMs: 2_000 },
    });
    supervisor.on('exited', ({ role, code, signal }) => exits.push(`${role} ${signal ?? code}`));
    supervisor.on('line', ({ role, line }) => lines.push(`[${role}] ${line}`));
    supervisor.start();
    api = `http://127.0.0.1:${apiPort}`;
    clients = createDomainClients(env.GRPC_SERVICES_ADDRESS);
    prisma = createPrisma(base.DATABASE_URL);
    platform = { config: base, clients, prisma } as unknown as RunningPlatform;
  }, 60_000);

  afterAll(async () => {
    await supervisor?.stop();
    await proxy?.cut();
    if (clients) closeDomainClients(clients);
    await prisma?.$disconnect();
  });

  const logged = (role: string, text: string) => lines.some((l) => l.startsWith(`[${role}]`) && l.includes(text));
  const readiness = async () => {
    const res = await fetch(`${api}/readyz`).catch(() => undefined);
    return res ? ((await res.json()) as { checks: { temporal: string } }).checks.temporal : 'no answer';
  };
  async function completedCheckout(sku: string, slot: { slotId: string; postalCode: string }): Promise<string> {
    const customer = customerToken(platform);
    const res = await fetch(`${api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}`, 'Idempotency-Key': randomUUID(), Prefer: 'wait=25' },
      body: JSON.stringify({
        lines: [{ sku, quantity: 1 }],
        address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
        payment: { type: 'card', cardToken: 'tok_visa' },
        deliverySlotId: slot.slotId,
      }),
    });
    const { orderId } = (await res.json()) as { orderId: string };
    return eventually(async () => {
      const view = (await (await fetch(`${api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${customer.token}` } })).json()) as { state: string };
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(view.state) ? view.state : undefined;
    }, 120_000, `order ${orderId} to finish`);
  }

  it('starts without Temporal, serves checkouts once it answers, and reconnects after it goes away again', async () => {
    await eventually(async () => (logged('temporal-worker', 'Temporal is unreachable; retrying') ? true : undefined), 120_000, 'the worker to wait for Temporal');
    await eventually(async () => (logged('api', 'api listening') ? true : undefined), 120_000, 'the api to listen without Temporal');
    expect(await readiness()).toBe('down');

    await proxy.open();
    await eventually(async () => ((await readiness()) === 'ok' ? true : undefined), 60_000, 'the api to reach Temporal');
    const sku = await eventually(() => createProduct(platform, { priceMinor: 1000, stock: 5 }), 60_000, 'a product');
    const slot = await createDeliverySlot(platform, 5);
    expect(await completedCheckout(sku, slot)).toBe('COMPLETED');

    await proxy.cut();
    await eventually(async () => ((await readiness()) === 'down' ? true : undefined), 60_000, 'the api to notice the outage');
    await proxy.open();
    expect(await completedCheckout(sku, slot)).toBe('COMPLETED');
    expect(exits).toEqual([]);
  }, 480_000);
});
