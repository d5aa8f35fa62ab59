import { DomainError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/prisma';
import type { Preferences__Output } from '../../proto/generated/checkout/identity/v1/Preferences';

export const LANGUAGES = ['ja', 'en'] as const;
const MAX_ID_LENGTH = 128;

/** What an account has until it saves preferences: Japanese, no marketing emails, no default address. */
export function defaultPreferences(userId: string): Preferences__Output {
  return { userId, language: 'ja', marketingEmails: false, defaultAddressId: '', updatedAt: '' };
}

/**
 * Checks a preferences document as the service receives it (the api validated its shape already;
 * this is the rule every caller of the RPC meets).
 */
export function checkPreferences(request: Preferences__Output): void {
  if (!request.userId || request.userId.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', 'userId is required', { field: 'userId' });
  if (!(LANGUAGES as readonly string[]).includes(request.language)) {
    throw new DomainError('VALIDATION_FAILED', `language must be one of ${LANGUAGES.join(', ')}`, { field: 'language' });
  }
  if (request.defaultAddressId.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', 'defaultAddressId is too long', { field: 'defaultAddressId' });
}

/** Storefront preferences of identity accounts (table identity.user_preferences). */
export class UserPreferencesStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** The account's preferences, or the defaults; NOT_FOUND when there is no such account. */
  async get(userId: string): Promise<Preferences__Output> {
    const user = userId ? await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true, preferences: true } }) : null;
    if (!user) throw new DomainError('NOT_FOUND', 'No such account', { userId });
    return user.preferences ? toPreferences(user.preferences) : defaultPreferences(userId);
  }

  /** Replaces the account's preferences; a default address that is not one of its own is VALIDATION_FAILED. */
  async update(request: Preferences__Output): Promise<Preferences__Output> {
    checkPreferences(request);
    const data = { language: request.language, marketingEmails: request.marketingEmails, defaultAddressId: request.defaultAddressId || null };
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: request.userId }, select: { id: true } });
      if (!user) throw new DomainError('NOT_FOUND', 'No such account', { userId: request.userId });
      if (data.defaultAddressId) {
        // Another account's address id is answered exactly like a missing one: no probing.
        const own = await tx.savedAddress.findFirst({ where: { id: data.defaultAddressId, userId: request.userId }, select: { id: true } });
        if (!own) throw new DomainError('VALIDATION_FAILED', 'defaultAddressId is not one of your saved addresses', { field: 'defaultAddressId' });
      }
      const row = await tx.userPreferences.upsert({ where: { userId: request.userId }, create: { userId: request.userId, ...data }, update: data });
      return toPreferences(row);
    });
  }
}

function toPreferences(row: { userId: string; language: string; marketingEmails: boolean; defaultAddressId: string | null; updatedAt: Date }): Preferences__Output {
  return { userId: row.userId, language: row.language, marketingEmails: row.marketingEmails, defaultAddressId: row.defaultAddressId ?? '', updatedAt: row.updatedAt.toISOString() };
}
