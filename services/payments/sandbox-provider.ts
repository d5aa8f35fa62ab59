import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../../lib/errors';

export interface ProviderChargeRequest {
  /** Also the provider-side idempotency key: a repeated charge of one payment id is not charged again. */
  paymentId: string;
  amountMinor: number;
  currency: string;
  cardToken: string;
}

export interface ProviderRefundRequest {
  paymentId: string;
  providerReference: string;
  amountMinor: number;
  currency: string;
}

/**
 * A card payment provider. Declines are thrown as DomainErrors (CARD_DECLINED, INSUFFICIENT_FUNDS),
 * outages as DomainError UNAVAILABLE so the caller retries; anything else thrown is unexpected.
 */
export interface PaymentProvider {
  /** Captures the amount from the card behind the token and returns the provider's reference. */
  charge(request: ProviderChargeRequest): Promise<{ providerReference: string }>;
  /** Returns a captured amount to the card and returns the refund's reference. */
  refund(request: ProviderRefundRequest): Promise<{ providerReference: string }>;
}

export interface SandboxProviderOptions {
  /** How long `tok_slow` takes (default 3 s). */
  slowDelayMs?: number;
}

/** How many times `tok_transientFailure` fails for one payment id before it succeeds. */
export const TRANSIENT_FAILURES_PER_PAYMENT = 2;

/**
 * Test card tokens of the sandbox, named as common providers name theirs:
 *
 * | token                  | outcome                                                                     |
 * |------------------------|-----------------------------------------------------------------------------|
 * | `tok_visa`             | succeeds                                                                    |
 * | `tok_chargeDeclined`   | CARD_DECLINED (decline code `generic_decline`)                              |
 * | `tok_insufficientFunds`| INSUFFICIENT_FUNDS (decline code `insufficient_funds`)                      |
 * | `tok_transientFailure` | UNAVAILABLE (retryable) on its first 2 attempts per payment id, then succeeds |
 * | `tok_slow`             | succeeds after `slowDelayMs` (default 3 s)                                  |
 * | anything else          | CARD_DECLINED (decline code `unknown_test_token`)                           |
 */
export const SANDBOX_CARD_TOKENS = ['tok_visa', 'tok_chargeDeclined', 'tok_insufficientFunds', 'tok_transientFailure', 'tok_slow'] as const;

/**
 * The payment provider the service is wired to by default: deterministic outcomes per test token,
 * state in memory (per instance, so per process).
 */
export class SandboxProvider implements PaymentProvider {
  private readonly attempts = new Map<string, number>();
  private readonly captured = new Map<string, string>();
  private readonly slowDelayMs: number;

  constructor(options: SandboxProviderOptions = {}) {
    this.slowDelayMs = options.slowDelayMs ?? 3_000;
  }

  /** Charges per the token table above; a payment id already captured answers with its first reference. */
  async charge(request: ProviderChargeRequest): Promise<{ providerReference: string }> {
    const previous = this.captured.get(request.paymentId);
    if (previous) return { providerReference: previous };
    switch (request.cardToken) {
      case 'tok_visa':
        break;
      case 'tok_chargeDeclined':
        throw new DomainError('CARD_DECLINED', 'the card was declined', { declineCode: 'generic_decline' });
      case 'tok_insufficientFunds':
        throw new DomainError('INSUFFICIENT_FUNDS', 'the card has insufficient funds', { declineCode: 'insufficient_funds' });
      case 'tok_transientFailure': {
        const attempt = (this.attempts.get(request.paymentId) ?? 0) + 1;
        this.attempts.set(request.paymentId, attempt);
        if (attempt <= TRANSIENT_FAILURES_PER_PAYMENT) {
          throw new DomainError('UNAVAILABLE', `the sandbox provider is temporarily unavailable (attempt ${attempt})`);
        }
        this.attempts.delete(request.paymentId);
        break;
      }
      case 'tok_slow':
        if (this.slowDelayMs > 0) await sleep(this.slowDelayMs);
        break;
      default:
        throw new DomainError('CARD_DECLINED', `unknown sandbox card token "${request.cardToken}" (known: ${SANDBOX_CARD_TOKENS.join(', ')})`, {
          declineCode: 'unknown_test_token',
        });
    }
    const providerReference = `ch_sandbox_${randomBytes(12).toString('hex')}`;
    this.captured.set(request.paymentId, providerReference);
    return { providerReference };
  }

  /** Refunds always succeed in the sandbox. */
  async refund(_request: ProviderRefundRequest): Promise<{ providerReference: string }> {
    return { providerReference: `re_sandbox_${randomBytes(12).toString('hex')}` };
  }
}
