import { ApplicationFailure } from '@temporalio/common';
import { DOMAIN_ERROR_CODES, isDomainError } from '../lib/errors';

/**
 * Runs an activity body and turns DomainErrors into ApplicationFailures typed by their code,
 * non-retryable when retrying cannot help. Other errors pass through and are retried.
 */
export async function withTypedFailures<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDomainError(err)) {
      throw ApplicationFailure.create({
        type: err.code,
        message: err.message,
        nonRetryable: !DOMAIN_ERROR_CODES[err.code].retryable,
        details: err.details ? [err.details] : [],
        cause: err,
      });
    }
    throw err;
  }
}
