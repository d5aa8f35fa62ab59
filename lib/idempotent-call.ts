import { Prisma } from '@prisma/client';
import { escapeLiteral, type PoolClient } from 'pg';
import { DomainError, isDomainError, type DomainErrorCode } from './errors';
import { sqlPool, type PrismaClient } from './prisma';

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

/**
 * A transaction's connection for hand-written SQL (the hot paths): each call is one statement and one
 * round trip, with $1.. parameters. What node-postgres returns: int4 as number, int8 and numeric as
 * string, timestamptz as Date, jsonb parsed; select a `date` as `::text` (it would come back as a Date
 * at local midnight).
 */
export interface Sql {
  rows<R>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** The number of rows the statement changed (or returned). */
  count(text: string, values?: readonly unknown[]): Promise<number>;
  /**
   * A write sent later, in the round trip that commits (before the key's answer, in the order given),
   * instead of a round trip of its own: for a write whose outcome the call does not read back. Its
   * failure (a constraint) is an unexpected error: the whole call rolls back, no answer stored. Dropped
   * with fn's other writes when fn rejects.
   */
  atCommit(statement: Prefetch): void;
}

/**
 * A statement sent ahead, in the round trip that begins the transaction (after its locks and the key's
 * lookup): the call's first read, so `fn` and `undone` find its rows without a round trip of their own.
 * Its values are written into the text as literals (the simple query protocol has no parameters).
 */
export interface Prefetch {
  text: string;
  values: readonly (string | number | boolean | null)[];
}

export interface SqlCallOptions {
  /** As `undone` of idempotentCall, over SQL; `prefetched` holds the rows of `prefetch`. */
  undone?: (sql: Sql, prefetched: unknown[]) => Promise<boolean>;
  /** As `deadline` of idempotentCall. */
  deadline?: Date;
  /**
   * Advisory locks (by name) taken right after the key's lock, in the same round trip: the lock of the
   * entity the call works on, which both the `undone` check and `fn` would otherwise take first.
   */
  locks?: readonly string[];
  /** The call's first read, sent ahead (see Prefetch); it runs whether or not the key has an answer. */
  prefetch?: Prefetch;
  /**
   * A write sent ahead too, right after the locks (before the savepoint, the key's lookup and the
   * prefetch, which see it), whether or not the key has an answer: work decided before the call that
   * must commit with its answer but survive fn's rejection (say, a provider's outcome), in the first
   * round trip instead of a transaction of its own. It rolls back with the call on an unexpected error
   * or a passed deadline, so it must be something a retry redoes (conditional, idempotent).
   */
  before?: Prefetch;
}

/**
 * idempotentCall over plain SQL, for the saga's hot calls: the same table, the same lock (so both
 * kinds of call on one key serialise with each other), the same answers: the first answer, success or
 * business rejection, stored and replayed; unexpected errors not stored; STEP_UNDONE instead of a
 * replayed success once `undone` says so; statements, lock waits and the commit bounded by the
 * caller's deadline. In round trips: one for BEGIN, the timeouts, the locks, a savepoint, the key's
 * lookup and the prefetch; then `fn`'s other statements; one for its `atCommit` writes, the key's
 * insert and COMMIT.
 */
