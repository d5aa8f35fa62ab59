import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DomainError } from './errors';
import type { Redis } from './redis';
import { parseRole, type Role } from './permissions';

export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** The verified claims of an access token. */
export interface AccessTokenClaims {
  /** The user id (`sub`). */
  userId: string;
  email: string;
  role: Role;
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** The merchant a cashier or merchant account acts for (claim `mid`): merchant-scoped routes see only its data. */
  merchantId?: string;
}

/**
 * The secret as a key object, made once per secret. Given a string, jsonwebtoken first tries to parse
 * it as a PEM public (verify) or private (sign) key and only falls back to an HMAC key when that
 * throws: a failed key parse and an exception per call, about 2 ms of CPU each, twice per api request
 * (the rate limiter's verify and the auth's). A few secrets at most live in a process (the current
 * JWT_SECRET; tests use several), so the map stays tiny.
 */
const secretKeys = new Map<string, KeyObject>();
function hmacKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    if (secretKeys.size >= 16) secretKeys.clear();
    secretKeys.set(secret, key);
  }
  return key;
}

/** Signs an HS256 access token (sub, email, role, jti, iat, exp) valid for `ttlSeconds` from `now`. */
export function signAccessToken(
  user: { id: string; email: string; role: Role; merchantId?: string },
  options: { secret: string; ttlSeconds: number; now: Date },
): { token: string; claims: AccessTokenClaims } {
  const iat = Math.floor(options.now.getTime() / 1000);
  const claims: AccessTokenClaims = { userId: user.id, email: user.email, role: user.role, jti: randomUUID(), exp: iat + options.ttlSeconds, ...(user.merchantId ? { merchantId: user.merchantId } : {}) };
  const token = jwt.sign({ sub: user.id, email: user.email, role: user.role, ...(user.merchantId ? { mid: user.merchantId } : {}), jti: claims.jti, iat, exp: claims.exp }, hmacKey(options.secret), {
    algorithm: 'HS256',
  });
  return { token, claims };
}

/**
 * Verifies an access token's signature (HS256 only), expiry and claims, or throws UNAUTHENTICATED;
 * `ignoreExpiration` is for logout, which must still accept a token that just expired.
 */
export function verifyAccessToken(token: string, secret: string, options: { now?: Date; ignoreExpiration?: boolean } = {}): AccessTokenClaims {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, hmacKey(secret), {
      algorithms: ['HS256'],
      ignoreExpiration: options.ignoreExpiration ?? false,
      ...(options.now ? { clockTimestamp: Math.floor(options.now.getTime() / 1000) } : {}),
    });
  } catch (err) {
    const message = err instanceof jwt.TokenExpiredError ? 'The token has expired' : 'The token is not valid';
    throw new DomainError('UNAUTHENTICATED', message);
  }
  const role = typeof payload === 'object' && typeof payload.role === 'string' ? parseRole(payload.role) : undefined;
  if (
    typeof payload === 'string' ||
    typeof payload.sub !== 'string' ||
    typeof payload.email !== 'string' ||
    typeof payload.jti !== 'string' ||
    typeof payload.exp !== 'number' ||
    (payload.mid !== undefined && (typeof payload.mid !== 'string' || payload.mid === '')) ||
    !role
  ) {
    throw new DomainError('UNAUTHENTICATED', 'The token is not valid');
  }
  return { userId: payload.sub, email: payload.email, role, jti: payload.jti, exp: payload.exp, ...(typeof payload.mid === 'string' ? { merchantId: payload.mid } : {}) };
}

const denylistKey = (jti: string) => `identity:revoked-access-token:${jti}`;

/** Puts an access token id on the Redis denylist until the token would have expired anyway. */
export async function revokeAccessToken(redis: Redis, claims: Pick<AccessTokenClaims, 'jti' | 'exp'>, now: Date): Promise<void> {
  const remainingSeconds = claims.exp - Math.floor(now.getTime() / 1000);
  if (remainingSeconds <= 0) return;
  await redis.set(denylistKey(claims.jti), '1', 'EX', remainingSeconds);
}

/** Whether an access token id was revoked by a logout (the api checks this after verifying the token). */
export async function isRevoked(redis: Pick<Redis, 'exists'>, jti: string): Promise<boolean> {
  return (await redis.exists(denylistKey(jti))) === 1;
}
