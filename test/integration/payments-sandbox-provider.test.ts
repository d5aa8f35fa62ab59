import { randomUUID } from 'node:crypto';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { SandboxProvider, TRANSIENT_FAILURES_PER_PAYMENT } from '../../services/payments/sandbox-provider';
import { rejection } from '../support/rejection';
import { testConfig } from '../support/test-config';

/**
 * The sandbox payment provider on the real PostgreSQL: it honours idempotency keys as a real provider
 * does, and keeps its records in its own table, so a new instance (a restarted process) answers as
 * the first one did.
 */
describe('sandbox payment provider (real PostgreSQL)', () => {
  let prisma: PrismaClient;
  let provider: SandboxProvider;

  beforeAll(() => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    provider = new SandboxProvider(prisma, { slowDelayMs: 0 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const chargeRequest = (cardToken: string, paymentId = randomUUID()) => ({ idempotencyKey: paymentId, paymentId, amountMinor: 1000, currency: 'JPY', cardToken });
  const refundOf = (charge: { paymentId: string; idempotencyKey: string }) => ({
    idempotencyKey: `${charge.paymentId}:refund`,
    chargeIdempotencyKey: charge.idempotencyKey,
    paymentId: charge.paymentId,
    amountMinor: 1000,
    currency: 'JPY',
  });
  const operationsOf = (paymentId: string) => prisma.sandboxProviderOperation.findMany({ where: { paymentId }, orderBy: { createdAt: 'asc' } });

  it('charges tok_visa and returns a reference', async () => {
    const { providerReference } = await provider.charge(chargeRequest('tok_visa'));
    expect(providerReference).toMatch(/^ch_sandbox_[0-9a-f]{24}$/);
  });

  it('answers a repeated key with the first reference, from any instance, and charges once', async () => {
    const request = chargeRequest('tok_visa');
    const first = await provider.charge(request);
    expect(await provider.charge(request)).toEqual(first);
    expect(await new SandboxProvider(prisma).charge(request)).toEqual(first);
    expect(await operationsOf(request.paymentId)).toEqual([expect.objectContaining({ idempotencyKey: request.paymentId, kind: 'charge', response: { ok: first } })]);
    const other = chargeRequest('tok_visa');
    expect((await provider.charge(other)).providerReference).not.toBe(first.providerReference);
  });

  it('decides two concurrent charges with one key once', async () => {
    const request = chargeRequest('tok_visa');
    const [a, b] = await Promise.all([provider.charge(request), provider.charge(request)]);
    expect(b).toEqual(a);
    expect(await operationsOf(request.paymentId)).toHaveLength(1);
  });

  it('refuses a key reused for another amount', async () => {
    const request = chargeRequest('tok_visa');
    await provider.charge(request);
    expect((await rejection(provider.charge({ ...request, amountMinor: 1 }))).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    ['tok_chargeDeclined', 'CARD_DECLINED', 'generic_decline'],
    ['tok_insufficientFunds', 'INSUFFICIENT_FUNDS', 'insufficient_funds'],
    ['tok_nonsense', 'CARD_DECLINED', 'unknown_test_token'],
    ['', 'CARD_DECLINED', 'unknown_test_token'],
  ])('rejects %j with %s, and repeats the rejection for its key', async (token, code, declineCode) => {
    const request = chargeRequest(token);
    const first = await rejection(provider.charge(request));
    expect([first.code, first.details]).toEqual([code, { declineCode }]);
    const again = await rejection(provider.charge(request));
    expect([again.code, again.message, again.details]).toEqual([first.code, first.message, first.details]);
  });

  it('names the known tokens when the token is unknown', async () => {
    expect((await rejection(provider.charge(chargeRequest('tok_typo')))).message).toContain('tok_visa');
  });

  it('fails tok_transientFailure with UNAVAILABLE twice per key, counted durably, then succeeds', async () => {
    expect(TRANSIENT_FAILURES_PER_PAYMENT).toBe(2);
    const a = chargeRequest('tok_transientFailure');
    const b = chargeRequest('tok_transientFailure');
    expect((await rejection(provider.charge(a))).code).toBe('UNAVAILABLE');
    // Another key has its own count.
    expect((await rejection(provider.charge(b))).code).toBe('UNAVAILABLE');
    // A restarted process goes on counting where the first stopped.
    expect((await rejection(new SandboxProvider(prisma).charge(a))).code).toBe('UNAVAILABLE');
    const charged = await provider.charge(a);
    expect(charged.providerReference).toMatch(/^ch_sandbox_/);
    expect(await provider.charge(a)).toEqual(charged);
  });

  it('succeeds tok_slow', async () => {
    expect((await provider.charge(chargeRequest('tok_slow'))).providerReference).toMatch(/^ch_sandbox_/);
  });

  it('refunds a captured charge once, whatever the refund key', async () => {
    const charge = chargeRequest('tok_visa');
    const { providerReference } = await provider.charge(charge);
    const refunded = await provider.refund(refundOf(charge));
    expect(refunded).toEqual({ providerReference: expect.stringMatching(/^re_sandbox_/), refundedCharge: { providerReference } });
    expect(await provider.refund(refundOf(charge))).toEqual(refunded);
    expect(await provider.refund({ ...refundOf(charge), idempotencyKey: randomUUID() })).toEqual(refunded);
  });

  it('cancels a charge not made yet: the refund captured nothing, and the charge is refused when it comes', async () => {
    const charge = chargeRequest('tok_visa');
    const refunded = await provider.refund(refundOf(charge));
    expect(refunded).toEqual({ providerReference: expect.stringMatching(/^re_sandbox_/) });
    expect((await rejection(provider.charge(charge))).code).toBe('STEP_UNDONE');
    expect(await provider.refund(refundOf(charge))).toEqual(refunded);
  });

  it('cancels a charge that only failed transiently so far', async () => {
    const charge = chargeRequest('tok_transientFailure');
    expect((await rejection(provider.charge(charge))).code).toBe('UNAVAILABLE');
    expect(await provider.refund(refundOf(charge))).not.toHaveProperty('refundedCharge');
    expect((await rejection(provider.charge(charge))).code).toBe('STEP_UNDONE');
  });

  it('refunds nothing of a declined charge', async () => {
    const charge = chargeRequest('tok_chargeDeclined');
    await rejection(provider.charge(charge));
    expect(await provider.refund(refundOf(charge))).not.toHaveProperty('refundedCharge');
    expect((await rejection(provider.charge(charge))).code).toBe('CARD_DECLINED');
  });
});
