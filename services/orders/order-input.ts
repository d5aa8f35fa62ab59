import { DomainError } from '../../lib/errors';
import type { Address__Output } from '../../proto/generated/checkout/orders/v1/Address';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import { includedTax, taxRateOf } from './pricing';

export const MAX_LINES = 100;
export const MAX_QUANTITY = 999;
const MAX_FIELD_LENGTH = 200;
/** The money columns are PostgreSQL `integer`. */
const MAX_MINOR = 2_147_483_647;
const POSTAL_CODE = /^(\d{3})-?(\d{4})$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const PAYMENT_METHODS = ['card', 'konbini', 'bank_transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface RequestedLine {
  sku: string;
  quantity: number;
}

export interface PricedLine extends RequestedLine {
  name: string;
  unitPriceMinor: number;
  lineTotalMinor: number;
  /** The product's consumption tax rate (10 or 8) and the tax its tax-inclusive total contains (floor). */
  taxRatePercent: number;
  taxMinor: number;
}

export interface PricedOrder {
  currency: string;
  lines: PricedLine[];
  subtotalMinor: number;
  totalMinor: number;
}

/**
 * Validates the requested lines and merges repeated SKUs into one line (their quantities added),
 * because a cart may list a product twice and an order holds one line per SKU; only sku and
 * quantity are read, anything else the client sent (a price) is ignored.
 */
export function parseOrderLines(lines: readonly { sku: string; quantity: number }[]): RequestedLine[] {
  if (lines.length === 0) throw new DomainError('VALIDATION_FAILED', 'an order needs at least one line');
  const merged = new Map<string, number>();
  for (const line of lines) {
    const sku = line.sku.trim();
    if (!sku) throw new DomainError('VALIDATION_FAILED', 'every line needs a sku');
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      throw new DomainError('VALIDATION_FAILED', `quantity of ${sku} must be 1..${MAX_QUANTITY}`, { sku });
    }
    merged.set(sku, (merged.get(sku) ?? 0) + line.quantity);
  }
  if (merged.size > MAX_LINES) throw new DomainError('VALIDATION_FAILED', `an order has at most ${MAX_LINES} lines`);
  const result = [...merged].map(([sku, quantity]) => ({ sku, quantity }));
  const tooMany = result.find((l) => l.quantity > MAX_QUANTITY);
  if (tooMany) throw new DomainError('VALIDATION_FAILED', `quantity of ${tooMany.sku} must be 1..${MAX_QUANTITY}`, { sku: tooMany.sku });
  return result;
}

/** Validates a Japanese delivery address; the postal code is normalised to NNN-NNNN. */
export function parseAddress(address: Address__Output | null): Address__Output {
  if (!address) throw new DomainError('VALIDATION_FAILED', 'address is required');
  const clean = {
    name: address.name.trim(),
    postalCode: address.postalCode.trim(),
    prefecture: address.prefecture.trim(),
    city: address.city.trim(),
    line1: address.line1.trim(),
    line2: address.line2.trim(),
    phone: address.phone.trim(),
  };
  for (const field of ['name', 'postalCode', 'prefecture', 'city', 'line1'] as const) {
    if (!clean[field]) throw new DomainError('VALIDATION_FAILED', `address.${field} is required`, { field });
  }
  for (const [field, value] of Object.entries(clean)) {
    if (value.length > MAX_FIELD_LENGTH) throw new DomainError('VALIDATION_FAILED', `address.${field} is longer than ${MAX_FIELD_LENGTH} characters`, { field });
  }
  const postal = POSTAL_CODE.exec(clean.postalCode);
  if (!postal) throw new DomainError('VALIDATION_FAILED', 'address.postalCode must be a Japanese postal code (NNN-NNNN or 7 digits)', { field: 'postalCode' });
  return { ...clean, postalCode: `${postal[1]}-${postal[2]}` };
}

/** Validates the payment method name. */
export function parsePaymentMethod(value: string): PaymentMethod {
  const method = PAYMENT_METHODS.find((m) => m === value);
  if (!method) throw new DomainError('VALIDATION_FAILED', `paymentMethod must be one of ${PAYMENT_METHODS.join(', ')}`);
  return method;
}

/** Validates an optional customer email (where order emails go). */
export function parseCustomerEmail(value: string): string {
  const email = value.trim();
  if (email && (!EMAIL.test(email) || email.length > MAX_FIELD_LENGTH)) throw new DomainError('VALIDATION_FAILED', 'customerEmail is not an email address');
  return email;
}

/**
 * Prices the lines from catalog products only: an unknown or inactive SKU is PRODUCT_UNAVAILABLE,
 * products in more than one currency are VALIDATION_FAILED.
 */
export function priceLines(lines: readonly RequestedLine[], products: readonly Product__Output[]): PricedOrder {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const priced: PricedLine[] = [];
  const currencies = new Set<string>();
  for (const line of lines) {
    const product = bySku.get(line.sku);
    if (!product || !product.active) throw new DomainError('PRODUCT_UNAVAILABLE', `product ${line.sku} is not available`, { sku: line.sku });
    currencies.add(product.currency);
    const lineTotalMinor = product.priceMinor * line.quantity;
    const taxRatePercent = taxRateOf(product.taxClass);
    priced.push({ ...line, name: product.name, unitPriceMinor: product.priceMinor, lineTotalMinor, taxRatePercent, taxMinor: includedTax(lineTotalMinor, taxRatePercent) });
  }
  if (currencies.size > 1) throw new DomainError('VALIDATION_FAILED', `the products are priced in more than one currency (${[...currencies].sort().join(', ')})`);
  const subtotalMinor = priced.reduce((sum, l) => sum + l.lineTotalMinor, 0);
  if (subtotalMinor > MAX_MINOR) throw new DomainError('VALIDATION_FAILED', 'the order total is too large');
  // Catalog prices include consumption tax; the coupon and delivery fee come after (pricing.ts chargeOrder).
  return { currency: [...currencies][0]!, lines: priced, subtotalMinor, totalMinor: subtotalMinor };
}
