import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { startGrpcServer } from '../../lib/grpc';
import { createEventPublisher, createKafka, createProducer, kafkaSettings } from '../../lib/kafka';
import { createLogger, REDACTED } from '../../lib/logger';
import { payloadDataConverter } from '../../lib/payload-codec';
import { createMetrics } from '../../lib/metrics';
import { createPrisma } from '../../lib/prisma';
import { createRedis } from '../../lib/redis';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { closeDomainClients, createDomainClients } from '../../proto/services';
import { selectServices } from '../../services/registry';
import { freePort } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * Secrets never reach the logs: real requests (sign-up and sign-in with a password, a bearer token, a
 * refresh token, a cookie, a signed webhook, a token in a query string) go through the real api and
 * identity service, both logging at debug into one buffer, which is then searched for every secret.
 */
describe('secrets stay out of the logs (real api, identity service, PostgreSQL, Redis, Kafka)', () => {
  const config = testConfig();
  const written: string[] = [];
  const sink = { write: (line: string) => void written.push(line) };
  const closers: (() => Promise<unknown>)[] = [];
  let api = '';

  beforeAll(async () => {
    const apiLogger = createLogger('api', 'debug', sink);
    const servicesLogger = createLogger('services', 'debug', sink);
    const metrics = createMetrics('test');
    const prisma = createPrisma(config.DATABASE_URL);
    closers.push(() => prisma.$disconnect());
    const redis = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
    closers.push(() => redis.quit());
    const kafka = createKafka(kafkaSettings(config, 'test-redaction'), servicesLogger);
    const producer = createProducer(kafka);
    await producer.connect();
    closers.push(() => producer.disconnect());
    const port = await freePort();
    const clients = createDomainClients(`127.0.0.1:${port}`);
    closers.push(async () => closeDomainClients(clients));
    const grpc = await startGrpcServer(
      '127.0.0.1',
      port,
      selectServices(['identity', 'payments'], {
        prisma,
        metrics,
        logger: servicesLogger,
        clients,
        now: () => new Date(),
        redis,
        events: createEventPublisher(producer, { topicPrefix: config.KAFKA_TOPIC_PREFIX }),
        jwtSecret: config.JWT_SECRET,
      }),
    );
    closers.push(() => grpc.stop());
    const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    closers.push(() => connection.close());
    const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(config.PAYLOAD_KEYRING) });
    const app = createApp({ temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, redis, logger: apiLogger, metrics, clients, jwtSecret: config.JWT_SECRET, webhookSecret: config.PAYMENT_WEBHOOK_SECRET });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  });

  async function call(method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(`${api}${path}`, { method, headers: opts.headers, body: opts.body });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  }
  const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('logs the requests but none of their passwords, tokens, cookies or signatures', async () => {
    const email = `redact-${randomUUID()}@example.com`;
    const password = `pw-${randomUUID()}`;
    const cookie = `session=${randomUUID()}`;
    const queryToken = randomUUID();

    expect((await call('POST', '/v1/accounts', json({ email, password, name: 'Hanako Yamada' }))).status).toBe(201);
    const login = await call('POST', '/v1/sessions', json({ email, password }));
    expect(login.status).toBe(200);
    const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
    const bearer = { authorization: `Bearer ${accessToken}`, cookie };
    expect((await call('GET', '/v1/me', { headers: bearer })).status).toBe(200);
    expect((await call('GET', `/v1/me?token=${queryToken}`, { headers: bearer })).status).toBe(200);
    // A wrong password: the failure is logged, the attempted password must not be.
    const wrongPassword = `wrong-${randomUUID()}`;
    expect((await call('POST', '/v1/sessions', json({ email, password: wrongPassword }))).status).toBe(401);
    const refreshed = await call('POST', '/v1/sessions/refresh', json({ refreshToken }));
    expect(refreshed.status).toBe(200);
    const webhookBody = JSON.stringify({ id: `evt-${randomUUID()}`, type: 'slip.paid', data: { slipNumber: `S-${randomUUID().slice(0, 8)}`, paidAt: new Date().toISOString() } });
    const signature = signWebhook(config.PAYMENT_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), webhookBody);
    const webhook = await call('POST', '/v1/webhooks/payments', { headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature }, body: webhookBody });
    expect(webhook.status).toBe(404); // no such slip: the request is still logged with its headers

    const output = written.join('');
    // The requests were logged, with their headers (so the redaction, not silence, keeps secrets out).
    expect(output).toContain('/v1/sessions/refresh');
    expect(output).toContain('/v1/webhooks/payments');
    const secrets = {
      password,
      wrongPassword,
      accessToken,
      refreshToken,
      newRefreshToken: (refreshed.body as { refreshToken: string }).refreshToken,
      cookie,
      queryToken,
      signature,
      signatureHmac: signature.split('v1=')[1]!,
      jwtSecret: config.JWT_SECRET,
      webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
    };
    const leaked = Object.entries(secrets)
      .filter(([, value]) => output.includes(value))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
    expect(output).toContain(REDACTED);
  });
});
