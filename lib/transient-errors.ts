import { isDomainError } from './errors';

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // nodemailer's connection-level codes
  'ECONNECTION',
  'ESOCKET',
  'ETIMEOUT',
  'EDNS',
  // Prisma: database unreachable, timed out, closed the connection, pool exhausted
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
]);
const TRANSIENT_MESSAGE = /ECONNREFUSED|ECONNRESET|connection terminated|connection (?:is )?closed|can't reach database|server closed the connection|the database system is (?:starting up|shutting down)|terminating connection/i;

/**
 * True for a failure caused by an outage rather than by the message (a database, SMTP server or
 * domain service that does not answer): such failures are retried for as long as the outage lasts
 * and never send a message to the dead-letter topic.
 */
export function isTransientError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isDomainError(e)) return e.code === 'UNAVAILABLE' || e.code === 'REQUEST_IN_PROGRESS';
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
  }
  return false;
}
