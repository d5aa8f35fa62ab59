import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (32 random bytes, base64url) for refresh, verification and reset links. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 (hex) under which a token is stored: a leaked table holds no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
