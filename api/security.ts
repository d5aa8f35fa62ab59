import cors from 'cors';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { ErrorBody } from './error-handler';

/** The only media type the JSON routes read. */
export const JSON_MEDIA_TYPE = 'application/json';

/** Headers a browser client may send and read across origins. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'Prefer', 'X-Request-Id'];
const EXPOSED_HEADERS = ['X-Request-Id', 'Location', 'Preference-Applied', 'Retry-After', 'RateLimit', 'RateLimit-Policy'];

/**
 * Security headers for every response. JSON answers get a CSP that allows nothing (they are never
 * rendered as pages); the docs page relaxes it in docsContentSecurityPolicy.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
  });
}

/**
 * The CSP of Swagger UI at /docs: everything from our own origin only (no CDN), inline styles for
 * the page's own `<style>` blocks and React's style attributes, data: images for its icons.
 */
export function docsContentSecurityPolicy(): RequestHandler {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  });
}

/**
 * CORS for the listed browser origins only (exact matches; an empty list allows none). Bearer
 * tokens travel in a header, so credentials (cookies) are not allowed.
 */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
}

/** Answers 415 UNSUPPORTED_MEDIA_TYPE to a non-empty body that is not JSON, instead of reading it as an empty one. */
/** Whether the request carries a body (chunked, or a non-zero Content-Length). */
export function hasRequestBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (hasRequestBody(req) && !req.is(JSON_MEDIA_TYPE)) {
    const body: ErrorBody = {
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: `The request body must be ${JSON_MEDIA_TYPE} (got ${(req.get('content-type') ?? 'no Content-Type').slice(0, 100)})` },
    };
    res.status(415).json(body);
    return;
  }
  next();
};

/** Where a NUL character hides in a parsed JSON value or query, as a dotted path; undefined when there is none. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulPath(value[i], path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = key.includes('\u0000') ? (path ? `${path}.${key}` : key) : nulPath(inner, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Answers 400 VALIDATION_FAILED to a NUL character (U+0000) anywhere in the path, query or JSON body.
 * Valid JSON and URLs can carry it, but PostgreSQL text cannot store it: unchecked, it reaches a
 * service as a 500. No field of this api has a use for it.
 */
export const rejectNulCharacters: RequestHandler = (req, res, next) => {
  const where = /%00/i.test(req.path) ? 'path' : (nulPath(req.query, 'query') ?? nulPath(req.body, 'body'));
  if (where === undefined) return next();
  const body: ErrorBody = { error: { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: [{ path: where, message: 'must not contain the NUL character (U+0000)' }] } };
  res.status(400).json(body);
};
