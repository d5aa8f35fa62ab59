import { Prisma } from '@prisma/client';
import { DomainError, isDomainError, type DomainErrorCode } from './errors';
import type { PrismaClient } from './prisma';

export type Tx = Prisma.TransactionClient;

/** The schemas that own an `idempotency_keys` table (see prisma/schema.prisma). */
export type IdempotencySchema = 'inventory' | 'orders' | 'payments' | 'delivery' | 'loyalty';

type Stored = { ok: unknown } | { error: { code: DomainErrorCode; message: string; details?: Record<string, unknown> } };

/**
 * Runs `fn` once per idempotency key, in one transaction with the key's record: a repeated call
 * (even a concurrent one: an advisory lock on the key serialises them) gets the first answer back,
 * success or business rejection, without running `fn` again. Unexpected errors are not stored, so
 * a retry after an outage runs `fn` for real.
 */
export async function idempotentCall<T>(
  prisma: PrismaClient,
  schema: IdempotencySchema,
  key: string,
  operation: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (!key) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
  const table = Prisma.raw(`"${schema}"."idempotency_keys"`);
  const outcome = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${schema}:${key}`}, 0))`;
      const previous = await tx.$queryRaw<{ operation: string; response: Stored }[]>`SELECT operation, response FROM ${table} WHERE key = ${key}`;
      if (previous[0]) {
        if (previous[0].operation !== operation) {
          throw new DomainError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for ${previous[0].operation}`);
        }
        return previous[0].response;
      }
      let stored: Stored;
      // A rejected call must leave no partial writes behind, only its recorded answer.
      await tx.$executeRawUnsafe('SAVEPOINT idempotent_call');
      try {
        stored = { ok: await fn(tx) };
      } catch (err) {
        if (!isDomainError(err) || err.code === 'UNAVAILABLE' || err.code === 'INTERNAL') throw err;
        await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT idempotent_call');
        stored = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
      }
      await tx.$executeRaw`INSERT INTO ${table} (key, operation, response) VALUES (${key}, ${operation}, ${JSON.stringify(stored)}::jsonb)`;
      return stored;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  if ('error' in outcome) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.details);
  return outcome.ok as T;
}
