import { DomainError } from '../../lib/errors';

/**
 * The DomainError a call was rejected with. A call that succeeds, or fails with anything else,
 * fails the test (the unexpected error is rethrown as is).
 */
export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  let outcome: { ok: true } | { ok: false; err: unknown };
  try {
    await promise;
    outcome = { ok: true };
  } catch (err) {
    outcome = { ok: false, err };
  }
  if (outcome.ok) throw new Error('expected a DomainError, but the call succeeded');
  if (outcome.err instanceof DomainError) return outcome.err;
  throw outcome.err;
}
