import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { createLogger } from '../../lib/logger';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { migrateDatabase } from '../../scripts/stack';
import { IdentityService } from '../../services/identity/identity.service';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

const PASSWORD = 'correct horse battery';
const ROOT = path.resolve(__dirname, '../..');

/** Runs `npm run admin:create -- <args>` (the script itself, through tsx) with `stdin` piped in. */
function adminCreate(databaseUrl: string, args: string[], stdin: string) {
  const out = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/admin-create.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 120_000,
  });
  return { status: out.status, stdout: out.stdout.trim(), stderr: out.stderr };
}

/**
 * User administration on the real stack: the admin:create CLI on a freshly migrated database (as on a
 * fresh clone), and the staff user routes through REST (search, role changes that end sessions and
 * put the merchant into the next token, the last admin kept).
 */
describe('user administration (real PostgreSQL, Redis; the admin:create CLI)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function api(method: string, route: string, opts: { token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${platform.api}${route}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const login = async (email: string, password = PASSWORD) => {
    const res = await api('POST', '/v1/sessions', { body: { email, password } });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string };
  };
  const claimsOf = (token: string) => jwt.decode(token) as { sub: string; role: string; mid?: string };

  describe('admin:create on a fresh database', () => {
    let databaseUrl: string;
    let fresh: PrismaClient;
    const dbName = `checkout_cli_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

    beforeAll(async () => {
      await platform.prisma.$executeRawUnsafe(`CREATE DATABASE "${dbName}"`);
      const url = new URL(platform.config.DATABASE_URL);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
      await migrateDatabase(databaseUrl);
      fresh = createPrisma(databaseUrl);
    });
    afterAll(async () => {
      await fresh?.$disconnect();
      await platform.prisma.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    });

    it('creates the first admin from a piped password with progress output, refuses a second without --force, adds it with --force; the last admin cannot be demoted', async () => {
      const first = adminCreate(databaseUrl, ['--email', 'Boss@Example.com', '--name', '管理 太郎'], `${PASSWORD}\n`);
      expect(first).toMatchObject({ status: 0 });
      expect(first.stderr).toMatch(/Checking for an existing admin…[\s\S]*Hashing the password[\s\S]*Created admin boss@example.com/);
      expect(first.stderr).not.toContain(PASSWORD);
      const admin = await fresh.user.findUniqueOrThrow({ where: { email: 'boss@example.com' } });
      expect({ id: admin.id, role: admin.role, name: admin.name, emailVerified: admin.emailVerified }).toEqual({ id: first.stdout, role: 'admin', name: '管理 太郎', emailVerified: true });

      const refused = adminCreate(databaseUrl, ['--email', 'second@example.com'], `${PASSWORD}\n`);
      expect(refused.status).toBe(3);
      expect(refused.stderr).toContain('An admin exists already (boss@example.com): pass --force');
      expect(await fresh.user.count({ where: { email: 'second@example.com' } })).toBe(0);
      expect(adminCreate(databaseUrl, ['--email', 'weak@example.com', '--force'], 'short\n').status).toBe(1);

      const forced = adminCreate(databaseUrl, ['--email', 'second@example.com', '--force'], `${PASSWORD}\n`);
      expect(forced.status).toBe(0);

      // The last-admin rule, on this database where exactly these two admins exist.
      const identity = new IdentityService({
        prisma: fresh,
        redis: platform.redis,
        logger: createLogger('users-admin-test', 'warn'),
        now: () => new Date(),
        jwtSecret: platform.config.JWT_SECRET,
        accessTokenTtlSeconds: 900,
        publish: async () => {
          throw new Error('no event is published by a role change');
        },
        bcryptCost: 4,
      });
      await identity.setRole({ userId: admin.id, role: 'operator' });
      await expect(identity.setRole({ userId: forced.stdout, role: 'customer' })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'LAST_ADMIN' } });
      expect((await fresh.user.findUniqueOrThrow({ where: { id: forced.stdout } })).role).toBe('admin');
    });
  });

  it('searches accounts by email or Japanese name, sets a role and merchant (sessions ended, the next token carries mid), keeps the last admin', async () => {
    // The admin of this test, made with the CLI on the test database (--force: other runs left admins).
    const adminEmail = `admin-${randomUUID()}@example.com`;
    const created = adminCreate(platform.config.DATABASE_URL, ['--email', adminEmail, '--force'], `${PASSWORD}\n`);
    expect(created.status).toBe(0);
    const adminToken = (await login(adminEmail)).accessToken;
    expect(claimsOf(adminToken).role).toBe('admin');

    const tag = randomUUID().slice(0, 8);
    const email = `hanako-${tag}@example.com`;
    const registered = await api('POST', '/v1/accounts', { body: { email, password: PASSWORD, name: `山田 花子 ${tag}` } });
    expect(registered.status).toBe(201);
    const userId = registered.body.id as string;

    const byName = await api('GET', `/v1/staff/users?q=${encodeURIComponent(`花子 ${tag}`)}`, { token: adminToken });
    expect(byName).toMatchObject({ status: 200, body: { total: 1, page: 1, users: [{ id: userId, email, name: `山田 花子 ${tag}`, role: 'customer', merchantId: null }] } });
    const byEmail = await api('GET', `/v1/staff/users?q=${encodeURIComponent(`HANAKO-${tag}`)}&pageSize=5`, { token: adminToken });
    expect(byEmail.body.users.map((u: { id: string }) => u.id)).toEqual([userId]);
    expect((await api('GET', '/v1/staff/users?pageSize=1000', { token: adminToken })).status).toBe(400);
    expect((await api('GET', '/v1/staff/users', { token: (await login(email)).accessToken })).status).toBe(403);

    const session = await login(email);
    const merchantId = `m-${randomUUID()}`;
    expect((await api('PUT', `/v1/staff/users/${userId}/roles`, { token: adminToken, body: { role: 'cashier', merchantId: '' } })).status).toBe(400);
    const changed = await api('PUT', `/v1/staff/users/${userId}/roles`, { token: adminToken, body: { role: 'cashier', merchantId } });
    expect(changed).toMatchObject({ status: 200, body: { id: userId, role: 'cashier', merchantId } });
    // The old session is over: its refresh token no longer works.
    expect((await api('POST', '/v1/sessions/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    expect(claimsOf((await login(email)).accessToken)).toMatchObject({ sub: userId, role: 'cashier', mid: merchantId });
    expect((await api('PUT', `/v1/staff/users/${randomUUID()}/roles`, { token: adminToken, body: { role: 'customer' } })).status).toBe(404);

    // Only one admin left (the others of this database demoted for the check): it cannot demote itself.
    const adminId = claimsOf(adminToken).sub;
    await platform.prisma.user.updateMany({ where: { role: 'admin', id: { not: adminId } }, data: { role: 'operator' } });
    const last = await api('PUT', `/v1/staff/users/${adminId}/roles`, { token: adminToken, body: { role: 'customer' } });
    expect(last).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', details: { reason: 'LAST_ADMIN' } } } });
  });
});
