import type { PrismaClient } from '../lib/prisma';
import { ensureDemoDeliveryData } from '../services/delivery/seed-slots';

/** The demo catalog: a small Japanese tea shop, prices in yen. */
export const DEMO_PRODUCTS = [
  { sku: 'TEA-SENCHA-100G', name: 'Sencha, 100 g', priceMinor: 1200, stock: 200 },
  { sku: 'TEA-GYOKURO-50G', name: 'Gyokuro, 50 g', priceMinor: 2800, stock: 80 },
  { sku: 'TEA-MATCHA-30G', name: 'Ceremonial matcha, 30 g', priceMinor: 3200, stock: 60 },
  { sku: 'TEA-HOJICHA-100G', name: 'Hojicha, 100 g', priceMinor: 900, stock: 150 },
  { sku: 'POT-KYUSU-350', name: 'Tokoname kyusu teapot, 350 ml', priceMinor: 8800, stock: 15 },
  { sku: 'CUP-YUNOMI-2', name: 'Yunomi cups, set of 2', priceMinor: 4400, stock: 30 },
] as const;

/**
 * Loads the demo data (products, their stock, delivery zones and slots). Safe to run on every start:
 * existing products keep their stock, existing slots their bookings.
 */
export async function seedDemoData(prisma: PrismaClient, now: Date): Promise<{ products: number; slotsCreated: number }> {
  for (const p of DEMO_PRODUCTS) {
    await prisma.product.upsert({
      where: { sku: p.sku },
      create: { sku: p.sku, name: p.name, priceMinor: p.priceMinor, currency: 'JPY' },
      update: {},
    });
    const existing = await prisma.stock.findUnique({ where: { sku: p.sku } });
    if (!existing) {
      await prisma.$transaction([
        prisma.stock.create({ data: { sku: p.sku, onHand: p.stock } }),
        prisma.stockMovement.create({ data: { sku: p.sku, kind: 'ADJUST', quantity: p.stock, reason: 'demo data' } }),
      ]);
    }
  }
  const delivery = await ensureDemoDeliveryData(prisma, now);
  return { products: DEMO_PRODUCTS.length, slotsCreated: delivery.slotsCreated };
}
