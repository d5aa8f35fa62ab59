import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import type { Client as PgClient } from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import { pointsEarnedFor } from '../../services/loyalty/loyalty-rules';
import { checkoutStatusQuery, checkoutWorkflowId, refundWorkflowId, type CheckoutStatus } from '../../workflows/checkout.contract';
import { customerPrefix, skuPrefix, zoneIdOf } from './chaos-fixtures';

/** One invariant of the chaos run: what was checked, and every violation (with a few examples). */
export interface InvariantResult {
  name: string;
  checked: number;
  violations: number;
  examples: string[];
}

/** What the sagas ended as, read from Temporal. */
export interface SagaOutcomes {
  /** orderId → the saga's final state (COMPLETED, FAILED, CANCELLED) or COMPENSATION_STUCK (waiting for an operator). */
  states: Map<string, string>;
  /** Orders whose refund workflow completed. */
  refunded: Set<string>;
  /** Orders whose saga (or refund) was still running, not stuck, when waiting ended. */
  notTerminal: string[];
}

/** An order event as read back from Kafka. */
export interface OrderEvent {
  id: string;
  type: string;
  subject: string;
}

const TERMINAL_EVENT: Record<string, string> = { COMPLETED: 'order.completed', FAILED: 'order.failed', CANCELLED: 'order.cancelled' };

/**
 * Waits until every checkout saga (and every refund started) has ended, or is stuck waiting for an
 * operator (reported, not silent), or `deadline` passes.
 */
export async function waitForSagas(temporal: Client, orderIds: readonly string[], deadline: number, log: (line: string) => void): Promise<SagaOutcomes> {
  const states = new Map<string, string>();
  const refunded = new Set<string>();
  let pending = [...orderIds];
  let lastLog = 0;
  for (;;) {
    const still: string[] = [];
    for (const orderId of pending) {
      try {
        const handle = temporal.workflow.getHandle(checkoutWorkflowId(orderId));
        const description = await handle.describe();
        const status: CheckoutStatus = await handle.query(checkoutStatusQuery);
        if (description.status.name === 'RUNNING' && status.state !== 'COMPENSATION_STUCK') {
          still.push(orderId);
          continue;
        }
        states.set(orderId, status.state);
        if (status.state === 'COMPLETED') {
          const refund = await temporal.workflow
            .getHandle(refundWorkflowId(orderId))
            .describe()
            .catch((err: unknown) => (err instanceof WorkflowNotFoundError ? undefined : Promise.reject(err)));
          if (refund?.status.name === 'RUNNING') {
            still.push(orderId);
            continue;
          }
          if (refund?.status.name === 'COMPLETED') refunded.add(orderId);
        }
      } catch {
        // Temporal not answering yet (a restart): ask again.
        still.push(orderId);
      }
    }
    pending = still;
    if (pending.length === 0 || Date.now() > deadline) return { states, refunded, notTerminal: pending };
    if (Date.now() - lastLog > 15_000) {
      log(`waiting for ${pending.length} saga(s) to end`);
      lastLog = Date.now();
    }
    await delay(1_000);
  }
}

