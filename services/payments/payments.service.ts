import { randomInt } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import { idempotentCall, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { ChargeRequest__Output } from '../../proto/generated/checkout/payments/v1/ChargeRequest';
import type { ConfirmSlipRequest__Output } from '../../proto/generated/checkout/payments/v1/ConfirmSlipRequest';
import type { GetPaymentRequest__Output } from '../../proto/generated/checkout/payments/v1/GetPaymentRequest';
import type { IssueSlipRequest__Output } from '../../proto/generated/checkout/payments/v1/IssueSlipRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { PaymentRef__Output } from '../../proto/generated/checkout/payments/v1/PaymentRef';
import type { PaymentProvider } from './sandbox-provider';

export const SLIP_METHODS = ['konbini', 'bank_transfer'] as const;
export type SlipMethod = (typeof SLIP_METHODS)[number];

const MAX_ID_LENGTH = 128;
/** The money columns are PostgreSQL `integer`. */
const MAX_MINOR = 2_147_483_647;
const CURRENCY = /^[A-Z]{3}$/;
const SLIP_NUMBER_ATTEMPTS = 5;

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
}

/**
 * Payments: card charges through an injected provider, konbini / bank-transfer slips, refunds,
 * voids, and a ledger of every money movement (CHARGE, SLIP_PAID positive; REFUND negative).
 */
