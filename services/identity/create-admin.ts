import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { DomainError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/prisma';
import { assertPasswordPolicy, parseEmail, parseName } from './account-input';
import { DEFAULT_BCRYPT_COST } from './identity.service';

export interface CreateAdminInput {
  email: string;
  /** Display name; the email's local part when absent. */
  name?: string;
  password: string;
  /** Create (or promote) even though an admin exists already. */
  force?: boolean;
  bcryptCost?: number;
  now?: () => Date;
  /** Progress lines (never the password). */
  progress?: (line: string) => void;
}

/**
 * The first admin of an installation (`npm run admin:create`): creates the account, or promotes an
 * existing account with that email and sets its password, as admin with a verified email. Refuses
 * (CONFLICT, reason ADMIN_EXISTS) when an admin exists, unless `force`: a second admin is made through
 * PUT /v1/staff/users/:id/roles by an admin, where it is audited like any other role change.
 */
export async function createAdmin(prisma: PrismaClient, input: CreateAdminInput): Promise<{ id: string; email: string; created: boolean }> {
  const progress = input.progress ?? (() => undefined);
  const email = parseEmail(input.email);
  const name = parseName(input.name ?? email.split('@')[0] ?? email);
  assertPasswordPolicy(input.password, email);
  progress('Checking for an existing admin…');
  const admins = await prisma.user.findMany({ where: { role: 'admin' }, select: { email: true }, take: 5 });
  if (admins.length > 0 && !input.force) {
    throw new DomainError('CONFLICT', `An admin exists already (${admins.map((a) => a.email).join(', ')}): pass --force to add another`, { reason: 'ADMIN_EXISTS' });
  }
  const cost = input.bcryptCost ?? DEFAULT_BCRYPT_COST;
  progress(`Hashing the password (bcrypt, cost ${cost})…`);
  const passwordHash = await bcrypt.hash(input.password, cost);
  const now = (input.now ?? (() => new Date()))();
  progress('Writing the account…');
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing) {
      await tx.user.update({ where: { id: existing.id }, data: { role: 'admin', merchantId: null, passwordHash, emailVerified: true } });
      // Its old sessions carried the old role: end them.
      await tx.refreshFamily.updateMany({ where: { userId: existing.id, revokedAt: null }, data: { revokedAt: now, revokeReason: 'role_change' } });
      return { id: existing.id, email, created: false };
    }
    const id = randomUUID();
    await tx.user.create({ data: { id, email, name, passwordHash, role: 'admin', emailVerified: true, createdAt: now } });
    return { id, email, created: true };
  });
}
