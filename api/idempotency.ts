import { createHash } from 'node:crypto';
import { DomainError } from '../lib/errors';
import type { Redis } from '../lib/redis';

const KEY_TTL_SECONDS = 24 * 60 * 60;

/** Canonical fingerprint of a request body: key order does not matter, values do. */
export function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

/**
 * Maps a client's Idempotency-Key to the resource id made for its first request, in Redis so every
 * api process agrees. The same key with another body is rejected (IDEMPOTENCY_KEY_REUSED).
 */
export class IdempotencyKeys {
  constructor(private readonly redis: Redis) {}

  /** Returns the id bound to (scope, key): `candidateId` if this request is the first, else the earlier one. */
  async bind(scope: string, key: string, body: unknown, candidateId: string): Promise<{ id: string; first: boolean }> {
    const redisKey = `idempotency:${scope}:${key}`;
    const print = fingerprint(body);
    const stored = JSON.stringify({ id: candidateId, fingerprint: print });
    const set = await this.redis.set(redisKey, stored, 'EX', KEY_TTL_SECONDS, 'NX');
    if (set === 'OK') return { id: candidateId, first: true };
    const existing = await this.redis.get(redisKey);
    if (!existing) return this.bind(scope, key, body, candidateId); // expired between the two calls
    const parsed = JSON.parse(existing) as { id: string; fingerprint: string };
    if (parsed.fingerprint !== print) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
    }
    return { id: parsed.id, first: false };
  }
}
