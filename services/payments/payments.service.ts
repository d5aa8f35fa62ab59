import { randomInt } from 'node:crypto';
import { DOMAIN_ERROR_CODES, DomainError, isDomainError, type DomainErrorCode } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentCall, idempotentDecided, idempotentSql, MAX_TRANSACTION_MS, sqlStatement, type Prefetch, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { ChargeRequest__Output } from '../../proto/generated/checkout/payments/v1/ChargeRequest';
import type { ConfirmSlipRequest__Output } from '../../proto/generated/checkout/payments/v1/ConfirmSlipRequest';
import type { GetPaymentRequest__Output } from '../../proto/generated/checkout/payments/v1/GetPaymentRequest';
import type { IssueSlipRequest__Output } from '../../proto/generated/checkout/payments/v1/IssueSlipRequest';
import type { ListPaymentsRequest__Output } from '../../proto/generated/checkout/payments/v1/ListPaymentsRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { PaymentWithRefunds__Output } from '../../proto/generated/checkout/payments/v1/PaymentWithRefunds';
import type { PaymentRef__Output } from '../../proto/generated/checkout/payments/v1/PaymentRef';
import type { PaymentProvider } from './sandbox-provider';

export const SLIP_METHODS = ['konbini', 'bank_transfer'] as const;
export type SlipMethod = (typeof SLIP_METHODS)[number];

const MAX_ID_LENGTH = 128;
/** The money columns are PostgreSQL `integer`. */
const MAX_MINOR = 2_147_483_647;
const CURRENCY = /^[A-Z]{3}$/;
const SLIP_NUMBER_ATTEMPTS = 5;
/** ListPayments reads the payments of at most this many orders (one page of a customer's orders). */
const MAX_LIST_ORDERS = 100;

interface PaymentRow {
  id: string;
  orderId: string;
  method: string;
  status: string;
  amountMinor: number;
  currency: string;
  slipNumber: string | null;
  expiresAt: Date | null;
  providerReference: string | null;
  failureCode: string | null;
}

/** The longest the provider may take to answer, whatever the caller's deadline. */
const PROVIDER_TIMEOUT_MS = 15_000;

/** The provider's idempotency keys, derived from the payment id so every attempt of every caller sends the same one. */
export const providerKeys = {
  charge: (paymentId: string) => paymentId,
  refund: (paymentId: string) => `${paymentId}:refund`,
};

/** Statuses of a payment whose step was undone: a forward call for it answers STEP_UNDONE. */
const UNDONE = ['REFUNDING', 'REFUNDED', 'VOIDED', 'EXPIRED'];

type ProviderCharge = { providerReference: string } | { rejected: DomainError };

/**
 * Payments: card charges through an injected provider, konbini / bank-transfer slips, refunds,
 * voids, and a ledger of every money movement (CHARGE, SLIP_PAID positive; REFUND negative).
 *
 * The provider is never called inside a database transaction: a short transaction records the intent
 * (payment PROCESSING, or REFUNDING), the provider is called with its own idempotency key derived from
 * the payment id, a second transaction records the outcome, and the answer (derived from the payment)
 * is stored under the caller's idempotency key. A repeat, or a retry after a crash between the steps,
 * finds the intent and asks the provider again with the same key, which answers with its first answer.
 */
