import { DomainError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/prisma';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Products and prices: the only source of prices for an order. */
export class CatalogService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Returns the products with these SKUs; unknown SKUs are absent from the answer. */
  async getProducts(skus: string[]): Promise<Product__Output[]> {
    if (skus.length === 0) return [];
    const rows = await this.prisma.product.findMany({ where: { sku: { in: [...new Set(skus)] } }, orderBy: { sku: 'asc' } });
    return rows.map(toProduct);
  }

  /** Creates or updates a product by SKU. */
  async upsertProduct(input: Product__Output): Promise<Product__Output> {
    if (!SKU.test(input.sku)) throw new DomainError('VALIDATION_FAILED', 'sku must be 1-64 letters, digits, ".", "_" or "-"');
    if (!input.name.trim()) throw new DomainError('VALIDATION_FAILED', 'name is required');
    if (!Number.isSafeInteger(input.priceMinor) || input.priceMinor < 0) throw new DomainError('VALIDATION_FAILED', 'priceMinor must be a non-negative integer');
    if (!CURRENCY.test(input.currency)) throw new DomainError('VALIDATION_FAILED', 'currency must be an ISO 4217 code such as JPY');
    const data = { name: input.name.trim(), priceMinor: input.priceMinor, currency: input.currency, active: input.active };
    const row = await this.prisma.product.upsert({ where: { sku: input.sku }, create: { sku: input.sku, ...data }, update: data });
    return toProduct(row);
  }
}

function toProduct(row: { sku: string; name: string; priceMinor: number; currency: string; active: boolean }): Product__Output {
  return { sku: row.sku, name: row.name, priceMinor: row.priceMinor, currency: row.currency, active: row.active };
}
