import { randomUUID } from 'node:crypto';
import { callUnary, startGrpcServer, type RunningGrpcServer } from '../../lib/grpc';
import { createLogger } from '../../lib/logger';
import type { Tx } from '../../lib/idempotent-call';
import type { Pool, PoolClient } from 'pg';
import { createPrisma, SQL_POOL, type PrismaClient } from '../../lib/prisma';
import type { ChargeRequest } from '../../proto/generated/checkout/payments/v1/ChargeRequest';
import type { ConfirmSlipRequest } from '../../proto/generated/checkout/payments/v1/ConfirmSlipRequest';
import type { IssueSlipRequest } from '../../proto/generated/checkout/payments/v1/IssueSlipRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { PaymentRef } from '../../proto/generated/checkout/payments/v1/PaymentRef';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { paymentsRegistration } from '../../services/payments/payments.grpc';
import { PaymentsService } from '../../services/payments/payments.service';
import { SandboxProvider, type PaymentProvider, type ProviderChargeRequest, type ProviderRefundRequest } from '../../services/payments/sandbox-provider';
import { freePort } from '../support/platform';
import { rejection } from '../support/rejection';
import { serviceDeps } from '../support/service-deps';
import { testConfig } from '../support/test-config';

const HOUR = 60 * 60 * 1000;

/** A promise with its resolve, to hold a call at a point the test chooses (no timing involved). */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * The payments service's answers when a step races its undo, when a reset replays a step's key after
 * the undo, and when a commit fails after the provider answered: on the real PostgreSQL over gRPC,
 * the provider and the failures injected through the service factory.
 */
