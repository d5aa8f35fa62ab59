import { DomainError } from '../../lib/errors';

const POSTAL_CODE = /^\d{7}$/;

/** Normalises a Japanese postal code ("100-0001", " 1000001 ", full-width "１００－０００１") to its seven digits, or rejects it. */
export function normalisePostalCode(raw: string): string {
  const digits = raw.normalize('NFKC').trim().replace(/-/g, '');
  if (!POSTAL_CODE.test(digits)) {
    throw new DomainError('VALIDATION_FAILED', 'postalCode must be 7 digits, e.g. 100-0001', { postalCode: raw });
  }
  return digits;
}

/** Picks the zone with the longest postal prefix matching a normalised code, or undefined when none serves it. */
export function matchZone<Z extends { id: string; postalPrefixes: string[] }>(zones: readonly Z[], postalCode: string): Z | undefined {
  let best: { zone: Z; length: number } | undefined;
  for (const zone of zones) {
    for (const prefix of zone.postalPrefixes) {
      // Ties between zones go to the smaller id, so the answer never depends on row order.
      const better = !best || prefix.length > best.length || (prefix.length === best.length && zone.id < best.zone.id);
      if (prefix && postalCode.startsWith(prefix) && better) best = { zone, length: prefix.length };
    }
  }
  return best?.zone;
}