export async function idempotentSql<T>(
  prisma: PrismaClient,
  schema: IdempotencySchema,
  key: string,
  operation: string,
  fn: (sql: Sql, prefetched: unknown[]) => Promise<T>,
  options: SqlCallOptions = {},
): Promise<T> {
  if (!key) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
  const table = `"${schema}"."idempotency_keys"`;
  const locks = [`${schema}:${key}`, ...(options.locks ?? [])];
  // The savepoint: a rejected call must leave no partial writes behind, only its recorded answer. The
  // lookup is a statement of its own after the locks, so it sees whatever the previous holder of the
  // key's lock committed.
  const tail = [
    ...(options.before ? [inline(options.before)] : []),
    'SAVEPOINT idempotent_call',
    `SELECT operation, response FROM ${table} WHERE key = ${escapeLiteral(key)}`,
    ...(options.prefetch ? [inline(options.prefetch)] : []),
  ];
  const skip = options.before ? 1 : 0;
  const outcome = await inSqlTransaction(prisma, options.deadline, operation, locks, tail, async (sql, client, tailRows, deferred) => {
    const [, found, prefetched = []] = tailRows.slice(skip);
    const previous = found as { operation: string; response: Stored }[];
    if (previous[0]) {
      if (previous[0].operation !== operation) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for ${previous[0].operation}`);
      }
      if ('ok' in previous[0].response && options.undone && (await options.undone(sql, prefetched))) {
        throw new DomainError('STEP_UNDONE', `${operation} (${key}) was undone since it succeeded`, { idempotencyKey: key, operation });
      }
      return { stored: previous[0].response, epilogue: undefined };
    }
    let stored: Stored;
    try {
      stored = { ok: await fn(sql, prefetched) };
    } catch (err) {
      if (!isDomainError(err) || err.code === 'UNAVAILABLE' || err.code === 'INTERNAL') throw err;
      await client.query('ROLLBACK TO SAVEPOINT idempotent_call');
      deferred.length = 0;
      stored = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
    }
    // Sent together with COMMIT (one round trip): the answer is recorded in the same transaction as the work.
    return { stored, epilogue: `INSERT INTO ${table} (key, operation, response) VALUES (${escapeLiteral(key)}, ${escapeLiteral(operation)}, ${escapeLiteral(JSON.stringify(stored))}::jsonb)` };
  });
  if ('error' in outcome) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.details);
  return outcome.ok as T;
}

/**
 * A short transaction over plain SQL, bounded by the caller's deadline like idempotentCall's, under the
 * advisory locks `locks` (taken in this order, in the round trip that begins the transaction, with
 * `prefetch` whose rows `fn` gets).
 */
export async function sqlTransaction<T>(
  prisma: PrismaClient,
  deadline: Date | undefined,
  operation: string,
  locks: readonly string[],
  fn: (sql: Sql, prefetched: unknown[]) => Promise<T>,
  prefetch?: Prefetch,
): Promise<T> {
  return inSqlTransaction(prisma, deadline, operation, locks, prefetch ? [inline(prefetch)] : [], async (sql, _client, [prefetched = []]) => ({
    stored: await fn(sql, prefetched),
    epilogue: undefined,
  }));
}

/**
 * One statement in a transaction of its own under the advisory locks `locks`, in one round trip (BEGIN,
 * timeouts, locks, the statement, COMMIT): for work decided in SQL alone. Bounded by the caller's
 * deadline statement by statement; unlike the others it cannot roll back at a deadline that passes
 * during its commit, so it is for writes a retry finds and takes over (an intent, an outcome).
 */
export async function sqlStatement<R>(prisma: PrismaClient, deadline: Date | undefined, operation: string, locks: readonly string[], statement: Prefetch): Promise<R[]> {
  const budgetMs = timeBudgetMs(deadline);
  const client = await connectWithin(prisma, Math.min(budgetMs, 10_000), operation);
  let failed: unknown;
  try {
    const results = (await client.query([...prologue(budgetMs, locks), inline(statement), 'COMMIT'].join(';\n'))) as unknown as { rows: unknown[] }[];
    return results.at(-2)!.rows as R[];
  } catch (err) {
    failed = err;
    await client.query('ROLLBACK').catch(() => undefined);
    throw !deadline || Date.now() < deadline.getTime() ? err : deadlinePassed(operation);
  } finally {
    client.release(failed !== undefined && !isSqlError(failed) ? (failed as Error) : undefined);
  }
}

export interface DecidedCallOptions {
  /** As `deadline` of idempotentCall (statements and lock waits; see idempotentDecided for the commit). */
  deadline?: Date;
  /** As SqlCallOptions.locks: taken right after the key's lock, in this order. */
  locks?: readonly string[];
  /** As SqlCallOptions.before: sent right after the locks, committed whatever the answer (conditional, idempotent). */
  before?: Prefetch;
  /** The call's read, after `before`: the rows `undone` gets, and the caller's on `{ decided: false }`. */
  prefetch?: Prefetch;
  /**
   * A SQL boolean expression, evaluated under the locks after `before`: true when the state is the one
   * the answer was decided from. The answer is stored only then.
   */
  holds: Prefetch;
  /** As SqlCallOptions.undone, over the prefetched rows only (it runs once the transaction has committed). */
  undone?: (prefetched: unknown[]) => boolean;
}

/**
 * idempotentSql for a call whose answer was decided before its transaction (from work done outside it:
 * a provider's outcome), in ONE round trip instead of two: BEGIN, the timeouts, the key's lock (the same
 * as idempotentCall's and idempotentSql's, so all kinds of call on one key serialise), `locks`, `before`,
 * the key's lookup, `prefetch`, the key's insert of `answer` when the key has no answer yet and `holds`
 * is true, COMMIT. `okSql` is a success the database completes in that insert (a jsonb expression, which
 * may read what `before` wrote); the caller gets it as stored, as a replay would. A key that has an answer replays it exactly as idempotentSql does
 * (IDEMPOTENCY_KEY_REUSED for another operation, STEP_UNDONE instead of a success once `undone`); a
 * stored rejection is thrown. `{ decided: false }` when `holds` was false (nothing stored, `before`
 * committed) or `answer` is an error idempotentSql never stores (UNAVAILABLE, INTERNAL: nothing sent):
 * the caller then answers through idempotentSql. Like sqlStatement it cannot roll back at a deadline
 * that passes during its commit, so it is for answers a retry would give again from the state `holds`
 * checked, which commits with it.
 */
export async function idempotentDecided<T>(
  prisma: PrismaClient,
  schema: IdempotencySchema,
  key: string,
  operation: string,
  answer: { ok: T } | { error: DomainError } | { okSql: Prefetch },
  options: DecidedCallOptions,
): Promise<{ decided: true; value: T } | { decided: false; prefetched: unknown[] }> {
  if (!key) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
  if ('error' in answer && (answer.error.code === 'UNAVAILABLE' || answer.error.code === 'INTERNAL')) return { decided: false, prefetched: [] };
  const table = `"${schema}"."idempotency_keys"`;
  // The answer as a jsonb expression: a literal, or (okSql) one the database completes under the locks,
  // after `before` (what only the transaction knows: its now(), the database's sort order).
  const stored: Stored | undefined =
    'okSql' in answer
      ? undefined
      : 'ok' in answer
        ? { ok: answer.ok }
        : { error: { code: answer.error.code, message: answer.error.message, ...(answer.error.details ? { details: answer.error.details } : {}) } };
  const response = stored ? `${escapeLiteral(JSON.stringify(stored))}::jsonb` : `jsonb_build_object('ok', (${inline((answer as { okSql: Prefetch }).okSql)})::jsonb)`;
  const statements = [
    ...(options.before ? [inline(options.before)] : []),
    `SELECT operation, response FROM ${table} WHERE key = ${escapeLiteral(key)}`,
    options.prefetch ? inline(options.prefetch) : 'SELECT',
    `INSERT INTO ${table} (key, operation, response)
     SELECT ${escapeLiteral(key)}, ${escapeLiteral(operation)}, ${response}
      WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE key = ${escapeLiteral(key)}) AND (${inline(options.holds)})
     RETURNING response`,
    'COMMIT',
  ];
  const budgetMs = timeBudgetMs(options.deadline);
  const client = await connectWithin(prisma, Math.min(budgetMs, 10_000), operation);
  let failed: unknown;
  let results: { rows: unknown[]; rowCount: number | null }[];
  try {
    results = (await client.query([...prologue(budgetMs, [`${schema}:${key}`, ...(options.locks ?? [])]), ...statements].join(';\n'))) as unknown as typeof results;
  } catch (err) {
    failed = err;
    await client.query('ROLLBACK').catch(() => undefined);
    throw !options.deadline || Date.now() < options.deadline.getTime() ? err : deadlinePassed(operation);
  } finally {
    client.release(failed !== undefined && !isSqlError(failed) ? (failed as Error) : undefined);
  }
  const [found, prefetch, inserted] = results.slice(-4, -1) as [typeof results[0], typeof results[0], { rows: { response: Stored }[]; rowCount: number | null }];
  const previous = found!.rows as { operation: string; response: Stored }[];
  const prefetched = options.prefetch ? prefetch!.rows : [];
  let outcome: Stored;
  if (previous[0]) {
    if (previous[0].operation !== operation) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for ${previous[0].operation}`);
    }
    if ('ok' in previous[0].response && options.undone?.(prefetched)) {
      throw new DomainError('STEP_UNDONE', `${operation} (${key}) was undone since it succeeded`, { idempotencyKey: key, operation });
    }
    outcome = previous[0].response;
  } else if (inserted!.rowCount === 1) {
    outcome = stored ?? inserted!.rows[0]!.response;
  } else {
    return { decided: false, prefetched };
  }
  if ('error' in outcome) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.details);
  return { decided: true, value: outcome.ok as T };
}