/** Every event on the orders topic about one of `orderIds`, read from the beginning up to the current end. */
export async function readOrderEvents(kafka: Kafka, topic: string, orderIds: ReadonlySet<string>, timeoutMs = 120_000): Promise<OrderEvent[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  const events: OrderEvent[] = [];
  if (remaining.size === 0) return events;
  const consumer = kafka.consumer({ groupId: `chaos-reader-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          try {
            const envelope = JSON.parse(message.value?.toString('utf8') ?? '{}') as Partial<OrderEvent>;
            if (envelope.subject && orderIds.has(envelope.subject)) events.push({ id: String(envelope.id), type: String(envelope.type), subject: envelope.subject });
          } catch {
            // not an envelope: not about our orders
          }
          const high = remaining.get(partition);
          if (high !== undefined && Number(message.offset) + 1 >= high) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      });
    });
    await Promise.race([done, delay(timeoutMs).then(() => Promise.reject(new Error(`reading ${topic} did not reach its end within ${timeoutMs / 1000}s`)))]);
  } finally {
    await consumer.disconnect();
  }
  return events;
}

class Tally {
  checked = 0;
  violations = 0;
  examples: string[] = [];
  constructor(readonly name: string) {}
  check(ok: boolean, example: () => string): void {
    this.checked++;
    if (ok) return;
    this.violations++;
    if (this.examples.length < 3) this.examples.push(example());
  }
  result(): InvariantResult {
    return { name: this.name, checked: this.checked, violations: this.violations, examples: this.examples };
  }
}

interface OrderRow {
  id: string;
  status: string;
  total_minor: number;
  points_discount_minor: number;
  currency: string;
  payment_method: string;
}

/** Everything the checks read, for the orders and customers of one run. */
export interface CheckInput {
  db: PgClient;
  runId: string;
  /** Order ids the load saw (the api answered them). */
  orderIds: readonly string[];
  /** Journeys that gave up (a request kept failing until the deadline): each one is a violation. */
  gaveUp: string[];
  sagas: SagaOutcomes;
  events: OrderEvent[];
  /** The received emails' X-Checkout-Event-Id headers, one entry per message. */
  emailEventIds: () => Promise<string[]>;
}

/** Checks the SQL side and the events; the event consumers' invariants are re-checked until they hold or `settleMs` passes. */
export async function checkInvariants(input: CheckInput, settleMs: number): Promise<InvariantResult[]> {
  const { db, runId, sagas } = input;
  const orders = (await db.query<OrderRow>(`SELECT id, status, total_minor, points_discount_minor, currency, payment_method FROM orders.orders WHERE customer_id LIKE $1`, [`${customerPrefix(runId)}%`])).rows;
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const stuck = new Set([...sagas.states].filter(([, s]) => s === 'COMPENSATION_STUCK').map(([id]) => id));
  const results: InvariantResult[] = [];

  // 1. Every checkout terminal; none stuck without being reported; order rows agree with the sagas.
  {
    const t = new Tally('every checkout terminal (stuck ones reported), order status = saga outcome');
    for (const id of input.orderIds) t.check(!sagas.notTerminal.includes(id), () => `saga of ${id} still running`);
    for (const o of orders) {
      const saga = sagas.states.get(o.id);
      if (saga === 'COMPENSATION_STUCK') continue;
      const expected = saga === 'COMPLETED' ? (sagas.refunded.has(o.id) ? 'REFUNDED' : 'CONFIRMED') : saga;
      t.check(saga !== undefined && o.status === expected, () => `order ${o.id} is ${o.status}, saga ${saga ?? 'unknown'}${sagas.refunded.has(o.id) ? ' (refunded)' : ''}`);
    }
    for (const why of input.gaveUp) t.check(false, () => `journey gave up: ${why}`);
    results.push(t.result());
  }

  // 2–4. Stock per SKU.
  {
    const movements = new Tally('stock movements sum up (on_hand, reserved)');
    const conserved = new Tally('stock conserved: on hand + sold = initial + adjustments');
    const oversell = new Tally('no oversell (on_hand ≥ 0, sold ≤ stocked, reservations all settled)');
    const stock = (
      await db.query<{ sku: string; on_hand: number; reserved: number; adjusted: string; commit: string; restock: string; reserve_side: string }>(
        `SELECT s.sku, s.on_hand, s.reserved,
                COALESCE(SUM(m.quantity) FILTER (WHERE m.kind = 'ADJUST'), 0) AS adjusted,
                COALESCE(SUM(m.quantity) FILTER (WHERE m.kind = 'COMMIT'), 0) AS commit,
                COALESCE(SUM(m.quantity) FILTER (WHERE m.kind = 'RESTOCK'), 0) AS restock,
                COALESCE(SUM(m.quantity) FILTER (WHERE m.kind IN ('RESERVE', 'RELEASE', 'EXPIRE')), 0) AS reserve_side
           FROM inventory.stock s LEFT JOIN inventory.movements m ON m.sku = s.sku
          WHERE s.sku LIKE $1 GROUP BY s.sku, s.on_hand, s.reserved`,
        [`${skuPrefix(runId)}%`],
      )
    ).rows;
    const sold = new Map(
      (
        await db.query<{ sku: string; sold: string }>(
          `SELECT l.sku, SUM(l.quantity) AS sold FROM orders.order_lines l JOIN orders.orders o ON o.id = l.order_id
            WHERE l.sku LIKE $1 AND o.status = 'CONFIRMED' GROUP BY l.sku`,
          [`${skuPrefix(runId)}%`],
        )
      ).rows.map((r) => [r.sku, Number(r.sold)]),
    );
    const held = (
      await db.query<{ sku: string; order_id: string; quantity: number }>(
        `SELECT l.sku, r.order_id, l.quantity FROM inventory.reservations r JOIN inventory.reservation_lines l ON l.reservation_id = r.id
          WHERE r.status = 'RESERVED' AND l.sku LIKE $1`,
        [`${skuPrefix(runId)}%`],
      )
    ).rows;
    for (const s of stock) {
      const [adjusted, commit, restock, reserveSide] = [Number(s.adjusted), Number(s.commit), Number(s.restock), Number(s.reserve_side)];
      movements.check(s.on_hand === adjusted + commit + restock, () => `${s.sku}: on_hand ${s.on_hand} ≠ movements ${adjusted + commit + restock}`);
      movements.check(s.reserved === reserveSide + commit, () => `${s.sku}: reserved ${s.reserved} ≠ movements ${reserveSide + commit}`);
      const soldUnits = sold.get(s.sku) ?? 0;
      conserved.check(s.on_hand + soldUnits === adjusted, () => `${s.sku}: on hand ${s.on_hand} + sold ${soldUnits} ≠ stocked ${adjusted}`);
      oversell.check(s.on_hand >= 0 && soldUnits <= adjusted, () => `${s.sku}: on hand ${s.on_hand}, sold ${soldUnits} of ${adjusted}`);
      const stillHeld = held.filter((h) => h.sku === s.sku);
      oversell.check(
        stillHeld.every((h) => stuck.has(h.order_id)) && s.reserved === stillHeld.reduce((sum, h) => sum + h.quantity, 0),
        () => `${s.sku}: ${s.reserved} reserved by ${stillHeld.map((h) => h.order_id).join(', ') || 'no reservation'} after every saga ended`,
      );
    }
    results.push(movements.result(), conserved.result(), oversell.result());
  }

  // 5–6. Money.
  {
    const money = new Tally('money: captured − refunded = value if COMPLETED else 0 (ledger and provider)');
    const once = new Tally('no payment charged (or refunded) twice');
    const ledger = (
      await db.query<{ payment_id: string; kind: string; n: string; total: string }>(
        `SELECT payment_id, kind, COUNT(*) AS n, SUM(amount_minor) AS total FROM payments.ledger_entries WHERE payment_id = ANY($1) GROUP BY payment_id, kind`,
        [orders.map((o) => o.id)],
      )
    ).rows;
    const provider = (
      await db.query<{ payment_id: string; kind: string; n: string; total: string }>(
        `SELECT payment_id, kind, COUNT(*) AS n, SUM(amount_minor) AS total FROM payments.sandbox_provider_operations
          WHERE payment_id = ANY($1) AND response ? 'ok' GROUP BY payment_id, kind`,
        [orders.map((o) => o.id)],
      )
    ).rows;
    for (const o of orders) {
      if (stuck.has(o.id)) continue;
      const expected = o.status === 'CONFIRMED' ? o.total_minor : 0;
      const mine = ledger.filter((l) => l.payment_id === o.id);
      const net = mine.reduce((sum, l) => sum + Number(l.total), 0);
      money.check(net === expected, () => `order ${o.id} (${o.status}, ${o.payment_method}): ledger ${net}, expected ${expected}`);
      const ops = provider.filter((p) => p.payment_id === o.id);
      if (o.payment_method === 'card') {
        const providerNet = ops.reduce((sum, p) => sum + (p.kind === 'charge' ? 1 : -1) * Number(p.total), 0);
        money.check(providerNet === expected, () => `order ${o.id} (${o.status}): provider captured − refunded ${providerNet}, expected ${expected}`);
      }
      const count = (rows: typeof ledger, kinds: string[]) => rows.filter((r) => kinds.includes(r.kind)).reduce((sum, r) => sum + Number(r.n), 0);
      once.check(count(mine, ['CHARGE', 'SLIP_PAID']) <= 1 && count(mine, ['REFUND']) <= 1, () => `payment ${o.id}: ledger ${mine.map((l) => `${l.kind}×${l.n}`).join(', ')}`);
      once.check(count(ops, ['charge']) <= 1 && count(ops, ['refund']) <= 1, () => `payment ${o.id}: provider ${ops.map((p) => `${p.kind}×${p.n}`).join(', ')}`);
    }
    results.push(money.result(), once.result());
  }

  // 7. Events on Kafka: one terminal event id per order (a redelivered copy has the same id).
  const eventIds = [...new Set(input.events.map((e) => e.id))];
  {
    const t = new Tally('one terminal event id per order on Kafka (one refund event per refunded order)');
    const byOrder = new Map<string, OrderEvent[]>();
    for (const e of input.events) byOrder.set(e.subject, [...(byOrder.get(e.subject) ?? []), e]);
    for (const [orderId, state] of sagas.states) {
      if (state === 'COMPENSATION_STUCK') continue;
      const mine = byOrder.get(orderId) ?? [];
      const terminal = new Set(mine.filter((e) => Object.values(TERMINAL_EVENT).includes(e.type)).map((e) => `${e.type} ${e.id}`));
      t.check(terminal.size === 1 && [...terminal][0]!.startsWith(`${TERMINAL_EVENT[state]} `), () => `order ${orderId} (${state}): terminal events [${[...terminal].join(', ')}]`);
      const refunds = new Set(mine.filter((e) => e.type === 'order.refunded').map((e) => e.id));
      t.check(refunds.size === (sagas.refunded.has(orderId) ? 1 : 0), () => `order ${orderId}: ${refunds.size} refund event id(s), refunded ${sagas.refunded.has(orderId)}`);
    }
    results.push(t.result());
  }

  // 8–11. What the consumers and the bookings and points settle to: re-checked until they hold.
  const settleDeadline = Date.now() + settleMs;
  for (;;) {
    const settled = await checkConsumersAndLedgers(input, orders, eventIds, stuck);
    if (settled.every((r) => r.violations === 0) || Date.now() > settleDeadline) return [...results, ...settled];
    await delay(2_000);
  }
}

async function checkConsumersAndLedgers(input: CheckInput, orders: OrderRow[], eventIds: string[], stuck: Set<string>): Promise<InvariantResult[]> {
  const { db, runId } = input;
  const emails = new Tally('exactly one email per event id');
  const received = new Map<string, number>();
  for (const id of await input.emailEventIds()) received.set(id, (received.get(id) ?? 0) + 1);
  const sent = new Set((await db.query<{ event_id: string }>(`SELECT event_id FROM notifications.sent_emails WHERE event_id = ANY($1)`, [eventIds])).rows.map((r) => r.event_id));
  for (const id of eventIds) emails.check((received.get(id) ?? 0) === 1 && sent.has(id), () => `${id}: ${received.get(id) ?? 0} email(s) received, recorded ${sent.has(id)}`);

  const analytics = new Tally('exactly one analytics record per event id');
  const processed = (
    await db.query<{ event_id: string; n: string }>(`SELECT event_id, COUNT(*) AS n FROM analytics.processed_events WHERE consumer = 'analytics' AND event_id = ANY($1) GROUP BY event_id`, [eventIds])
  ).rows;
  const processedCount = new Map(processed.map((r) => [r.event_id, Number(r.n)]));
  for (const id of eventIds) analytics.check(processedCount.get(id) === 1, () => `${id}: ${processedCount.get(id) ?? 0} analytics record(s)`);

  const delivery = new Tally('bookings = completed orders per slot, capacity never exceeded');
  const slots = (
    await db.query<{ id: string; capacity: number; booked: number; bookings: string; confirmed: string; others: string }>(
      `SELECT s.id, s.capacity, s.booked,
              COUNT(b.id) FILTER (WHERE b.status = 'BOOKED') AS bookings,
              COUNT(b.id) FILTER (WHERE b.status = 'BOOKED' AND o.status = 'CONFIRMED') AS confirmed,
              COUNT(b.id) FILTER (WHERE b.status = 'BOOKED' AND o.status IS DISTINCT FROM 'CONFIRMED' AND NOT (b.order_id = ANY($2))) AS others
         FROM delivery.slots s LEFT JOIN delivery.bookings b ON b.slot_id = s.id LEFT JOIN orders.orders o ON o.id = b.order_id
        WHERE s.zone_id = $1 GROUP BY s.id, s.capacity, s.booked`,
      [zoneIdOf(runId), [...stuck]],
    )
  ).rows;
  const confirmedWithoutBooking = (
    await db.query<{ id: string }>(
      `SELECT o.id FROM orders.orders o WHERE o.customer_id LIKE $1 AND o.status = 'CONFIRMED'
          AND NOT EXISTS (SELECT 1 FROM delivery.bookings b WHERE b.order_id = o.id AND b.status = 'BOOKED')`,
      [`${customerPrefix(runId)}%`],
    )
  ).rows;
  for (const s of slots) {
    delivery.check(s.booked === Number(s.bookings) && Number(s.others) === 0, () => `slot ${s.id}: booked ${s.booked}, ${s.bookings} booking(s), ${s.confirmed} of completed orders`);
    delivery.check(s.booked <= s.capacity, () => `slot ${s.id}: booked ${s.booked} > capacity ${s.capacity}`);
  }
  for (const o of confirmedWithoutBooking) delivery.check(false, () => `completed order ${o.id} has no booking`);

  const points = new Tally('points ledger balanced (balance = entries; redeemed, restored, earned, revoked per order)');
  const accounts = (
    await db.query<{ customer_id: string; balance: number; entries: string }>(
      `SELECT a.customer_id, a.balance, COALESCE(SUM(e.points), 0) AS entries FROM loyalty.accounts a LEFT JOIN loyalty.ledger_entries e ON e.customer_id = a.customer_id
        WHERE a.customer_id LIKE $1 GROUP BY a.customer_id, a.balance`,
      [`${customerPrefix(runId)}%`],
    )
  ).rows;
  for (const a of accounts) points.check(a.balance >= 0 && a.balance === Number(a.entries), () => `${a.customer_id}: balance ${a.balance}, entries sum ${a.entries}`);
  const entries = (
    await db.query<{ order_id: string; kind: string; points: number; unrecovered_points: number }>(
      `SELECT order_id, kind, points, unrecovered_points FROM loyalty.ledger_entries WHERE order_id = ANY($1)`,
      [orders.map((o) => o.id)],
    )
  ).rows;
  for (const o of orders) {
    if (stuck.has(o.id)) continue;
    const mine = entries.filter((e) => e.order_id === o.id);
    const sum = (kinds: string[]) => mine.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + e.points + (e.kind === 'REVOKE' ? e.unrecovered_points : 0), 0);
    const redeemed = o.status === 'CONFIRMED' ? -o.points_discount_minor : 0;
    points.check(sum(['REDEEM', 'RESTORE']) === redeemed, () => `order ${o.id} (${o.status}): redeemed − restored ${sum(['REDEEM', 'RESTORE'])}, expected ${redeemed}`);
    const earned = o.status === 'CONFIRMED' ? pointsEarnedFor(o.total_minor, o.currency) : 0;
    points.check(sum(['EARN', 'REVOKE']) === earned, () => `order ${o.id} (${o.status}): earned − revoked ${sum(['EARN', 'REVOKE'])}, expected ${earned}`);
  }
  return [emails.result(), analytics.result(), delivery.result(), points.result()];
}
