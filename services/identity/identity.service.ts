import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import bcrypt from 'bcryptjs';
import { DomainError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { PrismaClient } from '../../lib/prisma';
import type { Redis } from '../../lib/redis';
import type { Address__Output } from '../../proto/generated/checkout/identity/v1/Address';
import type { TokenPair__Output } from '../../proto/generated/checkout/identity/v1/TokenPair';
import type { User__Output } from '../../proto/generated/checkout/identity/v1/User';
import { isRevoked, revokeAccessToken, signAccessToken, verifyAccessToken } from '../../lib/access-token';
import { assertPasswordPolicy, normaliseEmail, parseAddress, parseEmail, parseName, type AddressInput } from './account-input';
import { IDENTITY_EVENT_TYPES, identityEmailEvent, type IdentityEventType, type PublishIdentityEvent } from './identity-events';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimit, type LoginRateLimitSettings } from './login-rate-limit';
import { generateOpaqueToken, hashToken } from './opaque-token';
import { parseRole, type Role } from '../../lib/permissions';

export const DEFAULT_BCRYPT_COST = 12;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600_000;
export const EMAIL_VERIFICATION_TTL_MS = 24 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 3600_000;
export const MAX_ADDRESSES_PER_USER = 10;

type OneTimePurpose = 'email_verification' | 'password_reset';
type RevokeReason = 'logout' | 'reuse' | 'password_reset' | 'role_change';
type Tx = Prisma.TransactionClient;
type UserRow = { id: string; email: string; name: string; role: string; merchantId: string | null; emailVerified: boolean; createdAt: Date };

/** Roles that act for one merchant: their tokens carry its id (claim mid). */
const MERCHANT_ROLES: ReadonlySet<string> = new Set(['merchant', 'cashier']);
const MAX_MERCHANT_ID_LENGTH = 64;
const MAX_SEARCH_PAGE_SIZE = 100;

export interface IdentityServiceOptions {
  prisma: PrismaClient;
  /** Shared by every instance: the access-token denylist and the login rate limits live here. */
  redis: Redis;
  logger: Logger;
  now: () => Date;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  /** Hands an email event to Kafka (topic `identity`); called only after the database commit. */
  publish: PublishIdentityEvent;
  /** bcrypt cost factor (12 in production; tests use 4). */
  bcryptCost?: number;
  loginRateLimit?: LoginRateLimitSettings;
}

const INVALID_CREDENTIALS = 'The email or password is wrong';
const INVALID_REFRESH = 'The refresh token is not valid';

