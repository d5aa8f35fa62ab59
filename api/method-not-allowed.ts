import type { RequestHandler } from 'express';
import type { ErrorBody } from './error-handler';
import type { OpenApiDocument } from './openapi';

const DOCUMENTED_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Resource {
  pattern: RegExp;
  allow: string;
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
    return { pattern: new RegExp(`^${source}/?$`), allow: methods.join(', ') };
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
    const body: ErrorBody = { error: { code: 'METHOD_NOT_ALLOWED', message: `${req.method.slice(0, 20)} is not allowed on ${req.path.slice(0, 200)} (allowed: ${resource.allow})` } };
    res.status(405).set('Allow', resource.allow).json(body);
  };
}
