import type { Zone__Output } from '../../proto/generated/checkout/delivery/v1/Zone';

/**
 * How long CreateOrder reuses a postal code's delivery zone (its fee and free-shipping threshold).
 * A zone is staff configuration that changes rarely, never per order; its fee is what the storefront
 * showed the customer before the checkout began, seconds to minutes earlier. Reusing it for a few
 * seconds moves the instant a staff edit applies by at most this much, and spares every order a call
 * to the delivery service.
 */
export const ZONE_CACHE_TTL_MS = 5_000;
/** Distinct postal codes kept at most (the oldest goes first): bounds the memory whatever addresses come in. */
export const ZONE_CACHE_MAX_ENTRIES = 10_000;

/**
 * The delivery zone of each postal code, as the delivery service answered it, for ZONE_CACHE_TTL_MS.
 * Only answers are kept: an error (ADDRESS_NOT_SERVED, the service unreachable) is asked again next
 * time, so a zone added for an unserved postal code serves it at once.
 */
export class ZoneCache {
  private readonly entries = new Map<string, { zone: Zone__Output; expiresAt: number }>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = ZONE_CACHE_TTL_MS,
    private readonly maxEntries = ZONE_CACHE_MAX_ENTRIES,
  ) {}

  /** The zone kept for `postalCode`, or the one `load` answers (then kept). */
  async get(postalCode: string, load: () => Promise<Zone__Output>): Promise<Zone__Output> {
    const kept = this.entries.get(postalCode);
    if (kept && kept.expiresAt > this.clock()) return kept.zone;
    const zone = await load();
    // Re-inserted, so the Map's order stays oldest first.
    this.entries.delete(postalCode);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(postalCode, { zone, expiresAt: this.clock() + this.ttlMs });
    return zone;
  }
}
