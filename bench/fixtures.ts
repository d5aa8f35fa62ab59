import { randomInt } from 'node:crypto';
import type { PrismaClient } from '../lib/prisma';

/**
 * The bench's own shop data, so a run never sells the demo shop's stock or fills its slots: SKUs
 * and slots named BENCH-<run>-…, in one bench delivery zone serving a postal code no real zone serves.
 * Written with SQL (Prisma) rather than the staff routes: a few hundred rows in one statement each.
 */
export const BENCH_ZONE_ID = 'BENCH-zone';
/** 999-9999: outside every seeded zone (Tokyo 100-179, Osaka 530-559). */
export const BENCH_POSTAL_CODE = '999-9999';
const BENCH_POSTAL_PREFIX = '9999999';

export interface BenchFixtures {
  /** One SKU per closed-loop client, with stock for the whole run. */
  clientSkus: string[];
  /** One slot per closed-loop client (a slot is one row: sharing it would measure its row lock). */
  slotIds: string[];
  hotSku: string;
  spreadSkus: string[];
}

/** A day in Tokyo `offset` days from now, YYYY-MM-DD (never today, so the same-day cutoff never closes a bench slot). */
function tokyoDate(now: Date, offset: number): string {
  return new Date(now.getTime() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
}

/** Window start HH:MM of slot i: one per minute from 08:00, so (zone, date, windowStart) stays unique. */
function windowOf(i: number): { windowStart: string; windowEnd: string } {
  const hh = (h: number) => String(h).padStart(2, '0');
  const minutes = 8 * 60 + i;
  return { windowStart: `${hh(Math.floor(minutes / 60))}:${hh(minutes % 60)}`, windowEnd: `${hh(Math.floor(minutes / 60) + 1)}:${hh(minutes % 60)}` };
}

export async function createFixtures(
  prisma: PrismaClient,
  run: string,
  sizes: { clients: number; stockPerSku: number; hotStock: number; spreadSkus: number; spreadStock: number },
): Promise<BenchFixtures> {
  const prefix = `BENCH-${run}`;
  const clientSkus = Array.from({ length: sizes.clients }, (_, i) => `${prefix}-C${i}`);
  const hotSku = `${prefix}-HOT`;
  const spreadSkus = Array.from({ length: sizes.spreadSkus }, (_, i) => `${prefix}-S${i}`);
  const all = [...clientSkus, hotSku, ...spreadSkus];
  await prisma.product.createMany({ data: all.map((sku) => ({ sku, name: `Bench tea ${sku}`, priceMinor: 1000, currency: 'JPY' })) });
  await prisma.stock.createMany({
    data: [
      ...clientSkus.map((sku) => ({ sku, onHand: sizes.stockPerSku })),
      { sku: hotSku, onHand: sizes.hotStock },
      ...spreadSkus.map((sku) => ({ sku, onHand: sizes.spreadStock })),
    ],
  });
  await prisma.deliveryZone.upsert({
    where: { id: BENCH_ZONE_ID },
    create: { id: BENCH_ZONE_ID, name: 'Bench zone', postalPrefixes: [BENCH_POSTAL_PREFIX], cutoffTime: '23:59', timeZone: 'Asia/Tokyo' },
    update: {},
  });
  // A slot is unique per (zone, date, window start): each run takes a day of its own in the bench
  // zone (a random one within ten years; another on the rare clash), so runs never share slots.
  const slotIds = clientSkus.map((_, i) => `${prefix}-slot-${i}`);
  for (let attempt = 1; ; attempt += 1) {
    const date = tokyoDate(new Date(), 1 + randomInt(3650));
    const data = slotIds.map((id, i) => ({ id, zoneId: BENCH_ZONE_ID, date: new Date(`${date}T00:00:00Z`), ...windowOf(i), capacity: 1_000_000 }));
    const { count } = await prisma.deliverySlot.createMany({ data, skipDuplicates: true });
    if (count === data.length) break;
    await prisma.deliverySlot.deleteMany({ where: { id: { in: slotIds } } });
    if (attempt === 5) throw new Error(`could not find a free day for the bench slots in zone ${BENCH_ZONE_ID}`);
  }
  return { clientSkus, slotIds, hotSku, spreadSkus };
}

/** What the hot SKU ended as: orders confirmed with it, and its stock row. */
export async function hotSkuOutcome(prisma: PrismaClient, sku: string): Promise<{ confirmedOrders: number; orderLines: number; onHand: number; reserved: number }> {
  const [lines, confirmed, stock] = await Promise.all([
    prisma.orderLine.count({ where: { sku } }),
    prisma.orderLine.count({ where: { sku, order: { status: 'CONFIRMED' } } }),
    prisma.stock.findUniqueOrThrow({ where: { sku } }),
  ]);
  return { confirmedOrders: confirmed, orderLines: lines, onHand: stock.onHand, reserved: stock.reserved };
}
