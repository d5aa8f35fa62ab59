import { Prisma } from '@prisma/client';
import { DomainError, isDomainError, type DomainErrorCode } from './errors';
import type { PrismaClient } from './prisma';

export type Tx = Prisma.TransactionClient;

/** The schemas that own an `idempotency_keys` table (see prisma/schema.prisma). */
export type IdempotencySchema = 'inventory' | 'orders' | 'payments' | 'delivery' | 'loyalty';

type Stored = { ok: unknown } | { error: { code: DomainErrorCode; message: string; details?: Record<string, unknown> } };

/**
 * The longest a call's transaction may run, whatever the caller's deadline: well below the activities'
 * 30 s startToCloseTimeout (activities/grpc-call.ts gives gRPC calls 15 s), so a server never keeps
 * working, and holding locks, for an attempt that Temporal has already given up on and retried.
 */
export const MAX_TRANSACTION_MS = 15_000;

export interface IdempotentCallOptions {
  /**
   * Whether the entity this step created has been undone since (reservation released or expired,
   * booking released, payment refunded or voided, ...). Checked in the key's transaction, after its
   * lock, before a stored SUCCESS is replayed: when true the call answers STEP_UNDONE instead, so a
   * Temporal reset that re-runs the same keys never gets a stale success for work that was undone.
   * Stored rejections are replayed as they are. A first call (no stored answer) is not checked here:
   * `fn` decides (a tombstone left by the undo refuses it). The hook may throw its own STEP_UNDONE
   * (with the entity's details) instead of returning true.
   */
  undone?: (tx: Tx) => Promise<boolean>;
  /**
   * When the caller stops waiting (the gRPC deadline, see `unary()` in lib/grpc.ts). The transaction,
   * each of its statements (lock waits included) and its commit are bounded by the time left, so work
   * nobody waits for is rolled back instead of committed late.
   */
  deadline?: Date;
}

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
  options: IdempotentCallOptions = {},
): Promise<T> {
  if (!key) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
  const table = Prisma.raw(`"${schema}"."idempotency_keys"`);
  const budgetMs = timeBudgetMs(options.deadline);
  const outcome = await prisma.$transaction(
    async (tx) => {
      // Cancels a statement (a lock wait included) that outlives the caller; Prisma's timeout alone would
      // only mark the transaction expired while its blocked statement kept the connection.
      await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(budgetMs)}, true)`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${schema}:${key}`}, 0))`;
      const previous = await tx.$queryRaw<{ operation: string; response: Stored }[]>`SELECT operation, response FROM ${table} WHERE key = ${key}`;
      if (previous[0]) {
        if (previous[0].operation !== operation) {
          throw new DomainError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for ${previous[0].operation}`);
        }
        if ('ok' in previous[0].response && options.undone && (await options.undone(tx))) {
          throw new DomainError('STEP_UNDONE', `${operation} (${key}) was undone since it succeeded`, { idempotencyKey: key, operation });
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
      // The caller is gone: roll back rather than commit an answer nobody receives (its retry runs again).
      if (options.deadline && Date.now() >= options.deadline.getTime()) throw deadlinePassed(operation);
      return stored;
    },
    { timeout: budgetMs, maxWait: Math.min(budgetMs, 10_000) },
  ).catch((err: unknown) => {
    throw isDomainError(err) || !options.deadline || Date.now() < options.deadline.getTime() ? err : deadlinePassed(operation);
  });
  if ('error' in outcome) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.details);
  return outcome.ok as T;
}

/** The time this call may take: what is left of the caller's deadline, never more than MAX_TRANSACTION_MS. */
function timeBudgetMs(deadline: Date | undefined): number {
  if (!deadline) return MAX_TRANSACTION_MS;
  const left = Math.floor(deadline.getTime() - Date.now());
  if (left <= 0) throw new DomainError('UNAVAILABLE', 'the caller\'s deadline has passed');
  return Math.min(left, MAX_TRANSACTION_MS);
}

function deadlinePassed(operation: string): DomainError {
  return new DomainError('UNAVAILABLE', `${operation} gave up: the caller's deadline passed`);
}
