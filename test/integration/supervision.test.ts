import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { pidFile, Supervisor } from '../../scripts/supervisor';
import { platformRoles } from '../../scripts/supervisor-roles';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, freePort, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface OrderView {
  orderId: string;
  state: string;
  failure?: { code: string };
  payment?: { slipNumber?: string };
}

/**
 * The supervisor of `npm start` over the real platform processes (services, Temporal worker, api as
 * child processes on the real stack): bad SKUs crash nothing, and a SIGKILLed Temporal worker and
 * services process come back by themselves while in-flight checkouts complete.
 */
describe('supervised platform processes (real processes, PostgreSQL, Redis, Kafka, Temporal)', () => {
  const base = testConfig();
  let supervisor: Supervisor;
  let pidDir: string;
  let api = '';
  let clients: DomainClients;
  let prisma: PrismaClient;
  let platform: RunningPlatform;
  const exits: string[] = [];

  beforeAll(async () => {
    const [apiPort, grpcPort] = [await freePort(), await freePort()];
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: base.DATABASE_URL,
      TEMPORAL_NAMESPACE: base.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: `${base.TEMPORAL_TASK_QUEUE}-supervised`,
      KAFKA_TOPIC_PREFIX: base.KAFKA_TOPIC_PREFIX,
      REDIS_KEY_PREFIX: base.REDIS_KEY_PREFIX,
      API_PORT: String(apiPort),
      GRPC_PORT: String(grpcPort),
      GRPC_SERVICES_ADDRESS: `127.0.0.1:${grpcPort}`,
      OTEL_TRACES_EXPORTER: 'none',
    };
    pidDir = mkdtempSync(path.join(tmpdir(), 'supervision-test-'));
    supervisor = new Supervisor({
      roles: platformRoles({ metricsBase: 0, env, only: ['services', 'temporal-worker', 'api'] }),
      pidDir,
      backoff: { initialMs: 200, maxMs: 2_000 },
    });
    supervisor.on('exited', ({ role, code, signal }) => exits.push(`${role} ${signal ?? code}`));
    // The children's output goes to a file (kept in the temporary directory) rather than the test output.
    supervisor.on('line', ({ role, line }) => appendFileSync(path.join(pidDir, 'children.log'), `[${role}] ${line}\n`));
    supervisor.start();
    api = `http://127.0.0.1:${apiPort}`;
    clients = createDomainClients(env.GRPC_SERVICES_ADDRESS);
    prisma = createPrisma(base.DATABASE_URL);
    platform = { config: base, clients, prisma } as unknown as RunningPlatform;
    await eventually(async () => ((await fetch(`${api}/readyz`)).ok ? true : undefined), 150_000, 'the supervised api to be ready');
  }, 180_000);

  afterAll(async () => {
    await supervisor?.stop();
    if (clients) closeDomainClients(clients);
    await prisma?.$disconnect();
  });

  const rolePid = (role: string) => Number(readFileSync(pidFile(pidDir, role), 'utf8'));
  const pids = () => Object.fromEntries(['services', 'temporal-worker', 'api'].map((role) => [role, supervisor.pid(role)]));

  async function checkout(token: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: OrderView }> {
    const res = await fetch(`${api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as OrderView };
  }
  const getOrder = async (token: string, orderId: string) =>
    (await (await fetch(`${api}/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as OrderView;
  const finished = (token: string, orderId: string, timeoutMs = 180_000) =>
    eventually(async () => {
      const view = await getOrder(token, orderId);
      return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(view.state) ? view : undefined;
    }, timeoutMs, `order ${orderId} to finish`);
  const body = (sku: string, slot: { slotId: string; postalCode: string }, payment: unknown = { type: 'card', cardToken: 'tok_visa' }) => ({
    lines: [{ sku, quantity: 1 }],
    address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
    payment,
    deliverySlotId: slot.slotId,
  });

  it('answers a checkout of a Japanese or emoji SKU with a clean outcome, and every process stays up', async () => {
    const slot = await eventually(() => createDeliverySlot(platform, 5), 60_000, 'a delivery slot');
    const before = pids();
    const customer = customerToken(platform);
    for (const sku of ['抹茶', 'TEA-🍵-100G', 'ほうじ茶\u0000\u202e']) {
      const res = await checkout(customer.token, body(sku, slot), { Prefer: 'wait=20' });
      if (res.status < 300) {
        const view = res.body.state === 'FAILED' ? res.body : await finished(customer.token, res.body.orderId);
        expect(view).toMatchObject({ state: 'FAILED', failure: { code: expect.stringMatching(/OUT_OF_STOCK|PRODUCT_UNAVAILABLE|NOT_FOUND/) } });
      } else {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    // A REST read of the order after the failure (the api and the services answer) and no process exited.
    expect((await fetch(`${api}/readyz`)).status).toBe(200);
    expect(exits).toEqual([]);
    expect(pids()).toEqual(before);
  }, 240_000);

  it('restarts a SIGKILLed Temporal worker and services process, and in-flight checkouts complete', async () => {
    const sku = await eventually(() => createProduct(platform, { priceMinor: 2000, stock: 5 }), 60_000, 'a product');
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    // A konbini checkout that waits for its slip to be paid, and a card checkout whose charge is slow.
    const konbini = await checkout(customer.token, body(sku, slot, { type: 'konbini' }), { Prefer: 'wait=10' });
    const waiting = await eventually(async () => {
      const view = await getOrder(customer.token, konbini.body.orderId);
      return view.state === 'AWAITING_PAYMENT' ? view : undefined;
    }, 60_000, 'the konbini checkout to wait for payment');
    const card = await checkout(customer.token, body(sku, slot, { type: 'card', cardToken: 'tok_slow' }));
    expect(card.status).toBe(202);

    const killed = { services: rolePid('services'), 'temporal-worker': rolePid('temporal-worker') };
    const cameBack = Promise.all(
      Object.keys(killed).map((role) => new Promise<void>((resolve) => supervisor.on('started', (e) => e.role === role && e.restarts >= 1 && resolve()))),
    );
    process.kill(killed['temporal-worker'], 'SIGKILL');
    process.kill(killed.services, 'SIGKILL');
    await cameBack;
    expect(exits).toEqual(expect.arrayContaining(['services SIGKILL', 'temporal-worker SIGKILL']));
    expect(rolePid('services')).not.toBe(killed.services);
    expect(rolePid('temporal-worker')).not.toBe(killed['temporal-worker']);
    expect(supervisor.status().every((s) => s.state === 'running')).toBe(true);

    // The slip is paid once the services answer again (the webhook reads the payment through them).
    const payload = JSON.stringify({ id: `evt_${randomUUID()}`, type: 'slip.paid', data: { slipNumber: waiting.payment?.slipNumber, paidAt: new Date().toISOString() } });
    await eventually(async () => {
      const hook = await fetch(`${api}/v1/webhooks/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(base.PAYMENT_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), payload) },
        body: payload,
      });
      return hook.status === 200 ? true : undefined;
    }, 90_000, 'the payment webhook to be accepted');

    expect((await finished(customer.token, konbini.body.orderId)).state).toBe('COMPLETED');
    expect((await finished(customer.token, card.body.orderId)).state).toBe('COMPLETED');
  }, 420_000);
});
