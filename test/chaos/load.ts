import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { signAccessToken } from '../../lib/access-token';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import type { ChaosFixtures } from './chaos-fixtures';

/**
 * The chaos run's customers: bounded concurrent journeys against the REST api (card checkouts
 * including declined, insufficient funds, transient and slow cards; konbini and bank-transfer slips
 * paid by the signed webhook or cancelled unpaid; cancels mid-charge; refunds of completed orders;
 * loyalty points; hot SKUs with little stock). Every request is retried through faults (a checkout
 * with the same Idempotency-Key, so a retry never starts a second saga), and each journey waits for
 * its order to reach a terminal state.
 */

export type JourneyKind =
  | 'card'
  | 'card-declined'
  | 'card-insufficient-funds'
  | 'card-transient'
  | 'card-slow'
  | 'card-cancelled'
  | 'refund'
  | 'konbini-paid'
  | 'bank-transfer-paid'
  | 'konbini-unpaid-cancelled'
  | 'points';

/** How often each journey is picked (relative weights). */
export const JOURNEY_WEIGHTS: Record<JourneyKind, number> = {
  card: 24,
  'card-declined': 6,
  'card-insufficient-funds': 4,
  'card-transient': 8,
  'card-slow': 5,
  'card-cancelled': 6,
  refund: 9,
  'konbini-paid': 10,
  'bank-transfer-paid': 5,
  'konbini-unpaid-cancelled': 7,
  points: 9,
};

const CARD_TOKEN: Partial<Record<JourneyKind, string>> = {
  card: 'tok_visa',
  'card-declined': 'tok_chargeDeclined',
  'card-insufficient-funds': 'tok_insufficientFunds',
  'card-transient': 'tok_transientFailure',
  'card-slow': 'tok_slow',
  'card-cancelled': 'tok_slow',
  refund: 'tok_visa',
  points: 'tok_visa',
};

/** States after which a journey stops waiting: the saga's outcomes, a refund's end, and a stuck undo (reported). */
const FINAL_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'REFUNDED', 'COMPENSATION_STUCK']);

export interface JourneyRecord {
  kind: JourneyKind;
  customerId: string;
  orderId?: string;
  /** What the customer saw last: COMPLETED, REFUNDED, FAILED:<code>, CANCELLED, COMPENSATION_STUCK, or GAVE_UP:<why>. */
  outcome?: string;
  startedAt: number;
  finishedAt?: number;
  /** Points seeded for the customer before the checkout (points journeys). */
  seededPoints?: number;
}

/** Counts of answers that were retried (by status, or `network` when the api did not answer). */
export type RetryCounts = Record<string, number>;

export interface LoadOptions {
  api: string;
  jwtSecret: string;
  webhookSecret: string;
  runId: string;
  fixtures: ChaosFixtures;
  concurrency: number;
  /** No journey starts after this time (ms since epoch). */
  stopStartingAt: number;
  /** A journey still waiting at this time gives up (ms since epoch). */
  giveUpAt: number;
  /** Seeds a customer's loyalty points (retried by the caller's implementation through faults). */
  seedPoints(customerId: string, points: number): Promise<void>;
  onJourneyDone?(record: JourneyRecord): void;
}

interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

class GaveUp extends Error {}

