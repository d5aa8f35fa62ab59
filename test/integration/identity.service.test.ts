import { randomInt, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { createRedis, type Redis } from '../../lib/redis';
import type { AddAddressRequest } from '../../proto/generated/checkout/identity/v1/AddAddressRequest';
import type { Address__Output } from '../../proto/generated/checkout/identity/v1/Address';
import type { ListAddressesRequest } from '../../proto/generated/checkout/identity/v1/ListAddressesRequest';
import type { ListAddressesResponse__Output } from '../../proto/generated/checkout/identity/v1/ListAddressesResponse';
import type { IdentityServiceClient } from '../../proto/generated/checkout/identity/v1/IdentityService';
import type { TokenPair__Output } from '../../proto/generated/checkout/identity/v1/TokenPair';
import type { User__Output } from '../../proto/generated/checkout/identity/v1/User';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { isRevoked, verifyAccessToken } from '../../lib/access-token';
import { IDENTITY_EVENT_TYPES, type IdentityEmailEvent, type IdentityEventType } from '../../services/identity/identity-events';
import { createIdentityClient } from '../../proto/services';
import { identityRegistration } from '../../services/identity/identity.grpc';
import { freePort } from '../support/platform';
import { testConfig } from '../support/test-config';
import { rejection } from '../support/rejection';

const JWT_SECRET = 'identity-integration-test-secret-0123456789';
const PASSWORD = 'correct horse battery';

describe('identity service (real PostgreSQL and Redis over gRPC)', () => {
  const config = testConfig();
  let prisma: PrismaClient;
  let redisA: Redis;
  let redisB: Redis;
  let servers: RunningGrpcServer[] = [];
  let domainClients: DomainClients;
  let identity: IdentityServiceClient;
  /** A second instance of the service on its own Redis connection, as another replica would be. */
  let identityB: IdentityServiceClient;
  let offsetMs = 0;
  const published: IdentityEmailEvent[] = [];
  const emails: string[] = [];

  beforeAll(async () => {
    prisma = createPrisma(config.DATABASE_URL);
    redisA = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
    redisB = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
    const [portA, portB] = [await freePort(), await freePort()];
    domainClients = createDomainClients(`127.0.0.1:${portA}`);
    const start = (port: number, redis: Redis) =>
      startGrpcServer('127.0.0.1', port, [
        identityRegistration({
          prisma,
          metrics: createMetrics('test'),
          logger: createLogger('test', 'warn'),
          clients: domainClients,
          now: () => new Date(Date.now() + offsetMs),
          redis,
          jwtSecret: JWT_SECRET,
          accessTokenTtlSeconds: 900,
          events: { publish: async () => undefined },
          publish: async (event) => void published.push(event),
          bcryptCost: 4,
        }),
      ]);
    servers = [await start(portA, redisA), await start(portB, redisB)];
    identity = createIdentityClient(`127.0.0.1:${portA}`);
    identityB = createIdentityClient(`127.0.0.1:${portB}`);
  });
  afterAll(async () => {
    if (prisma && emails.length > 0) await prisma.user.deleteMany({ where: { email: { in: emails } } });
    identity?.close();
    identityB?.close();
    if (domainClients) closeDomainClients(domainClients);
    await Promise.all(servers.map((s) => s.stop()));
    redisA?.disconnect();
    redisB?.disconnect();
    await prisma?.$disconnect();
  });
  beforeEach(() => {
    offsetMs = 0;
  });

  const newEmail = () => {
    const email = `id-${randomUUID()}@example.com`;
    emails.push(email);
    return email;
  };
  const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
  const register = (email: string, password = PASSWORD, name = '山田 花子'): Promise<User__Output> =>
    callUnary(identity.register.bind(identity), { email, password, name });
  const login = (email: string, password = PASSWORD, client = identity, ip = randomIp()): Promise<TokenPair__Output> =>
    callUnary(client.login.bind(client), { email, password, ip });
  const refresh = (refreshToken: string): Promise<TokenPair__Output> => callUnary(identity.refresh.bind(identity), { refreshToken });
  const lastToken = (type: IdentityEventType, email: string): string => {
    const event = published.filter((e) => e.type === type && e.data.email === email).at(-1);
    if (!event) throw new Error(`no ${type} event for ${email}`);
    return event.data.token;
  };
  const account = async (): Promise<{ email: string; user: User__Output }> => {
    const email = newEmail();
    return { email, user: await register(email) };
  };

  it('registers a customer with a normalised email, asks for verification after the commit, and refuses duplicates', async () => {
    const email = newEmail();
    const user = await register(`  ${email.toUpperCase()} `);
    expect(user).toMatchObject({ email, name: '山田 花子', role: 'customer', emailVerified: false });

    const event = published.find((e) => e.type === IDENTITY_EVENT_TYPES.emailVerificationRequested && e.data.userId === user.id);
    expect(event).toMatchObject({ source: '/services/identity', subject: user.id, data: { userId: user.id, email } });
    expect(new Date(event!.data.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { oneTimeTokens: true } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect(stored.oneTimeTokens.map((t) => t.tokenHash)).not.toContain(event!.data.token);

    expect(await rejection(register(email.replace('id-', 'ID-'), 'another password'))).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it('refuses passwords that break the policy, naming the violations', async () => {
    const email = newEmail();
    expect(await rejection(register(email, 'short'))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'password', violations: ['too_short'] } });
    expect(await rejection(register(email, email.toUpperCase()))).toMatchObject({ code: 'VALIDATION_FAILED', details: { violations: ['equals_email'] } });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it('logs in with an access token the api can verify, and answers wrong password and unknown email alike', async () => {
    const { email, user } = await account();
    const tokens = await login(email.toUpperCase());
    expect(tokens).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
    expect(verifyAccessToken(tokens.accessToken, JWT_SECRET)).toMatchObject({ userId: user.id, email, role: 'customer' });
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const wrong = await rejection(login(email, 'not the password'));
    const unknown = await rejection(login(newEmail(), PASSWORD));
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(unknown).toMatchObject({ code: 'UNAUTHENTICATED', message: wrong.message });
  });

  it('rotates refresh tokens within one family', async () => {
    const { email, user } = await account();
    const first = await login(email);
    const second = await refresh(first.refreshToken);
    const third = await refresh(second.refreshToken);
    expect(new Set([first.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);
    expect(verifyAccessToken(third.accessToken, JWT_SECRET).userId).toBe(user.id);

    const families = await prisma.refreshFamily.findMany({ where: { userId: user.id }, include: { tokens: true } });
    expect(families).toHaveLength(1);
    expect(families[0]!.tokens.map((t) => t.usedAt === null).sort()).toEqual([false, false, true]);
  });

  it('revokes the whole family when a rotated refresh token is presented again', async () => {
    const { email, user } = await account();
    const first = await login(email);
    const second = await refresh(first.refreshToken);

    expect(await rejection(refresh(first.refreshToken))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The thief may hold the newest token: it must die with the family.
    expect(await rejection(refresh(second.refreshToken))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await prisma.refreshFamily.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ revokeReason: 'reuse' });
    // Another session of the same user is untouched.
    const other = await login(email);
    await expect(refresh(other.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('spends a refresh token once when two refreshes race', async () => {
    const { email } = await account();
    const { refreshToken } = await login(email);
    const results = await Promise.allSettled([refresh(refreshToken), refresh(refreshToken)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('rejects an expired refresh token (30 days)', async () => {
    const { email } = await account();
    const { refreshToken } = await login(email);
    offsetMs = 31 * 24 * 3600_000;
    expect(await rejection(refresh(refreshToken))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The refresh token has expired' });
  });

  it('denylists the access token until it expires and ends the session on logout', async () => {
    const { email } = await account();
    const tokens = await login(email);
    const { jti } = verifyAccessToken(tokens.accessToken, JWT_SECRET);
    const revoked = () => callUnary(identity.isAccessTokenRevoked.bind(identity), { jti });
    expect(await revoked()).toEqual({ revoked: false });

    await callUnary(identity.logout.bind(identity), { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    expect(await revoked()).toEqual({ revoked: true });
    expect(await isRevoked(redisB, jti)).toBe(true);
    const ttl = await redisA.ttl(`identity:revoked-access-token:${jti}`);
    expect(ttl).toBeGreaterThan(800);
    expect(ttl).toBeLessThanOrEqual(900);
    expect(await rejection(refresh(tokens.refreshToken))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('does not let one user log out another user’s session', async () => {
    const alice = await account();
    const bob = await account();
    const aliceTokens = await login(alice.email);
    const bobTokens = await login(bob.email);
    await callUnary(identity.logout.bind(identity), { accessToken: aliceTokens.accessToken, refreshToken: bobTokens.refreshToken });
    await expect(refresh(bobTokens.refreshToken)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('issues access tokens that the exported verify function rejects when tampered with or expired', async () => {
    const { email } = await account();
    offsetMs = -3600_000;
    const stale = await login(email);
    offsetMs = 0;
    expect(() => verifyAccessToken(stale.accessToken, JWT_SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'The token has expired' }));

    const fresh = await login(email);
    const [header, , signature] = fresh.accessToken.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...(jwt.decode(fresh.accessToken) as object), role: 'admin' })).toString('base64url');
    expect(() => verifyAccessToken(`${header}.${promoted}.${signature}`, JWT_SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => verifyAccessToken(fresh.accessToken, 'some-other-secret-some-other-secret')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(verifyAccessToken(fresh.accessToken, JWT_SECRET).role).toBe('customer');
  });

  it('verifies an email with a token that works once and expires after 24 hours', async () => {
    const { email, user } = await account();
    const token = lastToken(IDENTITY_EVENT_TYPES.emailVerificationRequested, email);
    const verify = (t: string) => callUnary(identity.verifyEmail.bind(identity), { token: t });

    expect(await verify(token)).toMatchObject({ id: user.id, emailVerified: true });
    expect(await rejection(verify(token))).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'used' } });
    expect(await rejection(verify('not-a-token'))).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'invalid' } });

    const late = await account();
    offsetMs = 25 * 3600_000;
    expect(await rejection(verify(lastToken(IDENTITY_EVENT_TYPES.emailVerificationRequested, late.email)))).toMatchObject({ details: { reason: 'expired' } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: late.user.id } })).emailVerified).toBe(false);
  });

  it('resets a password with a single-use token and revokes every refresh token of the account', async () => {
    const { email, user } = await account();
    const sessions = [await login(email), await login(email)];
    await callUnary(identity.requestPasswordReset.bind(identity), { email: ` ${email.toUpperCase()}` });
    const token = lastToken(IDENTITY_EVENT_TYPES.passwordResetRequested, email);
    const reset = (newPassword: string) => callUnary(identity.resetPassword.bind(identity), { token, newPassword });

    // A refused new password leaves the token usable.
    expect(await rejection(reset('short'))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'password' } });
    await reset('a brand new password');
    for (const session of sessions) expect(await rejection(refresh(session.refreshToken))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await prisma.refreshFamily.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await rejection(login(email))).toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(login(email, 'a brand new password')).resolves.toMatchObject({ tokenType: 'Bearer' });
    expect(await rejection(reset('yet another password'))).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'used' } });
  });

  it('answers a reset request for an unknown email the same way, sending nothing', async () => {
    const before = published.length;
    await expect(callUnary(identity.requestPasswordReset.bind(identity), { email: newEmail() })).resolves.toEqual({});
    expect(published.length).toBe(before);
  });

  it('rate-limits failed logins per email across service instances sharing Redis', async () => {
    const { email } = await account();
    for (let i = 0; i < 5; i++) {
      const err = await rejection(login(email, 'wrong password!', i % 2 === 0 ? identity : identityB));
      expect(err).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    // Even the right password is refused now, on either instance, from any ip.
    for (const client of [identity, identityB]) {
      const limited = await rejection(login(email, PASSWORD, client));
      expect(limited).toMatchObject({ code: 'RATE_LIMITED' });
      expect(limited.details?.retryAfterSeconds).toBeGreaterThan(0);
      expect(limited.details?.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
  });

  it('rate-limits failed logins per ip across emails', async () => {
    const ip = randomIp();
    const { email } = await account();
    for (let i = 0; i < 20; i++) await rejection(login(newEmail(), PASSWORD, i % 2 === 0 ? identity : identityB, ip));
    expect(await rejection(login(email, PASSWORD, identity, ip))).toMatchObject({ code: 'RATE_LIMITED' });
    await expect(login(email, PASSWORD, identity, randomIp())).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('reads and updates the profile, and a role change ends the sessions', async () => {
    const { email, user } = await account();
    const session = await login(email);
    expect(await callUnary(identity.updateProfile.bind(identity), { userId: user.id, name: '  佐藤 次郎 ' })).toMatchObject({ name: '佐藤 次郎' });
    expect(await callUnary(identity.getProfile.bind(identity), { userId: user.id })).toMatchObject({ id: user.id, email, name: '佐藤 次郎' });
    expect(await rejection(callUnary(identity.getProfile.bind(identity), { userId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });

    expect(await callUnary(identity.setRole.bind(identity), { userId: user.id, role: 'merchant' })).toMatchObject({ role: 'merchant' });
    expect(await rejection(refresh(session.refreshToken))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(verifyAccessToken((await login(email)).accessToken, JWT_SECRET).role).toBe('merchant');
    expect(await rejection(callUnary(identity.setRole.bind(identity), { userId: user.id, role: 'root' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps up to ten Japanese addresses per account', async () => {
    const { user } = await account();
    const other = await account();
    const address = { name: '山田 花子', postalCode: '１５００００１', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1-1', line2: '', phone: '03-1234-5678' };
    const add = (userId: string, line2 = '') =>
      callUnary<AddAddressRequest, Address__Output>(identity.addAddress.bind(identity), { userId, address: { ...address, line2 } });
    const list = async (userId: string) =>
      (await callUnary<ListAddressesRequest, ListAddressesResponse__Output>(identity.listAddresses.bind(identity), { userId })).addresses;

    const first = await add(user.id, '101');
    expect(first).toMatchObject({ postalCode: '150-0001', prefecture: '東京都', line2: '101' });
    await Promise.all(Array.from({ length: 11 }, (_, i) => add(user.id, String(i)).catch((err: unknown) => err)));
    expect(await list(user.id)).toHaveLength(10);
    expect(await rejection(add(user.id))).toMatchObject({ code: 'CONFLICT', details: { max: 10 } });
    expect(await rejection(callUnary(identity.addAddress.bind(identity), { userId: user.id, address: { ...address, prefecture: 'Tokyo' } }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    const deleteAddress = (userId: string, addressId: string) => callUnary(identity.deleteAddress.bind(identity), { userId, addressId });
    expect(await rejection(deleteAddress(other.user.id, first.id))).toMatchObject({ code: 'NOT_FOUND' });
    await deleteAddress(user.id, first.id);
    expect((await list(user.id)).map((a) => a.id)).not.toContain(first.id);
    expect(await list(user.id)).toHaveLength(9);
    expect(await list(other.user.id)).toEqual([]);
  });
});
