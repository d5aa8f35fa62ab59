import type { Request, RequestHandler } from 'express';
import jwt from 'jsonwebtoken';
import { DomainError } from '../lib/errors';

/** The customer a request acts for, from its verified bearer token. */
export interface Customer {
  id: string;
  email: string;
}

const customers = new WeakMap<Request, Customer>();

/**
 * Requires a valid HS256 bearer token (`sub` = customer id, `email`); answers 401 UNAUTHENTICATED
 * with a reason otherwise. Accounts and token issuing are the identity service's job.
 */
export function requireCustomer(secret: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer (.+)$/i.exec(header);
    if (!match?.[1]) return next(new DomainError('UNAUTHENTICATED', 'A bearer token is required (Authorization: Bearer <token>)'));
    try {
      const claims = jwt.verify(match[1], secret, { algorithms: ['HS256'] });
      if (typeof claims === 'string' || typeof claims.sub !== 'string' || !claims.sub) throw new Error('no subject');
      customers.set(req, { id: claims.sub, email: typeof claims.email === 'string' ? claims.email : '' });
      next();
    } catch (err) {
      const message = err instanceof jwt.TokenExpiredError ? 'The token has expired' : 'The token is not valid';
      next(new DomainError('UNAUTHENTICATED', message));
    }
  };
}

/** The authenticated customer of a request that went through requireCustomer. */
export function customerOf(req: Request): Customer {
  const customer = customers.get(req);
  if (!customer) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
  return customer;
}
