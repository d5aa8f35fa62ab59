import type { Client } from '@temporalio/client';
import request from 'supertest';
import { createLogger } from '../lib/logger';
import { createMetrics } from '../lib/metrics';
import type { Redis } from '../lib/redis';
import type { DomainClients } from '../proto/services';
import { createApp } from './app';

const ORDER_ID = '0b8f6f0e-8a53-4c8f-9a38-4d8c1f7c2a10';

describe('a method the OpenAPI document does not list for a path it lists', () => {
  // Nothing here reaches a dependency: routing only.
  const app = createApp({
    temporal: {} as Client,
    taskQueue: 'test',
    redis: {} as Redis,
    logger: createLogger('test', 'silent'),
    metrics: createMetrics('test'),
    clients: {} as DomainClients,
    jwtSecret: 'a-test-only-jwt-secret-of-32-characters!',
    webhookSecret: 'test-webhook-secret',
  });

  it.each([
    ['delete', '/v1/products', 'GET, HEAD, OPTIONS'],
    ['put', '/v1/categories', 'GET, HEAD, OPTIONS'],
    ['get', '/v1/webhooks/payments', 'POST, OPTIONS'],
    ['patch', '/v1/products/tea-sencha', 'GET, HEAD, OPTIONS'],
    ['delete', '/v1/me', 'GET, PATCH, HEAD, OPTIONS'],
    ['post', '/healthz', 'GET, HEAD, OPTIONS'],
  ] as const)('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const res = await request(app)[method](path);
    expect({ status: res.status, allow: res.headers.allow, code: res.body.error?.code }).toEqual({ status: 405, allow, code: 'METHOD_NOT_ALLOWED' });
  });

  it('answers TRACE too (a method express has no route helper for)', async () => {
    const res = await request(app).trace('/v1/system/pings');
    expect({ status: res.status, allow: res.headers.allow }).toEqual({ status: 405, allow: 'POST, OPTIONS' });
  });

  it('answers 405, not 415, to a body sent with a method no route takes (an image to TRACE /v1/me/avatar, a form to PATCH /v1/products)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const trace = await request(app).trace('/v1/me/avatar').set('Content-Type', 'image/png').send(png);
    expect({ status: trace.status, allow: trace.headers.allow }).toEqual({ status: 405, allow: 'GET, PUT, DELETE, HEAD, OPTIONS' });
    const patch = await request(app).patch('/v1/products').type('form').send({ q: 'tea' });
    expect({ status: patch.status, allow: patch.headers.allow }).toEqual({ status: 405, allow: 'GET, HEAD, OPTIONS' });
    // A documented method still meets the body gate.
    expect((await request(app).post('/v1/system/pings').set('Content-Type', 'text/plain').send('hi')).status).toBe(415);
  });

  it('still answers 401 first on a guarded path without a token, and 404 on a path nobody documents', async () => {
    expect((await request(app).put(`/v1/orders/${ORDER_ID}`)).status).toBe(401);
    const unknown = await request(app).get('/v1/nothing-here');
    expect({ status: unknown.status, code: unknown.body.error?.code, allow: unknown.headers.allow }).toEqual({ status: 404, code: 'NOT_FOUND', allow: undefined });
  });
});
