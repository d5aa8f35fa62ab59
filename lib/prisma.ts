import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

export type { PrismaClient };

/**
 * Connections per process. The domain services answer the saga's calls with short transactions
 * (a few statements, under 1 ms of server time each on this machine); PostgreSQL runs on the same
 * two cores, so more connections than this only queue inside PostgreSQL instead of in the pool.
 */
export const POOL_SIZE = 10;

/**
 * Where createPrisma keeps the node-postgres pool under its client (see sqlPool). A property rather than
 * a WeakMap, so a Proxy of the client (a test injecting faults) reaches it, or hands out a pool of its own.
 */
export const SQL_POOL = Symbol('checkout.sqlPool');

/**
 * A Prisma client over node-postgres (the driver adapter: no native query engine is needed). Its pool
 * is shared with the hand-written SQL of the hot paths, so one process holds one pool; `$disconnect()`
 * ends it.
 */
export function createPrisma(databaseUrl: string): PrismaClient {
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // An idle connection that PostgreSQL drops (a restart) must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  // Configurable: a Proxy may only answer another value for a property its target could change.
  Object.defineProperty(prisma, SQL_POOL, { value: pool, configurable: true });
  return prisma;
}

/**
 * The node-postgres pool of a client made by createPrisma. Prisma's interactive transactions cost
 * about 3 ms per statement through the driver adapter; the hot paths (lib/idempotent-call.ts
 * `idempotentSql`) run plain SQL over this pool instead, a fraction of a millisecond per statement.
 */
export function sqlPool(prisma: PrismaClient): Pool {
  const pool = (prisma as unknown as Record<typeof SQL_POOL, Pool | undefined>)[SQL_POOL];
  if (!pool) throw new Error('sqlPool: this Prisma client was not made by createPrisma');
  return pool;
}
