import type { RequestHandler } from 'express';
import type { ErrorBody } from './error-handler';
import type { OpenApiDocument } from './openapi';
import { hasRequestBody } from './security';

const DOCUMENTED_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Resource {
  pattern: RegExp;
  allow: string;
  methods: string[];
}

/** Each documented path as a regular expression (`{id}` is one non-empty segment) with its Allow header. */
function documentedResources(document: OpenApiDocument): Resource[] {
  return Object.entries(document.paths ?? {}).map(([path, item]) => {
    const methods = DOCUMENTED_METHODS.filter((m) => (item as Record<string, unknown>)[m] !== undefined).map((m) => m.toUpperCase());
    // Express answers HEAD for every GET route, and the CORS middleware answers OPTIONS.
    if (methods.includes('GET')) methods.push('HEAD');
    methods.push('OPTIONS');
    const source = path
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { pattern: new RegExp(`^${source}/?$`), allow: methods.join(', '), methods };
  });
}

/**
 * Answers 405 METHOD_NOT_ALLOWED, with the `Allow` header RFC 9110 asks for, to a method the
 * OpenAPI document does not list for a path it does list; mounted after every route, so it only
 * sees requests no route took. Other paths fall through to the 404 handler.
 */
export function methodNotAllowedHandler(document: OpenApiDocument): RequestHandler {
  const resources = documentedResources(document);
  return (req, res, next) => {
    const resource = resources.find((r) => r.pattern.test(req.path));
    if (!resource) return next();
    notAllowed(req.method, req.path, resource.allow, res);
  };
}

/**
 * The same answer, mounted before the body gates (JSON only; an avatar's image types): a request
 * with a body and a method no route takes (TRACE /v1/me/avatar with an image) is answered 405, not
 * 415 for a body no route would have read. Bodiless requests go on, so a guarded path still answers
 * 401 first to a caller without a token.
 */
export function methodNotAllowedBeforeBody(document: OpenApiDocument): RequestHandler {
  const resources = documentedResources(document);
  return (req, res, next) => {
    if (!hasRequestBody(req)) return next();
    const resource = resources.find((r) => r.pattern.test(req.path));
    if (!resource || resource.methods.includes(req.method)) return next();
    notAllowed(req.method, req.path, resource.allow, res);
  };
}

function notAllowed(method: string, path: string, allow: string, res: Parameters<RequestHandler>[1]): void {
  const body: ErrorBody = { error: { code: 'METHOD_NOT_ALLOWED', message: `${method.slice(0, 20)} is not allowed on ${path.slice(0, 200)} (allowed: ${allow})` } };
  res.status(405).set('Allow', allow).json(body);
}
