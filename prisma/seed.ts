import type { PrismaClient } from '../lib/prisma';
import { ensureDemoDeliveryData } from '../services/delivery/seed-slots';

/** The demo merchant: a small Japanese tea shop. */
export const DEMO_MERCHANT = { id: 'demo-tea-shop', name: 'Chaya demo tea shop' } as const;

/** The demo category tree (parents first). */
export const DEMO_CATEGORIES = [
  { id: 'cat-tea', parentId: null, slug: 'tea', name: 'Tea', position: 1 },
  { id: 'cat-green-tea', parentId: 'cat-tea', slug: 'green-tea', name: 'Green tea', position: 1 },
  { id: 'cat-roasted-tea', parentId: 'cat-tea', slug: 'roasted-tea', name: 'Roasted tea', position: 2 },
  { id: 'cat-teaware', parentId: null, slug: 'teaware', name: 'Teaware', position: 2 },
] as const;

/** The demo storefront products; their variants are the DEMO_PRODUCTS with the same `productId`. */
export const DEMO_FAMILIES = [
  { id: 'demo-sencha', categoryId: 'cat-green-tea', name: 'Sencha', description: 'Steamed first-flush green tea from Shizuoka: grassy, bright and sweet.' },
  { id: 'demo-gyokuro', categoryId: 'cat-green-tea', name: 'Gyokuro', description: 'Shade-grown green tea with a deep umami taste; brew it cool.' },
  { id: 'demo-matcha', categoryId: 'cat-green-tea', name: 'Ceremonial matcha', description: 'Stone-ground tencha from Uji for usucha and koicha.' },
  { id: 'demo-hojicha', categoryId: 'cat-roasted-tea', name: 'Hojicha', description: 'Roasted green tea, low in caffeine, with a toasty caramel aroma.' },
  { id: 'demo-kyusu', categoryId: 'cat-teaware', name: 'Tokoname kyusu teapot', description: 'Side-handled clay teapot with a fine built-in strainer, for sencha and gyokuro.' },
  { id: 'demo-yunomi', categoryId: 'cat-teaware', name: 'Yunomi cups', description: 'Tall glazed cups for everyday green tea.' },
] as const;

/** The demo SKUs (the variants), prices in yen; the first six were sold before the storefront existed. */
export const DEMO_PRODUCTS = [
  { sku: 'TEA-SENCHA-100G', productId: 'demo-sencha', attributes: { weight: '100 g' }, name: 'Sencha, 100 g', priceMinor: 1200, stock: 200 },
  { sku: 'TEA-GYOKURO-50G', productId: 'demo-gyokuro', attributes: { weight: '50 g' }, name: 'Gyokuro, 50 g', priceMinor: 2800, stock: 80 },
  { sku: 'TEA-MATCHA-30G', productId: 'demo-matcha', attributes: { weight: '30 g' }, name: 'Ceremonial matcha, 30 g', priceMinor: 3200, stock: 60 },
  { sku: 'TEA-HOJICHA-100G', productId: 'demo-hojicha', attributes: { weight: '100 g' }, name: 'Hojicha, 100 g', priceMinor: 900, stock: 150 },
  { sku: 'POT-KYUSU-350', productId: 'demo-kyusu', attributes: { capacity: '350 ml' }, name: 'Tokoname kyusu teapot, 350 ml', priceMinor: 8800, stock: 15 },
  { sku: 'CUP-YUNOMI-2', productId: 'demo-yunomi', attributes: { pieces: '2' }, name: 'Yunomi cups, set of 2', priceMinor: 4400, stock: 30 },
  { sku: 'TEA-SENCHA-200G', productId: 'demo-sencha', attributes: { weight: '200 g' }, name: 'Sencha, 200 g', priceMinor: 2200, stock: 100 },
  { sku: 'TEA-HOJICHA-200G', productId: 'demo-hojicha', attributes: { weight: '200 g' }, name: 'Hojicha, 200 g', priceMinor: 1650, stock: 80 },
] as const;

/** Creates the demo merchant, categories and storefront products when missing; never overwrites staff edits. */
async function seedDemoStorefront(prisma: PrismaClient): Promise<void> {
  await prisma.merchant.upsert({ where: { id: DEMO_MERCHANT.id }, create: { ...DEMO_MERCHANT }, update: {} });
  for (const c of DEMO_CATEGORIES) {
    await prisma.category.upsert({ where: { id: c.id }, create: { ...c }, update: {} });
  }
  for (const f of DEMO_FAMILIES) {
    await prisma.productFamily.upsert({ where: { id: f.id }, create: { ...f, merchantId: DEMO_MERCHANT.id }, update: {} });
  }
}

/**
 * Loads the demo data (merchant, categories, products with variants, their stock, delivery zones and slots). Safe to run on every start:
 * existing products keep their stock, existing slots their bookings.
 */
export async function seedDemoData(prisma: PrismaClient, now: Date): Promise<{ products: number; slotsCreated: number }> {
  await seedDemoStorefront(prisma);
  for (const p of DEMO_PRODUCTS) {
    const link = { productId: p.productId, attributes: p.attributes };
    await prisma.product.upsert({
      where: { sku: p.sku },
      // Tea is food: the reduced consumption tax rate (8 %); teapots and cups the standard 10 %.
      create: { sku: p.sku, name: p.name, priceMinor: p.priceMinor, currency: 'JPY', taxClass: p.sku.startsWith('TEA-') ? 'reduced' : 'standard', ...link },
      // SKUs sold before the storefront existed join their storefront product; price and state stay as they are.
      update: {},
    });
    await prisma.product.updateMany({ where: { sku: p.sku, productId: null }, data: link });
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