/** Accounts, sessions (access and refresh tokens), emailed single-use tokens, and saved addresses. */
export class IdentityService {
  private readonly prisma: PrismaClient;
  private readonly bcryptCost: number;
  private readonly rateLimit: LoginRateLimit;
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: IdentityServiceOptions) {
    this.prisma = options.prisma;
    this.bcryptCost = options.bcryptCost ?? DEFAULT_BCRYPT_COST;
    this.rateLimit = new LoginRateLimit(options.redis, options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT);
  }

  /** Creates a customer account with an unverified email and asks the email worker to send the verification link. */
  async register(request: { email: string; password: string; name: string }): Promise<User__Output> {
    const email = parseEmail(request.email);
    const name = parseName(request.name);
    assertPasswordPolicy(request.password, email);
    if (await this.prisma.user.findUnique({ where: { email }, select: { id: true } })) throw alreadyExists();
    const passwordHash = await bcrypt.hash(request.password, this.bcryptCost);
    const now = this.options.now();
    const token = generateOpaqueToken();
    const expiresAt = new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS);
    let user: UserRow;
    try {
      user = await this.prisma.user.create({
        data: {
          id: randomUUID(),
          email,
          name,
          passwordHash,
          role: 'customer',
          emailVerified: false,
          createdAt: now,
          oneTimeTokens: { create: { id: randomUUID(), purpose: 'email_verification', tokenHash: hashToken(token), expiresAt, createdAt: now } },
        },
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyExists();
      throw err;
    }
    // The account exists now: a failed hand-off must not turn into an error whose retry says ALREADY_EXISTS.
    await this.publish(IDENTITY_EVENT_TYPES.emailVerificationRequested, user, token, expiresAt).catch((err: unknown) =>
      this.options.logger.error({ err, userId: user.id }, 'could not publish the email verification request; RequestEmailVerification sends a new one'),
    );
    return toUser(user);
  }

  /** Checks the password and opens a session; unknown emails cost the same bcrypt work and get the same answer. */
  async login(request: { email: string; password: string; ip: string }): Promise<TokenPair__Output> {
    const email = normaliseEmail(request.email);
    const ip = request.ip.trim();
    await this.rateLimit.assertAllowed(email, ip);
    const user = email ? await this.prisma.user.findUnique({ where: { email } }) : null;
    const matches = await bcrypt.compare(request.password, user?.passwordHash ?? (await this.getDummyHash()));
    if (!user || !matches) {
      await this.rateLimit.recordFailure(email, ip);
      throw new DomainError('UNAUTHENTICATED', INVALID_CREDENTIALS);
    }
    await this.rateLimit.recordSuccess(email);
    const familyId = randomUUID();
    const refreshToken = await this.prisma.$transaction(async (tx) => {
      await tx.refreshFamily.create({ data: { id: familyId, userId: user.id, createdAt: this.options.now() } });
      return this.createRefreshToken(tx, familyId);
    });
    return this.tokenPair(user, refreshToken);
  }

  /**
   * Spends a refresh token and issues the next one of its family; a token spent before means it was
   * stolen (or replayed), so the whole family is revoked and the caller must log in again.
   */
  async refresh(request: { refreshToken: string }): Promise<TokenPair__Output> {
    if (!request.refreshToken) throw new DomainError('UNAUTHENTICATED', INVALID_REFRESH);
    const now = this.options.now();
    const row = await this.prisma.refreshToken.findUnique({
      where: { tokenHash: hashToken(request.refreshToken) },
      include: { family: { include: { user: true } } },
    });
    if (!row || row.family.revokedAt) throw new DomainError('UNAUTHENTICATED', INVALID_REFRESH);
    if (row.expiresAt.getTime() <= now.getTime()) throw new DomainError('UNAUTHENTICATED', 'The refresh token has expired');
    const next = await this.prisma.$transaction(async (tx) => {
      // Conditional update: of two concurrent refreshes with one token, exactly one spends it.
      const spent = await tx.refreshToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
      return spent.count === 1 ? this.createRefreshToken(tx, row.familyId) : undefined;
    });
    if (!next) {
      await this.revokeFamilies({ id: row.familyId }, 'reuse');
      this.options.logger.warn({ userId: row.family.userId, familyId: row.familyId }, 'refresh token reused: session revoked');
      throw new DomainError('UNAUTHENTICATED', INVALID_REFRESH);
    }
    return this.tokenPair(row.family.user, next);
  }

  /** Denylists the access token until it expires and revokes the session of the refresh token, if it is the same user's. */
  async logout(request: { accessToken: string; refreshToken: string }): Promise<Record<string, never>> {
    const now = this.options.now();
    const claims = verifyAccessToken(request.accessToken, this.options.jwtSecret, { now, ignoreExpiration: true });
    await revokeAccessToken(this.options.redis, claims, now);
    if (request.refreshToken) {
      const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash: hashToken(request.refreshToken) }, include: { family: true } });
      if (row && row.family.userId === claims.userId) await this.revokeFamilies({ id: row.familyId }, 'logout');
    }
    return {};
  }

  /** Whether an access token id is on the logout denylist. */
  async isAccessTokenRevoked(jti: string): Promise<boolean> {
    return jti ? isRevoked(this.options.redis, jti) : false;
  }

  /** Marks the email of the token's account verified; the token works once, within 24 hours. */
  async verifyEmail(request: { token: string }): Promise<User__Output> {
    const user = await this.prisma.$transaction(async (tx) => {
      const { userId } = await this.consumeOneTimeToken(tx, 'email_verification', request.token);
      return tx.user.update({ where: { id: userId }, data: { emailVerified: true } });
    });
    return toUser(user);
  }

  /** Sends a fresh verification link (earlier links stop working) to an account whose email is not verified. */
  async requestEmailVerification(request: { userId: string }): Promise<Record<string, never>> {
    const user = await this.findUser(request.userId);
    if (user.emailVerified) throw new DomainError('CONFLICT', 'The email address is already verified');
    const { token, expiresAt } = await this.prisma.$transaction((tx) => this.createOneTimeToken(tx, user.id, 'email_verification', EMAIL_VERIFICATION_TTL_MS));
    await this.publish(IDENTITY_EVENT_TYPES.emailVerificationRequested, user, token, expiresAt);
    return {};
  }

  /** Sends a password-reset link valid for one hour; an unknown email gets the same empty answer. */
  async requestPasswordReset(request: { email: string }): Promise<Record<string, never>> {
    const email = normaliseEmail(request.email);
    const user = email ? await this.prisma.user.findUnique({ where: { email } }) : null;
    if (!user) return {};
    const { token, expiresAt } = await this.prisma.$transaction((tx) => this.createOneTimeToken(tx, user.id, 'password_reset', PASSWORD_RESET_TTL_MS));
    await this.publish(IDENTITY_EVENT_TYPES.passwordResetRequested, user, token, expiresAt);
    return {};
  }

  /** Sets a new password with a reset token (single use) and revokes every session of the account. */
  async resetPassword(request: { token: string; newPassword: string }): Promise<Record<string, never>> {
    const pending = await this.findUsableOneTimeToken(this.prisma, 'password_reset', request.token);
    const user = await this.findUser(pending.userId);
    assertPasswordPolicy(request.newPassword, user.email);
    const passwordHash = await bcrypt.hash(request.newPassword, this.bcryptCost);
    await this.prisma.$transaction(async (tx) => {
      await this.consumeOneTimeToken(tx, 'password_reset', request.token);
      // The link reached the mailbox, which proves the address as well as a verification link would.
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerified: true } });
      await this.revokeFamilies({ userId: user.id }, 'password_reset', tx);
    });
    await this.rateLimit.recordSuccess(user.email);
    return {};
  }

  /** Returns an account's profile. */
  async getProfile(request: { userId: string }): Promise<User__Output> {
    return toUser(await this.findUser(request.userId));
  }

  /** Changes an account's display name. */
  async updateProfile(request: { userId: string; name: string }): Promise<User__Output> {
    const name = parseName(request.name);
    await this.findUser(request.userId);
    return toUser(await this.prisma.user.update({ where: { id: request.userId }, data: { name } }));
  }

  /**
   * Changes an account's role (and, for a merchant or cashier, its merchant) and revokes its sessions, so
   * the new role is in every token within one access-token lifetime. The last admin keeps the admin
   * role: otherwise nobody could administer users any more (FAILED_PRECONDITION LAST_ADMIN).
   */
  async setRole(request: { userId: string; role: string; merchantId?: string }): Promise<User__Output> {
    const role = parseRole(request.role);
    if (!role) throw new DomainError('VALIDATION_FAILED', 'role must be customer, cashier, merchant, operator or admin', { field: 'role' });
    const requestedMerchant = (request.merchantId ?? '').trim();
    if (requestedMerchant.length > MAX_MERCHANT_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `merchantId is longer than ${MAX_MERCHANT_ID_LENGTH} characters`, { field: 'merchantId' });
    const updated = await this.prisma.$transaction(async (tx) => {
      // Admin rows locked in one order: two concurrent demotions of the last two admins cannot both pass the count.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "identity"."users" WHERE role = 'admin' ORDER BY id FOR UPDATE`;
      const user = await tx.user.findUnique({ where: { id: request.userId } });
      if (!user) throw userNotFound(request.userId);
      // Only merchant and cashier accounts act for a merchant; any other role drops the link. One
      // without a link gets tokens without mid, which reach no merchant's data until it is linked.
      const merchantId = MERCHANT_ROLES.has(role) ? requestedMerchant || user.merchantId : null;
      if (user.role === role && user.merchantId === merchantId) return user;
      if (user.role === 'admin' && role !== 'admin' && admins.length <= 1) {
        throw new DomainError('CONFLICT', 'This is the last admin: make another account admin first', { reason: 'LAST_ADMIN', userId: user.id });
      }
      await this.revokeFamilies({ userId: user.id }, 'role_change', tx);
      return tx.user.update({ where: { id: user.id }, data: { role, merchantId } });
    });
    return toUser(updated);
  }

  /**
   * Links the named accounts to a merchant (its cashier set in the catalog) and unlinks the cashiers it
   * no longer names; accounts whose link changed lose their sessions, so their next token has the new mid.
   * Ids that are no cashier account (yet) are skipped: the catalog may name a cashier before it signs up
   * or before an admin gives it the cashier role (PUT /v1/staff/users/:id/roles links it then).
   */
  async linkMerchantUsers(request: { merchantId: string; userIds: string[] }): Promise<{ linkedUserIds: string[] }> {
    const merchantId = request.merchantId.trim();
    if (!merchantId || merchantId.length > MAX_MERCHANT_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', 'merchantId is required', { field: 'merchantId' });
    const userIds = [...new Set(request.userIds)];
    return this.prisma.$transaction(async (tx) => {
      // Only cashier accounts: a merchant naming another merchant's owner or a staff account as its
      // "cashier" must not move that account's link (the catalog refuses another merchant's cashiers).
      const named = await tx.user.findMany({ where: { id: { in: userIds }, role: 'cashier' }, select: { id: true, merchantId: true } });
      const dropped = await tx.user.findMany({ where: { merchantId, role: 'cashier', id: { notIn: userIds } }, select: { id: true } });
      const changed = [...named.filter((u) => u.merchantId !== merchantId).map((u) => u.id), ...dropped.map((u) => u.id)];
      if (named.length > 0) await tx.user.updateMany({ where: { id: { in: named.map((u) => u.id) } }, data: { merchantId } });
      if (dropped.length > 0) await tx.user.updateMany({ where: { id: { in: dropped.map((u) => u.id) } }, data: { merchantId: null } });
      for (const userId of changed) await this.revokeFamilies({ userId }, 'role_change', tx);
      return { linkedUserIds: named.map((u) => u.id).sort() };
    });
  }

  /** Accounts whose email or name contains `q` (case-insensitive; Japanese names match as written), oldest first. */
  async searchUsers(request: { q: string; page: number; pageSize: number }): Promise<{ users: User__Output[]; total: number; page: number; pageSize: number }> {
    const q = request.q.normalize('NFC').trim();
    const page = request.page || 1;
    const pageSize = request.pageSize || 20;
    if (q.length > 254) throw new DomainError('VALIDATION_FAILED', 'q is longer than 254 characters', { field: 'q' });
    if (!Number.isInteger(page) || page < 1 || page > 10_000) throw new DomainError('VALIDATION_FAILED', 'page must be an integer from 1 to 10000', { field: 'page' });
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_SEARCH_PAGE_SIZE) throw new DomainError('VALIDATION_FAILED', `pageSize must be an integer from 1 to ${MAX_SEARCH_PAGE_SIZE}`, { field: 'pageSize' });
    const where: Prisma.UserWhereInput = q ? { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] } : {};
    const [rows, total] = await Promise.all([
      this.prisma.user.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.user.count({ where }),
    ]);
    return { users: rows.map(toUser), total, page, pageSize };
  }

  /** Saves a delivery address; an account holds at most ten. */
  async addAddress(request: { userId: string; address: AddressInput | null }): Promise<Address__Output> {
    const address = parseAddress(request.address);
    const row = await this.prisma.$transaction(async (tx) => {
      // Lock the account row so two concurrent adds cannot both pass the count.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "identity"."users" WHERE id = ${request.userId} FOR UPDATE`;
      if (locked.length === 0) throw userNotFound(request.userId);
      const count = await tx.savedAddress.count({ where: { userId: request.userId } });
      if (count >= MAX_ADDRESSES_PER_USER) {
        throw new DomainError('CONFLICT', `An account can save at most ${MAX_ADDRESSES_PER_USER} addresses`, { max: MAX_ADDRESSES_PER_USER });
      }
      return tx.savedAddress.create({ data: { id: randomUUID(), userId: request.userId, ...address, createdAt: this.options.now() } });
    });
    return toAddress(row);
  }

  /** Lists an account's saved addresses, oldest first. */
  async listAddresses(request: { userId: string }): Promise<Address__Output[]> {
    await this.findUser(request.userId);
    const rows = await this.prisma.savedAddress.findMany({ where: { userId: request.userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toAddress);
  }

  /** Deletes one of the account's saved addresses (NOT_FOUND when it is not theirs). */
  async deleteAddress(request: { userId: string; addressId: string }): Promise<Record<string, never>> {
    const deleted = await this.prisma.savedAddress.deleteMany({ where: { id: request.addressId, userId: request.userId } });
    if (deleted.count === 0) throw new DomainError('NOT_FOUND', 'No such address', { addressId: request.addressId });
    return {};
  }

  private async tokenPair(user: { id: string; email: string; role: string; merchantId: string | null }, refreshToken: string): Promise<TokenPair__Output> {
    const role: Role = parseRole(user.role) ?? 'customer';
    // Only a merchant or cashier acts for a merchant: a stale link on another role is not issued.
    const merchantId = MERCHANT_ROLES.has(role) && user.merchantId ? user.merchantId : undefined;
    const { token } = signAccessToken({ id: user.id, email: user.email, role, ...(merchantId ? { merchantId } : {}) }, { secret: this.options.jwtSecret, ttlSeconds: this.options.accessTokenTtlSeconds, now: this.options.now() });
    return { accessToken: token, refreshToken, expiresIn: this.options.accessTokenTtlSeconds, tokenType: 'Bearer' };
  }

  private async createRefreshToken(tx: Tx, familyId: string): Promise<string> {
    const now = this.options.now();
    const token = generateOpaqueToken();
    await tx.refreshToken.create({
      data: { id: randomUUID(), familyId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS), createdAt: now },
    });
    return token;
  }

  private async revokeFamilies(where: { id: string } | { userId: string }, reason: RevokeReason, tx: Tx = this.prisma): Promise<void> {
    await tx.refreshFamily.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: this.options.now(), revokeReason: reason } });
  }

  /** A new single-use token; earlier unused ones of the same purpose stop working, so only the latest link is live. */
  private async createOneTimeToken(tx: Tx, userId: string, purpose: OneTimePurpose, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
    const now = this.options.now();
    await tx.oneTimeToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
    const token = generateOpaqueToken();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await tx.oneTimeToken.create({ data: { id: randomUUID(), userId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: now } });
    return { token, expiresAt };
  }

  private async findUsableOneTimeToken(db: Tx, purpose: OneTimePurpose, token: string): Promise<{ id: string; userId: string }> {
    const row = token ? await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
    if (!row || row.purpose !== purpose) throw invalidLink(purpose, 'invalid');
    if (row.usedAt) throw invalidLink(purpose, 'used');
    if (row.expiresAt.getTime() <= this.options.now().getTime()) throw invalidLink(purpose, 'expired');
    return row;
  }

  private async consumeOneTimeToken(tx: Tx, purpose: OneTimePurpose, token: string): Promise<{ userId: string }> {
    const row = await this.findUsableOneTimeToken(tx, purpose, token);
    const spent = await tx.oneTimeToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: this.options.now() } });
    if (spent.count !== 1) throw invalidLink(purpose, 'used');
    return { userId: row.userId };
  }

  private async publish(type: IdentityEventType, user: { id: string; email: string }, token: string, expiresAt: Date): Promise<void> {
    await this.options.publish(identityEmailEvent(type, { userId: user.id, email: user.email, token, expiresAt: expiresAt.toISOString() }, this.options.now()));
  }

  private async findUser(userId: string): Promise<UserRow> {
    const user = userId ? await this.prisma.user.findUnique({ where: { id: userId } }) : null;
    if (!user) throw userNotFound(userId);
    return user;
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= bcrypt.hash('no account has this password', this.bcryptCost);
    return this.dummyHash;
  }
}

