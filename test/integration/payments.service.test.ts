import { randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import type { ChargeRequest } from '../../proto/generated/checkout/payments/v1/ChargeRequest';
import type { ConfirmSlipRequest } from '../../proto/generated/checkout/payments/v1/ConfirmSlipRequest';
import type { GetPaymentRequest } from '../../proto/generated/checkout/payments/v1/GetPaymentRequest';
import type { IssueSlipRequest } from '../../proto/generated/checkout/payments/v1/IssueSlipRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { PaymentRef } from '../../proto/generated/checkout/payments/v1/PaymentRef';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { paymentsRegistration } from '../../services/payments/payments.grpc';
import { SandboxProvider, type PaymentProvider, type ProviderChargeRequest, type ProviderRefundRequest } from '../../services/payments/sandbox-provider';
import type { Tx } from '../../lib/idempotent-call';
import { freePort } from '../support/platform';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';
import { rejection } from '../support/rejection';

const HOUR = 60 * 60 * 1000;

/** The payments service on the real PostgreSQL over gRPC, with the sandbox provider (its calls counted). */
describe('payments service (real PostgreSQL, sandbox provider)', () => {
  let prisma: PrismaClient;
  let clients: DomainClients;
  let server: RunningGrpcServer;
  let provider: SandboxProvider;
  let providerCharge: jest.SpiedFunction<SandboxProvider['charge']>;
  let providerRefund: jest.SpiedFunction<SandboxProvider['refund']>;

  beforeAll(async () => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    provider = new SandboxProvider(prisma, { slowDelayMs: 0 });
    providerCharge = jest.spyOn(provider, 'charge');
    providerRefund = jest.spyOn(provider, 'refund');
    const port = await freePort();
    clients = createDomainClients(`127.0.0.1:${port}`);
    const deps = serviceDeps({ prisma, clients });
    server = await startGrpcServer('127.0.0.1', port, [paymentsRegistration(deps, provider)]);
  });
  afterAll(async () => {
    await server?.stop();
    if (clients) closeDomainClients(clients);
    await prisma?.$disconnect();
  });

  const p = () => clients.payments;
  const charge = (r: ChargeRequest) => callUnary<ChargeRequest, Payment__Output>(p().Charge.bind(p()), r);
  const issueSlip = (r: IssueSlipRequest) => callUnary<IssueSlipRequest, Payment__Output>(p().IssueSlip.bind(p()), r);
  const confirmSlip = (r: ConfirmSlipRequest) => callUnary<ConfirmSlipRequest, Payment__Output>(p().ConfirmSlip.bind(p()), r);
  const refund = (r: PaymentRef) => callUnary<PaymentRef, Payment__Output>(p().Refund.bind(p()), r);
  const voidPayment = (r: PaymentRef) => callUnary<PaymentRef, Payment__Output>(p().Void.bind(p()), r);
  const getPayment = (r: GetPaymentRequest) => callUnary<GetPaymentRequest, Payment__Output>(p().GetPayment.bind(p()), r);

  const cardCharge = (cardToken: string, amountMinor = 4800) => {
    const paymentId = randomUUID();
    return { paymentId, orderId: randomUUID(), amountMinor, currency: 'JPY', cardToken, idempotencyKey: `checkout:${paymentId}:charge-payment` };
  };
  const slip = (method: 'konbini' | 'bank_transfer', expiresAt = new Date(Date.now() + HOUR)) => {
    const paymentId = randomUUID();
    return { paymentId, orderId: randomUUID(), amountMinor: 3300, currency: 'JPY', method, expiresAt: expiresAt.toISOString(), idempotencyKey: `checkout:${paymentId}:issue-slip` };
  };
  const ledgerOf = async (paymentId: string) =>
    (await prisma.ledgerEntry.findMany({ where: { paymentId }, orderBy: { id: 'asc' } })).map((e) => [e.kind, e.amountMinor, e.currency]);
  const chargesOf = (paymentId: string) => providerCharge.mock.calls.filter(([r]) => r.paymentId === paymentId).length;
  /** What the provider itself recorded for a payment: the operations it decided. */
  const providerOperations = async (paymentId: string) =>
    (await prisma.sandboxProviderOperation.findMany({ where: { paymentId }, orderBy: { createdAt: 'asc' } })).map((o) => ({ kind: o.kind, response: o.response }));
  const key = () => randomUUID();


  it('charges tok_visa once and records one CHARGE in the ledger', async () => {
    const request = cardCharge('tok_visa');
    const payment = await charge(request);
    expect(payment).toMatchObject({ paymentId: request.paymentId, orderId: request.orderId, method: 'card', status: 'SUCCEEDED', amountMinor: 4800, currency: 'JPY', slipNumber: '' });
    expect(payment.providerReference).toMatch(/^ch_sandbox_/);
    expect(await ledgerOf(request.paymentId)).toEqual([['CHARGE', 4800, 'JPY']]);
    expect(await getPayment({ paymentId: request.paymentId })).toEqual(payment);
  });

  it('never charges twice: same key (even concurrently) or same payment id', async () => {
    const request = cardCharge('tok_visa');
    const [a, b] = await Promise.all([charge(request), charge(request)]);
    expect(b).toEqual(a);
    expect(await charge(request)).toEqual(a);
    // Concurrent attempts may both ask the provider, always with the payment's own provider key: it charged once.
    expect(providerCharge.mock.calls.filter(([r]) => r.paymentId === request.paymentId).map(([r]) => r.idempotencyKey)).toEqual(
      Array(chargesOf(request.paymentId)).fill(request.paymentId),
    );
    expect(await providerOperations(request.paymentId)).toEqual([{ kind: 'charge', response: { ok: { providerReference: a.providerReference } } }]);
    const asked = chargesOf(request.paymentId);
    // Another key for a payment id that already SUCCEEDED answers with it without calling the provider.
    expect(await charge({ ...request, idempotencyKey: key() })).toEqual(a);
    expect(chargesOf(request.paymentId)).toBe(asked);
    expect(await ledgerOf(request.paymentId)).toEqual([['CHARGE', 4800, 'JPY']]);
    // The same payment id for another amount is a conflict, not a second charge.
    expect((await rejection(charge({ ...request, amountMinor: 1, idempotencyKey: key() }))).code).toBe('CONFLICT');
    expect(chargesOf(request.paymentId)).toBe(asked);
  });

  it.each([
    ['tok_chargeDeclined', 'CARD_DECLINED'],
    ['tok_insufficientFunds', 'INSUFFICIENT_FUNDS'],
    ['tok_unknown', 'CARD_DECLINED'],
  ])('rejects %s with %s, leaves a FAILED payment and no ledger entry, and repeats the rejection', async (token, code) => {
    const request = cardCharge(token);
    const first = await rejection(charge(request));
    expect(first.code).toBe(code);
    expect(await prisma.payment.findUnique({ where: { id: request.paymentId } })).toMatchObject({ status: 'FAILED', failureCode: code });
    expect(await ledgerOf(request.paymentId)).toEqual([]);

    const again = await rejection(charge(request));
    expect([again.code, again.message, again.details]).toEqual([first.code, first.message, first.details]);
    // A declined payment id stays declined, whatever key asks again.
    expect((await rejection(charge({ ...request, idempotencyKey: key() }))).code).toBe(code);
    expect(chargesOf(request.paymentId)).toBe(1);
    expect(await getPayment({ paymentId: request.paymentId })).toMatchObject({ status: 'FAILED' });
  });

  it('answers a transient provider failure with UNAVAILABLE, unrecorded, so the retry charges once', async () => {
    const request = cardCharge('tok_transientFailure');
    expect((await rejection(charge(request))).code).toBe('UNAVAILABLE');
    expect((await rejection(charge(request))).code).toBe('UNAVAILABLE');
    // The intent stays recorded: the retry resumes it with the same provider key.
    expect(await prisma.payment.findUnique({ where: { id: request.paymentId } })).toMatchObject({ status: 'PROCESSING' });
    expect(await ledgerOf(request.paymentId)).toEqual([]);
    const payment = await charge(request);
    expect(payment.status).toBe('SUCCEEDED');
    expect(await charge(request)).toEqual(payment);
    expect(chargesOf(request.paymentId)).toBe(3);
    expect(await ledgerOf(request.paymentId)).toEqual([['CHARGE', 4800, 'JPY']]);
  });

  it('charges tok_slow', async () => {
    expect((await charge(cardCharge('tok_slow'))).status).toBe('SUCCEEDED');
  });

  it('refunds a card charge once, with a negative ledger entry', async () => {
    const request = cardCharge('tok_visa', 12_000);
    await charge(request);
    const refunded = await refund({ paymentId: request.paymentId, idempotencyKey: key() });
    expect(refunded).toMatchObject({ paymentId: request.paymentId, status: 'REFUNDED', amountMinor: 12_000 });
    expect(await refund({ paymentId: request.paymentId, idempotencyKey: key() })).toEqual(refunded);
    expect(await ledgerOf(request.paymentId)).toEqual([
      ['CHARGE', 12_000, 'JPY'],
      ['REFUND', -12_000, 'JPY'],
    ]);
    expect(providerRefund.mock.calls.filter(([r]) => r.paymentId === request.paymentId)).toHaveLength(1);
    // A refunded payment is not charged again: its charge step was undone.
    expect((await rejection(charge({ ...request, idempotencyKey: key() }))).code).toBe('STEP_UNDONE');
    expect(chargesOf(request.paymentId)).toBe(1);
  });

  it('refunds or voids an unknown payment answering NONE, leaving a tombstone and no payment', async () => {
    const paymentId = randomUUID();
    expect(await refund({ paymentId, idempotencyKey: key() })).toMatchObject({ paymentId, status: 'NONE' });
    expect(await refund({ paymentId, idempotencyKey: key() })).toMatchObject({ paymentId, status: 'NONE' });
    expect(await voidPayment({ paymentId, idempotencyKey: key() })).toMatchObject({ paymentId, status: 'NONE' });
    expect(await prisma.payment.findUnique({ where: { id: paymentId } })).toBeNull();
    expect(await prisma.paymentTombstone.findUnique({ where: { paymentId } })).toMatchObject({ undoneBy: 'Refund' });
  });

  it('issues a konbini slip, finds it by number, and confirms its payment once', async () => {
    const request = slip('konbini');
    const issued = await issueSlip(request);
    expect(issued).toMatchObject({ paymentId: request.paymentId, method: 'konbini', status: 'PENDING', amountMinor: 3300, expiresAt: request.expiresAt });
    expect(issued.slipNumber).toMatch(/^\d{12}$/);
    expect(await issueSlip({ ...request, idempotencyKey: key() })).toEqual(issued);
    expect(await getPayment({ paymentId: '', slipNumber: issued.slipNumber })).toEqual(issued);
    expect(await ledgerOf(request.paymentId)).toEqual([]);

    const paidAt = new Date(Date.parse(request.expiresAt) - 60_000).toISOString();
    const paid = await confirmSlip({ paymentId: request.paymentId, paidAt, idempotencyKey: key() });
    expect(paid).toMatchObject({ status: 'PAID', slipNumber: issued.slipNumber });
    expect(await confirmSlip({ paymentId: request.paymentId, paidAt, idempotencyKey: key() })).toEqual(paid);
    expect(await ledgerOf(request.paymentId)).toEqual([['SLIP_PAID', 3300, 'JPY']]);

    // A paid slip is refunded, also by Void (its money came in); once.
    expect(await voidPayment({ paymentId: request.paymentId, idempotencyKey: key() })).toMatchObject({ status: 'REFUNDED' });
    expect(await refund({ paymentId: request.paymentId, idempotencyKey: key() })).toMatchObject({ status: 'REFUNDED' });
    expect(await ledgerOf(request.paymentId)).toEqual([
      ['SLIP_PAID', 3300, 'JPY'],
      ['REFUND', -3300, 'JPY'],
    ]);
  });

  it('issues bank-transfer slips with distinct virtual account numbers', async () => {
    const [a, b] = await Promise.all([issueSlip(slip('bank_transfer')), issueSlip(slip('bank_transfer'))]);
    expect(a.slipNumber).toMatch(/^BT-\d{10}$/);
    expect(b.slipNumber).toMatch(/^BT-\d{10}$/);
    expect(a.slipNumber).not.toBe(b.slipNumber);
  });

  it('records a slip payment after expiry and gives it back at once', async () => {
    const request = slip('konbini');
    await issueSlip(request);
    const late = new Date(Date.parse(request.expiresAt) + HOUR).toISOString();
    expect(await confirmSlip({ paymentId: request.paymentId, paidAt: late, idempotencyKey: key() })).toMatchObject({ status: 'REFUNDED' });
    expect(await ledgerOf(request.paymentId)).toEqual([
      ['SLIP_PAID', 3300, 'JPY'],
      ['REFUND', -3300, 'JPY'],
    ]);
    // A slip must expire in the future when issued.
    expect((await rejection(issueSlip(slip('konbini', new Date(Date.now() - 1000))))).code).toBe('VALIDATION_FAILED');
  });

  it('voids a pending slip without a ledger entry; money paid for a voided slip is recorded and refunded', async () => {
    const request = slip('bank_transfer');
    await issueSlip(request);
    // Refund does nothing to a slip that was never paid.
    expect(await refund({ paymentId: request.paymentId, idempotencyKey: key() })).toMatchObject({ status: 'PENDING' });
    const voided = await voidPayment({ paymentId: request.paymentId, idempotencyKey: key() });
    expect(voided).toMatchObject({ paymentId: request.paymentId, status: 'VOIDED' });
    expect(await voidPayment({ paymentId: request.paymentId, idempotencyKey: key() })).toEqual(voided);
    expect(await ledgerOf(request.paymentId)).toEqual([]);
    const confirmKey = key();
    const paid = await confirmSlip({ paymentId: request.paymentId, paidAt: new Date().toISOString(), idempotencyKey: confirmKey });
    expect(paid).toMatchObject({ paymentId: request.paymentId, status: 'REFUNDED', amountMinor: 3300 });
    expect(await ledgerOf(request.paymentId)).toEqual([
      ['SLIP_PAID', 3300, 'JPY'],
      ['REFUND', -3300, 'JPY'],
    ]);
    // A second notice of the same payment records nothing more.
    expect(await confirmSlip({ paymentId: request.paymentId, paidAt: new Date().toISOString(), idempotencyKey: key() })).toEqual(paid);
    expect(await voidPayment({ paymentId: request.paymentId, idempotencyKey: key() })).toEqual(paid);
    expect(await ledgerOf(request.paymentId)).toHaveLength(2);
  });

  it('leaves a captured card payment alone on Void', async () => {
    const request = cardCharge('tok_visa');
    await charge(request);
    expect(await voidPayment({ paymentId: request.paymentId, idempotencyKey: key() })).toMatchObject({ status: 'SUCCEEDED' });
    expect(await ledgerOf(request.paymentId)).toEqual([['CHARGE', 4800, 'JPY']]);
  });

  it('returns NOT_FOUND for an unknown payment or slip number', async () => {
    expect((await rejection(getPayment({ paymentId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await rejection(getPayment({ slipNumber: '000000000000' }))).code).toBe('NOT_FOUND');
    expect((await rejection(confirmSlip({ paymentId: randomUUID(), paidAt: '', idempotencyKey: key() }))).code).toBe('NOT_FOUND');
  });
});
