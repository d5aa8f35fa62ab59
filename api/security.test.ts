import type { Client } from '@temporalio/client';
import type { Express } from 'express';
import request from 'supertest';
import { createLogger } from '../lib/logger';
import { createMetrics } from '../lib/metrics';
import type { Redis } from '../lib/redis';
import type { DomainClients } from '../proto/services';
import { createApp } from './app';
import { openApiDocument } from './openapi';

const UI_ORIGIN = 'http://localhost:5173';

function testApp(corsOrigins?: string[]): { app: Express; started: unknown[] } {
  const started: unknown[] = [];
  const temporal = { workflow: { start: async (_type: string, options: unknown) => void started.push(options) } } as unknown as Client;
  const app = createApp({
    temporal,
    taskQueue: 'test',
    redis: {} as Redis,
    logger: createLogger('test', 'silent'),
    metrics: createMetrics('test'),
    clients: {} as DomainClients,
    jwtSecret: 'a-test-only-jwt-secret-of-32-characters!',
    webhookSecret: 'test-webhook-secret',
    ...(corsOrigins ? { corsOrigins } : {}),
  });
  return { app, started };
}

/** The URLs of a page's scripts, stylesheets and icons. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1] as string);
}

describe('GET /openapi.json and /docs', () => {
  const { app } = testApp();

  it('serves the document', async () => {
    const res = await request(app).get('/openapi.json').expect(200).expect('Content-Type', /application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('serves Swagger UI whose every script and stylesheet comes from this server', async () => {
    await request(app).get('/docs').expect(301).expect('Location', '/docs/');
    const page = await request(app).get('/docs/').expect(200).expect('Content-Type', /text\/html/);
    const urls = assetUrls(page.text);
    expect(urls).toEqual(expect.arrayContaining(['./swagger-ui.css', './swagger-ui-bundle.js', './swagger-ui-standalone-preset.js', './swagger-ui-init.js']));
    for (const url of urls) {
      expect(url).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:)?\/\//i);
      const asset = await request(app).get(new URL(url, 'http://api.test/docs/').pathname);
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
    }
    const init = await request(app).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"swaggerUrl": "/openapi.json"');
    // Swagger UI otherwise sends the document to validator.swagger.io for a badge.
    expect(init.text).toContain('"validatorUrl": null');
    expect(init.text).not.toMatch(/https?:\/\//);
  });

  it('lets the docs page load only same-origin scripts and connections', async () => {
    const res = await request(app).get('/docs/').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });
});

describe('security headers', () => {
  const { app } = testApp();

  it('sets helmet headers and a deny-all CSP on API answers', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[\w.-]+$/);
  });
});

describe('CORS', () => {
  it('allows a configured origin and exposes the headers clients need', async () => {
    const { app } = testApp([UI_ORIGIN]);
    const res = await request(app).get('/healthz').set('Origin', UI_ORIGIN).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(res.headers['access-control-expose-headers']).toContain('X-Request-Id');
    expect(res.headers['access-control-expose-headers']).toContain('Location');
    // A browser client can read when to retry after a 429.
    expect(res.headers['access-control-expose-headers']).toContain('RateLimit');
    expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('answers a preflight from a configured origin', async () => {
    const { app } = testApp([UI_ORIGIN]);
    const res = await request(app)
      .options('/v1/checkouts')
      .set('Origin', UI_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toEqual(expect.stringContaining('Idempotency-Key'));
    expect(res.headers['access-control-allow-headers']).toEqual(expect.stringContaining('Authorization'));
  });

  it('gives no CORS grant to another origin, nor to any origin when none is configured', async () => {
    const { app } = testApp([UI_ORIGIN]);
    const other = await request(app).get('/healthz').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app).options('/v1/checkouts').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();

    const { app: closed } = testApp();
    const res = await request(closed).get('/healthz').set('Origin', UI_ORIGIN).expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('answers 413 PAYLOAD_TOO_LARGE in the error shape for a JSON body over 100 kB', async () => {
    const { app, started } = testApp();
    const res = await request(app)
      .post('/v1/system/pings')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ message: 'x'.repeat(101 * 1024) }))
      .expect(413);
    expect(res.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(started).toHaveLength(0);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a webhook body over 64 kB', async () => {
    const { app } = testApp();
    const res = await request(app).post('/v1/webhooks/payments').set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(65 * 1024) })).expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a non-JSON body on a JSON route', async () => {
    const { app, started } = testApp();
    const res = await request(app).post('/v1/system/pings').set('Content-Type', 'text/plain').send('message=hello').expect(415);
    expect(res.body).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json') } });
    const form = await request(app).post('/v1/system/pings').type('form').send({ message: 'hello' }).expect(415);
    expect(form.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(started).toHaveLength(0);
  });

  it('still reads JSON with a charset, and an empty body, as before', async () => {
    const { app, started } = testApp();
    await request(app).post('/v1/system/pings').set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify({ message: 'hello' })).expect(202);
    expect(started).toHaveLength(1);
    const empty = await request(app).post('/v1/system/pings').expect(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('leaves the webhook to read its raw body whatever its type', async () => {
    const { app } = testApp();
    const res = await request(app).post('/v1/webhooks/payments').set('Content-Type', 'text/plain').send('{}').expect(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown route 404 in the error shape', async () => {
    const { app } = testApp();
    const res = await request(app).get('/v1/nothing-here').expect(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /v1/nothing-here' } });
  });
});

describe('a NUL character in a request', () => {
  const { app } = testApp();

  it.each([
    ['the JSON body', () => request(app).post('/v1/accounts/password-reset').send({ email: 'a\u0000@example.com' }), 'body.email'],
    ['a nested body field', () => request(app).post('/v1/system/pings').send({ message: 'ok', nested: ['fine', { deep: 'x\u0000' }] }), 'body.nested.1.deep'],
    ['the query', () => request(app).get('/v1/products?q=tea%00'), 'query.q'],
    ['the path', () => request(app).get('/v1/products/tea%00'), 'path'],
  ])('in %s answers 400 VALIDATION_FAILED before any service sees it (PostgreSQL text cannot hold it)', async (_where, send, path) => {
    const res = await send();
    expect({ status: res.status, code: res.body.error?.code, path: res.body.error?.details?.[0]?.path }).toEqual({ status: 400, code: 'VALIDATION_FAILED', path });
  });
});
