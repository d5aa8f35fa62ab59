import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { createLogger } from '../lib/logger';
import { createPrisma } from '../lib/prisma';
import { createRedis } from '../lib/redis';
import { closeDomainClients, createDomainClients } from '../proto/services';
import { OrdersService, type CreateOrderInput } from '../services/orders/orders.service';
import { PriceCache } from '../services/orders/price-cache';
import { ZoneCache } from '../services/orders/zone-cache';
import { summarize } from './stats';

/**
 * CreateOrder's own time, A/B in one process (never part of `npm test`): this code's OrdersService and
 * an older checkout's (`--old DIR`, a checkout of another commit with node_modules), each with its own
 * price and zone caches, against the same PostgreSQL, Redis and running catalog and delivery services
 * (`npm start`: the demo shop's products and Tokyo zone). Calls alternate between the two, their order
 * swapped every other pair, a few ms apart, for `--seconds`; run it beside a load (a closed loop of
 * `npm run bench`) to compare them on a busy machine. The orders it creates are deleted at the end.
 *
 *   git worktree add /tmp/checkout-old <rev> && ln -s "$PWD/node_modules" /tmp/checkout-old/
 *   npx tsx bench/create-order-ab.ts --old /tmp/checkout-old --seconds 60
 */
const USAGE = 'npx tsx bench/create-order-ab.ts --old DIR [--seconds 60] [--skus TEA-SENCHA-100G,TEA-GYOKURO-50G] [--postal-code 150-0001]';

type Variant = { name: string; service: Pick<OrdersService, 'createOrder'>; ms: number[] };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      old: { type: 'string' },
      seconds: { type: 'string', default: '60' },
      skus: { type: 'string', default: 'TEA-SENCHA-100G,TEA-GYOKURO-50G' },
      'postal-code': { type: 'string', default: '150-0001' },
    },
  });
  if (!values.old) throw new Error(`--old is required\n${USAGE}`);
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new Error(`--seconds must be a positive number\n${USAGE}`);
  const skus = values.skus.split(',').filter(Boolean);
  const cfg = config();
  const prisma = createPrisma(cfg.DATABASE_URL);
  const redis = createRedis(cfg.REDIS_URL, cfg.REDIS_KEY_PREFIX);
  const clients = createDomainClients(cfg.GRPC_SERVICES_ADDRESS);
  const logger = createLogger('bench', 'warn');
  const old = (await import(path.resolve(values.old, 'services/orders/orders.service.ts'))) as { OrdersService: typeof OrdersService };
  // The older code's own Prisma client (its SQL pool is found through its own lib/prisma), a pool of its own.
  const oldPrisma = ((await import(path.resolve(values.old, 'lib/prisma.ts'))) as { createPrisma: typeof createPrisma }).createPrisma(cfg.DATABASE_URL);
  const make = (Service: typeof OrdersService, db: typeof prisma) => new Service(db, clients.catalog, clients.delivery, new ZoneCache(), new PriceCache(redis, logger));
  const variants: Variant[] = [
    { name: 'old', service: make(old.OrdersService, oldPrisma), ms: [] },
    { name: 'this', service: make(OrdersService, prisma), ms: [] },
  ];
  const customerId = `bench-create-order-ab-${randomUUID().slice(0, 8)}`;
  const request = (): CreateOrderInput => {
    const orderId = randomUUID();
    return {
      orderId,
      customerId,
      customerEmail: 'bench@example.com',
      lines: skus.map((sku) => ({ sku, quantity: 1, unitPriceMinor: 0 })),
      address: { name: 'ベンチ 太郎', postalCode: values['postal-code'], prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1-1', line2: '', phone: '' },
      paymentMethod: 'card',
      idempotencyKey: `bench-create-order-ab:${orderId}`,
      pointsDiscountMinor: 0,
      couponCode: '',
    } as CreateOrderInput;
  };
  try {
    // Warm-up, unrecorded: the caches, the JIT, the pool's connections.
    for (let i = 0; i < 20; i += 1) for (const v of variants) await v.service.createOrder(request());
    const started = Date.now();
    let reported = started;
    for (let pair = 0; Date.now() - started < seconds * 1000; pair += 1) {
      for (const v of pair % 2 === 0 ? variants : [...variants].reverse()) {
        const t0 = performance.now();
        await v.service.createOrder(request());
        v.ms.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      if (Date.now() - reported >= 10_000) {
        reported = Date.now();
        console.log(`[create-order-ab] ${Math.round((reported - started) / 1000)}/${seconds} s, ${pair + 1} pairs`);
      }
    }
    for (const v of variants) {
      const s = summarize(v.ms);
      console.log(`${v.name.padEnd(5)} n ${s.count}  p50 ${s.p50} ms  p90 ${s.p90} ms  p99 ${s.p99} ms  mean ${s.mean} ms`);
    }
  } finally {
    const orders = await prisma.order.findMany({ where: { customerId }, select: { id: true } });
    const ids = orders.map((o) => o.id);
    await prisma.orderStatusChange.deleteMany({ where: { orderId: { in: ids } } });
    await prisma.orderLine.deleteMany({ where: { orderId: { in: ids } } });
    await prisma.order.deleteMany({ where: { id: { in: ids } } });
    await prisma.$executeRaw`DELETE FROM orders.idempotency_keys WHERE key LIKE 'bench-create-order-ab:%'`;
    console.log(`[create-order-ab] deleted its ${ids.length} orders`);
    closeDomainClients(clients);
    redis.disconnect();
    await Promise.all([prisma.$disconnect(), oldPrisma.$disconnect()]);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
