import { DomainError } from '../../lib/errors';

export { isValidSku, SKU_RULE } from '../../lib/sku';
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CURRENCY = /^[A-Z]{3}$/;
/** Largest price a price_minor column (PostgreSQL integer) holds. */
export const MAX_PRICE_MINOR = 2_147_483_647;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Throws VALIDATION_FAILED naming the field when the condition does not hold. */
export function check(condition: boolean, field: string, message: string): asserts condition {
  if (!condition) throw new DomainError('VALIDATION_FAILED', `${field} ${message}`, { field });
}

/** A trimmed, required text of at most `max` characters. */
export function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  check(text.length > 0, field, 'is required');
  check(text.length <= max, field, `must be at most ${max} characters`);
  return text;
}

/** A price in minor units within the column's range. */
export function priceMinor(value: number, field = 'priceMinor'): number {
  check(Number.isSafeInteger(value) && value >= 0 && value <= MAX_PRICE_MINOR, field, `must be an integer from 0 to ${MAX_PRICE_MINOR}`);
  return value;
}

/** An ISO 4217 currency code. */
export function currency(value: string): string {
  check(CURRENCY.test(value), 'currency', 'must be an ISO 4217 code such as JPY');
  return value;
}

/** An id given by the caller, or absent (empty) for a new entity. */
export function optionalId(value: string, field: string): string | null {
  if (value === '') return null;
  check(ENTITY_ID.test(value), field, 'must be 1-64 letters, digits, ".", "_", ":" or "-"');
  return value;
}

/** At most 10 http(s) image URLs, each at most 2048 characters. */
export function imageUrls(values: string[]): string[] {
  check(values.length <= 10, 'imageUrls', 'must hold at most 10 URLs');
  return values.map((raw, i) => {
    const value = raw.trim();
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    check(value.length <= 2048 && url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:'), `imageUrls[${i}]`, 'must be an http(s) URL of at most 2048 characters');
    return value;
  });
}

/** Variant attributes: at most 20, names of 1-40 characters, values of 1-100. */
export function attributes(values: Record<string, string>): Record<string, string> {
  const entries = Object.entries(values).map(([k, v]) => [k.trim(), v.trim()] as const);
  check(entries.length <= 20, 'attributes', 'must hold at most 20 entries');
  for (const [k, v] of entries) {
    check(k.length >= 1 && k.length <= 40, 'attributes', 'names must be 1-40 characters');
    check(v.length >= 1 && v.length <= 100, `attributes.${k}`, 'must be 1-100 characters');
  }
  return Object.fromEntries(entries);
}

export interface SearchParams {
  query: string;
  categorySlug: string;
  merchantId: string;
  priceMin: number | null;
  priceMax: number | null;
  page: number;
  pageSize: number;
}

/** Validates and normalises a search request (defaults: page 1, 20 per page). */
export function searchParams(r: {
  query: string;
  categorySlug: string;
  merchantId: string;
  priceMinMinor?: number;
  priceMaxMinor?: number;
  page: number;
  pageSize: number;
}): SearchParams {
  const query = r.query.trim();
  check(query.length <= 200, 'query', 'must be at most 200 characters');
  check(r.categorySlug === '' || SLUG.test(r.categorySlug), 'categorySlug', 'must be a category slug');
  check(r.merchantId === '' || ENTITY_ID.test(r.merchantId), 'merchantId', 'must be a merchant id');
  const priceMin = r.priceMinMinor === undefined ? null : priceMinor(r.priceMinMinor, 'priceMinMinor');
  const priceMax = r.priceMaxMinor === undefined ? null : priceMinor(r.priceMaxMinor, 'priceMaxMinor');
  check(priceMin === null || priceMax === null || priceMin <= priceMax, 'priceMinMinor', 'must not exceed priceMaxMinor');
  const page = r.page === 0 ? 1 : r.page;
  const pageSize = r.pageSize === 0 ? DEFAULT_PAGE_SIZE : r.pageSize;
  check(Number.isInteger(page) && page >= 1 && page <= 10_000, 'page', 'must be from 1 to 10000');
  check(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, 'pageSize', `must be from 1 to ${MAX_PAGE_SIZE}`);
  return { query, categorySlug: r.categorySlug, merchantId: r.merchantId, priceMin, priceMax, page, pageSize };
}

/** A tax class to write: "standard" or "reduced"; empty writes nothing (a new SKU gets the column default, standard). */
export function taxClass(value: string | undefined): { taxClass?: 'standard' | 'reduced' } {
  if (!value) return {};
  check(value === 'standard' || value === 'reduced', 'taxClass', 'must be "standard" (10 %) or "reduced" (8 %, food)');
  return { taxClass: value as 'standard' | 'reduced' };
}
