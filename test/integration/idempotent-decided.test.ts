import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import { idempotentDecided, idempotentSql } from '../../lib/idempotent-call';
import { createPrisma, sqlPool, type PrismaClient } from '../../lib/prisma';
import { rejection } from '../support/rejection';
import { testConfig } from '../support/test-config';

/**
 * idempotentDecided: an answer decided before the transaction (Charge's, from the provider's outcome),
 * stored with the outcome's write in one round trip, only when the state is the one it was decided
 * from; a key answered earlier replays that answer exactly as idempotentSql would.
 */
describe('idempotentDecided (an answer known before its transaction)', () => {
  let prisma: PrismaClient;
  // A table of this run only: nothing else reads it.
  const table = `p_decided_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const probe = `public.${table}`;

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    await sqlPool(prisma).query(`CREATE TABLE ${probe} (id text PRIMARY KEY, note text NOT NULL)`);
  });
  afterAll(async () => {
    await sqlPool(prisma).query(`DROP TABLE IF EXISTS ${probe}`);
    await prisma?.$disconnect();
  });

  const write = (id: string, note: string) => ({ text: `INSERT INTO ${probe} (id, note) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, values: [id, note] });
  const noteIs = (id: string, note: string) => ({ text: `EXISTS (SELECT 1 FROM ${probe} WHERE id = $1 AND note = $2)`, values: [id, note] });
  const read = (id: string) => ({ text: `SELECT note FROM ${probe} WHERE id = $1`, values: [id] });
  const notes = async (id: string) => (await sqlPool(prisma).query<{ note: string }>(`SELECT note FROM ${probe} WHERE id = $1`, [id])).rows.map((r) => r.note);
  const storedAnswer = async (key: string) =>
    (await sqlPool(prisma).query<{ operation: string; response: unknown }>(`SELECT operation, response FROM payments.idempotency_keys WHERE key = $1`, [key])).rows;

  it('stores the answer with the write when the state holds, and a repeat replays it without storing again', async () => {
    const id = randomUUID();
    const key = `decided-${id}`;
    const first = await idempotentDecided(prisma, 'payments', key, 'Probe', { ok: { note: 'paid' } }, { before: write(id, 'paid'), holds: noteIs(id, 'paid'), prefetch: read(id) });
    expect(first).toEqual({ decided: true, value: { note: 'paid' } });
    expect(await notes(id)).toEqual(['paid']);
    expect(await storedAnswer(key)).toEqual([{ operation: 'Probe', response: { ok: { note: 'paid' } } }]);
    // The repeat decided another answer: the first one is what it gets.
    const repeat = await idempotentDecided(prisma, 'payments', key, 'Probe', { ok: { note: 'other' } }, { holds: { text: 'true', values: [] } });
    expect(repeat).toEqual({ decided: true, value: { note: 'paid' } });
    // Read by idempotentSql too (same table, same lock): the first answer, fn not run.
    expect(await idempotentSql(prisma, 'payments', key, 'Probe', async () => 'fn ran')).toEqual({ note: 'paid' });
  });

  it('stores a business rejection and throws it, replayed as it was', async () => {
    const id = randomUUID();
    const key = `decided-${id}`;
    const declined = new DomainError('CARD_DECLINED', 'the card was declined', { declineCode: 'generic_decline' });
    const options = { before: write(id, 'failed'), holds: noteIs(id, 'failed') };
    await expect(rejection(idempotentDecided(prisma, 'payments', key, 'Probe', { error: declined }, options))).resolves.toMatchObject({ code: 'CARD_DECLINED', details: { declineCode: 'generic_decline' } });
    expect(await notes(id)).toEqual(['failed']);
    await expect(rejection(idempotentDecided(prisma, 'payments', key, 'Probe', { ok: 'late success' }, options))).resolves.toMatchObject({ code: 'CARD_DECLINED', message: 'the card was declined' });
  });

  it('stores nothing when the state is not the one the answer came from, and keeps the write', async () => {
    const id = randomUUID();
    const key = `decided-${id}`;
    await sqlPool(prisma).query(`INSERT INTO ${probe} (id, note) VALUES ($1, 'taken over')`, [id]);
    const outcome = await idempotentDecided(prisma, 'payments', key, 'Probe', { ok: 'paid' }, { before: write(id, 'paid'), holds: noteIs(id, 'paid'), prefetch: read(id) });
    expect(outcome).toEqual({ decided: false, prefetched: [{ note: 'taken over' }] });
    expect(await storedAnswer(key)).toEqual([]);
  });

  it('replays a stored success as STEP_UNDONE once undone, and refuses a key used for another operation', async () => {
    const id = randomUUID();
    const key = `decided-${id}`;
    await idempotentDecided(prisma, 'payments', key, 'Probe', { ok: 'paid' }, { before: write(id, 'paid'), holds: noteIs(id, 'paid') });
    const undone = (prefetched: unknown[]) => (prefetched[0] as { note: string } | undefined)?.note !== 'paid';
    await sqlPool(prisma).query(`UPDATE ${probe} SET note = 'refunded' WHERE id = $1`, [id]);
    await expect(rejection(idempotentDecided(prisma, 'payments', key, 'Probe', { ok: 'paid' }, { holds: { text: 'true', values: [] }, prefetch: read(id), undone }))).resolves.toMatchObject({
      code: 'STEP_UNDONE',
    });
    await expect(rejection(idempotentDecided(prisma, 'payments', key, 'Other', { ok: 'x' }, { holds: { text: 'true', values: [] } }))).resolves.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('never stores UNAVAILABLE or INTERNAL: nothing is sent, the caller answers through idempotentSql', async () => {
    const id = randomUUID();
    const key = `decided-${id}`;
    const outcome = await idempotentDecided(prisma, 'payments', key, 'Probe', { error: new DomainError('UNAVAILABLE', 'try again') }, { before: write(id, 'x'), holds: { text: 'true', values: [] } });
    expect(outcome).toEqual({ decided: false, prefetched: [] });
    expect(await notes(id)).toEqual([]);
    expect(await storedAnswer(key)).toEqual([]);
  });
});
