import { createHash } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { Redis } from '../../lib/redis';

/** How long a cached read may live: listings and search results 5 minutes, product details 30. */
export const CACHE_TTL_SECONDS = { list: 5 * 60, detail: 30 * 60 } as const;

/** The catalog's generation counter: every write moves it forward, which orphans every cached read. */
export const GENERATION_KEY = 'catalog:gen';

export type CacheKind = 'search' | 'categories' | 'product';

/** JSON with object keys sorted, so equal parameters always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The Redis key of one cached read: its kind, the generation it was read under, and a hash of its parameters. */
export function cacheKey(kind: CacheKind, generation: string, params: unknown): string {
  const digest = createHash('sha256').update(canonicalJson(params)).digest('base64url').slice(0, 32);
  return `catalog:${kind}:g${generation}:${digest}`;
}

// A missing counter starts at the clock (ms), and a bump never goes below it, so a counter lost to
// eviction or a restart never returns to a value under which older entries were cached.
const READ_GENERATION = `local g = redis.call('GET', KEYS[1])
if not g then g = ARGV[1]; redis.call('SET', KEYS[1], g) end
return g`;
const BUMP_GENERATION = `local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local n = math.max(g + 1, tonumber(ARGV[1]))
redis.call('SET', KEYS[1], n)
return tostring(n)`;

/**
 * The catalog's current generation (set to the clock when missing): whatever was read from the
 * catalog after this answer may be kept under it until the generation moves. The checkout's price
 * cache (services/orders/price-cache.ts) reads it too, so a price change reaches the next order.
 */
export async function readCatalogGeneration(redis: Redis, nowMs: number): Promise<string> {
  return String(await redis.eval(READ_GENERATION, 1, GENERATION_KEY, String(nowMs)));
}

/**
 * Read-through cache of the storefront reads. Every key embeds the generation read BEFORE the
 * database read, and writes bump the generation AFTER they commit: a read that raced a write can
 * only have cached under the old generation, which no later read asks for.
 */
export class CatalogCache {
  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {}

  /** Answers from the cache, or loads and caches for `ttlSeconds`; Redis trouble degrades to loading. */
  async read<T>(kind: CacheKind, params: unknown, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    let key: string;
    try {
      const generation = await readCatalogGeneration(this.redis, this.clock().getTime());
      key = cacheKey(kind, generation, params);
      const hit = await this.redis.get(key);
      if (hit !== null) return JSON.parse(hit) as T;
    } catch (err) {
      this.logger.warn({ err, kind }, 'catalog cache unreadable: reading the database');
      return load();
    }
    const value = await load();
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
    } catch (err) {
      this.logger.warn({ err, kind }, 'catalog cache unwritable');
    }
    return value;
  }

  /** Makes every cached read stale; call after a write commits. */
  async invalidate(): Promise<void> {
    try {
      await this.redis.eval(BUMP_GENERATION, 1, GENERATION_KEY, String(this.clock().getTime()));
    } catch (err) {
      // The write is committed; the caller retries (writes are idempotent upserts) so the bump happens.
      throw new DomainError('UNAVAILABLE', 'The change was saved but the catalog cache could not be invalidated; retry the request', {
        cause: err instanceof Error ? err.message : String(err),
      });
    }
  }
}
