import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { callUnary } from '../../lib/grpc';
import type { PrismaClient } from '../../lib/prisma';
import type { AdjustStockRequest } from '../../proto/generated/checkout/inventory/v1/AdjustStockRequest';
import type { Stock__Output } from '../../proto/generated/checkout/inventory/v1/Stock';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { EarnRequest } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import type { PointsChange__Output } from '../../proto/generated/checkout/loyalty/v1/PointsChange';
import type { DomainClients } from '../../proto/services';

/**
 * The chaos run's own shop data, apart from the demo shop: SKUs `CHAOS-<run>-…` (regular ones with
 * plenty of stock, hot ones with little), a delivery zone `chaos-<run>` serving a postal code of its
 * own with slots tomorrow (one of them small, so it fills up), and customers `chaos-<run>-<n>`.
 */
export interface ChaosFixtures {
  regularSkus: string[];
  hotSkus: string[];
  zoneId: string;
  postalCode: string;
  slots: { slotId: string; capacity: number }[];
}

export interface FixtureSizes {
  regularSkus: number;
  regularStock: number;
  hotSkus: number;
  hotStock: number;
  /** Capacity of the small slot; the others take anything the run sends. */
  smallSlotCapacity: number;
}

export const skuPrefix = (runId: string) => `CHAOS-${runId}-`;
export const zoneIdOf = (runId: string) => `chaos-${runId}`;
export const customerPrefix = (runId: string) => `chaos-${runId}-`;

export async function createChaosFixtures(clients: DomainClients, prisma: PrismaClient, runId: string, sizes: FixtureSizes): Promise<ChaosFixtures> {
  const { catalog, inventory } = clients;
  const product = async (sku: string, priceMinor: number, stock: number) => {
    await callUnary<Product, Product__Output>(catalog.upsertProduct.bind(catalog), { sku, name: `Chaos run product ${sku}`, priceMinor, currency: 'JPY', active: true });
    await callUnary<AdjustStockRequest, Stock__Output>(inventory.adjustStock.bind(inventory), { sku, delta: stock, reason: 'chaos run: initial stock' });
    return sku;
  };
  const regularSkus: string[] = [];
  for (let i = 0; i < sizes.regularSkus; i++) regularSkus.push(await product(`${skuPrefix(runId)}R${i}`, 1_000 + 250 * i, sizes.regularStock));
  const hotSkus: string[] = [];
  for (let i = 0; i < sizes.hotSkus; i++) hotSkus.push(await product(`${skuPrefix(runId)}HOT${i}`, 4_800, sizes.hotStock));

  // A 7-digit prefix starting with 0 is the whole postal code: no demo zone serves it.
  const digits = `0${randomInt(100_000, 999_999)}`;
  const postalCode = `${digits.slice(0, 3)}-${digits.slice(3)}`;
  const zoneId = zoneIdOf(runId);
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
  await prisma.deliveryZone.create({ data: { id: zoneId, name: `Chaos run ${runId}`, postalPrefixes: [digits], cutoffTime: '14:00', timeZone: 'Asia/Tokyo' } });
  const windows: [string, string, number][] = [
    ['09:00', '12:00', sizes.smallSlotCapacity],
    ['12:00', '15:00', 100_000],
    ['15:00', '18:00', 100_000],
    ['18:00', '21:00', 100_000],
  ];
  const slots: ChaosFixtures['slots'] = [];
  for (const [windowStart, windowEnd, capacity] of windows) {
    const slotId = `${zoneId}:${tomorrow}:${windowStart}`;
    await prisma.deliverySlot.create({ data: { id: slotId, zoneId, date: new Date(`${tomorrow}T00:00:00Z`), windowStart, windowEnd, capacity } });
    slots.push({ slotId, capacity });
  }
  return { regularSkus, hotSkus, zoneId, postalCode, slots };
}

/** Credits a customer's seed points through the loyalty service, retried through faults until `deadline`. */
export async function seedPoints(clients: DomainClients, customerId: string, points: number, deadline: number): Promise<void> {
  const { loyalty } = clients;
  for (;;) {
    try {
      await callUnary<EarnRequest, PointsChange__Output>(loyalty.earn.bind(loyalty), {
        customerId,
        orderId: `chaos-seed-${customerId}`,
        points,
        idempotencyKey: `chaos-seed-${customerId}`,
      });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await delay(1_000);
    }
  }
}
