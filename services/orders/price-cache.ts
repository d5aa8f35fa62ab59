import type { Logger } from '../../lib/logger';
import type { Redis } from '../../lib/redis';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import { readCatalogGeneration } from '../catalog/catalog-cache';

/**
 * How long CreateOrder may reuse the catalog's answer for a SKU, at most: only while the catalog's
 * generation (moved by every catalog write once it has committed) is still the one read before that
 * answer was asked for, so a price change reaches the next order at once. The bound covers a write
 * whose generation move failed (the catalog then answers UNAVAILABLE and the writer retries) and
 * rows changed behind the catalog's back.
 */
export const PRICE_CACHE_TTL_MS = 5_000;
/** SKUs kept at most (the oldest goes first): bounds the memory whatever carts come in. */
export const PRICE_CACHE_MAX_ENTRIES = 10_000;
/** How long an order waits for Redis before it asks the catalog instead. */
export const GENERATION_WAIT_MS = 100;

/**
 * The catalog's products (price, currency, tax class, active) as GetProducts answered them, reused by
 * CreateOrder while the catalog's generation has not moved. Each order reads the generation from Redis
 * (one round trip, run beside the order's first database round trip) instead of calling the catalog
 * over gRPC; the products are still the catalog's answers, never its tables. Redis missing, slow or
 * failing: the catalog is asked, as without the cache. SKUs the catalog did not answer are not kept.
 * An answer past half its TTL is asked for again in the background by the order that finds it (one
 * call per SKU at a time), so SKUs ordered steadily are always kept.
 */
export class PriceCache {
  private readonly entries = new Map<string, { product: Product__Output; generation: string; expiresAt: number }>();
  /** SKUs whose answers are being asked for again ahead of their TTL (refreshAhead). */
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly redis: Redis | undefined,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = PRICE_CACHE_TTL_MS,
    private readonly maxEntries = PRICE_CACHE_MAX_ENTRIES,
    private readonly generationWaitMs = GENERATION_WAIT_MS,
  ) {}

  /** The products of `skus` kept under the current generation, or those `load` (the catalog's GetProducts) answers, then kept. */
  async products(skus: readonly string[], load: () => Promise<Product__Output[]>): Promise<Product__Output[]> {
    // Read BEFORE the catalog is asked: an answer that raced a write is kept under the generation the
    // write then moved away from, which no later order asks for.
    const generation = await this.generation();
    if (generation === undefined) return load();
    const now = this.clock();
    const kept = skus.map((sku) => this.entries.get(sku));
    if (kept.every((entry) => entry !== undefined && entry.generation === generation && entry.expiresAt > now)) {
      // Past half its life, an answer is asked for again behind this order, so a SKU ordered at least
      // once per TTL never makes an order wait for the catalog. The TTL bound is unchanged: nothing is
      // served older than TTL since the catalog said it.
      if (kept.some((entry) => entry!.expiresAt - now < this.ttlMs / 2)) this.refreshAhead(skus, generation, load);
      return kept.map((entry) => entry!.product);
    }
    const products = await load();
    this.keep(products, generation, now);
    return products;
  }

  /**
   * Asks the catalog for `skus` without anyone waiting, once at a time per SKU, and keeps the answer
   * under `generation`, read before the call (as in `products`). A failure only costs the early refresh:
   * the kept answers still expire at their TTL and the next order then asks the catalog itself.
   */
  private refreshAhead(skus: readonly string[], generation: string, load: () => Promise<Product__Output[]>): void {
    if (skus.some((sku) => this.refreshing.has(sku))) return;
    for (const sku of skus) this.refreshing.add(sku);
    const askedAt = this.clock();
    load()
      .then(
        (products) => this.keep(products, generation, askedAt),
        (err: unknown) => this.logger.warn({ err, skus }, 'catalog prices not refreshed ahead: the next order past their TTL asks the catalog'),
      )
      .finally(() => {
        for (const sku of skus) this.refreshing.delete(sku);
      });
  }

  /** Keeps the catalog's answers, asked at `askedAt` under `generation`, for the TTL from then. */
  private keep(products: readonly Product__Output[], generation: string, askedAt: number): void {
    const expiresAt = askedAt + this.ttlMs;
    for (const product of products) {
      // Re-inserted, so the Map's order stays oldest first.
      this.entries.delete(product.sku);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(product.sku, { product, generation, expiresAt });
    }
  }

  /**
   * Whether every one of `skus` has an answer kept and not expired: `products` will then most likely
   * answer without asking the catalog (unless the generation moved since).
   */
  keeps(skus: readonly string[]): boolean {
    const now = this.clock();
    return skus.every((sku) => (this.entries.get(sku)?.expiresAt ?? 0) > now);
  }

  private async generation(): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      // Not connected (an outage, or a process without Redis): no command is queued to wait for it.
      if (this.redis?.status !== 'ready') return undefined;
      const slow = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), this.generationWaitMs);
      });
      return await Promise.race([readCatalogGeneration(this.redis, this.clock()), slow]);
    } catch (err) {
      this.logger.warn({ err }, 'catalog generation unreadable: pricing from the catalog');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
