import jwt from 'jsonwebtoken';
import type { Redis } from './redis';
import { isRevoked, revokeAccessToken, signAccessToken, verifyAccessToken } from './access-token';

const secret = 'unit-test-secret-unit-test-secret-123';
const now = new Date('2030-01-01T00:00:00Z');
const user = { id: 'user-1', email: 'a@example.com', role: 'merchant' as const };

describe('access tokens', () => {
  it('carry sub, email, role, jti and exp, and verify', () => {
    const { token, claims } = signAccessToken(user, { secret, ttlSeconds: 900, now });
    expect(claims.exp).toBe(now.getTime() / 1000 + 900);
    expect(verifyAccessToken(token, secret, { now })).toEqual(claims);
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe('HS256');
    expect(signAccessToken(user, { secret, ttlSeconds: 900, now }).claims.jti).not.toBe(claims.jti);
  });

  it('interoperate with any HS256 signer and verifier using the secret string, a Unicode one too', () => {
    const unicode = 'シークレット-秘密鍵-unit-test-0123456789';
    const iat = now.getTime() / 1000;
    const foreign = jwt.sign({ sub: 'u', email: 'a@example.com', role: 'customer', jti: 'j', iat, exp: iat + 60 }, unicode, { algorithm: 'HS256' });
    expect(verifyAccessToken(foreign, unicode, { now }).userId).toBe('u');
    const { token } = signAccessToken(user, { secret: unicode, ttlSeconds: 900, now });
    expect((jwt.verify(token, unicode, { algorithms: ['HS256'], clockTimestamp: iat }) as jwt.JwtPayload).sub).toBe('user-1');
    // The key made for one secret is never used for another.
    expect(() => verifyAccessToken(foreign, secret, { now })).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('are rejected once expired', () => {
    const { token } = signAccessToken(user, { secret, ttlSeconds: 900, now });
    expect(() => verifyAccessToken(token, secret, { now: new Date(now.getTime() + 901_000) })).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'The token has expired' }),
    );
    expect(verifyAccessToken(token, secret, { now: new Date(now.getTime() + 901_000), ignoreExpiration: true }).userId).toBe('user-1');
  });

  it('are rejected when tampered with, signed with another key, or unsigned', () => {
    const { token } = signAccessToken(user, { secret, ttlSeconds: 900, now });
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...jwt.decode(token) as object, role: 'admin' })).toString('base64url');
    const invalid = expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'The token is not valid' });
    expect(() => verifyAccessToken(`${header}.${forged}.${signature}`, secret, { now })).toThrow(invalid);
    expect(() => verifyAccessToken(token, `${secret}x`, { now })).toThrow(invalid);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(() => verifyAccessToken(none, secret, { now })).toThrow(invalid);
  });

  it('are rejected without the claims the api relies on', () => {
    const iat = now.getTime() / 1000;
    const noRole = jwt.sign({ sub: 'u', email: 'a@example.com', jti: 'j', iat, exp: iat + 60 }, secret);
    const unknownRole = jwt.sign({ sub: 'u', email: 'a@example.com', role: 'root', jti: 'j', iat, exp: iat + 60 }, secret);
    expect(() => verifyAccessToken(noRole, secret, { now })).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => verifyAccessToken(unknownRole, secret, { now })).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('carry the merchant of a cashier or merchant account (claim mid), and reject an empty or non-string one', () => {
    const { token, claims } = signAccessToken({ ...user, merchantId: 'merchant-7' }, { secret, ttlSeconds: 900, now });
    expect(claims.merchantId).toBe('merchant-7');
    expect(verifyAccessToken(token, secret, { now })).toEqual(claims);
    expect(verifyAccessToken(signAccessToken(user, { secret, ttlSeconds: 900, now }).token, secret, { now }).merchantId).toBeUndefined();
    const iat = now.getTime() / 1000;
    for (const mid of ['', 7]) {
      const bad = jwt.sign({ sub: 'u', email: 'a@example.com', role: 'cashier', mid, jti: 'j', iat, exp: iat + 60 }, secret);
      expect(() => verifyAccessToken(bad, secret, { now })).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    }
  });

  it('are denylisted for exactly their remaining lifetime', async () => {
    const store = new Map<string, { value: string; ttl: number }>();
    const redis = {
      set: async (key: string, value: string, _ex: 'EX', ttl: number) => void store.set(key, { value, ttl }),
      exists: async (key: string) => (store.has(key) ? 1 : 0),
    } as unknown as Redis;
    await revokeAccessToken(redis, { jti: 'live', exp: now.getTime() / 1000 + 600 }, now);
    await revokeAccessToken(redis, { jti: 'dead', exp: now.getTime() / 1000 - 1 }, now);
    expect([...store.values()]).toEqual([{ value: '1', ttl: 600 }]);
    expect(await isRevoked(redis, 'live')).toBe(true);
    expect(await isRevoked(redis, 'dead')).toBe(false);
  });
});
