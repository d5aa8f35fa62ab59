import { randomUUID } from 'node:crypto';
import { config } from '../lib/config';
import { callUnary } from '../lib/grpc';
import { createPrisma } from '../lib/prisma';
import type { CreateOrderRequest } from '../proto/generated/checkout/orders/v1/CreateOrderRequest';
import type { Order__Output } from '../proto/generated/checkout/orders/v1/Order';
import { createDomainClients, type DomainClients } from '../proto/services';
import { summarize, type LatencySummary } from './stats';

/**
 * Service time of the saga's hot gRPC calls, against running services processes (never part of
 * `npm test`). Each iteration plays one card checkout's calls in saga order with fresh ids (Reserve,
 * CreateOrder, Charge, Book, TransitionOrder to PAID and CONFIRMED, Commit) plus a loyalty Redeem, the
 * fulfilment's CreateShipment and the loyalty consumer's Earn, sequentially, and times each call from the client (gRPC on loopback included).
 *
 * Several targets are measured in the same run, interleaved call by call, so two builds (say the
 * previous commit on one port and this one on another) share the machine's drift:
 *
 *   npm run bench:services -- --target base=127.0.0.1:50151@9564 --target new=127.0.0.1:50251@9664 -n 300
 *
 * `name=host:port@metricsPort` (the metrics port is optional): with it, the services' own histogram
 * (`request_duration_seconds{kind="grpc"}`) is read before and after: its mean per call, and the share
 * of calls in its first bucket (≤ 5 ms), which is at least 50% exactly when the service's p50 is ≤ 5 ms. Without --target: GRPC_SERVICES_ADDRESS and
 * METRICS_PORT. The fixtures (a product with stock, a slot, a loyalty balance) are written to
 * DATABASE_URL under BENCH-svc-<run>, which every target must use.
 */

const RPCS = ['Reserve', 'CreateOrder', 'Charge', 'Book', 'TransitionOrder', 'Commit', 'Redeem', 'CreateShipment', 'Earn'] as const;
type Rpc = (typeof RPCS)[number];

/** The server-side operation name of each RPC (lib/grpc.ts `unary`). */
const OPERATIONS: Record<Rpc, string> = {
  Reserve: 'inventory.Reserve',
  CreateOrder: 'orders.CreateOrder',
  Charge: 'payments.Charge',
  Book: 'delivery.Book',
  TransitionOrder: 'orders.TransitionOrder',
  Commit: 'inventory.Commit',
  Redeem: 'loyalty.Redeem',
  CreateShipment: 'delivery.CreateShipment',
  Earn: 'loyalty.Earn',
};

interface Target {
  name: string;
  address: string;
  metricsPort?: number;
  clients: DomainClients;
  times: Record<Rpc, number[]>;
}

const TIMEOUT_MS = 15_000;

function parseArgs(argv: string[]): { targets: { name: string; address: string; metricsPort?: number }[]; count: number; warmup: number } {
  const targets: { name: string; address: string; metricsPort?: number }[] = [];
  let count = 200;
  let warmup = 20;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--target') {
      const spec = argv[++i] ?? '';
      const match = /^([\w-]+)=([^@]+)(?:@(\d+))?$/.exec(spec);
      if (!match) throw new Error(`--target ${spec}: expected name=host:port[@metricsPort]`);
      targets.push({ name: match[1]!, address: match[2]!, ...(match[3] ? { metricsPort: Number(match[3]) } : {}) });
    } else if (arg === '-n') count = Number(argv[++i]);
    else if (arg === '--warmup') warmup = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (targets.length === 0) {
    const cfg = config();
    targets.push({ name: 'services', address: cfg.GRPC_SERVICES_ADDRESS, metricsPort: cfg.METRICS_PORT });
  }
  return { targets, count, warmup };
}

interface Scraped {
  sum: number;
  count: number;
  /** Calls that took at most 5 ms (the histogram's first bucket): the goal is a p50 within it. */
  within5ms: number;
}

