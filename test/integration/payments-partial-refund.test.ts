import { randomUUID } from 'node:crypto';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { PaymentsService } from '../../services/payments/payments.service';
import { SandboxProvider } from '../../services/payments/sandbox-provider';
import { rejection } from '../support/rejection';
import { testConfig } from '../support/test-config';

/** RefundPartial (returns) on the real PostgreSQL: never more back than was paid. */
describe('payments: partial refunds (real PostgreSQL)', () => {
  let prisma: PrismaClient;
  let payments: PaymentsService;

  beforeAll(() => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    payments = new PaymentsService(prisma, new SandboxProvider(prisma, { slowDelayMs: 0 }), () => new Date());
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  async function captured(amountMinor: number, status = 'SUCCEEDED'): Promise<string> {
    const id = `pay-${randomUUID()}`;
    await prisma.payment.create({ data: { id, orderId: id, method: 'card', status, amountMinor, currency: 'JPY', ledger: { create: { kind: 'CHARGE', amountMinor, currency: 'JPY' } } } });
    return id;
  }
  const key = () => `refund-partial:${randomUUID()}`;

  it('gives back parts, stays SUCCEEDED until everything is back, then REFUNDED', async () => {
    const paymentId = await captured(3000);
    const first = await payments.refundPartial({ paymentId, amountMinor: 1200, idempotencyKey: key() });
    expect(first).toMatchObject({ status: 'SUCCEEDED', refundedMinor: 1200 });
    const rest = await payments.refundPartial({ paymentId, amountMinor: 1800, idempotencyKey: key() });
    expect(rest).toMatchObject({ status: 'REFUNDED', refundedMinor: 3000 });
    const ledger = await prisma.ledgerEntry.findMany({ where: { paymentId }, orderBy: { id: 'asc' } });
    expect(ledger.map((e) => [e.kind, e.amountMinor])).toEqual([['CHARGE', 3000], ['REFUND', -1200], ['REFUND', -1800]]);
  });

  it('refuses to give back more than is left (CONFLICT) and writes nothing', async () => {
    const paymentId = await captured(3000);
    await payments.refundPartial({ paymentId, amountMinor: 2000, idempotencyKey: key() });
    expect(await rejection(payments.refundPartial({ paymentId, amountMinor: 1001, idempotencyKey: key() }))).toMatchObject({ code: 'CONFLICT', details: { refundedMinor: 2000, paidMinor: 3000 } });
    expect(await prisma.ledgerEntry.count({ where: { paymentId, kind: 'REFUND' } })).toBe(1);
  });

  it('a full refund after a return gives back only what is left (card through the sandbox, and a paid slip)', async () => {
    const paymentId = `pay-${randomUUID()}`;
    await payments.charge({ paymentId, orderId: paymentId, amountMinor: 3000, currency: 'JPY', cardToken: 'tok_visa', idempotencyKey: key() });
    await payments.refundPartial({ paymentId, amountMinor: 1200, idempotencyKey: key() });
    expect(await payments.refund({ paymentId, idempotencyKey: key() })).toMatchObject({ status: 'REFUNDED' });
    const card = await prisma.ledgerEntry.findMany({ where: { paymentId, kind: 'REFUND' }, orderBy: { id: 'asc' } });
    expect(card.map((e) => e.amountMinor)).toEqual([-1200, -1800]);

    const slip = await captured(2000, 'PAID');
    await prisma.payment.update({ where: { id: slip }, data: { method: 'konbini' } });
    await payments.refundPartial({ paymentId: slip, amountMinor: 500, idempotencyKey: key() });
    expect(await payments.refund({ paymentId: slip, idempotencyKey: key() })).toMatchObject({ status: 'REFUNDED' });
    const back = await prisma.ledgerEntry.findMany({ where: { paymentId: slip, kind: 'REFUND' }, orderBy: { id: 'asc' } });
    expect(back.map((e) => e.amountMinor)).toEqual([-500, -1500]);
  });

  it('answers a repeated key once, concurrent keys never over-refund, an uncaptured payment is refused', async () => {
    const paymentId = await captured(1000);
    const k = key();
    const [a, b] = await Promise.all([payments.refundPartial({ paymentId, amountMinor: 600, idempotencyKey: k }), payments.refundPartial({ paymentId, amountMinor: 600, idempotencyKey: k })]);
    expect(b).toEqual(a);
    const racing = await Promise.allSettled([payments.refundPartial({ paymentId, amountMinor: 400, idempotencyKey: key() }), payments.refundPartial({ paymentId, amountMinor: 400, idempotencyKey: key() })]);
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const back = await prisma.ledgerEntry.aggregate({ where: { paymentId, kind: 'REFUND' }, _sum: { amountMinor: true } });
    expect(back._sum.amountMinor).toBe(-1000);
    const processing = await captured(1000, 'PROCESSING');
    expect(await rejection(payments.refundPartial({ paymentId: processing, amountMinor: 100, idempotencyKey: key() }))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await rejection(payments.refundPartial({ paymentId: 'pay-none', amountMinor: 100, idempotencyKey: key() }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
