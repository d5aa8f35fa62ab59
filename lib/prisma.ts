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

/** The node-postgres pool under each client createPrisma made: the hot paths use it directly (see sqlPool). */
const pools = new WeakMap<PrismaClient, Pool>();

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
  pools.set(prisma, pool);
  return prisma;
}

/**
 * The node-postgres pool of a client made by createPrisma. Prisma's interactive transactions cost
 * about 3 ms per statement through the driver adapter; the hot paths (lib/idempotent-call.ts
 * `idempotentSql`) run plain SQL over this pool instead, a fraction of a millisecond per statement.
 */
export function sqlPool(prisma: PrismaClient): Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('sqlPool: this Prisma client was not made by createPrisma');
  return pool;
}