export class PaymentsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly provider: PaymentProvider,
    private readonly now: () => Date,
  ) {}

  /**
   * Charges a card once: a repeated idempotency key answers with the first outcome (success or
   * decline), and a payment id that was already charged is returned without calling the provider.
   */
  async charge(request: ChargeRequest__Output): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    const orderId = requireId(request.orderId, 'orderId');
    const amountMinor = requireAmount(request.amountMinor);
    const currency = requireCurrency(request.currency);
    if (!request.cardToken) throw new DomainError('VALIDATION_FAILED', 'cardToken is required');

    return idempotentCall(this.prisma, 'payments', request.idempotencyKey, 'Charge', async (tx) => {
      const existing = await lockAndFind(tx, paymentId);
      if (existing) {
        assertSamePayment(existing, { orderId, method: 'card', amountMinor, currency });
        return toPayment(existing);
      }
      // The provider is called inside the transaction, under the key's and the payment's locks, so a
      // concurrent repeat waits for this outcome instead of charging again. A decline thrown here is
      // recorded by idempotentCall with nothing else written; UNAVAILABLE is not recorded, so a retry charges for real.
      const { providerReference } = await this.provider.charge({ paymentId, amountMinor, currency, cardToken: request.cardToken });
      const row = await tx.payment.create({
        data: {
          id: paymentId,
          orderId,
          method: 'card',
          status: 'SUCCEEDED',
          amountMinor,
          currency,
          providerReference,
          ledger: { create: { kind: 'CHARGE', amountMinor, currency } },
        },
      });
      return toPayment(row);
    });
  }

  /** Issues a PENDING konbini or bank-transfer slip payable until expiresAt; a repeated payment id answers with its slip. */
  async issueSlip(request: IssueSlipRequest__Output): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    const orderId = requireId(request.orderId, 'orderId');
    const amountMinor = requireAmount(request.amountMinor);
    const currency = requireCurrency(request.currency);
    const method = SLIP_METHODS.find((m) => m === request.method);
    if (!method) throw new DomainError('VALIDATION_FAILED', `method must be one of ${SLIP_METHODS.join(', ')}`);
    const expiresAt = requireInstant(request.expiresAt, 'expiresAt');

    return idempotentCall(this.prisma, 'payments', request.idempotencyKey, 'IssueSlip', async (tx) => {
      const existing = await lockAndFind(tx, paymentId);
      if (existing) {
        assertSamePayment(existing, { orderId, method, amountMinor, currency });
        return toPayment(existing);
      }
      // Checked after the repeat lookup, so a late repeat still gets its slip back.
      if (expiresAt <= this.now()) throw new DomainError('VALIDATION_FAILED', 'expiresAt must be in the future');
      const row = await tx.payment.create({
        data: { id: paymentId, orderId, method, status: 'PENDING', amountMinor, currency, slipNumber: await newSlipNumber(tx, method), expiresAt },
      });
      return toPayment(row);
    });
  }

  /**
   * Records that a slip was paid (PENDING → PAID, ledger SLIP_PAID); an already paid slip is
   * returned as is; a payment after expiry, or of a voided or expired slip, is PAYMENT_EXPIRED.
   */
  async confirmSlip(request: ConfirmSlipRequest__Output): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    const paidAt = request.paidAt ? requireInstant(request.paidAt, 'paidAt') : undefined;

    return idempotentCall(this.prisma, 'payments', request.idempotencyKey, 'ConfirmSlip', async (tx) => {
      const row = await lockAndFind(tx, paymentId);
      if (!row) throw new DomainError('NOT_FOUND', `no payment ${paymentId}`);
      if (row.method === 'card') throw new DomainError('VALIDATION_FAILED', `payment ${paymentId} is a card payment, not a slip`);
      if (row.status === 'PAID' || row.status === 'REFUNDED') return toPayment(row);
      if (row.status !== 'PENDING') throw new DomainError('PAYMENT_EXPIRED', `slip ${paymentId} is ${row.status}`, { status: row.status });
      const at = paidAt ?? this.now();
      if (row.expiresAt && at > row.expiresAt) {
        throw new DomainError('PAYMENT_EXPIRED', `slip ${paymentId} expired at ${row.expiresAt.toISOString()}`, {
          expiresAt: row.expiresAt.toISOString(),
          paidAt: at.toISOString(),
        });
      }
      const updated = await tx.payment.update({
        where: { id: paymentId },
        data: { status: 'PAID', ledger: { create: { kind: 'SLIP_PAID', amountMinor: row.amountMinor, currency: row.currency } } },
      });
      return toPayment(updated);
    });
  }

  /**
   * Refunds a captured payment (SUCCEEDED or PAID → REFUNDED, ledger REFUND of minus the amount);
   * anything else, including an unknown payment (status NONE), is returned as is. A PENDING slip
   * was never captured: it needs Void, not Refund.
   */
  async refund(request: PaymentRef__Output): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    return idempotentCall(this.prisma, 'payments', request.idempotencyKey, 'Refund', async (tx) => {
      const row = await lockAndFind(tx, paymentId);
      if (!row) return noPayment(paymentId);
      if (row.status !== 'SUCCEEDED' && row.status !== 'PAID') return toPayment(row);
      if (row.method === 'card' && row.providerReference) {
        await this.provider.refund({ paymentId, providerReference: row.providerReference, amountMinor: row.amountMinor, currency: row.currency });
      }
      const updated = await tx.payment.update({
        where: { id: paymentId },
        data: { status: 'REFUNDED', ledger: { create: { kind: 'REFUND', amountMinor: -row.amountMinor, currency: row.currency } } },
      });
      return toPayment(updated);
    });
  }

  /**
   * Voids an unpaid slip (PENDING → VOIDED, nothing in the ledger); anything else, including an
   * unknown payment (status NONE), is returned as is: captured money is returned with Refund.
   */
  async void(request: PaymentRef__Output): Promise<Payment__Output> {
    const paymentId = requireId(request.paymentId, 'paymentId');
    return idempotentCall(this.prisma, 'payments', request.idempotencyKey, 'Void', async (tx) => {
      const row = await lockAndFind(tx, paymentId);
      if (!row) return noPayment(paymentId);
      if (row.status !== 'PENDING') return toPayment(row);
      return toPayment(await tx.payment.update({ where: { id: paymentId }, data: { status: 'VOIDED' } }));
    });
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
}

/** Takes the payment id's lock (held to the end of the transaction) and reads the payment, if any. */
async function lockAndFind(tx: Tx, paymentId: string): Promise<PaymentRow | null> {
  // Serialises every change of one payment id, whatever idempotency key it came with. Lock order:
  // the key's lock (idempotentCall), then this one.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`payments/payment-id:${paymentId}`}, 0))`;
  return tx.payment.findUnique({ where: { id: paymentId } });
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
