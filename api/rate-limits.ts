import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { verifyAccessToken } from '../lib/access-token';
import type { Config } from '../lib/config';
import { DomainError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { Redis } from '../lib/redis';
import { bearerToken } from './auth';

/** Each route class has its own budget, so a burst of reads never eats the budget of checkouts. */
export const ROUTE_CLASSES = ['read', 'write', 'checkout', 'account', 'webhook'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

/** Requests allowed per client and route class in each window. */
export interface RateLimitSettings {
  windowSeconds: number;
  limits: Record<RouteClass, number>;
}

/** The limits of lib/config.ts (RATE_LIMIT_*). */
export function rateLimitSettings(config: Pick<Config, 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_READ' | 'RATE_LIMIT_WRITE' | 'RATE_LIMIT_CHECKOUT' | 'RATE_LIMIT_ACCOUNT' | 'RATE_LIMIT_WEBHOOK'>): RateLimitSettings {
  return {
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    limits: {
      read: config.RATE_LIMIT_READ,
      write: config.RATE_LIMIT_WRITE,
      checkout: config.RATE_LIMIT_CHECKOUT,
      account: config.RATE_LIMIT_ACCOUNT,
      webhook: config.RATE_LIMIT_WEBHOOK,
    },
  };
}

/** Probes of the platform itself: an orchestrator polls them and must never be throttled. */
const EXEMPT_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
const CHECKOUT_PATHS = new Set(['/v1/checkouts', '/v1/cart/checkout']);
/** Anonymous entry points that create accounts, send emails or test passwords. */
const ACCOUNT_PATHS = new Set(['/v1/accounts', '/v1/accounts/verify-email', '/v1/accounts/password-reset', '/v1/accounts/password-reset/confirm', '/v1/sessions', '/v1/sessions/refresh']);
const WEBHOOK_PATH = '/v1/webhooks/payments';

/** The budget a request draws on; undefined for the exempt probes. */
export function routeClassOf(method: string, path: string): RouteClass | undefined {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (EXEMPT_PATHS.has(normalised)) return undefined;
  if (normalised === WEBHOOK_PATH) return 'webhook';
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (method === 'POST' && CHECKOUT_PATHS.has(normalised)) return 'checkout';
  if (method === 'POST' && ACCOUNT_PATHS.has(normalised)) return 'account';
  return 'write';
}

/**
 * Who a request is counted against: the subject of a bearer token that verifies (a forged or
 * expired one does not, so rotating fake subjects cannot dodge the limit), else the peer address.
 * The payment provider is always counted by address: its webhooks carry no token.
 */
function clientOf(req: Request, routeClass: RouteClass, jwtSecret: string): string {
  const token = routeClass === 'webhook' ? undefined : bearerToken(req);
  if (token) {
    try {
      return `sub:${verifyAccessToken(token, jwtSecret).userId}`;
    } catch {
      // Not a token of ours: counted by address like an anonymous request.
    }
  }
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

export interface RateLimiterDeps {
  redis: Redis;
  settings: RateLimitSettings;
  /** Verifies bearer tokens, to count a request against its account. */
  jwtSecret: string;
  logger: Logger;
}

/**
 * Per-client, per-route-class request limits in Redis (fixed windows, shared by every api process).
 * Every counted response carries the IETF draft headers `RateLimit-Policy: "<class>";q=<limit>;w=<window>`
 * and `RateLimit: "<class>";r=<remaining>;t=<seconds to reset>`; over the limit the request answers
 * 429 RATE_LIMITED with `Retry-After`. While Redis is unreachable each process counts in memory
 * (the same limits, per process) instead of failing requests.
 */
export function rateLimiter(deps: RateLimiterDeps): RequestHandler {
  const { windowSeconds, limits } = deps.settings;
  const limiters = Object.fromEntries(
    ROUTE_CLASSES.map((routeClass) => [
      routeClass,
      new RateLimiterRedis({
        storeClient: deps.redis,
        keyPrefix: `rate-limit:${routeClass}`,
        points: limits[routeClass],
        duration: windowSeconds,
        // While Redis is not connected, count in memory at once instead of waiting on its reconnects.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rate-limit:${routeClass}`, points: limits[routeClass], duration: windowSeconds }),
      }),
    ]),
  ) as Record<RouteClass, RateLimiterRedis>;

  return async (req, res, next) => {
    const routeClass = routeClassOf(req.method, req.path);
    if (!routeClass) return next();
    const limit = limits[routeClass];
    res.set('RateLimit-Policy', `"${routeClass}";q=${limit};w=${windowSeconds}`);
    const answer = (state: RateLimiterRes): number => {
      const resetSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      res.set('RateLimit', `"${routeClass}";r=${Math.max(0, state.remainingPoints)};t=${resetSeconds}`);
      return resetSeconds;
    };
    try {
      answer(await limiters[routeClass].consume(clientOf(req, routeClass, deps.jwtSecret)));
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        const retryAfterSeconds = answer(err);
        return next(
          new DomainError('RATE_LIMITED', `Too many requests: at most ${limit} ${routeClass} requests per ${windowSeconds} s; retry in ${retryAfterSeconds} s`, {
            retryAfterSeconds,
            policy: routeClass,
          }),
        );
      }
      // Both stores failed: a broken limiter must not take the shop down with it.
      deps.logger.warn({ err, routeClass }, 'rate limiter unavailable; request let through');
    }
    next();
  };
}
