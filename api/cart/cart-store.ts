import { randomUUID } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { Redis } from '../../lib/redis';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';

/** A cart holds at most this many distinct SKUs (the most an order takes). */
export const MAX_CART_LINES = 100;
/** The most units of one SKU a cart line (and an order line) holds. */
export const MAX_LINE_QUANTITY = 999;
/** How long an untouched cart lives: every read or write restarts the clock. */
export const DEFAULT_CART_TTL_SECONDS = 30 * 24 * 60 * 60;
/** How long a cart checkout may hold the cart before another one may start (a crashed api process). */
const CHECKOUT_LOCK_SECONDS = 30;

/** One line of a cart: a SKU and how many. Prices are never stored: they are read from the catalog. */
export interface CartLine {
  sku: string;
  quantity: number;
}

/** Why a cart line cannot be bought right now. */
export type UnavailableReason = 'NOT_FOUND' | 'INACTIVE' | 'CURRENCY_MISMATCH';

/** A cart line priced from the catalog at read time. */
export interface CartViewLine extends CartLine {
  available: boolean;
  unavailableReason?: UnavailableReason;
  /** Absent when the catalog does not know the SKU. */
  name?: string;
  /** Present for available lines only. */
  unitPriceMinor?: number;
  lineTotalMinor?: number;
}

/** The cart as the customer sees it. */
export interface CartView {
  lines: CartViewLine[];
  /** Units over all lines, available or not. */
  itemCount: number;
  /** Sum of the available lines' totals, in the currency's minor unit. */
  subtotalMinor: number;
  /** The currency of the available lines; null when none is available. */
  currency: string | null;
  /** True when some line cannot be checked out. */
  hasUnavailableLines: boolean;
}

/** The Redis key of a customer's cart (the client adds its key prefix). */
export function cartKey(customerId: string): string {
  return `cart:${customerId}`;
}

function checkoutLockKey(customerId: string): string {
  return `cart-checkout-lock:${customerId}`;
}

/** Rejects a quantity outside 1..999 (0 too unless `allowZero`, which means "remove the line"). */
export function assertQuantity(sku: string, quantity: number, allowZero = false): void {
  const min = allowZero ? 0 : 1;
  if (!Number.isInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new DomainError('VALIDATION_FAILED', `quantity of ${sku} must be ${min}..${MAX_LINE_QUANTITY}`, { sku, field: 'quantity' });
  }
}

