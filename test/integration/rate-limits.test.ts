import type { Client } from '@temporalio/client';
import type { Express } from 'express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../api/app';
import type { RateLimitSettings } from '../../api/rate-limits';
import { signAccessToken } from '../../lib/access-token';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import { createRedis, type Redis } from '../../lib/redis';
import type { DomainClients } from '../../proto/services';
import { testConfig } from '../support/test-config';

const SETTINGS: RateLimitSettings = { windowSeconds: 60, limits: { read: 5, write: 5, checkout: 3, account: 3, webhook: 4 } };
const JWT_SECRET = 'a-test-only-jwt-secret-of-32-characters!';

/**
 * The gateway's abuse limits on the real Redis: two api instances (as two processes would) share
 * each client's budget per route class. The routes called here answer before they need Temporal or
 * the domain services (401, 400 or the document), so the budgets are all that is under test.
 */
describe('rate limits per client and route class, shared by api instances through Redis', () => {
  const config = testConfig();
  const redisClients: Redis[] = [];

  afterAll(async () => {
    for (const r of redisClients) await r.quit().catch(() => r.disconnect());
  });

  /**
   * Two apps over one Redis key prefix of their own (a fresh budget per test), like two api
   * processes, once their Redis clients are connected (until then each counts in memory).
   */
  async function twoInstances(redisUrl = config.REDIS_URL): Promise<[Express, Express]> {
    const prefix = `${config.REDIS_KEY_PREFIX}rate-limits-${randomUUID()}:`;
    const connected = redisUrl === config.REDIS_URL;
    const app = async () => {
      const redis = createRedis(redisUrl, prefix);
      redis.on('error', () => undefined); // the dead-Redis test expects connection errors
      redisClients.push(redis);
      if (connected) await redis.ping();
      return createApp({
        temporal: {} as Client,
        taskQueue: 'unused',
        redis,
        logger: createLogger('test', 'silent'),
        metrics: createMetrics('test'),
        clients: {} as DomainClients,
        jwtSecret: JWT_SECRET,
        webhookSecret: 'test-webhook-secret',
        rateLimits: SETTINGS,
      });
    };
    return [await app(), await app()];
  }
  const tokenOf = (id: string, secret = JWT_SECRET) => signAccessToken({ id, email: `${id}@example.com`, role: 'customer' }, { secret, ttlSeconds: 600, now: new Date() }).token;
  /** A checkout the route rejects as invalid (400) before it would start anything. */
  const checkout = (app: Express, token: string) => request(app).post('/v1/checkouts').set('authorization', `Bearer ${token}`).send({ lines: [] });

  it('shares a client’s checkout budget across instances, then answers 429 RATE_LIMITED with Retry-After and RateLimit headers', async () => {
    const [a, b] = await twoInstances();
    const token = tokenOf(`cust-${randomUUID()}`);
    const answers = [];
    for (const app of [a, b, a]) {
      const res = await checkout(app, token);
      answers.push({ status: res.status, remaining: /;r=(\d+);/.exec(res.headers.ratelimit ?? '')?.[1], policy: res.headers['ratelimit-policy'] });
    }
    expect(answers).toEqual([
      { status: 400, remaining: '2', policy: '"checkout";q=3;w=60' },
      { status: 400, remaining: '1', policy: '"checkout";q=3;w=60' },
      { status: 400, remaining: '0', policy: '"checkout";q=3;w=60' },
    ]);

    const limited = await checkout(b, token);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringContaining('at most 3 checkout requests per 60 s'), details: { retryAfterSeconds: expect.any(Number), policy: 'checkout' } },
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.ratelimit).toBe(`"checkout";r=0;t=${retryAfter}`);
    expect(limited.headers['ratelimit-policy']).toBe('"checkout";q=3;w=60');
    expect(limited.headers['x-request-id']).toBeTruthy();
  });

  it('keeps budgets apart per client and per route class', async () => {
    const [a, b] = await twoInstances();
    const spent = tokenOf(`cust-${randomUUID()}`);
    for (let i = 0; i < 3; i += 1) await checkout(a, spent);
    expect((await checkout(b, spent)).status).toBe(429);
    // Another customer has a budget of its own; the first one can still read.
    expect((await checkout(b, tokenOf(`cust-${randomUUID()}`))).status).toBe(400);
    const read = await request(a).get('/openapi.json').set('authorization', `Bearer ${spent}`);
    expect({ status: read.status, policy: read.headers['ratelimit-policy'] }).toEqual({ status: 200, policy: '"read";q=5;w=60' });
  });

  it('counts a token that does not verify against the address, so forged subjects cannot dodge the limit', async () => {
    const [a, b] = await twoInstances();
    const statuses = [];
    for (let i = 0; i < 6; i += 1) {
      const forged = tokenOf(`someone-${i}`, 'not-our-secret-not-our-secret-not-ours!');
      statuses.push((await request(i % 2 ? a : b).get('/openapi.json').set('authorization', `Bearer ${forged}`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('gives the payment webhooks and the account routes budgets of their own, counted by address', async () => {
    const [a, b] = await twoInstances();
    const webhooks = [];
    for (let i = 0; i < 5; i += 1) webhooks.push((await request(i % 2 ? a : b).post('/v1/webhooks/payments').send('{}')).status);
    expect(webhooks).toEqual([401, 401, 401, 401, 429]);
    const signIns = [];
    for (let i = 0; i < 4; i += 1) signIns.push((await request(i % 2 ? a : b).post('/v1/sessions').send({ email: 'not an email' })).status);
    expect(signIns).toEqual([400, 400, 400, 429]);
    // Neither spent the address's read budget.
    expect((await request(a).get('/openapi.json')).status).toBe(200);
  });

  it('never limits the health, readiness and metrics probes', async () => {
    const [a] = await twoInstances();
    for (let i = 0; i < SETTINGS.limits.read + 3; i += 1) {
      const res = await request(a).get('/healthz');
      expect({ status: res.status, policy: res.headers['ratelimit-policy'] }).toEqual({ status: 200, policy: undefined });
    }
  });

  it('keeps answering, and limiting per process, while Redis is unreachable', async () => {
    const [a] = await twoInstances('redis://127.0.0.1:1');
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await request(a).get('/openapi.json')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
