/**
 * The operator CLI's REST client: every command goes through the staff routes with a bearer token,
 * so the CLI can do exactly what that account's role may do over REST, and nothing else (no direct
 * database or Temporal access).
 */

/** Exit codes, distinct per kind of outcome so scripts can branch on them. */
export const EXIT = {
  OK: 0,
  /** The api is down, answered 5xx, or something unexpected happened. */
  FAILED: 1,
  /** The command line is wrong, or the api rejected the input (400 VALIDATION_FAILED). */
  USAGE: 2,
  /** 404: no such order or checkout. */
  NOT_FOUND: 3,
  /** 401/403 (the token or its role) or 409/422 (the order's state does not allow it). */
  REFUSED: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An answer of the api that is not a success, with its machine-readable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get exitCode(): ExitCode {
    if (this.status === 404) return EXIT.NOT_FOUND;
    if (this.status === 400) return EXIT.USAGE;
    if (this.status === 401 || this.status === 403 || this.status === 409 || this.status === 422) return EXIT.REFUSED;
    return EXIT.FAILED;
  }
}

/** The api did not answer at all. */
export class ApiUnreachableError extends Error {}

export interface OpsClient {
  request<T>(method: 'GET' | 'POST', path: string, options?: { body?: unknown; query?: Record<string, string | number | undefined> }): Promise<{ status: number; body: T }>;
}

/** A client of the api at `base` with `token`; each request is announced on `progress` (stderr). */
export function createOpsClient(base: string, token: string, progress: (line: string) => void): OpsClient {
  return {
    async request<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; query?: Record<string, string | number | undefined> } = {}) {
      const query = Object.entries(options.query ?? {}).filter((e): e is [string, string | number] => e[1] !== undefined);
      const url = `${base}${path}${query.length > 0 ? `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)])).toString()}` : ''}`;
      progress(`${method} ${url}`);
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        });
      } catch (err) {
        const why = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
        throw new ApiUnreachableError(`the api at ${base} did not answer (${why}): is it running (npm start)? OPS_API_URL names another one`);
      }
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = undefined;
      }
      if (!res.ok) {
        const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
        throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? (text.slice(0, 200) || res.statusText), error?.details);
      }
      if (parsed === undefined) throw new ApiError(res.status, 'BAD_RESPONSE', `the api answered ${res.status} with a body that is not JSON`);
      return { status: res.status, body: parsed as T };
    },
  };
}
