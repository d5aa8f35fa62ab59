import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import { idempotentSql, type Sql } from '../../lib/idempotent-call';
import { createPrisma, sqlPool, type PrismaClient } from '../../lib/prisma';
import { rejection } from '../support/rejection';
import { testConfig } from '../support/test-config';

/**
 * idempotentSql's `atCommit`: a write fn sends with the key's answer and COMMIT instead of a round
 * trip of its own (CreateOrder writes its order so). It must commit with the answer, vanish with fn's
 * business rejection (only the rejection is stored), and when it fails itself roll the whole call back
 * with no answer stored, so a retry runs fn again.
 */
describe('idempotentSql atCommit (a write sent with the commit)', () => {
  let prisma: PrismaClient;
  // A table of this run only: nothing else reads it.
  const table = `p_at_commit_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const probe = `public.${table}`;

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    await sqlPool(prisma).query(`CREATE TABLE ${probe} (id text PRIMARY KEY, note text NOT NULL CHECK (note <> 'refused'))`);
  });
  afterAll(async () => {
    await sqlPool(prisma).query(`DROP TABLE IF EXISTS ${probe}`);
    await prisma?.$disconnect();
  });

  const write = (id: string, note: string) => ({ text: `INSERT INTO ${probe} (id, note) VALUES ($1, $2)`, values: [id, note] });
  const notes = async (id: string) => (await sqlPool(prisma).query<{ note: string }>(`SELECT note FROM ${probe} WHERE id = $1 ORDER BY note`, [id])).rows.map((r) => r.note);
  const storedAnswer = async (key: string) =>
    (await sqlPool(prisma).query<{ response: unknown }>('SELECT response FROM payments.idempotency_keys WHERE key = $1', [key])).rows.map((r) => r.response);

  it('commits the writes, in order, with the answer; a repeated key answers without writing again', async () => {
    const id = randomUUID();
    const key = `at-commit-${id}`;
    let runs = 0;
    const fn = async (sql: Sql) => {
      runs += 1;
      sql.atCommit(write(id, '東京都の注文'));
      // Sent after the first in the same round trip: it sees it.
      sql.atCommit({ text: `UPDATE ${probe} SET note = note || ' (2)' WHERE id = $1`, values: [id] });
      // Not sent yet while fn runs.
      return notes(id);
    };
    expect(await idempotentSql(prisma, 'payments', key, 'Probe', fn)).toEqual([]);
    expect(await notes(id)).toEqual(['東京都の注文 (2)']);
    expect(await idempotentSql(prisma, 'payments', key, 'Probe', fn)).toEqual([]);
    expect([runs, await notes(id)]).toEqual([1, ['東京都の注文 (2)']]);
  });

  it("drops the writes when fn rejects: only the rejection is stored and replayed", async () => {
    const id = randomUUID();
    const key = `at-commit-${id}`;
    const fn = async (sql: Sql) => {
      sql.atCommit(write(id, 'written before the rejection'));
      throw new DomainError('COUPON_INVALID', 'refused after deciding to write');
    };
    await expect(rejection(idempotentSql(prisma, 'payments', key, 'Probe', fn))).resolves.toMatchObject({ code: 'COUPON_INVALID' });
    expect(await notes(id)).toEqual([]);
    expect(await storedAnswer(key)).toEqual([{ error: { code: 'COUPON_INVALID', message: 'refused after deciding to write' } }]);
    await expect(rejection(idempotentSql(prisma, 'payments', key, 'Probe', fn))).resolves.toMatchObject({ code: 'COUPON_INVALID' });
    expect(await notes(id)).toEqual([]);
  });

  it('rolls the call back when a write fails at commit (no answer stored: a retry runs fn again)', async () => {
    const id = randomUUID();
    const key = `at-commit-${id}`;
    const fn = (note: string) => async (sql: Sql) => {
      sql.atCommit(write(id, note));
      return note;
    };
    await expect(idempotentSql(prisma, 'payments', key, 'Probe', fn('refused'))).rejects.toThrow(/check constraint/);
    expect(await storedAnswer(key)).toEqual([]);
    expect(await notes(id)).toEqual([]);
    expect(await idempotentSql(prisma, 'payments', key, 'Probe', fn('accepted'))).toBe('accepted');
    expect(await notes(id)).toEqual(['accepted']);
  });
});
