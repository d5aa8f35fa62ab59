import { randomInt, randomUUID } from 'node:crypto';
import { signAccessToken } from '../../lib/access-token';
import { callUnary } from '../../lib/grpc';
import type { Role } from '../../lib/permissions';
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

/** A bearer token signed exactly as the identity service signs them (role customer unless named, a fresh jti), without an account behind it. */
export function customerToken(
  platform: RunningPlatform,
  customerId = `cust-${randomUUID()}`,
  role: Role = 'customer',
): { customerId: string; email: string; token: string } {
  const email = `${customerId}@example.com`;
  const { token } = signAccessToken({ id: customerId, email, role }, { secret: platform.config.JWT_SECRET, ttlSeconds: 3600, now: new Date() });
  return { customerId, email, token };
}