/** Runs journeys until `stopStartingAt`, at most `concurrency` at once; resolves with every journey once all have ended. */
export async function runLoad(opts: LoadOptions, retries: RetryCounts): Promise<JourneyRecord[]> {
  const records: JourneyRecord[] = [];
  let next = 0;
  const lane = async () => {
    while (Date.now() < opts.stopStartingAt) {
      const record: JourneyRecord = { kind: pickKind(), customerId: `chaos-${opts.runId}-${next++}`, startedAt: Date.now() };
      records.push(record);
      try {
        await runJourney(opts, record, retries);
      } catch (err) {
        record.outcome = `GAVE_UP:${err instanceof Error ? err.message.slice(0, 80) : String(err)}`;
      }
      record.finishedAt = Date.now();
      opts.onJourneyDone?.(record);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  return records;
}

function pickKind(): JourneyKind {
  const entries = Object.entries(JOURNEY_WEIGHTS) as [JourneyKind, number][];
  let roll = randomInt(entries.reduce((sum, [, w]) => sum + w, 0));
  for (const [kind, weight] of entries) {
    if (roll < weight) return kind;
    roll -= weight;
  }
  return 'card';
}

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

async function runJourney(opts: LoadOptions, record: JourneyRecord, retries: RetryCounts): Promise<void> {
  const email = `${record.customerId}@example.com`;
  const { token } = signAccessToken(
    { id: record.customerId, email, role: 'customer' },
    { secret: opts.jwtSecret, ttlSeconds: Math.ceil((opts.giveUpAt - Date.now()) / 1000) + 3600, now: new Date() },
  );
  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(opts, retries, method, path, { authorization: `Bearer ${token}`, ...headers }, body);

  const { fixtures } = opts;
  const lines = [{ sku: pick(fixtures.regularSkus), quantity: randomInt(1, 3) }];
  // A third of the checkouts also want a hot SKU, whose little stock runs out during the run.
  if (randomInt(3) === 0) lines.push({ sku: pick(fixtures.hotSkus), quantity: 1 });
  const slot = pick(fixtures.slots);
  let redeemPoints: number | undefined;
  if (record.kind === 'points') {
    record.seededPoints = 500;
    await opts.seedPoints(record.customerId, record.seededPoints);
    redeemPoints = randomInt(50, 400);
  }
  const payment =
    record.kind === 'konbini-paid' || record.kind === 'konbini-unpaid-cancelled'
      ? { type: 'konbini' }
      : record.kind === 'bank-transfer-paid'
        ? { type: 'bank_transfer' }
        : { type: 'card', cardToken: CARD_TOKEN[record.kind] ?? 'tok_visa' };
  const body = {
    lines,
    address: { name: 'Chaos Tester', postalCode: fixtures.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
    payment,
    deliverySlotId: slot.slotId,
    ...(redeemPoints ? { redeemPoints } : {}),
  };
  const started = await api('POST', '/v1/checkouts', body, { 'Idempotency-Key': randomUUID() });
  if (started.status !== 202 && started.status !== 200) throw new GaveUp(`checkout answered ${started.status} ${JSON.stringify(started.body).slice(0, 200)}`);
  const orderId = String(started.body.orderId);
  record.orderId = orderId;

  const view = () => api('GET', `/v1/orders/${orderId}`);
  const waitFor = async (done: (state: string, body: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
    for (;;) {
      const answer = await view();
      if (answer.status === 200 && done(String(answer.body.state), answer.body)) return answer.body;
      if (Date.now() > opts.giveUpAt) throw new GaveUp(`order still ${String(answer.body.state ?? answer.status)}`);
      await delay(750);
    }
  };
  const cancel = () => api('POST', `/v1/orders/${orderId}/cancel`, { reason: 'chaos run: customer cancels' });
  const outcomeOf = (b: Record<string, unknown>) => {
    const failure = b.failure as { code?: string } | undefined;
    return b.state === 'FAILED' ? `FAILED:${failure?.code ?? '?'}` : String(b.state);
  };

  let final: Record<string, unknown>;
  switch (record.kind) {
    case 'card-cancelled':
      await cancel();
      final = await waitFor((s) => FINAL_STATES.has(s));
      break;
    case 'refund': {
      final = await waitFor((s) => FINAL_STATES.has(s));
      if (final.state === 'COMPLETED') {
        const refund = await cancel();
        if (refund.status !== 202 && refund.status !== 200) throw new GaveUp(`refund answered ${refund.status}`);
        final = await waitFor((s) => s === 'REFUNDED');
      }
      break;
    }
    case 'konbini-paid':
    case 'bank-transfer-paid':
    case 'konbini-unpaid-cancelled': {
      // A customer pays with the slip's number: a view without it (the payments service down too) is waited past.
      const slipNumberOf = (b: Record<string, unknown>) => (b.payment as { slipNumber?: string } | undefined)?.slipNumber;
      const waiting = await waitFor((s, b) => (s === 'AWAITING_PAYMENT' && slipNumberOf(b) !== undefined) || FINAL_STATES.has(s));
      if (waiting.state === 'AWAITING_PAYMENT') {
        if (record.kind === 'konbini-unpaid-cancelled') {
          await cancel();
        } else {
          const slipNumber = slipNumberOf(waiting);
          const payload = JSON.stringify({ id: `evt_chaos_${randomUUID()}`, type: 'slip.paid', data: { slipNumber, paidAt: new Date().toISOString() } });
          // Signed at each attempt: a retry after a long outage must not carry a stale timestamp.
          const hook = await call(opts, retries, 'POST', '/v1/webhooks/payments', () => ({ [WEBHOOK_SIGNATURE_HEADER]: signWebhook(opts.webhookSecret, Math.floor(Date.now() / 1000), payload) }), payload);
          if (hook.status !== 200) throw new GaveUp(`webhook answered ${hook.status} ${JSON.stringify(hook.body).slice(0, 200)}`);
        }
      }
      final = await waitFor((s) => FINAL_STATES.has(s));
      break;
    }
    default:
      final = await waitFor((s) => FINAL_STATES.has(s));
  }
  record.outcome = outcomeOf(final);
}

/**
 * One api request, retried while the platform cannot answer it (no answer, 5xx, 429, or an
 * Idempotency-Key still in progress) until the journey's deadline; other answers are returned.
 */
async function call(
  opts: LoadOptions,
  retries: RetryCounts,
  method: string,
  path: string,
  headers: Record<string, string> | (() => Record<string, string>),
  body?: unknown,
): Promise<ApiAnswer> {
  let wait = 250;
  for (;;) {
    let retryAfterMs = 0;
    let why: string;
    try {
      const res = await fetch(`${opts.api}${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(typeof headers === 'function' ? headers() : headers) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      const parsed = (text ? safeJson(text) : {}) as Record<string, unknown>;
      const code = (parsed.error as { code?: string } | undefined)?.code;
      const retryable = res.status >= 500 || res.status === 429 || (res.status === 409 && code === 'REQUEST_IN_PROGRESS');
      if (!retryable) return { status: res.status, body: parsed };
      why = String(res.status);
      retryAfterMs = Number(res.headers.get('retry-after') ?? 0) * 1000;
    } catch {
      why = 'network';
    }
    retries[why] = (retries[why] ?? 0) + 1;
    if (Date.now() > opts.giveUpAt) throw new GaveUp(`${method} ${path.split('/').slice(0, 3).join('/')} still failing (${why})`);
    await delay(Math.max(wait, Math.min(retryAfterMs, 5_000)));
    wait = Math.min(wait * 2, 3_000);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text.slice(0, 200) };
  }
}
