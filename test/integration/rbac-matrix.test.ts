import { randomUUID } from 'node:crypto';
import { openApiDocument, type Permission } from '../../api/openapi';
import { can, PERMISSIONS, ROLES, type Role } from '../../lib/permissions';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface DocumentedOperation {
  key: string;
  method: (typeof METHODS)[number];
  path: string;
  permission: Permission;
}

/** Every operation of the served OpenAPI document with the permission it declares. */
function documentedOperations(): DocumentedOperation[] {
  const paths = (openApiDocument().paths ?? {}) as Record<string, Partial<Record<string, { 'x-permission'?: unknown }>>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      key: `${method.toUpperCase()} ${path}`,
      method,
      path,
      permission: item[method]!['x-permission'] as Permission,
    })),
  );
}

/** A plausible value for a path parameter, fresh per call so no probe touches another's data. */
function paramValue(name: string): string {
  if (/^(orderId|pingId|addressId)$/.test(name)) return randomUUID();
  if (name === 'sku') return `RBAC-${randomUUID().slice(0, 8)}`;
  return `rbac-${randomUUID()}`;
}

/**
 * A body every mutating route's schema rejects (they are strict): an allowed caller gets a 400 and
 * nothing is written, which proves authorization passed without side effects.
 */
const PROBE_BODY = { rbacProbe: true };

/** Routes whose authentication is not the bearer token, each asserted on its own below. */
const SPECIAL = new Set(['POST /v1/webhooks/payments', 'DELETE /v1/sessions/current']);

const operations = documentedOperations();

/**
 * The authorization matrix on the real stack: every operation of the OpenAPI document, called
 * without a token and with a token of each role, must answer exactly as its x-permission and the
 * one table of lib/permissions.ts say. A route whose guard disagrees with the table fails here.
 */
describe('RBAC matrix: every documented route × no token and each role (real api and services)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function call(op: { method: string; path: string }, opts: { role?: Role; body?: unknown; headers?: Record<string, string> } = {}) {
    const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(paramValue(name)));
    const headers: Record<string, string> = { ...opts.headers };
    // A fresh account id and token per call: a probe that signs out revokes only its own token.
    if (opts.role) headers.authorization = `Bearer ${customerToken(platform, `rbac-${opts.role}-${randomUUID()}`, opts.role).token}`;
    const body = op.method === 'get' ? undefined : JSON.stringify(opts.body ?? PROBE_BODY);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${platform.api}${url}`, { method: op.method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    return { status: res.status, code };
  }

  it('covers every operation, each with a declared permission, staff routes included', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) expect({ key: op.key, known: ['public', 'authenticated', ...PERMISSIONS].includes(op.permission) }).toEqual({ key: op.key, known: true });
    const guarded = new Set(operations.map((o) => o.permission));
    for (const permission of ['catalog:write', 'stock:adjust', 'delivery:manage', 'orders:read:any', 'analytics:read', 'checkout:create'] as const) {
      expect({ permission, documented: guarded.has(permission) }).toEqual({ permission, documented: true });
    }
    for (const key of SPECIAL) expect(operations.map((o) => o.key)).toContain(key);
  });

  const regular = operations.filter((o) => !SPECIAL.has(o.key));
  it.each(regular.map((o) => [o.key, o] as const))('%s answers no token and every role as its x-permission says', async (_key, op) => {
    const outcomes: { caller: string; status: number; code: string | undefined }[] = [];
    const anonymous = await call(op);
    outcomes.push({ caller: 'none', ...anonymous });
    for (const role of ROLES) outcomes.push({ caller: role, ...(await call(op, { role })) });

    // Built from the table, then compared whole, so a failure lists every caller that disagrees.
    const expected = outcomes.map(({ caller, status, code }) => {
      const denied = status === 401 || status === 403;
      if (op.permission === 'public') return { caller, status: denied ? 'never 401/403' : status, code };
      if (caller === 'none') return { caller, status: 401, code: 'UNAUTHENTICATED' };
      if (op.permission === 'authenticated' || can(caller as Role, op.permission)) return { caller, status: denied ? 'authorized (not 401/403)' : status, code };
      return { caller, status: 403, code: 'FORBIDDEN' };
    });
    expect(outcomes).toEqual(expected);
    // An authorized call must still reach the route: a 5xx here would hide what the guard did.
    for (const o of outcomes) expect({ caller: o.caller, serverError: o.status >= 500 }).toEqual({ caller: o.caller, serverError: false });
  });

  it('POST /v1/webhooks/payments authenticates by its HMAC signature, never by a bearer token', async () => {
    const op = { method: 'post', path: '/v1/webhooks/payments' };
    for (const role of [undefined, ...ROLES]) {
      // No signature: 401 whoever the bearer token says the caller is.
      expect({ role, ...(await call(op, { ...(role ? { role } : {}), body: {} })) }).toEqual({ role, status: 401, code: 'UNAUTHENTICATED' });
      // A valid signature over a body that is no slip.paid event: authenticated, then rejected as invalid.
      const raw = JSON.stringify(PROBE_BODY);
      const signature = signWebhook(platform.config.PAYMENT_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), raw);
      expect({ role, ...(await call(op, { ...(role ? { role } : {}), body: PROBE_BODY, headers: { [WEBHOOK_SIGNATURE_HEADER]: signature } })) }).toEqual({
        role,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('DELETE /v1/sessions/current needs the token it signs out (401 without one) and lets every role sign out', async () => {
    const op = { method: 'delete', path: '/v1/sessions/current' };
    expect(await call(op, { body: {} })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    for (const role of ROLES) expect({ role, ...(await call(op, { role, body: {} })) }).toEqual({ role, status: 204, code: undefined });
  });
});
