import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, type DomainErrorCode } from '../../lib/errors';
import { sqlStatement, sqlTransaction, type Sql } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';

export interface ProviderChargeRequest {
  /** The provider's idempotency key: a repeat gets the first answer back and is never charged again. */
  idempotencyKey: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
  cardToken: string;
}

export interface ProviderRefundRequest {
  /** The provider's idempotency key of this refund. */
  idempotencyKey: string;
  /**
   * The idempotency key of the charge to give back. A charge with that key that was not made yet is
   * cancelled: the provider refuses it when it arrives (STEP_UNDONE).
   */
  chargeIdempotencyKey: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
}

export interface ProviderRefund {
  providerReference: string;
  /** The refunded charge; absent when nothing had been captured (declined, or cancelled before it was made). */
  refundedCharge?: { providerReference: string };
}

/**
 * A card payment provider that honours idempotency keys as real providers do. Declines are thrown as
 * DomainErrors (CARD_DECLINED, INSUFFICIENT_FUNDS), a charge cancelled by an earlier refund as
 * STEP_UNDONE, outages as UNAVAILABLE so the caller retries with the same key; anything else is unexpected.
 */
export interface PaymentProvider {
  /** Captures the amount from the card behind the token and returns the provider's reference. */
  charge(request: ProviderChargeRequest): Promise<{ providerReference: string }>;
  /** Gives back the charge made with `chargeIdempotencyKey`, or cancels it if it was not made yet. */
  refund(request: ProviderRefundRequest): Promise<ProviderRefund>;
}

export interface SandboxProviderOptions {
  /** How long `tok_slow` takes (default 3 s). */
  slowDelayMs?: number;
}

/** The longest one of the sandbox's own transactions may take. */
const PROVIDER_TRANSACTION_MS = 10_000;

/** How many times `tok_transientFailure` fails for one idempotency key before it succeeds. */
export const TRANSIENT_FAILURES_PER_PAYMENT = 2;

/**
 * Test card tokens of the sandbox, named as common providers name theirs:
 *
 * | token                  | outcome                                                                      |
 * |------------------------|------------------------------------------------------------------------------|
 * | `tok_visa`             | succeeds                                                                     |
 * | `tok_chargeDeclined`   | CARD_DECLINED (decline code `generic_decline`)                               |
 * | `tok_insufficientFunds`| INSUFFICIENT_FUNDS (decline code `insufficient_funds`)                       |
 * | `tok_transientFailure` | UNAVAILABLE (retryable) on its first 2 attempts per idempotency key, then succeeds |
 * | `tok_slow`             | succeeds after `slowDelayMs` (default 3 s)                                   |
 * | anything else          | CARD_DECLINED (decline code `unknown_test_token`)                            |
 */
export const SANDBOX_CARD_TOKENS = ['tok_visa', 'tok_chargeDeclined', 'tok_insufficientFunds', 'tok_transientFailure', 'tok_slow'] as const;

type Answer = { ok: unknown } | { error: { code: DomainErrorCode; message: string; details?: Record<string, unknown> } };
/** What one attempt of an operation decided: a final answer (kept for the key), or a retryable failure (counted). */
type Decision = { final: Answer } | { transient: string };

interface Operation {
  idempotencyKey: string;
  kind: 'charge' | 'refund';
  paymentId: string;
  amountMinor: number;
  currency: string;
  refundOf?: string;
}

/**
 * The payment provider the service is wired to by default: deterministic outcomes per test token.
 * It stands for an external system, so its records live in their own table
 * (`payments.sandbox_provider_operations`) and survive a crash of the process: a repeated key, from
 * this process or the next, gets the first final answer back.
 */
export class SandboxProvider implements PaymentProvider {
  private readonly slowDelayMs: number;

  constructor(
    private readonly prisma: PrismaClient,
    options: SandboxProviderOptions = {},
  ) {
    this.slowDelayMs = options.slowDelayMs ?? 3_000;
  }

  /** Charges per the token table above; a key already answered gets its first answer back. */
  async charge(request: ProviderChargeRequest): Promise<{ providerReference: string }> {
    const operation: Operation = { idempotencyKey: request.idempotencyKey, kind: 'charge', paymentId: request.paymentId, amountMinor: request.amountMinor, currency: request.currency };
    // The latency of a slow card happens before the key's lock, as a real provider's would: a repeat
    // that finds the first answer recorded does not wait again.
    if (request.cardToken === 'tok_slow' && this.slowDelayMs > 0 && !(await this.answered(request.idempotencyKey))) await sleep(this.slowDelayMs);
    // Every token but tok_transientFailure decides without the attempt count: one statement (one round
    // trip) under the key's lock, not a transaction of three. The general path covers the rest.
    const decided = request.cardToken === 'tok_transientFailure' ? undefined : decideCharge(request, 0);
    const answer =
      (decided && 'final' in decided ? await this.onceDecided(request.idempotencyKey, operation, decided.final) : undefined) ??
      (await this.once(request.idempotencyKey, operation, async (_tx, transientFailures) => decideCharge(request, transientFailures)));
    return unwrap(answer) as { providerReference: string };
  }

