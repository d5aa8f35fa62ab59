import { randomInt, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { callUnary } from '../../lib/grpc';
import type { AdjustStockRequest } from '../../proto/generated/checkout/inventory/v1/AdjustStockRequest';
import type { Stock__Output } from '../../proto/generated/checkout/inventory/v1/Stock';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { RunningPlatform } from './platform';

/** A product of this test only, with `stock` units on hand, created through the real services. */
export async function createProduct(platform: RunningPlatform, opts: { priceMinor: number; stock: number }): Promise<string> {
  const sku = `T-${randomUUID().slice(0, 13)}`;
  const { catalog, inventory } = platform.clients;
  await callUnary<Product, Product__Output>(catalog.upsertProduct.bind(catalog), { sku, name: `Test product ${sku}`, priceMinor: opts.priceMinor, currency: 'JPY', active: true });
  await callUnary<AdjustStockRequest, Stock__Output>(inventory.adjustStock.bind(inventory), { sku, delta: opts.stock, reason: 'test fixture' });
  return sku;
}

/** A delivery zone serving one postal code of its own, with one slot tomorrow (Tokyo time). */
export async function createDeliverySlot(platform: RunningPlatform, capacity: number): Promise<{ slotId: string; postalCode: string }> {
  const digits = String(randomInt(1_000_000, 9_999_999));
  const postalCode = `${digits.slice(0, 3)}-${digits.slice(3)}`;
  const zoneId = `test-${randomUUID()}`;
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
  await platform.prisma.deliveryZone.create({ data: { id: zoneId, name: 'Test zone', postalPrefixes: [digits], cutoffTime: '14:00', timeZone: 'Asia/Tokyo' } });
  const slotId = `${zoneId}:${tomorrow}:09:00`;
  await platform.prisma.deliverySlot.create({ data: { id: slotId, zoneId, date: new Date(`${tomorrow}T00:00:00Z`), windowStart: '09:00', windowEnd: '12:00', capacity } });
  return { slotId, postalCode };
}

/** A customer's bearer token, signed like the identity service will sign them. */
export function customerToken(platform: RunningPlatform, customerId = `cust-${randomUUID()}`): { customerId: string; email: string; token: string } {
  const email = `${customerId}@example.com`;
  return { customerId, email, token: jwt.sign({ sub: customerId, email }, platform.config.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' }) };
}
