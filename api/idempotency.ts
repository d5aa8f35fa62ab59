import { createHash } from 'node:crypto';
import { DomainError } from '../lib/errors';
import type { Redis } from '../lib/redis';

/** How long a finished request's answer is replayed for its key. */
const DONE_TTL_SECONDS = 24 * 60 * 60;
/** How long a request may hold its key in flight before a retry may take over (a crashed api process). */
const IN_FLIGHT_TTL_SECONDS = 60;

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

interface Entry {
  fingerprint: string;
  /** The resource id made for the first request (an order id). */
  id: string;
  state: 'in-flight' | 'done';
}

/**
 * The IETF Idempotency-Key header, in Redis so every api process agrees: the first request binds the
 * key to a fresh resource id; a retry with the same body gets the same id; the same key with another
 * body is rejected (422); a retry while the first request is still in flight is told so (409).
 */
export class IdempotencyKeys {
  constructor(private readonly redis: Redis) {}

  /** Claims the key for this request, or returns the id bound by an earlier one with the same body. */
  async begin(scope: string, key: string, body: unknown, candidateId: string): Promise<{ id: string; replay: boolean }> {
    const redisKey = this.redisKey(scope, key);
    const print = fingerprint(body);
    const claim: Entry = { fingerprint: print, id: candidateId, state: 'in-flight' };
    if ((await this.redis.set(redisKey, JSON.stringify(claim), 'EX', IN_FLIGHT_TTL_SECONDS, 'NX')) === 'OK') return { id: candidateId, replay: false };
    const raw = await this.redis.get(redisKey);
    if (!raw) return this.begin(scope, key, body, candidateId); // expired between the two calls
    const entry = JSON.parse(raw) as Entry;
    if (entry.fingerprint !== print) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
    }
    if (entry.state === 'in-flight') {
      throw new DomainError('REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    return { id: entry.id, replay: true };
  }

  /** Marks the key's request finished: later retries replay its id. */
  async complete(scope: string, key: string, body: unknown, id: string): Promise<void> {
    const entry: Entry = { fingerprint: fingerprint(body), id, state: 'done' };
    await this.redis.set(this.redisKey(scope, key), JSON.stringify(entry), 'EX', DONE_TTL_SECONDS);
  }

  /** Frees the key after a request that failed before doing anything, so a retry can run. */
  async abandon(scope: string, key: string): Promise<void> {
    await this.redis.del(this.redisKey(scope, key));
  }

  private redisKey(scope: string, key: string): string {
    return `idempotency:${scope}:${key}`;
  }
}
