import { isDomainError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { Redis } from '../../lib/redis';

export type Availability = 'in_stock' | 'low_stock' | 'out_of_stock';

/** At or below this many sellable units (but above none) a variant shows as low_stock with its count. */
export const LOW_STOCK_THRESHOLD = 5;

/**
 * How long one SKU's availability is cached, in seconds: the bound on how stale the product page's
 * availability can be (a sold-out SKU shows out_of_stock at most this long after it sold out). Kept
 * apart from the catalog's 30-minute product cache, whose entries never hold stock.
 */
export const AVAILABILITY_TTL_SECONDS = 15;

export interface VariantAvailability {
  availability: Availability;
  /** Shown only when low (“only 3 left”): exact counts of well-stocked SKUs are no business of a storefront visitor. */
  availableQuantity?: number;
}

/** Availability of `available` sellable units (on hand − reserved). */
export function classifyAvailability(available: number, threshold = LOW_STOCK_THRESHOLD): VariantAvailability {
  if (!(available > 0)) return { availability: 'out_of_stock' };
  if (available <= threshold) return { availability: 'low_stock', availableQuantity: available };
  return { availability: 'in_stock' };
}

/** The Redis key of one SKU's cached count; the SKU is URI-encoded so no SKU (Unicode, ':') can shape another key. */
export function availabilityKey(sku: string): string {
  return `catalog:availability:${encodeURIComponent(sku)}`;
}

/**
 * Sellable units per SKU from inventory, each cached for AVAILABILITY_TTL_SECONDS. A SKU without a
 * stock row has 0. Redis trouble degrades to asking inventory; inventory trouble fails the read
 * (the caller's 503), never an invented "in stock".
 */
export class StockAvailability {
  constructor(
    private readonly redis: Pick<Redis, 'mget' | 'set'>,
    private readonly availableOf: (sku: string) => Promise<number>,
    private readonly logger: Logger,
    private readonly ttlSeconds = AVAILABILITY_TTL_SECONDS,
  ) {}

  async read(skus: readonly string[]): Promise<Map<string, VariantAvailability>> {
    const unique = [...new Set(skus)];
    const counts = new Map<string, number>();
    if (unique.length === 0) return new Map();
    let cached: (string | null)[] = [];
    try {
      cached = await this.redis.mget(...unique.map(availabilityKey));
    } catch (err) {
      this.logger.warn({ err }, 'availability cache unreadable: asking inventory');
    }
    unique.forEach((sku, i) => {
      const hit = cached[i];
      if (hit !== null && hit !== undefined && /^-?\d+$/.test(hit)) counts.set(sku, Number(hit));
    });
    const misses = unique.filter((sku) => !counts.has(sku));
    await Promise.all(
      misses.map(async (sku) => {
        const available = await this.availableOf(sku).catch((err: unknown) => {
          if (isDomainError(err) && err.code === 'NOT_FOUND') return 0;
          throw err;
        });
        counts.set(sku, available);
        try {
          await this.redis.set(availabilityKey(sku), String(available), 'EX', this.ttlSeconds);
        } catch (err) {
          this.logger.warn({ err }, 'availability cache unwritable');
        }
      }),
    );
    return new Map(unique.map((sku) => [sku, classifyAvailability(counts.get(sku) ?? 0)]));
  }
}
