import { randomUUID } from 'node:crypto';
import type { ReceivedEmail } from '../../scripts/dev-smtp-server';
import { customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

const PASSWORD = 'correct horse battery';

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Accounts end to end through REST on the real stack: the api, the identity service over gRPC,
 * PostgreSQL, the Redis denylist and rate limits, Kafka and the email worker sending to SMTP.
 */
describe('accounts through REST (real PostgreSQL, Redis, Kafka, SMTP)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    // A Redis prefix of this file's own: failed sign-ins are counted per client address (20 per 15 min), and
    // the run's other files (the api fuzzing, the rate-limit tests) fail sign-ins from 127.0.0.1 too; on the
    // run's shared prefix they could use up the address's budget before this file's own limit is tested.
    platform = await startPlatform(testConfig({ REDIS_KEY_PREFIX: `test:${process.env.CHECKOUT_TEST_RUN_ID ?? 'local'}:accounts:` }));
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function api(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${platform.api}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
  const newEmail = () => `acc-${randomUUID()}@example.com`;
  const emailTo = (to: string, subject: string): Promise<ReceivedEmail> =>
    platform.smtp.waitFor((m) => m.to.includes(to) && m.subject === subject, 30_000);
  /** The token of the link in an email, checked to point at the web front end's page. */
  const linkToken = (email: ReceivedEmail, page: string): string => {
    const link = new RegExp(`(\\S+/${page}\\?token=\\S+)`).exec(email.text)?.[1];
    expect(link?.startsWith(`${platform.config.WEB_BASE_URL}/${page}?token=`)).toBe(true);
    const token = new URL(link!).searchParams.get('token');
    expect(token).toBeTruthy();
    return token!;
  };
  async function register(email = newEmail()): Promise<string> {
    const res = await api('POST', '/v1/accounts', { body: { email, password: PASSWORD, name: 'Hanako Yamada' } });
    expect(res.status).toBe(201);
    return email;
  }
  async function login(email: string, password = PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await api('POST', '/v1/sessions', { body: { email, password } });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('registers an account whose emailed link verifies the email', async () => {
    const email = newEmail();
    const created = await api('POST', '/v1/accounts', { body: { email: email.toUpperCase(), password: PASSWORD, name: '  Hanako Yamada ' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/me');
    expect(created.body).toMatchObject({ email, name: 'Hanako Yamada', role: 'customer', emailVerified: false });
    expect((await api('POST', '/v1/accounts', { body: { email, password: PASSWORD, name: 'Again' } })).body.error.code).toBe('ALREADY_EXISTS');
    const weak = await api('POST', '/v1/accounts', { body: { email: newEmail(), password: 'short', name: 'Weak' } });
    expect({ status: weak.status, field: weak.body.error.details?.field }).toEqual({ status: 400, field: 'password' });

    const token = linkToken(await emailTo(email, 'Confirm your email address'), 'verify-email');
    const verified = await api('POST', '/v1/accounts/verify-email', { body: { token } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ id: created.body.id, emailVerified: true });
    const again = await api('POST', '/v1/accounts/verify-email', { body: { token } });
    expect({ status: again.status, reason: again.body.error.details?.reason }).toEqual({ status: 400, reason: 'used' });

    const { accessToken } = await login(email);
    expect((await api('GET', '/v1/me', { token: accessToken })).body).toMatchObject({ id: created.body.id, email, emailVerified: true });
    const resend = await api('POST', '/v1/me/email-verification', { token: accessToken });
    expect({ status: resend.status, code: resend.body.error?.code }).toEqual({ status: 409, code: 'CONFLICT' });
  });

  it('signs in to a profile and saved addresses of its own', async () => {
    const email = await register();
    const { accessToken } = await login(email);
    expect((await api('GET', '/v1/me')).status).toBe(401);
    const me = await api('GET', '/v1/me', { token: accessToken });
    expect(me.body).toMatchObject({ email, role: 'customer', emailVerified: false });

    const renamed = await api('PATCH', '/v1/me', { token: accessToken, body: { name: 'Hanako Sato' } });
    expect(renamed.body).toMatchObject({ id: me.body.id, name: 'Hanako Sato' });
    expect((await api('PATCH', '/v1/me', { token: accessToken, body: { name: 'x', role: 'admin' } })).status).toBe(400);

    const address = { name: 'Hanako Sato', postalCode: '１５００００１', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3' };
    const saved = await api('POST', '/v1/me/addresses', { token: accessToken, body: address });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ ...address, postalCode: '150-0001', line2: '', phone: '' });
    expect((await api('POST', '/v1/me/addresses', { token: accessToken, body: { ...address, prefecture: 'Tokyo' } })).status).toBe(400);
    expect((await api('GET', '/v1/me/addresses', { token: accessToken })).body.addresses.map((a: { id: string }) => a.id)).toEqual([saved.body.id]);

    const stranger = await login(await register());
    expect((await api('DELETE', `/v1/me/addresses/${saved.body.id}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await api('DELETE', `/v1/me/addresses/${saved.body.id}`, { token: accessToken })).status).toBe(204);
    expect((await api('GET', '/v1/me/addresses', { token: accessToken })).body.addresses).toEqual([]);
  });

  it('rotates refresh tokens, and a reused one ends the session including the newest token', async () => {
    const first = await login(await register());
    const second = await api('POST', '/v1/sessions/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await api('GET', '/v1/me', { token: second.body.accessToken })).status).toBe(200);

    const reused = await api('POST', '/v1/sessions/refresh', { body: { refreshToken: first.refreshToken } });
    expect({ status: reused.status, code: reused.body.error.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await api('POST', '/v1/sessions/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(401);
  });

  it('signs out: the access token is refused from then on and the refresh token is dead', async () => {
    const email = await register();
    const session = await login(email);
    const other = await login(email);
    expect((await api('GET', '/v1/me', { token: session.accessToken })).status).toBe(200);
    expect((await api('DELETE', '/v1/sessions/current', { body: { refreshToken: session.refreshToken } })).status).toBe(401);

    expect((await api('DELETE', '/v1/sessions/current', { token: session.accessToken, body: { refreshToken: session.refreshToken } })).status).toBe(204);
    const after = await api('GET', '/v1/me', { token: session.accessToken });
    expect({ status: after.status, message: after.body.error.message }).toEqual({ status: 401, message: expect.stringContaining('revoked') });
    expect((await api('POST', '/v1/sessions/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    // Another device's session is not this one.
    expect((await api('GET', '/v1/me', { token: other.accessToken })).status).toBe(200);
    expect((await api('POST', '/v1/sessions/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(200);
  });

  it('resets a forgotten password through the emailed link', async () => {
    const email = await register();
    const before = await login(email);
    const unknown = await api('POST', '/v1/accounts/password-reset', { body: { email: newEmail() } });
    expect(unknown.status).toBe(202);
    const requested = await api('POST', '/v1/accounts/password-reset', { body: { email } });
    expect({ status: requested.status, body: requested.body }).toEqual({ status: 202, body: unknown.body });

    const token = linkToken(await emailTo(email, 'Reset your password'), 'reset-password');
    const newPassword = 'a brand new passphrase';
    expect((await api('POST', '/v1/accounts/password-reset/confirm', { body: { token, newPassword: 'short' } })).status).toBe(400);
    expect((await api('POST', '/v1/accounts/password-reset/confirm', { body: { token, newPassword } })).status).toBe(204);
    expect((await api('POST', '/v1/accounts/password-reset/confirm', { body: { token, newPassword } })).status).toBe(400);

    expect((await api('POST', '/v1/sessions', { body: { email, password: PASSWORD } })).status).toBe(401);
    expect((await api('POST', '/v1/sessions/refresh', { body: { refreshToken: before.refreshToken } })).status).toBe(401);
    const after = await login(email, newPassword);
    expect((await api('GET', '/v1/me', { token: after.accessToken })).body).toMatchObject({ email, emailVerified: true });
  });

  it('answers 429 with Retry-After once an email has used up its failed sign-ins', async () => {
    const email = await register();
    for (let i = 0; i < 5; i++) {
      const res = await api('POST', '/v1/sessions', { body: { email, password: `wrong password ${i}` } });
      expect({ attempt: i, status: res.status }).toEqual({ attempt: i, status: 401 });
    }
    const limited = await api('POST', '/v1/sessions', { body: { email, password: PASSWORD } });
    expect({ status: limited.status, code: limited.body.error.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps accounts whose role may not shop out of checkout with 403', async () => {
    const cashier = customerToken(platform, `cashier-${randomUUID()}`, 'cashier');
    const res = await api('POST', '/v1/checkouts', { token: cashier.token, body: {} });
    expect({ status: res.status, code: res.body.error.code, permission: res.body.error.details?.permission }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      permission: 'checkout:create',
    });
  });
});
