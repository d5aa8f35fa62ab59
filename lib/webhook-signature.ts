import { createHmac, timingSafeEqual } from 'node:crypto';

// Imported by the REST api: keep this file free of Prisma and gRPC.

/** The header that carries the signature, as `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-payments-signature';

export type WebhookVerification =
  | { valid: true; timestamp: number }
  | { valid: false; reason: 'malformed' | 'stale' | 'mismatch' };

function hmac(secret: string, timestamp: number, rawBody: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** Signs a webhook body the way the payment provider does, returning the signature header's value. */
export function signWebhook(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, rawBody).toString('hex')}`;
}

/**
 * Checks a signature header against the raw body: one of its `v1` signatures must match (several
 * are allowed while a secret is rotated) and its timestamp must be within `toleranceSeconds` of
 * `now`, so a captured request cannot be replayed later.
 */
export function verifyWebhook(secret: string, header: string | undefined, rawBody: string | Buffer, now: Date, toleranceSeconds = 300): WebhookVerification {
  if (!secret || !header) return { valid: false, reason: 'malformed' };
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { valid: false, reason: 'malformed' };
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't') {
      if (!/^\d{1,12}$/.test(value)) return { valid: false, reason: 'malformed' };
      timestamp = Number(value);
    } else if (name === 'v1') {
      if (!/^[0-9a-f]{64}$/i.test(value)) return { valid: false, reason: 'malformed' };
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  if (timestamp === undefined || signatures.length === 0) return { valid: false, reason: 'malformed' };
  const expected = hmac(secret, timestamp, rawBody);
  // Every candidate is compared (no early exit) in constant time.
  const matched = signatures.reduce((ok, candidate) => timingSafeEqual(candidate, expected) || ok, false);
  if (!matched) return { valid: false, reason: 'mismatch' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) return { valid: false, reason: 'stale' };
  return { valid: true, timestamp };
}
