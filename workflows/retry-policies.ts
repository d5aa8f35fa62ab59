import { DOMAIN_ERROR_CODES } from '../lib/errors';

/** Business rejections: retrying the same call cannot help, so a saga compensates at once. */
export const NON_RETRYABLE_TYPES = Object.entries(DOMAIN_ERROR_CODES)
  .filter(([, v]) => !v.retryable)
  .map(([code]) => code);

/** Exponential backoff from 1 s, capped at 30 s. */
export const RETRY_BASE = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' } as const;