/**
 * BEGIN, the timeouts and the locks. statement_timeout cancels a statement, a lock wait included, that
 * outlives the caller; idle_in_transaction_session_timeout ends a transaction whose process stalls
 * between statements, so its locks never outlive the budget either.
 */
function prologue(budgetMs: number, locks: readonly string[]): string[] {
  return [
    'BEGIN',
    `SELECT set_config('statement_timeout', '${budgetMs}', true), set_config('idle_in_transaction_session_timeout', '${budgetMs}', true)`,
    ...locks.map((lock) => `SELECT pg_advisory_xact_lock(hashtextextended(${escapeLiteral(lock)}, 0))`),
  ];
}

/** A Prefetch as one SQL text: $n replaced by its value as a literal. */
function inline({ text, values }: Prefetch): string {
  return text.replace(/\$(\d+)/g, (_match, n: string) => {
    const value = values[Number(n) - 1];
    if (value === undefined) throw new Error(`inline: no value for $${n}`);
    if (value === null) return 'NULL';
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) throw new Error(`inline: $${n} is not a safe integer`);
      return String(value);
    }
    return typeof value === 'boolean' ? String(value) : escapeLiteral(value);
  });
}

async function inSqlTransaction<T>(
  prisma: PrismaClient,
  deadline: Date | undefined,
  operation: string,
  locks: readonly string[],
  tail: readonly string[],
  body: (sql: Sql, client: PoolClient, tailRows: unknown[][], deferred: string[]) => Promise<{ stored: T; epilogue: string | undefined }>,
): Promise<T> {
  const budgetMs = timeBudgetMs(deadline);
  const client = await connectWithin(prisma, Math.min(budgetMs, 10_000), operation);
  const deferred: string[] = [];
  const sql = sqlOf(client, deferred);
  let failed: unknown;
  try {
    // One round trip: the simple query protocol runs the statements in order, each with its own
    // snapshot, stopping at the first error.
    const statements = [...prologue(budgetMs, locks), ...tail];
    const results = (await client.query(statements.join(';\n'))) as unknown as { rows: unknown[] }[];
    const { stored, epilogue } = await body(sql, client, results.slice(results.length - tail.length).map((r) => r.rows), deferred);
    // The caller is gone: roll back rather than commit an answer nobody receives (its retry runs again).
    if (deadline && Date.now() >= deadline.getTime()) throw deadlinePassed(operation);
    await client.query([...deferred, ...(epilogue ? [epilogue] : []), 'COMMIT'].join(';\n'));
    return stored;
  } catch (err) {
    failed = err;
    await client.query('ROLLBACK').catch(() => undefined);
    throw isDomainError(err) || !deadline || Date.now() < deadline.getTime() ? err : deadlinePassed(operation);
  } finally {
    // A connection whose statement failed for a reason other than the SQL (terminated, timed out) is
    // not handed to the next caller.
    client.release(failed !== undefined && !isDomainError(failed) && !isSqlError(failed) ? (failed as Error) : undefined);
  }
}

/** A connection from the pool within `waitMs` (UNAVAILABLE otherwise: the pool is exhausted for longer than the caller waits). */
async function connectWithin(prisma: PrismaClient, waitMs: number, operation: string): Promise<PoolClient> {
  const pending = sqlPool(prisma).connect();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DomainError('UNAVAILABLE', `${operation}: no database connection within ${waitMs} ms`)), waitMs);
  });
  try {
    return await Promise.race([pending, timeout]);
  } catch (err) {
    // The connection may still come: it goes back to the pool unused.
    pending.then((client) => client.release(), () => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function sqlOf(client: PoolClient, deferred: string[]): Sql {
  return {
    rows: async <R>(text: string, values?: readonly unknown[]) => (await client.query(text, values as unknown[] | undefined)).rows as R[],
    count: async (text: string, values?: readonly unknown[]) => (await client.query(text, values as unknown[] | undefined)).rowCount ?? 0,
    atCommit: (statement: Prefetch) => {
      deferred.push(inline(statement));
    },
  };
}

/** An error PostgreSQL answered (a constraint, a cancelled statement): the connection itself is fine. */
function isSqlError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((err as { code: string }).code);
}
