import express, { type Express, type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { signAccessToken } from '../lib/access-token';
import { createLogger } from '../lib/logger';
import type { Role } from '../lib/permissions';
import type { Redis } from '../lib/redis';
import { authenticate, customerOf, principalOf, requireCustomer, requirePermission } from './auth';
import { errorHandler } from './error-handler';

const secret = 'auth-unit-test-secret-auth-unit-test-secret';
const now = new Date('2030-01-01T00:00:00Z');

/** The denylist as the identity service writes it: `identity:revoked-access-token:<jti>`. */
function fakeRedis(revoked: string[] = []): Pick<Redis, 'exists'> & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    exists: (async (key: string) => {
      asked.push(key);
      return revoked.some((jti) => key === `identity:revoked-access-token:${jti}`) ? 1 : 0;
    }) as Redis['exists'],
  };
}

function token(role: Role = 'customer', at: Date = now): { token: string; jti: string; exp: number } {
  const { token, claims } = signAccessToken({ id: `user-${role}`, email: `${role}@example.com`, role }, { secret, ttlSeconds: 900, now: at });
  return { token, jti: claims.jti, exp: claims.exp };
}

function app(redis: Pick<Redis, 'exists'>, clock: () => Date = () => now): Express {
  const deps = { jwtSecret: secret, redis, now: clock };
  const a = express();
  a.get('/me', authenticate(deps), (req, res) => void res.json(principalOf(req)));
  a.get('/catalog', authenticate(deps), requirePermission('catalog:write'), (_req, res) => void res.json({ ok: true }));
  a.get('/shop', ...requireCustomer(deps), (req: Request, res: Response) => void res.json(customerOf(req)));
  a.use(errorHandler(createLogger('test', 'silent')));
  return a;
}

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

describe('authenticate', () => {
  it('accepts a valid token and exposes id, email, role, jti and exp', async () => {
    const { token: t, jti, exp } = token('merchant');
    const res = await request(app(fakeRedis())).get('/me').set(bearer(t));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'user-merchant', email: 'merchant@example.com', role: 'merchant', jti, exp });
  });

  it('answers 401 without a token', async () => {
    const res = await request(app(fakeRedis())).get('/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('bearer token is required') });
    const basic = await request(app(fakeRedis())).get('/me').set('Authorization', 'Basic dXNlcjpwYXNz');
    expect(basic.status).toBe(401);
  });

  it('answers 401 to a tampered token, and never consults the denylist for it', async () => {
    const { token: t } = token('customer');
    const [header, , signature] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ ...(jwt.decode(t) as object), role: 'admin' })).toString('base64url');
    const redis = fakeRedis();
    const res = await request(app(redis)).get('/me').set(bearer(`${header}.${forged}.${signature}`));
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'The token is not valid' });
    expect(redis.asked).toEqual([]);
  });

  it('answers 401 to a token signed with another key', async () => {
    const other = signAccessToken({ id: 'u', email: 'u@example.com', role: 'customer' }, { secret: `${secret}-other`, ttlSeconds: 900, now }).token;
    const res = await request(app(fakeRedis())).get('/me').set(bearer(other));
    expect(res.status).toBe(401);
  });

  it('answers 401 to an expired token', async () => {
    const { token: t } = token('customer');
    const res = await request(app(fakeRedis(), () => new Date(now.getTime() + 901_000))).get('/me').set(bearer(t));
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'The token has expired' });
  });

  it('answers 401 to a token whose jti was revoked by a logout', async () => {
    const revoked = token('customer');
    const live = token('customer');
    const a = app(fakeRedis([revoked.jti]));
    const res = await request(a).get('/me').set(bearer(revoked.token));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('revoked') });
    expect((await request(a).get('/me').set(bearer(live.token))).status).toBe(200);
  });

  it('answers 401 to a token of the old shape (no role, no jti)', async () => {
    const old = jwt.sign({ sub: 'cust-1', email: 'c@example.com', iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 60 }, secret);
    expect((await request(app(fakeRedis())).get('/me').set(bearer(old))).status).toBe(401);
  });
});

describe('requirePermission', () => {
  it('lets a role holding the permission through', async () => {
    expect((await request(app(fakeRedis())).get('/catalog').set(bearer(token('merchant').token))).status).toBe(200);
    expect((await request(app(fakeRedis())).get('/catalog').set(bearer(token('admin').token))).status).toBe(200);
  });

  it('answers 403 FORBIDDEN, naming the permission, to a role without it', async () => {
    const res = await request(app(fakeRedis())).get('/catalog').set(bearer(token('customer').token));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'catalog:write' } });
  });

  it('answers 401, not 403, when there is no token at all', async () => {
    expect((await request(app(fakeRedis())).get('/catalog')).status).toBe(401);
  });
});

describe('requireCustomer', () => {
  it('admits accounts that may check out and exposes them as the customer', async () => {
    const res = await request(app(fakeRedis())).get('/shop').set(bearer(token('customer').token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'user-customer', email: 'customer@example.com' });
  });

  it('keeps staff without checkout:create out with 403', async () => {
    expect((await request(app(fakeRedis())).get('/shop').set(bearer(token('cashier').token))).status).toBe(403);
    expect((await request(app(fakeRedis())).get('/shop')).status).toBe(401);
  });
});
