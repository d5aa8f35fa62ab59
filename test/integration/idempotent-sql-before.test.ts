import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import { idempotentSql } from '../../lib/idempotent-call';
import { createPrisma, sqlPool, type PrismaClient } from '../../lib/prisma';
import { rejection } from '../support/rejection';
import { testConfig } from '../support/test-config';

/**
 * idempotentSql's `before`: a write sent in the call's first round trip (Charge records the provider's
 * outcome with it instead of a transaction of its own). It must commit with the answer, survive fn's
 * business rejection (rolled back to the savepoint), be seen by the prefetch, and roll back with the
 * call on an unexpected error.
 */
describe('idempotentSql before (a write in the first round trip)', () => {
  let prisma: PrismaClient;
  // A table of this run only: nothing else reads it.
  const table = `p_before_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const probe = `public.${table}`;

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    await sqlPool(prisma).query(`CREATE TABLE ${probe} (id text PRIMARY KEY, note text NOT NULL)`);
  });
  afterAll(async () => {
    await sqlPool(prisma).query(`DROP TABLE IF EXISTS ${probe}`);
    await prisma?.$disconnect();
  });

  const write = (id: string, note: string) => ({ text: `INSERT INTO ${probe} (id, note) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note`, values: [id, note] });
  const notes = async (id: string) => (await sqlPool(prisma).query<{ note: string }>(`SELECT note FROM ${probe} WHERE id = $1`, [id])).rows.map((r) => r.note);

  it('commits the write with the answer, and the prefetch sees it', async () => {
    const id = randomUUID();
    const answer = await idempotentSql(prisma, 'payments', `before-${id}`, 'Probe', async (_sql, prefetched) => prefetched, {
      before: write(id, '東京都の注文'),
      prefetch: { text: `SELECT note FROM ${probe} WHERE id = $1`, values: [id] },
    });
    expect(answer).toEqual([{ note: '東京都の注文' }]);
    expect(await notes(id)).toEqual(['東京都の注文']);
  });

  it("keeps the write when fn rejects (only fn's writes roll back), and replays the stored rejection", async () => {
    const id = randomUUID();
    const fn = async (sql: { count(text: string, values?: readonly unknown[]): Promise<number> }) => {
      await sql.count(`INSERT INTO ${probe} (id, note) VALUES ($1, 'from fn')`, [`${id}-fn`]);
      throw new DomainError('CARD_DECLINED', 'declined');
    };
    await expect(rejection(idempotentSql(prisma, 'payments', `before-${id}`, 'Probe', fn, { before: write(id, 'outcome') }))).resolves.toMatchObject({ code: 'CARD_DECLINED' });
    expect(await notes(id)).toEqual(['outcome']);
    expect(await notes(`${id}-fn`)).toEqual([]);
    await expect(rejection(idempotentSql(prisma, 'payments', `before-${id}`, 'Probe', fn, { before: write(id, 'again') }))).resolves.toMatchObject({ code: 'CARD_DECLINED' });
    expect(await notes(`${id}-fn`)).toEqual([]);
  });

  it('rolls the write back with the call on an unexpected error (nothing stored: a retry redoes both)', async () => {
    const id = randomUUID();
    const boom = async () => {
      throw new Error('connection lost');
    };
    await expect(idempotentSql(prisma, 'payments', `before-${id}`, 'Probe', boom, { before: write(id, 'outcome') })).rejects.toThrow('connection lost');
    expect(await notes(id)).toEqual([]);
    expect(await idempotentSql(prisma, 'payments', `before-${id}`, 'Probe', async () => 'ok', { before: write(id, 'retried') })).toBe('ok');
    expect(await notes(id)).toEqual(['retried']);
  });
});