  /**
   * once() for an answer decided up front, in one statement: the key's first final answer if it has one,
   * else `final`, kept. Undefined (the caller takes the general path) when the key only counted
   * transient failures so far.
   */
  private async onceDecided(lockKey: string, operation: Operation, final: Answer): Promise<Answer | undefined> {
    const [row] = await sqlStatement<{ existing: { kind: string; paymentId: string; amountMinor: number; currency: string; response: Answer | null } | null }>(
      this.prisma,
      new Date(Date.now() + PROVIDER_TRANSACTION_MS),
      'the sandbox provider',
      [`sandbox-provider:${lockKey}`],
      {
        text: `WITH existing AS (SELECT kind, payment_id, amount_minor, currency, response FROM payments.sandbox_provider_operations WHERE idempotency_key = $1),
                    created AS (
                      INSERT INTO payments.sandbox_provider_operations (idempotency_key, kind, payment_id, amount_minor, currency, refund_of, response, transient_failures, updated_at)
                      SELECT $1, $2, $3, $4, $5, NULL, $6::jsonb, 0, now() WHERE NOT EXISTS (SELECT 1 FROM existing)
                    )
               SELECT (SELECT json_build_object('kind', e.kind, 'paymentId', e.payment_id, 'amountMinor', e.amount_minor, 'currency', e.currency, 'response', e.response)
                         FROM existing e) AS existing`,
        values: [operation.idempotencyKey, operation.kind, operation.paymentId, operation.amountMinor, operation.currency, JSON.stringify(final)],
      },
    );
    const existing = row?.existing;
    if (!existing) return final;
    if (existing.kind !== operation.kind || existing.paymentId !== operation.paymentId || existing.amountMinor !== operation.amountMinor || existing.currency !== operation.currency) {
      return { error: { code: 'IDEMPOTENCY_KEY_REUSED', message: `idempotency key ${operation.idempotencyKey} was used for another ${existing.kind}` } };
    }
    return existing.response ?? undefined;
  }

  /** Refunds the charge made under `chargeIdempotencyKey`, or cancels that charge if it was not made yet. */
  async refund(request: ProviderRefundRequest): Promise<ProviderRefund> {
    const operation: Operation = {
      idempotencyKey: request.idempotencyKey,
      kind: 'refund',
      paymentId: request.paymentId,
      amountMinor: request.amountMinor,
      currency: request.currency,
      refundOf: request.chargeIdempotencyKey,
    };
    // Under the charge's lock: a charge and its refund are decided one after the other, never interleaved.
    const answer = await this.once(request.chargeIdempotencyKey, operation, async (sql) => {
      const [found] = await sql.rows<{ earlier: Answer | null; charge: { response: Answer | null } | null }>(
        `SELECT (SELECT response FROM payments.sandbox_provider_operations WHERE refund_of = $1 LIMIT 1) AS earlier,
                (SELECT json_build_object('response', response) FROM payments.sandbox_provider_operations WHERE idempotency_key = $1) AS charge`,
        [request.chargeIdempotencyKey],
      );
      // One refund per charge: another key asking for it again gets the refund that was made.
      if (found!.earlier) return { final: found!.earlier };
      const charge = found!.charge;
      const captured = charge?.response && 'ok' in charge.response ? (charge.response as { ok: { providerReference: string } }).ok : undefined;
      if (!charge?.response) {
        // Not made yet (never seen, or only failed transiently): cancelled, so it is refused when it comes.
        const cancelled = { error: { code: 'STEP_UNDONE', message: `charge ${request.chargeIdempotencyKey} was cancelled by a refund before it was made` } } satisfies Answer;
        await sql.count(
          `INSERT INTO payments.sandbox_provider_operations (idempotency_key, kind, payment_id, amount_minor, currency, response, updated_at)
           VALUES ($1, 'charge', $2, $3, $4, $5::jsonb, now())
           ON CONFLICT (idempotency_key) DO UPDATE SET response = EXCLUDED.response, updated_at = now()`,
          [request.chargeIdempotencyKey, request.paymentId, request.amountMinor, request.currency, JSON.stringify(cancelled)],
        );
      }
      const refund: ProviderRefund = { providerReference: reference('re'), ...(captured ? { refundedCharge: { providerReference: captured.providerReference } } : {}) };
      return { final: { ok: refund } };
    });
    return unwrap(answer) as ProviderRefund;
  }