/** Sum, count and first bucket of request_duration_seconds{kind="grpc",operation} (outcome ok) from a /metrics page. */
async function scrape(port: number): Promise<Map<string, Scraped>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const found = new Map<string, Scraped>();
  for (const line of text.split('\n')) {
    const match = /^request_duration_seconds_(sum|count|bucket)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || !match[2]!.includes('kind="grpc"') || !match[2]!.includes('outcome="ok"')) continue;
    const operation = /operation="([^"]+)"/.exec(match[2]!)?.[1];
    if (!operation) continue;
    const entry = found.get(operation) ?? { sum: 0, count: 0, within5ms: 0 };
    if (match[1] === 'bucket') {
      if (match[2]!.includes('le="0.005"')) entry.within5ms = Number(match[3]);
    } else entry[match[1] as 'sum' | 'count'] = Number(match[3]);
    found.set(operation, entry);
  }
  return found;
}

async function main(): Promise<void> {
  const { targets: specs, count, warmup } = parseArgs(process.argv.slice(2));
  const cfg = config();
  const run = randomUUID().slice(0, 8);
  const prefix = `BENCH-svc-${run}`;
  const sku = `${prefix}-SKU`;
  const zoneId = `${prefix}-zone`;
  const postalPrefix = '9999998';
  const postalCode = '999-9998';
  const customerId = `${prefix}-customer`;
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
  const slotId = `${zoneId}:${tomorrow}`;
  const total = (count + warmup) * specs.length;

  const prisma = createPrisma(cfg.DATABASE_URL);
  await prisma.product.create({ data: { sku, name: 'Bench tea (service calls)', priceMinor: 1000, currency: 'JPY' } });
  await prisma.stock.create({ data: { sku, onHand: total * 2 } });
  // Earlier runs' zones serve the same prefix: this run's zone takes it over, so Book finds this run's slot.
  await prisma.$executeRaw`UPDATE delivery.zones SET postal_prefixes = array_remove(postal_prefixes, ${postalPrefix}) WHERE id LIKE 'BENCH-svc-%'`;
  await prisma.deliveryZone.create({ data: { id: zoneId, name: 'Bench zone (service calls)', postalPrefixes: [postalPrefix], cutoffTime: '23:59', timeZone: 'Asia/Tokyo' } });
  await prisma.deliverySlot.create({ data: { id: slotId, zoneId, date: new Date(`${tomorrow}T00:00:00Z`), windowStart: '09:00', windowEnd: '12:00', capacity: total * 2 } });
  await prisma.loyaltyAccount.create({ data: { customerId, balance: total * 2 } });
  await prisma.$disconnect();

  const targets: Target[] = specs.map((s) => ({
    ...s,
    clients: createDomainClients(s.address),
    times: Object.fromEntries(RPCS.map((r) => [r, [] as number[]])) as Record<Rpc, number[]>,
  }));
  const before = new Map<string, Map<string, Scraped>>();

  /** One checkout's calls on one target; records the timings when `record`. */
  const iteration = async (target: Target, i: number, record: boolean): Promise<void> => {
    const id = `${prefix}-${target.name}-${i}`;
    const c = target.clients;
    const timed = async <T>(rpc: Rpc, call: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await call();
      if (record) target.times[rpc].push(performance.now() - started);
      return result;
    };
    const lines = [{ sku, quantity: 1 }];
    await timed('Reserve', () =>
      callUnary(c.inventory.Reserve.bind(c.inventory), { reservationId: id, orderId: id, lines, ttlSeconds: 900, idempotencyKey: `${id}:reserve` }, TIMEOUT_MS),
    );
    const order = await timed('CreateOrder', () =>
      callUnary<CreateOrderRequest, Order__Output>(
        c.orders.CreateOrder.bind(c.orders),
        {
          orderId: id,
          customerId,
          lines: lines.map((l) => ({ ...l, name: '', unitPriceMinor: 0, lineTotalMinor: 0 })),
          address: { name: 'Bench', postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-1', line2: '', phone: '' },
          paymentMethod: 'card',
          idempotencyKey: `${id}:create-order`,
          customerEmail: 'bench@example.com',
          pointsDiscountMinor: 0,
        },
        TIMEOUT_MS,
      ),
    );
    await timed('Charge', () =>
      callUnary(
        c.payments.Charge.bind(c.payments),
        { paymentId: id, orderId: id, amountMinor: Number(order.totalMinor), currency: order.currency, cardToken: 'tok_visa', idempotencyKey: `${id}:charge` },
        TIMEOUT_MS,
      ),
    );
    await timed('TransitionOrder', () =>
      callUnary(c.orders.TransitionOrder.bind(c.orders), { orderId: id, toStatus: 'PAID', reason: 'charged', idempotencyKey: `${id}:paid` }, TIMEOUT_MS),
    );
    await timed('Book', () =>
      callUnary(c.delivery.Book.bind(c.delivery), { bookingId: id, orderId: id, slotId, postalCode, idempotencyKey: `${id}:book` }, TIMEOUT_MS),
    );
    await timed('Commit', () => callUnary(c.inventory.Commit.bind(c.inventory), { reservationId: id, idempotencyKey: `${id}:commit` }, TIMEOUT_MS));
    await timed('TransitionOrder', () =>
      callUnary(c.orders.TransitionOrder.bind(c.orders), { orderId: id, toStatus: 'CONFIRMED', reason: 'completed', idempotencyKey: `${id}:confirm` }, TIMEOUT_MS),
    );
    await timed('Redeem', () =>
      callUnary(c.loyalty.Redeem.bind(c.loyalty), { customerId, orderId: id, points: 1, idempotencyKey: `${id}:redeem` }, TIMEOUT_MS),
    );
    await timed('CreateShipment', () =>
      callUnary(c.delivery.CreateShipment.bind(c.delivery), { shipmentId: id, orderId: id, postalCode, idempotencyKey: `${id}:create-shipment` }, TIMEOUT_MS),
    );
    await timed('Earn', () => callUnary(c.loyalty.Earn.bind(c.loyalty), { customerId, orderId: id, points: 10, idempotencyKey: `${id}:earn` }, TIMEOUT_MS));
  };

  console.log(`[bench:services] run ${run}: ${warmup} warm-up + ${count} measured checkouts' calls per target, interleaved: ${targets.map((t) => `${t.name} ${t.address}`).join(', ')}`);
  for (let i = 0; i < warmup; i += 1) for (const t of targets) await iteration(t, -1 - i, false);
  for (const t of targets) if (t.metricsPort) before.set(t.name, await scrape(t.metricsPort));
  const started = Date.now();
  for (let i = 0; i < count; i += 1) {
    // Alternating which target goes first keeps any order effect (a warm cache, a checkpoint) off one side.
    const order = i % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) await iteration(t, i, true);
    if ((i + 1) % 50 === 0) console.log(`[bench:services] ${i + 1}/${count} (${Math.round((Date.now() - started) / 1000)} s)`);
  }

  type Row = LatencySummary & { serverMeanMs?: number; serverWithin5msPercent?: number };
  const result: Record<string, Record<Rpc, Row>> = {};
  for (const t of targets) {
    const after = t.metricsPort ? await scrape(t.metricsPort) : undefined;
    result[t.name] = Object.fromEntries(
      RPCS.map((rpc) => {
        const summary: Row = summarize(t.times[rpc]);
        const op = OPERATIONS[rpc];
        const a = after?.get(op);
        const b = before.get(t.name)?.get(op) ?? { sum: 0, count: 0, within5ms: 0 };
        if (a && a.count > b.count) {
          summary.serverMeanMs = Math.round(((a.sum - b.sum) / (a.count - b.count)) * 10_000) / 10;
          summary.serverWithin5msPercent = Math.round(((a.within5ms - b.within5ms) / (a.count - b.count)) * 100);
        }
        return [rpc, summary];
      }),
    ) as Record<Rpc, Row>;
    for (const client of Object.values(t.clients)) client.close();
  }

  const header = ['rpc', ...targets.flatMap((t) => [`${t.name} p50`, `${t.name} p99`, `${t.name} srv mean`, `${t.name} srv ≤5ms`])];
  const rows = RPCS.map((rpc) => [
    rpc,
    ...targets.flatMap((t) => {
      const r = result[t.name]![rpc];
      return [String(r.p50), String(r.p99), String(r.serverMeanMs ?? '-'), r.serverWithin5msPercent === undefined ? '-' : `${r.serverWithin5msPercent}%`];
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\nclient-side latency per call in ms (gRPC on loopback included); srv = the services' own histogram: mean, and the share of calls within 5 ms (p50 ≤ 5 ms when ≥ 50%)\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`\n${JSON.stringify({ run, count, targets: targets.map((t) => ({ name: t.name, address: t.address })), result })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