describe('payments: undo races, stale answers and provider calls outside transactions (real PostgreSQL)', () => {
  let prisma: PrismaClient;
  const servers: RunningGrpcServer[] = [];
  const allClients: DomainClients[] = [];

  beforeAll(() => {
    prisma = createPrisma(testConfig().DATABASE_URL);
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const clients of allClients) closeDomainClients(clients);
    await prisma?.$disconnect();
  });

  /** A payments server built by its factory over the given database client and provider. */
  async function paymentsServer(options: { provider: PaymentProvider; prisma?: PrismaClient }) {
    const port = await freePort();
    const clients = createDomainClients(`127.0.0.1:${port}`);
    allClients.push(clients);
    // An injected commit failure is expected here: the service's error log would only be noise.
    const deps = serviceDeps({ prisma: options.prisma ?? prisma, clients, ...(options.prisma ? { logger: createLogger('test', 'silent') } : {}) });
    servers.push(await startGrpcServer('127.0.0.1', port, [paymentsRegistration(deps, options.provider)]));
    const p = clients.payments;
    return {
      charge: (r: ChargeRequest) => callUnary<ChargeRequest, Payment__Output>(p.Charge.bind(p), r),
      issueSlip: (r: IssueSlipRequest) => callUnary<IssueSlipRequest, Payment__Output>(p.IssueSlip.bind(p), r),
      confirmSlip: (r: ConfirmSlipRequest) => callUnary<ConfirmSlipRequest, Payment__Output>(p.ConfirmSlip.bind(p), r),
      refund: (r: PaymentRef) => callUnary<PaymentRef, Payment__Output>(p.Refund.bind(p), r),
      void: (r: PaymentRef) => callUnary<PaymentRef, Payment__Output>(p.Void.bind(p), r),
    };
  }

  /**
   * A provider that records what it answered. Each call is served by a new SandboxProvider instance,
   * as if every attempt reached a provider process started afresh: only its durable records (and its
   * idempotency keys) make a repeat answer as the first call did.
   */
  function recordingProvider(hooks: { beforeCharge?: (r: ProviderChargeRequest) => Promise<void>; afterCharge?: () => Promise<void>; afterRefund?: () => void } = {}) {
    const charges: { request: ProviderChargeRequest; providerReference: string }[] = [];
    const refunds: { request: ProviderRefundRequest; providerReference: string }[] = [];
    const provider: PaymentProvider = {
      charge: async (request) => {
        await hooks.beforeCharge?.(request);
        const answer = await new SandboxProvider(prisma, { slowDelayMs: 0 }).charge(request);
        charges.push({ request, providerReference: answer.providerReference });
        await hooks.afterCharge?.();
        return answer;
      },
      refund: async (request) => {
        const answer = await new SandboxProvider(prisma, { slowDelayMs: 0 }).refund(request);
        refunds.push({ request, providerReference: answer.providerReference });
        hooks.afterRefund?.();
        return answer;
      },
    };
    return { provider, charges, refunds };
  }

  /**
   * The database client with one commit failing on demand: the transaction's work is rolled back. Both
   * kinds of transaction are covered: Prisma's, and the plain SQL ones of the hot paths (their pool).
   */
  function failingCommits(real: PrismaClient, shouldFail: () => boolean): PrismaClient {
    return new Proxy(real, {
      get(target, prop) {
        if (prop === SQL_POOL) return failingSqlCommits(Reflect.get(target, prop) as unknown as Pool, shouldFail);
        if (prop === '$transaction') {
          return (fn: (tx: Tx) => Promise<unknown>, options?: Parameters<PrismaClient['$transaction']>[1]) =>
            target.$transaction(async (tx) => {
              const result = await fn(tx);
              if (shouldFail()) throw new Error('injected: the commit failed');
              return result;
            }, options);
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** A pool whose connections fail a COMMIT on demand (not sent: the caller rolls back). */
  function failingSqlCommits(pool: Pool, shouldFail: () => boolean): Pool {
    const failing = (client: PoolClient): PoolClient =>
      new Proxy(client, {
        get(target, prop) {
          if (prop === 'query') {
            return (text: unknown, ...rest: unknown[]) =>
              typeof text === 'string' && /\bCOMMIT$/.test(text) && shouldFail()
                ? Promise.reject(new Error('injected: the commit failed'))
                : (target.query as (...args: unknown[]) => unknown).call(target, text, ...rest);
          }
          const value: unknown = Reflect.get(target, prop);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    return new Proxy(pool, {
      get(target, prop) {
        if (prop === 'connect') return async () => failing(await target.connect());
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Fails the first commit that follows `arm()`, once in the whole test. */
  function oneFailingCommit() {
    let armed = false;
    let failed = false;
    return {
      arm: () => void (armed = !failed),
      shouldFail: () => {
        if (!armed) return false;
        armed = false;
        failed = true;
        return true;
      },
    };
  }

  const cardCharge = (cardToken = 'tok_visa', amountMinor = 4800) => {
    const paymentId = randomUUID();
    return { paymentId, orderId: randomUUID(), amountMinor, currency: 'JPY', cardToken, idempotencyKey: `checkout:${paymentId}:charge-payment` };
  };
  const slip = () => {
    const paymentId = randomUUID();
    return { paymentId, orderId: randomUUID(), amountMinor: 3300, currency: 'JPY', method: 'konbini', expiresAt: new Date(Date.now() + HOUR).toISOString(), idempotencyKey: `checkout:${paymentId}:issue-slip` };
  };
  const ref = (paymentId: string, step: string) => ({ paymentId, idempotencyKey: `checkout:${paymentId}:${step}` });
  const ledgerOf = async (paymentId: string) =>
    (await prisma.ledgerEntry.findMany({ where: { paymentId }, orderBy: { id: 'asc' } })).map((e) => [e.kind, e.amountMinor]);
  const distinct = (values: string[]) => [...new Set(values)];

  describe('tombstones: an undo that ran first refuses the forward call that arrives late', () => {
    it('refuses a Charge after a Refund of its unknown payment id, without reaching the provider', async () => {
      const { provider, charges } = recordingProvider();
      const payments = await paymentsServer({ provider });
      const request = cardCharge();
      expect(await payments.refund(ref(request.paymentId, 'refund-payment'))).toMatchObject({ paymentId: request.paymentId, status: 'NONE' });

      const err = await rejection(payments.charge(request));
      expect([err.code, err.details]).toEqual(['STEP_UNDONE', { paymentId: request.paymentId }]);
      expect(charges).toEqual([]);
      expect(await prisma.payment.findUnique({ where: { id: request.paymentId } })).toBeNull();
      expect(await ledgerOf(request.paymentId)).toEqual([]);
      // The undo repeated answers as it did.
      expect(await payments.refund(ref(request.paymentId, 'refund-payment'))).toMatchObject({ status: 'NONE' });
    });

    it('refuses an IssueSlip after a Void of its unknown payment id', async () => {
      const payments = await paymentsServer({ provider: recordingProvider().provider });
      const request = slip();
      expect(await payments.void(ref(request.paymentId, 'void-payment'))).toMatchObject({ status: 'NONE' });
      expect((await rejection(payments.issueSlip(request))).code).toBe('STEP_UNDONE');
      expect(await prisma.payment.findUnique({ where: { id: request.paymentId } })).toBeNull();
    });

    it('answers a repeated Refund of a refunded payment, and a Void of a voided slip, as they are', async () => {
      const payments = await paymentsServer({ provider: recordingProvider().provider });
      const card = cardCharge();
      await payments.charge(card);
      const refunded = await payments.refund(ref(card.paymentId, 'refund-payment'));
      expect(await payments.refund({ paymentId: card.paymentId, idempotencyKey: randomUUID() })).toEqual(refunded);
      const request = slip();
      await payments.issueSlip(request);
      const voided = await payments.void(ref(request.paymentId, 'void-payment'));
      expect(voided.status).toBe('VOIDED');
      expect(await payments.void({ paymentId: request.paymentId, idempotencyKey: randomUUID() })).toEqual(voided);
    });
  });

  describe('never a stale success: the original key of an undone step answers STEP_UNDONE', () => {
    it('answers a replayed Charge of a refunded payment with STEP_UNDONE, charging nothing', async () => {
      const { provider, charges } = recordingProvider();
      const payments = await paymentsServer({ provider });
      const request = cardCharge();
      expect((await payments.charge(request)).status).toBe('SUCCEEDED');
      // The same key before the undo still gets its answer.
      expect((await payments.charge(request)).status).toBe('SUCCEEDED');
      await payments.refund(ref(request.paymentId, 'refund-payment'));

      const err = await rejection(payments.charge(request));
      expect(err.code).toBe('STEP_UNDONE');
      expect(distinct(charges.map((c) => c.providerReference))).toHaveLength(1);
      expect(await ledgerOf(request.paymentId)).toEqual([
        ['CHARGE', 4800],
        ['REFUND', -4800],
      ]);
    });

    it('answers a replayed IssueSlip of a voided slip with STEP_UNDONE', async () => {
      const payments = await paymentsServer({ provider: recordingProvider().provider });
      const request = slip();
      expect((await payments.issueSlip(request)).status).toBe('PENDING');
      await payments.void(ref(request.paymentId, 'void-payment'));
      expect((await rejection(payments.issueSlip(request))).code).toBe('STEP_UNDONE');
    });

    it('answers a replayed ConfirmSlip and IssueSlip of a slip refunded since with STEP_UNDONE', async () => {
      const payments = await paymentsServer({ provider: recordingProvider().provider });
      const request = slip();
      await payments.issueSlip(request);
      const confirm = { ...ref(request.paymentId, 'confirm-slip'), paidAt: new Date().toISOString() };
      expect((await payments.confirmSlip(confirm)).status).toBe('PAID');
      expect((await payments.confirmSlip(confirm)).status).toBe('PAID');
      await payments.refund(ref(request.paymentId, 'refund-payment'));

      expect((await rejection(payments.confirmSlip(confirm))).code).toBe('STEP_UNDONE');
      expect((await rejection(payments.issueSlip(request))).code).toBe('STEP_UNDONE');
      expect(await ledgerOf(request.paymentId)).toEqual([
        ['SLIP_PAID', 3300],
        ['REFUND', -3300],
      ]);
    });
  });

  describe('the provider is called outside transactions, with its own idempotency key', () => {
    it('charges once when the commit after the provider call fails once and the call is retried', async () => {
      const commit = oneFailingCommit();
      const { provider, charges } = recordingProvider({ afterCharge: async () => commit.arm() });
      const payments = await paymentsServer({ provider, prisma: failingCommits(prisma, commit.shouldFail) });
      const request = cardCharge();
      expect((await rejection(payments.charge(request))).code).toBe('INTERNAL');
      const payment = await payments.charge(request);

      expect(payment.status).toBe('SUCCEEDED');
      // Asked twice: the provider charged once, and the payment holds that charge...
      expect(distinct(charges.map((c) => c.providerReference))).toEqual([payment.providerReference]);
      expect(await ledgerOf(request.paymentId)).toEqual([['CHARGE', 4800]]);
      // ...because both attempts sent the payment's own provider key.
      expect(charges.map((c) => c.request.idempotencyKey)).toEqual([request.paymentId, request.paymentId]);
    });

    it('refunds once when the commit after the provider refund fails once and the call is retried', async () => {
      const commit = oneFailingCommit();
      const { provider, refunds } = recordingProvider({ afterRefund: () => commit.arm() });
      const payments = await paymentsServer({ provider, prisma: failingCommits(prisma, commit.shouldFail) });
      const request = cardCharge();
      await payments.charge(request);
      expect((await rejection(payments.refund(ref(request.paymentId, 'refund-payment')))).code).toBe('INTERNAL');
      expect((await payments.refund(ref(request.paymentId, 'refund-payment'))).status).toBe('REFUNDED');

      // Asked twice: the provider refunded once, with the key both attempts sent.
      expect(distinct(refunds.map((r) => r.providerReference))).toHaveLength(1);
      expect(refunds.map((r) => r.request.idempotencyKey)).toEqual([`${request.paymentId}:refund`, `${request.paymentId}:refund`]);
      expect(await ledgerOf(request.paymentId)).toEqual([
        ['CHARGE', 4800],
        ['REFUND', -4800],
      ]);
    });

    it('charges once when two identical Charges run concurrently', async () => {
      const { provider, charges } = recordingProvider();
      const payments = await paymentsServer({ provider });
      const request = cardCharge();
      const [a, b] = await Promise.all([payments.charge(request), payments.charge(request)]);
      expect(b).toEqual(a);
      expect(distinct(charges.map((c) => c.providerReference))).toEqual([a.providerReference]);
      expect(distinct(charges.map((c) => c.request.idempotencyKey))).toEqual([request.paymentId]);
      expect(await prisma.sandboxProviderOperation.count({ where: { paymentId: request.paymentId, kind: 'charge' } })).toBe(1);
      expect(await ledgerOf(request.paymentId)).toEqual([['CHARGE', 4800]]);
    });

    it('gives the money back when a Refund comes while the Charge waits for the provider: the charge is cancelled and answers STEP_UNDONE', async () => {
      const reached = gate();
      const release = gate();
      const { provider, charges } = recordingProvider({
        beforeCharge: async () => {
          reached.open();
          await release.promise;
        },
      });
      const payments = await paymentsServer({ provider });
      const request = cardCharge();
      const charging = rejection(payments.charge(request));
      await reached.promise;
      // The Charge holds no transaction or lock while the provider works, so its undo is not blocked.
      const refunded = await payments.refund(ref(request.paymentId, 'refund-payment'));
      expect(refunded).toMatchObject({ paymentId: request.paymentId, status: 'VOIDED' });
      release.open();

      expect((await charging).code).toBe('STEP_UNDONE');
      expect(charges).toEqual([]);
      expect(await ledgerOf(request.paymentId)).toEqual([]);
      expect((await rejection(payments.charge(request))).code).toBe('STEP_UNDONE');
      expect(await payments.refund(ref(request.paymentId, 'refund-payment'))).toEqual(refunded);
    });

    it('refunds a charge the provider made whose outcome was not recorded yet when the Refund came', async () => {
      const captured = gate();
      const release = gate();
      const { provider, charges, refunds } = recordingProvider({
        afterCharge: async () => {
          captured.open();
          await release.promise;
        },
      });
      const payments = await paymentsServer({ provider });
      const request = cardCharge();
      const charging = rejection(payments.charge(request));
      await captured.promise;
      const refunded = await payments.refund(ref(request.paymentId, 'refund-payment'));
      expect(refunded).toMatchObject({ status: 'REFUNDED', providerReference: charges[0]!.providerReference });
      release.open();

      expect((await charging).code).toBe('STEP_UNDONE');
      expect(refunds).toHaveLength(1);
      // The money came in and went back: captured − refunded is 0.
      expect(await ledgerOf(request.paymentId)).toEqual([
        ['CHARGE', 4800],
        ['REFUND', -4800],
      ]);
    });
  });

  describe("the caller's deadline bounds the provider call", () => {
    it('gives up on a provider that does not answer before the deadline, leaving the intent for the retry', async () => {
      const hung = gate();
      const { provider, charges } = recordingProvider({ beforeCharge: () => hung.promise });
      const service = new PaymentsService(prisma, provider, () => new Date());
      const request = cardCharge();
      // Called as the gRPC handler is: with the caller's deadline, here one already close.
      const err = await rejection(service.charge(request, { deadline: new Date(Date.now() + 300) }));
      expect(err.code).toBe('UNAVAILABLE');
      expect(await prisma.payment.findUnique({ where: { id: request.paymentId } })).toMatchObject({ status: 'PROCESSING' });
      expect(charges).toEqual([]);

      // The provider answers again: the retry resumes the intent with the same provider key.
      hung.open();
      expect((await service.charge(request)).status).toBe('SUCCEEDED');
      expect(await ledgerOf(request.paymentId)).toEqual([['CHARGE', 4800]]);
    });
  });

  describe('a paid slip is never voided', () => {
    it('refunds a PAID slip on Void', async () => {
      const payments = await paymentsServer({ provider: recordingProvider().provider });
      const request = slip();
      await payments.issueSlip(request);
      await payments.confirmSlip({ ...ref(request.paymentId, 'confirm-slip'), paidAt: new Date().toISOString() });
      expect(await payments.void(ref(request.paymentId, 'void-payment'))).toMatchObject({ status: 'REFUNDED' });
      expect(await ledgerOf(request.paymentId)).toEqual([
        ['SLIP_PAID', 3300],
        ['REFUND', -3300],
      ]);
    });

    it('records and refunds at once the money paid for a VOIDED slip, answering with the payment', async () => {
      const payments = await paymentsServer({ provider: recordingProvider().provider });
      const request = slip();
      await payments.issueSlip(request);
      await payments.void(ref(request.paymentId, 'void-payment'));
      const paid = await payments.confirmSlip({ paymentId: request.paymentId, paidAt: new Date().toISOString(), idempotencyKey: randomUUID() });
      expect(paid).toMatchObject({ paymentId: request.paymentId, status: 'REFUNDED', amountMinor: 3300 });
      expect(await ledgerOf(request.paymentId)).toEqual([
        ['SLIP_PAID', 3300],
        ['REFUND', -3300],
      ]);
    });
  });
});
