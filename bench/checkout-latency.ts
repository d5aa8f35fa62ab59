import { randomInt, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { config } from '../lib/config';
import { createPrisma } from '../lib/prisma';

/**
 * End-to-end latency of one checkout (card, one line) through the REST api of a running platform
 * (`npm start`): POST /v1/checkouts with `Prefer: wait=30`, timed until the saga has COMPLETED.
 * Run by hand: `npx tsx bench/checkout-latency.ts [count=100]`. Sequential on purpose: this is the
 * latency one customer sees, not throughput.
 */
async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100);
  const cfg = config();
  const api = `http://${cfg.API_HOST}:${cfg.API_PORT}`;
  const prisma = createPrisma(cfg.DATABASE_URL);

  // Fixtures of this run only: a product with enough stock, a zone with one roomy slot tomorrow.
  const sku = `BENCH-${randomUUID().slice(0, 8)}`;
  const digits = String(randomInt(1_000_000, 9_999_999));
  const zoneId = `bench-${randomUUID()}`;
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
  await prisma.product.create({ data: { sku, name: 'Bench tea', priceMinor: 1000, currency: 'JPY' } });
  await prisma.stock.create({ data: { sku, onHand: count } });
  await prisma.deliveryZone.create({ data: { id: zoneId, name: 'Bench zone', postalPrefixes: [digits], cutoffTime: '23:59', timeZone: 'Asia/Tokyo' } });
  const slotId = `${zoneId}:${tomorrow}`;
  await prisma.deliverySlot.create({ data: { id: slotId, zoneId, date: new Date(`${tomorrow}T00:00:00Z`), windowStart: '09:00', windowEnd: '12:00', capacity: count } });
  await prisma.$disconnect();

  const token = jwt.sign({ sub: 'bench-customer', email: 'bench@example.com' }, cfg.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
  const body = JSON.stringify({
    lines: [{ sku, quantity: 1 }],
    address: { name: 'Bench', postalCode: `${digits.slice(0, 3)}-${digits.slice(3)}`, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-1' },
    payment: { type: 'card', cardToken: 'tok_visa' },
    deliverySlotId: slotId,
  });

  const durations: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const res = await fetch(`${api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, Prefer: 'wait=30', 'Idempotency-Key': randomUUID() },
      body,
    });
    const view = (await res.json()) as { state?: string };
    if (view.state !== 'COMPLETED') throw new Error(`checkout ${i + 1} ended ${res.status} ${JSON.stringify(view)}`);
    durations.push(performance.now() - started);
    if ((i + 1) % 10 === 0) process.stderr.write(`  ${i + 1}/${count}\n`);
  }
  durations.sort((a, b) => a - b);
  const pct = (p: number) => durations[Math.min(durations.length - 1, Math.ceil((p / 100) * durations.length) - 1)]!;
  console.log(JSON.stringify({ checkouts: count, p50_ms: Math.round(pct(50)), p95_ms: Math.round(pct(95)), max_ms: Math.round(durations.at(-1)!), min_ms: Math.round(durations[0]!) }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
