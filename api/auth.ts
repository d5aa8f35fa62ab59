import type { Request, RequestHandler } from 'express';
import { isRevoked, verifyAccessToken } from '../lib/access-token';
import { DomainError } from '../lib/errors';
import { can, type Permission, type Role } from '../lib/permissions';
import type { Redis } from '../lib/redis';

/** The account a request acts for, from its verified, unrevoked bearer token. */
export interface Principal {
  id: string;
  email: string;
  role: Role;
  /** The token's id: what a logout puts on the denylist. */
  jti: string;
  /** The token's expiry, seconds since the epoch. */
  exp: number;
  /** The merchant a cashier or merchant account acts for (token claim `mid`); absent for everyone else. */
  merchantId?: string;
}

/** The customer a checkout acts for. */
export interface Customer {
  id: string;
  email: string;
}

export interface AuthDeps {
  /** HS256 key shared with the identity service, which signs the tokens. */
  jwtSecret: string;
  /** The Redis the identity service writes its logout denylist to (same key prefix). */
  redis: Pick<Redis, 'exists'>;
  /** The clock; tests inject one to check expiry. */
  now?: () => Date;
}

const principals = new WeakMap<Request, Principal>();

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1];
}

/**
 * Requires a valid access token from the identity service (HS256, not expired, not revoked by a
 * logout); answers 401 UNAUTHENTICATED with the reason otherwise.
 */
export function authenticate(deps: AuthDeps): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req);
    if (!token) return next(new DomainError('UNAUTHENTICATED', 'A bearer token is required (Authorization: Bearer <token>)'));
    try {
      const claims = verifyAccessToken(token, deps.jwtSecret, deps.now ? { now: deps.now() } : {});
      if (await isRevoked(deps.redis, claims.jti)) throw new DomainError('UNAUTHENTICATED', 'The token has been revoked (signed out); sign in again');
      principals.set(req, { id: claims.userId, email: claims.email, role: claims.role, jti: claims.jti, exp: claims.exp, ...(claims.merchantId ? { merchantId: claims.merchantId } : {}) });
    } catch (err) {
      return next(err);
    }
    next();
  };
}

/** Answers 403 FORBIDDEN unless the authenticated account's role holds the permission (run after authenticate). */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    const principal = principals.get(req);
    if (!principal) return next(new DomainError('UNAUTHENTICATED', 'A bearer token is required (Authorization: Bearer <token>)'));
    if (!can(principal.role, permission)) {
      return next(new DomainError('FORBIDDEN', `This account (role ${principal.role}) may not do this: it needs the permission ${permission}`, { permission }));
    }
    next();
  };
}

/** The gate of the checkout and order routes: an authenticated account that may shop (checkout:create). */
export function requireCustomer(deps: AuthDeps): RequestHandler[] {
  return [authenticate(deps), requirePermission('checkout:create')];
}

/** The authenticated account of a request that went through authenticate. */
export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
  return principal;
}

/** The authenticated customer of a request that went through requireCustomer. */
export function customerOf(req: Request): Customer {
  const { id, email } = principalOf(req);
  return { id, email };
}