export class PaymentsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly provider: PaymentProvider,
    private readonly now: () => Date,
  ) {}

  /**
   * Charges a card once per payment id: a repeated idempotency key answers with the first outcome
   * (success or decline), and STEP_UNDONE once the payment was refunded (or refunded before it came).
   */
  async charge(request: ChargeRequest__Output, context: CallContext = {}): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    const orderId = requireId(request.orderId, 'orderId');
    const amountMinor = requireAmount(request.amountMinor);
    const currency = requireCurrency(request.currency);
    if (!request.cardToken) throw new DomainError('VALIDATION_FAILED', 'cardToken is required');
    if (!request.idempotencyKey) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
    const expected = { orderId, method: 'card', amountMinor, currency };

    // Every step holds the payment id's lock (see lockAndFind), taken in the round trip that begins its transaction.
    const locks = [paymentLock(paymentId)];

    // 1. The intent, under the payment's lock: a Refund that came first left a tombstone and wins.
    // One statement, in one round trip with its transaction: the payment as it was, whether a tombstone
    // refuses it, and the PROCESSING intent written when neither.
    const [intent] = await sqlStatement<{ existing: PaymentRow | null; tombstoned: boolean; created: boolean }>(this.prisma, context.deadline, 'Charge', locks, {
      text: `WITH existing AS (SELECT * FROM payments.payments WHERE id = $1),
                  tombstone AS (SELECT EXISTS (SELECT 1 FROM payments.tombstones WHERE payment_id = $1) AS tombstoned),
                  created AS (
                    INSERT INTO payments.payments (id, order_id, method, status, amount_minor, currency, updated_at)
                    SELECT $1, $2, 'card', 'PROCESSING', $3, $4, now()
                     WHERE NOT EXISTS (SELECT 1 FROM existing) AND NOT (SELECT tombstoned FROM tombstone)
                    RETURNING id
                  )
             SELECT (SELECT json_build_object('id', e.id, 'orderId', e.order_id, 'method', e.method, 'status', e.status, 'amountMinor', e.amount_minor, 'currency', e.currency)
                       FROM existing e) AS existing,
                    (SELECT tombstoned FROM tombstone) AS tombstoned,
                    EXISTS (SELECT 1 FROM created) AS created`,
      values: [paymentId, orderId, amountMinor, currency],
    });
    if (intent!.existing) assertSamePayment(intent!.existing, expected);
    const callProvider = intent!.existing ? intent!.existing.status === 'PROCESSING' : intent!.created;

    // 2. The provider, outside any transaction, with the key every attempt shares.
    let fresh: DomainError | undefined;
    let recordOutcome: Prefetch | undefined;
    let outcome: ProviderCharge | undefined;
    if (callProvider) {
      outcome = await this.askProvider(context, async (): Promise<ProviderCharge> => {
        try {
          return await this.provider.charge({ idempotencyKey: providerKeys.charge(paymentId), paymentId, amountMinor, currency, cardToken: request.cardToken });
        } catch (err) {
          if (isDomainError(err) && !DOMAIN_ERROR_CODES[err.code].retryable) return { rejected: err };
          throw err;
        }
      });
      if ('rejected' in outcome) fresh = outcome.rejected;
      // 3. The outcome, unless a Refund took the payment over meanwhile (it settles the money itself):
      // one conditional statement, sent with step 4's answer under the same locks (one transaction
      // less). Rolled back with it (a failed commit), the payment stays PROCESSING and a retry asks the
      // provider again under the same key, which answers the same.
      if ('providerReference' in outcome) {
        recordOutcome = {
          text: `WITH succeeded AS (
                   UPDATE payments.payments SET status = 'SUCCEEDED', provider_reference = $2, updated_at = now() WHERE id = $1 AND status = 'PROCESSING' RETURNING id
                 )
                 INSERT INTO payments.ledger_entries (payment_id, kind, amount_minor, currency) SELECT id, 'CHARGE', $3, $4 FROM succeeded`,
          values: [paymentId, outcome.providerReference, amountMinor, currency],
        };
      } else if (outcome.rejected.code !== 'STEP_UNDONE') {
        recordOutcome = {
          text: `UPDATE payments.payments SET status = 'FAILED', failure_code = $2, updated_at = now() WHERE id = $1 AND status = 'PROCESSING'`,
          values: [paymentId, outcome.rejected.code],
        };
      }
    }

    // 3+4 in one round trip, the usual case: the provider answered and the payment is what that answer
    // makes it (SUCCEEDED with the provider's reference, or FAILED), so the caller's answer is known
    // before the transaction: the outcome and the key's answer are written together under the key's and
    // the payment's locks, and COMMIT. Anything else (a Refund took the payment over meanwhile, another
    // order's payment) stores nothing there and is answered below as before, from the payment as it is.
    if (recordOutcome && outcome) {
      const decided = await idempotentDecided<Payment__Output>(
        this.prisma,
        'payments',
        request.idempotencyKey,
        'Charge',
        'providerReference' in outcome
          ? { ok: toPayment({ id: paymentId, ...expected, status: 'SUCCEEDED', slipNumber: null, expiresAt: null, providerReference: outcome.providerReference, failureCode: null }) }
          : { error: outcome.rejected },
        {
          deadline: context.deadline,
          locks,
          before: recordOutcome,
          prefetch: { text: PAYMENT_QUERY, values: [paymentId] },
          holds:
            'providerReference' in outcome
              ? {
                  text: `EXISTS (SELECT 1 FROM payments.payments WHERE id = $1 AND order_id = $2 AND method = 'card' AND amount_minor = $3 AND currency = $4
                                    AND status = 'SUCCEEDED' AND provider_reference = $5 AND slip_number IS NULL AND expires_at IS NULL)`,
                  values: [paymentId, orderId, amountMinor, currency, outcome.providerReference],
                }
              : {
                  text: `EXISTS (SELECT 1 FROM payments.payments WHERE id = $1 AND order_id = $2 AND method = 'card' AND amount_minor = $3 AND currency = $4 AND status = 'FAILED')`,
                  values: [paymentId, orderId, amountMinor, currency],
                },
          undone: (prefetched) => {
            const row = paymentOf(prefetched);
            return !row || UNDONE.includes(row.status);
          },
        },
      );
      if (decided.decided) return decided.value;
    }

    // 4. The answer, stored under the caller's key; never a stale success once the charge was undone.
    return idempotentSql(
      this.prisma,
      'payments',
      request.idempotencyKey,
      'Charge',
      async (_sql, prefetched) => {
        const row = paymentOf(prefetched);
        if (!row) throw stepUndone(paymentId, 'it was refunded before the charge arrived');
        assertSamePayment(row, expected);
        if (row.status === 'SUCCEEDED') return toPayment(row);
        if (row.status === 'FAILED') throw fresh ?? new DomainError(row.failureCode as DomainErrorCode, `payment ${paymentId} was declined (${row.failureCode})`);
        if (row.status === 'PROCESSING') throw new DomainError('UNAVAILABLE', `the charge of payment ${paymentId} has no outcome yet; retry`);
        throw stepUndone(paymentId, `it is ${row.status}`);
      },
      {
        deadline: context.deadline,
        // Lock order as everywhere: the key's lock, then the payment id's.
        locks,
        before: recordOutcome,
        prefetch: { text: PAYMENT_QUERY, values: [paymentId] },
        undone: async (_sql, prefetched) => {
          const row = paymentOf(prefetched);
          return !row || UNDONE.includes(row.status);
        },
      },
    );
  }

  /** Issues a PENDING konbini or bank-transfer slip payable until expiresAt; a repeated payment id answers with its slip. */
  async issueSlip(request: IssueSlipRequest__Output, context: CallContext = {}): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    const orderId = requireId(request.orderId, 'orderId');
    const amountMinor = requireAmount(request.amountMinor);
    const currency = requireCurrency(request.currency);
    const method = SLIP_METHODS.find((m) => m === request.method);
    if (!method) throw new DomainError('VALIDATION_FAILED', `method must be one of ${SLIP_METHODS.join(', ')}`);
    const expiresAt = requireInstant(request.expiresAt, 'expiresAt');

    const issued = await idempotentCall(
      this.prisma,
      'payments',
      request.idempotencyKey,
      'IssueSlip',
      async (tx) => {
        const existing = await lockAndFind(tx, paymentId);
        if (existing) {
          assertSamePayment(existing, { orderId, method, amountMinor, currency });
          if (UNDONE.includes(existing.status)) throw stepUndone(paymentId, `it is ${existing.status}`);
          return toPayment(existing);
        }
        if (await tx.paymentTombstone.findUnique({ where: { paymentId } })) throw stepUndone(paymentId, 'it was voided before the slip was issued');
        // Checked after the repeat lookup, so a late repeat still gets its slip back.
        if (expiresAt <= this.now()) throw new DomainError('VALIDATION_FAILED', 'expiresAt must be in the future');
        const row = await tx.payment.create({
          data: { id: paymentId, orderId, method, status: 'PENDING', amountMinor, currency, slipNumber: await newSlipNumber(tx, method), expiresAt },
        });
        return toPayment(row);
      },
      { undone: (tx) => isUndone(tx, paymentId), deadline: context.deadline },
    );
    // A replayed answer is the slip as it was issued. One paid since is answered as PAID, so a reset of
    // a paid checkout goes on at once instead of waiting again for money that already came (and then
    // voiding, that is refunding, a slip whose order was delivered).
    if (issued.status !== 'PENDING') return issued;
    const current = await this.prisma.payment.findUnique({ where: { id: paymentId } });
    return current?.status === 'PAID' ? toPayment(current) : issued;
  }

  /**
   * Records that a slip was paid (PENDING → PAID, ledger SLIP_PAID); an already paid or refunded slip
   * is returned as is. Money that comes in for a slip that was voided, expired or paid after its expiry
   * is recorded and given back at once (SLIP_PAID then REFUND, status REFUNDED): the caller sees it in
   * the answer. A repeat of a key once the slip is no longer PAID (refunded since) answers STEP_UNDONE.
   */
  async confirmSlip(request: ConfirmSlipRequest__Output, context: CallContext = {}): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    const paidAt = request.paidAt ? requireInstant(request.paidAt, 'paidAt') : undefined;

    return idempotentCall(
      this.prisma,
      'payments',
      request.idempotencyKey,
      'ConfirmSlip',
      async (tx) => {
        const row = await lockAndFind(tx, paymentId);
        if (!row) throw new DomainError('NOT_FOUND', `no payment ${paymentId}`);
        if (row.method === 'card') throw new DomainError('VALIDATION_FAILED', `payment ${paymentId} is a card payment, not a slip`);
        if (row.status === 'PAID' || row.status === 'REFUNDED') return toPayment(row);
        const at = paidAt ?? this.now();
        const paidInTime = row.status === 'PENDING' && !(row.expiresAt && at > row.expiresAt);
        const slipPaid = { kind: 'SLIP_PAID', amountMinor: row.amountMinor, currency: row.currency };
        if (paidInTime) return toPayment(await tx.payment.update({ where: { id: paymentId }, data: { status: 'PAID', ledger: { create: slipPaid } } }));
        // The order no longer waits for this money: it came in, so it goes back.
        const refund = { kind: 'REFUND', amountMinor: -row.amountMinor, currency: row.currency };
        return toPayment(await tx.payment.update({ where: { id: paymentId }, data: { status: 'REFUNDED', ledger: { create: [slipPaid, refund] } } }));
      },
      // A replayed success is only current while the slip is PAID: once refunded, the step was undone.
      { undone: async (tx) => (await lockAndFind(tx, paymentId))?.status !== 'PAID', deadline: context.deadline },
    );
  }

  /**
   * Refunds a captured payment (SUCCEEDED or PAID → REFUNDED, ledger REFUND of minus the amount). A
   * card charge still PROCESSING is refunded or cancelled at the provider by its key, so its late
   * completion answers STEP_UNDONE. An unknown payment leaves a tombstone (answer: status NONE) that
   * refuses a Charge arriving later; anything else is returned as is. A PENDING slip needs Void.
   */
  async refund(request: PaymentRef__Output, context: CallContext = {}): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    if (!request.idempotencyKey) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');

    // 1. The intent: a tombstone when there is nothing yet, REFUNDING when the provider holds money (or may).
    const toRefund = await this.transaction(context, async (tx) => {
      const row = await lockAndFind(tx, paymentId);
      if (!row) {
        await tx.paymentTombstone.upsert({ where: { paymentId }, create: { paymentId, undoneBy: 'Refund' }, update: {} });
        return undefined;
      }
      if (row.method === 'card' && (row.status === 'SUCCEEDED' || row.status === 'PROCESSING')) {
        await tx.payment.update({ where: { id: paymentId }, data: { status: 'REFUNDING' } });
        return row;
      }
      return row.status === 'REFUNDING' ? row : undefined;
    });

    if (toRefund) {
      // 2. The provider, outside any transaction: refunds the charge made under its key, or cancels it.
      const outcome = await this.askProvider(context, () =>
        this.provider.refund({
          idempotencyKey: providerKeys.refund(paymentId),
          chargeIdempotencyKey: providerKeys.charge(paymentId),
          paymentId,
          amountMinor: toRefund.amountMinor,
          currency: toRefund.currency,
        }),
      );
      // 3. The outcome: money that was captured goes back in the ledger (its CHARGE first if the
      // charge never recorded it); a charge cancelled before it was made leaves the payment VOIDED.
      await this.transaction(context, async (tx) => {
        const row = await lockAndFind(tx, paymentId);
        if (row?.status !== 'REFUNDING') return;
        if (!outcome.refundedCharge) {
          await tx.payment.update({ where: { id: paymentId }, data: { status: 'VOIDED' } });
          return;
        }
        const chargeRecorded = (await tx.ledgerEntry.count({ where: { paymentId, kind: 'CHARGE' } })) > 0;
        // What returns gave back already (RefundPartial) is not given back twice: the ledger gets what is left.
        const refund = { kind: 'REFUND', amountMinor: -(row.amountMinor - (await refundedSoFar(tx, paymentId))), currency: row.currency };
        await tx.payment.update({
          where: { id: paymentId },
          data: {
            status: 'REFUNDED',
            providerReference: row.providerReference ?? outcome.refundedCharge.providerReference,
            ledger: { create: chargeRecorded ? [refund] : [{ kind: 'CHARGE', amountMinor: row.amountMinor, currency: row.currency }, refund] },
          },
        });
      });
    }

    // 4. The answer under the caller's key. A paid slip is refunded here: no provider call (the shop returns it).
    return idempotentCall(
      this.prisma,
      'payments',
      request.idempotencyKey,
      'Refund',
      async (tx) => {
        const row = await lockAndFind(tx, paymentId);
        if (!row) return noPayment(paymentId);
        if (row.status === 'PAID') return toPayment(await refundSlip(tx, row));
        if (row.status === 'REFUNDING') throw new DomainError('UNAVAILABLE', `the refund of payment ${paymentId} has no outcome yet; retry`);
        return toPayment(row);
      },
      { deadline: context.deadline },
    );
  }

  /**
   * Voids an unpaid slip (PENDING → VOIDED, nothing in the ledger). A PAID slip is refunded instead
   * (money came in: its undo gives it back). An unknown payment leaves a tombstone (answer: status
   * NONE) that refuses an IssueSlip arriving later; anything else is returned as is.
   */
  async void(request: PaymentRef__Output, context: CallContext = {}): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    return idempotentCall(
      this.prisma,
      'payments',
      request.idempotencyKey,
      'Void',
      async (tx) => {
        const row = await lockAndFind(tx, paymentId);
        if (!row) {
          await tx.paymentTombstone.upsert({ where: { paymentId }, create: { paymentId, undoneBy: 'Void' }, update: {} });
          return noPayment(paymentId);
        }
        if (row.status === 'PENDING') return toPayment(await tx.payment.update({ where: { id: paymentId }, data: { status: 'VOIDED' } }));
        if (row.status === 'PAID') return toPayment(await refundSlip(tx, row));
        return toPayment(row);
      },
      { deadline: context.deadline },
    );
  }

  /**
   * Gives back part of a captured payment (a return, services/orders/returns.ts): a REFUND ledger entry of
   * minus `amountMinor`; the payment stays SUCCEEDED / PAID, or becomes REFUNDED once everything paid is
   * back. One conditional statement under the payment's lock: what all refunds give back never exceeds
   * what was paid (CONFLICT otherwise). A repeated key answers with the first answer.
   * The sandbox provider is not called: it only knows whole refunds (a real provider's partial refund
   * would go through the intent / provider / outcome steps that Refund uses).
   */
  async refundPartial(request: { paymentId: string; amountMinor: number; idempotencyKey: string }, context: CallContext = {}): Promise<Payment__Output & { refundedMinor: number }> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    const amountMinor = requireAmount(request.amountMinor);
    if (!request.idempotencyKey) throw new DomainError('VALIDATION_FAILED', 'idempotencyKey is required');
    return idempotentSql(
      this.prisma,
      'payments',
      request.idempotencyKey,
      'RefundPartial',
      async (sql) => {
        const [outcome] = await sql.rows<{ status: string; amountMinor: number; refundedBefore: number; done: boolean }>(
          `WITH p AS (SELECT status, amount_minor, currency FROM payments.payments WHERE id = $1),
                r AS (SELECT COALESCE(-sum(amount_minor), 0)::int AS refunded FROM payments.ledger_entries WHERE payment_id = $1 AND kind = 'REFUND'),
                entry AS (
                  INSERT INTO payments.ledger_entries (payment_id, kind, amount_minor, currency)
                  SELECT $1, 'REFUND', -$2::int, p.currency FROM p, r
                   WHERE p.status IN ('SUCCEEDED', 'PAID') AND r.refunded + $2::int <= p.amount_minor
                  RETURNING id
                ),
                settled AS (
                  UPDATE payments.payments SET status = 'REFUNDED', updated_at = now()
                   WHERE id = $1 AND EXISTS (SELECT 1 FROM entry) AND (SELECT refunded FROM r) + $2::int = (SELECT amount_minor FROM p)
                  RETURNING id
                )
           SELECT p.status, p.amount_minor AS "amountMinor", r.refunded AS "refundedBefore", EXISTS (SELECT 1 FROM entry) AS done FROM p, r`,
          [paymentId, amountMinor],
        );
        if (!outcome) throw new DomainError('NOT_FOUND', `no payment ${paymentId}`);
        if (!outcome.done) {
          if (outcome.status !== 'SUCCEEDED' && outcome.status !== 'PAID') {
            throw new DomainError('INVALID_TRANSITION', `payment ${paymentId} is ${outcome.status}; only a captured payment is refunded`, { paymentId, status: outcome.status });
          }
          throw new DomainError('CONFLICT', `refunding ${amountMinor} of payment ${paymentId} would give back more than was paid`, {
            paymentId,
            amountMinor,
            paidMinor: outcome.amountMinor,
            refundedMinor: outcome.refundedBefore,
          });
        }
        const row = paymentOf(await sql.rows(PAYMENT_QUERY, [paymentId]))!;
        return { ...toPayment(row), refundedMinor: outcome.refundedBefore + amountMinor };
      },
      { deadline: context.deadline, locks: [paymentLock(paymentId)] },
    );
  }

  /** Returns a payment by id, or by slip number when no id is given; NOT_FOUND when absent. */
  async getPayment(request: GetPaymentRequest__Output): Promise<Payment__Output> {
    if (!request.paymentId && !request.slipNumber) throw new DomainError('VALIDATION_FAILED', 'paymentId or slipNumber is required');
    const row = request.paymentId
      ? await this.prisma.payment.findUnique({ where: { id: request.paymentId } })
      : await this.prisma.payment.findUnique({ where: { slipNumber: request.slipNumber } });
    if (!row) throw new DomainError('NOT_FOUND', `no payment ${request.paymentId || `with slip number ${request.slipNumber}`}`);
    return toPayment(row);
  }

  /**
   * The payments of at most MAX_LIST_ORDERS orders, newest first, each with its refunds (the ledger's
   * REFUND entries, negative there, positive here). Two indexed reads: payments by order_id, ledger
   * entries by payment_id.
   */
  async listPayments(request: ListPaymentsRequest__Output): Promise<PaymentWithRefunds__Output[]> {
    const orderIds = [...new Set(request.orderIds)];
    if (orderIds.length > MAX_LIST_ORDERS) throw new DomainError('VALIDATION_FAILED', `at most ${MAX_LIST_ORDERS} order ids`, { field: 'orderIds' });
    if (orderIds.some((id) => !id || id.length > MAX_ID_LENGTH)) throw new DomainError('VALIDATION_FAILED', `order ids must be 1-${MAX_ID_LENGTH} characters`, { field: 'orderIds' });
    if (orderIds.length === 0) return [];
    const rows = await this.prisma.payment.findMany({
      where: { orderId: { in: orderIds } },
      include: { ledger: { where: { kind: 'REFUND' }, orderBy: { id: 'asc' } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map((row) => ({
      payment: toPayment(row),
      refunds: row.ledger.map((e) => ({ amountMinor: Math.abs(e.amountMinor), at: e.at.toISOString() })),
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** A short transaction bounded by the caller's deadline (and never longer than MAX_TRANSACTION_MS), statements included. */
  private transaction<T>(context: CallContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const budgetMs = timeLeftMs(context.deadline, MAX_TRANSACTION_MS);
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(budgetMs)}, true)`;
        return fn(tx);
      },
      { timeout: budgetMs, maxWait: Math.min(budgetMs, 10_000) },
    );
  }

  /**
   * Calls the provider, giving up (UNAVAILABLE) when the caller's deadline passes: the call may still
   * complete at the provider, and the retry asks again with the same key and gets its answer.
   */
  private async askProvider<T>(context: CallContext, call: () => Promise<T>): Promise<T> {
    const budgetMs = timeLeftMs(context.deadline, PROVIDER_TIMEOUT_MS);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DomainError('UNAVAILABLE', `the payment provider did not answer within ${budgetMs} ms; retry`)), budgetMs);
    });
    try {
      return await Promise.race([call(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Takes the payment id's lock (held to the end of the transaction) and reads the payment, if any. */
async function lockAndFind(tx: Tx, paymentId: string): Promise<PaymentRow | null> {
  // Serialises every change of one payment id, whatever idempotency key it came with. Lock order:
  // the key's lock (idempotentCall), then this one.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${paymentLock(paymentId)}, 0))`;
  return tx.payment.findUnique({ where: { id: paymentId } });
}

function paymentLock(paymentId: string): string {
  return `payments/payment-id:${paymentId}`;
}

/** A payment by id ($1), for paymentOf; the caller holds the payment id's lock. */
const PAYMENT_QUERY = `SELECT id, order_id AS "orderId", method, status, amount_minor AS "amountMinor", currency, slip_number AS "slipNumber",
                              expires_at AS "expiresAt", provider_reference AS "providerReference", failure_code AS "failureCode"
                         FROM payments.payments WHERE id = $1`;

function paymentOf(rows: unknown[]): PaymentRow | null {
  return (rows[0] as PaymentRow | undefined) ?? null;
}

/** Whether the payment's step was undone since (refunded, voided, expired), for idempotentCall's `undone` check. */
async function isUndone(tx: Tx, paymentId: string): Promise<boolean> {
  const row = await lockAndFind(tx, paymentId);
  return !row || UNDONE.includes(row.status);
}

function stepUndone(paymentId: string, why: string): DomainError {
  return new DomainError('STEP_UNDONE', `payment ${paymentId} was undone: ${why}`, { paymentId });
}

/** Gives back a paid slip: PAID → REFUNDED with a REFUND entry (slips are returned by the shop, not the card provider). */
async function refundSlip(tx: Tx, row: PaymentRow): Promise<PaymentRow> {
  // Less what returns gave back already (RefundPartial).
  const left = row.amountMinor - (await refundedSoFar(tx, row.id));
  return tx.payment.update({
    where: { id: row.id },
    data: { status: 'REFUNDED', ledger: { create: { kind: 'REFUND', amountMinor: -left, currency: row.currency } } },
  });
}

/** What the ledger's REFUND entries of a payment gave back so far (partial refunds of returns), positive. */
async function refundedSoFar(tx: Tx, paymentId: string): Promise<number> {
  const { _sum } = await tx.ledgerEntry.aggregate({ where: { paymentId, kind: 'REFUND' }, _sum: { amountMinor: true } });
  return -(_sum.amountMinor ?? 0);
}

/** What is left of the caller's deadline, at most `capMs`; UNAVAILABLE when nothing is left. */
function timeLeftMs(deadline: Date | undefined, capMs: number): number {
  if (!deadline) return capMs;
  const left = Math.floor(deadline.getTime() - Date.now());
  if (left <= 0) throw new DomainError('UNAVAILABLE', "the caller's deadline has passed");
  return Math.min(left, capMs);
}

function assertSamePayment(row: PaymentRow, request: { orderId: string; method: string; amountMinor: number; currency: string }): void {
  if (row.orderId !== request.orderId || row.method !== request.method || row.amountMinor !== request.amountMinor || row.currency !== request.currency) {
    throw new DomainError('CONFLICT', `payment ${row.id} already exists with a different order, method or amount`, { paymentId: row.id });
  }
}

async function newSlipNumber(tx: Tx, method: SlipMethod): Promise<string> {
  for (let attempt = 0; attempt < SLIP_NUMBER_ATTEMPTS; attempt++) {
    const candidate = method === 'konbini' ? digits(12) : `BT-${digits(10)}`;
    if (!(await tx.payment.findUnique({ where: { slipNumber: candidate }, select: { id: true } }))) return candidate;
  }
  throw new DomainError('INTERNAL', 'could not draw an unused slip number');
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

function requireId(value: string, field: string): string {
  if (!value || value.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `${field} is required (at most ${MAX_ID_LENGTH} characters)`);
  return value;
}

function requireAmount(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_MINOR) throw new DomainError('VALIDATION_FAILED', `amountMinor must be an integer 1..${MAX_MINOR}`);
  return value;
}

function requireCurrency(value: string): string {
  if (!CURRENCY.test(value)) throw new DomainError('VALIDATION_FAILED', 'currency must be an ISO 4217 code such as JPY');
  return value;
}

function requireInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) throw new DomainError('VALIDATION_FAILED', `${field} must be an ISO 8601 timestamp`);
  return date;
}

function noPayment(paymentId: string): Payment__Output {
  return { paymentId, orderId: '', method: '', status: 'NONE', amountMinor: 0, currency: '', slipNumber: '', expiresAt: '', providerReference: '' };
}

function toPayment(row: PaymentRow): Payment__Output {
  return {
    paymentId: row.id,
    orderId: row.orderId,
    method: row.method,
    status: row.status,
    amountMinor: row.amountMinor,
    currency: row.currency,
    slipNumber: row.slipNumber ?? '',
    expiresAt: row.expiresAt?.toISOString() ?? '',
    providerReference: row.providerReference ?? '',
  };
}