  private async answered(idempotencyKey: string): Promise<boolean> {
    const row = await this.prisma.sandboxProviderOperation.findUnique({ where: { idempotencyKey }, select: { response: true } });
    return row?.response != null;
  }

  /**
   * Runs one attempt of an operation under the lock `lockKey`: a key with a final answer gets it back;
   * otherwise `decide` runs and its final answer is kept (a retryable failure is only counted).
   */
  private async once(lockKey: string, operation: Operation, decide: (sql: Sql, transientFailures: number) => Promise<Decision>): Promise<Answer> {
    // Plain SQL over the pg pool (lib/idempotent-call.ts): the sandbox answers within the Charge's own time budget.
    const read = {
      text: `SELECT kind, payment_id AS "paymentId", amount_minor AS "amountMinor", currency, response, transient_failures AS "transientFailures"
               FROM payments.sandbox_provider_operations WHERE idempotency_key = $1`,
      values: [operation.idempotencyKey],
    };
    return sqlTransaction(this.prisma, new Date(Date.now() + PROVIDER_TRANSACTION_MS), 'the sandbox provider', [`sandbox-provider:${lockKey}`], async (sql, prefetched) => {
      const row = prefetched[0] as { kind: string; paymentId: string; amountMinor: number; currency: string; response: Answer | null; transientFailures: number } | undefined;
      if (row && (row.kind !== operation.kind || row.paymentId !== operation.paymentId || row.amountMinor !== operation.amountMinor || row.currency !== operation.currency)) {
        return { error: { code: 'IDEMPOTENCY_KEY_REUSED', message: `idempotency key ${operation.idempotencyKey} was used for another ${row.kind}` } } satisfies Answer;
      }
      if (row?.response) return row.response;
      const decision = await decide(sql, row?.transientFailures ?? 0);
      const final = 'final' in decision ? JSON.stringify(decision.final) : null;
      // A final answer is kept; a retryable failure is only counted.
      await sql.count(
        `INSERT INTO payments.sandbox_provider_operations (idempotency_key, kind, payment_id, amount_minor, currency, refund_of, response, transient_failures, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, CASE WHEN $7::jsonb IS NULL THEN 1 ELSE 0 END, now())
         ON CONFLICT (idempotency_key) DO UPDATE
           SET response = COALESCE(EXCLUDED.response, sandbox_provider_operations.response),
               transient_failures = sandbox_provider_operations.transient_failures + CASE WHEN EXCLUDED.response IS NULL THEN 1 ELSE 0 END,
               updated_at = now()`,
        [operation.idempotencyKey, operation.kind, operation.paymentId, operation.amountMinor, operation.currency, operation.refundOf ?? null, final],
      );
      return 'final' in decision ? decision.final : ({ error: { code: 'UNAVAILABLE', message: decision.transient } } satisfies Answer);
    }, read);
  }
}

function decideCharge(request: ProviderChargeRequest, transientFailures: number): Decision {
  const decline = (code: DomainErrorCode, message: string, declineCode: string): Decision => ({ final: { error: { code, message, details: { declineCode } } } });
  switch (request.cardToken) {
    case 'tok_visa':
    case 'tok_slow':
      break;
    case 'tok_chargeDeclined':
      return decline('CARD_DECLINED', 'the card was declined', 'generic_decline');
    case 'tok_insufficientFunds':
      return decline('INSUFFICIENT_FUNDS', 'the card has insufficient funds', 'insufficient_funds');
    case 'tok_transientFailure':
      if (transientFailures < TRANSIENT_FAILURES_PER_PAYMENT) {
        return { transient: `the sandbox provider is temporarily unavailable (attempt ${transientFailures + 1})` };
      }
      break;
    default:
      return decline('CARD_DECLINED', `unknown sandbox card token "${request.cardToken}" (known: ${SANDBOX_CARD_TOKENS.join(', ')})`, 'unknown_test_token');
  }
  return { final: { ok: { providerReference: reference('ch') } } };
}

function reference(prefix: 'ch' | 're'): string {
  return `${prefix}_sandbox_${randomBytes(12).toString('hex')}`;
}

function unwrap(answer: Answer): unknown {
  if ('error' in answer) throw new DomainError(answer.error.code, answer.error.message, answer.error.details);
  return answer.ok;
}