/** The lines of a cart hash (SKU → quantity), sorted by SKU; fields that are not a positive count are skipped. */
export function parseCartHash(hash: Record<string, string>): CartLine[] {
  return Object.entries(hash)
    .map(([sku, raw]) => ({ sku, quantity: Number(raw) }))
    .filter((line) => Number.isInteger(line.quantity) && line.quantity > 0)
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * Prices the lines from catalog products: unknown and inactive SKUs stay in the view flagged
 * unavailable (the customer sees what vanished), and so do lines priced in a currency other than
 * the first available line's, because an order is priced in one currency.
 */
export function buildCartView(lines: readonly CartLine[], products: readonly Product__Output[]): CartView {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  let currency: string | null = null;
  const viewLines = lines.map((line): CartViewLine => {
    const product = bySku.get(line.sku);
    if (!product) return { ...line, available: false, unavailableReason: 'NOT_FOUND' };
    if (!product.active) return { ...line, available: false, unavailableReason: 'INACTIVE', name: product.name };
    currency ??= product.currency;
    if (product.currency !== currency) return { ...line, available: false, unavailableReason: 'CURRENCY_MISMATCH', name: product.name };
    return { ...line, available: true, name: product.name, unitPriceMinor: product.priceMinor, lineTotalMinor: product.priceMinor * line.quantity };
  });
  return {
    lines: viewLines,
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    subtotalMinor: viewLines.reduce((sum, l) => sum + (l.lineTotalMinor ?? 0), 0),
    currency,
    hasUnavailableLines: viewLines.some((l) => !l.available),
  };
}

/** Outcomes the write script reports besides success. */
const WRITE_OUTCOME = { OK: 0, TOO_MANY_LINES: 1, QUANTITY_TOO_LARGE: 2 } as const;

/**
 * Adds to or sets one line, enforcing the line and quantity limits, and restarts the expiry. One Lua
 * script, so the limit checks and the write are atomic across api processes (HINCRBY alone could not
 * enforce the limits; WATCH/MULTI would make concurrent writers to one cart retry).
 * KEYS[1] cart; ARGV: sku, quantity, 'add' | 'set', max lines, max quantity, ttl seconds.
 */
const WRITE_LINE_SCRIPT = `
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local quantity = tonumber(ARGV[2])
local target = quantity
if ARGV[3] == 'add' then target = current + quantity end
if target <= 0 then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  if current == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return {${WRITE_OUTCOME.TOO_MANY_LINES}, current} end
  if target > tonumber(ARGV[5]) then return {${WRITE_OUTCOME.QUANTITY_TOO_LARGE}, current} end
  redis.call('HSET', KEYS[1], ARGV[1], target)
end
redis.call('EXPIRE', KEYS[1], ARGV[6])
return {${WRITE_OUTCOME.OK}, target}
`;

/**
 * Takes checked-out quantities off the cart (a line added or raised meanwhile keeps the difference).
 * KEYS[1] cart; ARGV: ttl seconds, then sku, quantity pairs.
 */
const REMOVE_ORDERED_SCRIPT = `
for i = 2, #ARGV, 2 do
  if redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1])) <= 0 then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return redis.call('HLEN', KEYS[1])
`;

/** Deletes the lock only if this holder still owns it. KEYS[1] lock; ARGV[1] token. */
const RELEASE_LOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Turns the write script's answer into the line's new quantity, or the limit it hit. */
export function writeOutcome(sku: string, reply: unknown): number {
  const [outcome, quantity] = reply as [number, number];
  if (outcome === WRITE_OUTCOME.TOO_MANY_LINES) {
    throw new DomainError('VALIDATION_FAILED', `a cart holds at most ${MAX_CART_LINES} lines`, { sku, limit: MAX_CART_LINES });
  }
  if (outcome === WRITE_OUTCOME.QUANTITY_TOO_LARGE) {
    throw new DomainError('VALIDATION_FAILED', `quantity of ${sku} must be 1..${MAX_LINE_QUANTITY} (the cart holds ${quantity})`, {
      sku,
      field: 'quantity',
      limit: MAX_LINE_QUANTITY,
      inCart: quantity,
    });
  }
  return quantity;
}

/**
 * Customers' carts in Redis: one hash per customer (SKU → quantity) with a sliding expiry, so
 * every api process sees the same cart and concurrent writers never lose a line.
 */
export class CartStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number = DEFAULT_CART_TTL_SECONDS,
  ) {}

  /** The customer's lines, sorted by SKU; reading the cart restarts its expiry. */
  async lines(customerId: string): Promise<CartLine[]> {
    const key = cartKey(customerId);
    const replies = await this.redis.multi().hgetall(key).expire(key, this.ttlSeconds).exec();
    const [err, hash] = replies?.[0] ?? [new Error('the cart read was aborted'), undefined];
    if (err) throw err;
    return parseCartHash((hash ?? {}) as Record<string, string>);
  }

  /** Adds units of a SKU (a new line, or more of an existing one); returns the line's new quantity. */
  async add(customerId: string, line: CartLine): Promise<number> {
    assertQuantity(line.sku, line.quantity);
    return this.write(customerId, line, 'add');
  }

  /** Sets a line's quantity; 0 removes the line. Returns the new quantity. */
  async set(customerId: string, line: CartLine): Promise<number> {
    assertQuantity(line.sku, line.quantity, true);
    return this.write(customerId, line, 'set');
  }

  /** Removes a line; removing a SKU that is not in the cart does nothing. */
  async remove(customerId: string, sku: string): Promise<void> {
    await this.write(customerId, { sku, quantity: 0 }, 'set');
  }

  /** Empties the cart. */
  async clear(customerId: string): Promise<void> {
    await this.redis.del(cartKey(customerId));
  }

  /** Takes the ordered quantities off the cart once their checkout was accepted. */
  async removeOrdered(customerId: string, lines: readonly CartLine[]): Promise<void> {
    if (lines.length === 0) return;
    const args = lines.flatMap((l) => [l.sku, String(l.quantity)]);
    await this.redis.eval(REMOVE_ORDERED_SCRIPT, 1, cartKey(customerId), String(this.ttlSeconds), ...args);
  }

  /**
   * Runs `fn` while holding the customer's cart-checkout lock, so two concurrent checkouts of one
   * cart cannot both order its lines; a second one meanwhile is REQUEST_IN_PROGRESS.
   */
  async withCheckoutLock<T>(customerId: string, fn: () => Promise<T>): Promise<T> {
    const key = checkoutLockKey(customerId);
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'EX', CHECKOUT_LOCK_SECONDS, 'NX')) !== 'OK') {
      throw new DomainError('REQUEST_IN_PROGRESS', 'A checkout of this cart is already being started; retry shortly');
    }
    try {
      return await fn();
    } finally {
      await this.redis.eval(RELEASE_LOCK_SCRIPT, 1, key, token);
    }
  }

  private async write(customerId: string, line: CartLine, mode: 'add' | 'set'): Promise<number> {
    const reply = await this.redis.eval(
      WRITE_LINE_SCRIPT,
      1,
      cartKey(customerId),
      line.sku,
      String(line.quantity),
      mode,
      String(MAX_CART_LINES),
      String(MAX_LINE_QUANTITY),
      String(this.ttlSeconds),
    );
    return writeOutcome(line.sku, reply);
  }
}