function toUser(row: UserRow): User__Output {
  return { id: row.id, email: row.email, name: row.name, role: row.role, emailVerified: row.emailVerified, createdAt: row.createdAt.toISOString(), merchantId: row.merchantId ?? '' };
}

function toAddress(row: AddressInput & { id: string; createdAt: Date }): Address__Output {
  return {
    id: row.id,
    name: row.name,
    postalCode: row.postalCode,
    prefecture: row.prefecture,
    city: row.city,
    line1: row.line1,
    line2: row.line2,
    phone: row.phone,
    createdAt: row.createdAt.toISOString(),
  };
}

function alreadyExists(): DomainError {
  return new DomainError('ALREADY_EXISTS', 'An account with this email already exists', { field: 'email' });
}

function userNotFound(userId: string): DomainError {
  return new DomainError('NOT_FOUND', 'No such account', { userId });
}

function invalidLink(purpose: OneTimePurpose, reason: 'invalid' | 'used' | 'expired'): DomainError {
  const what = purpose === 'email_verification' ? 'verification' : 'password reset';
  return new DomainError('VALIDATION_FAILED', `The ${what} link is ${reason === 'invalid' ? 'not valid' : reason === 'used' ? 'already used' : 'expired'}`, {
    field: 'token',
    reason,
  });
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
