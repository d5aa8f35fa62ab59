import { Prisma } from '@prisma/client';
import { DomainError } from '../../lib/errors';
import { callUnary, type CallContext } from '../../lib/grpc';
import { idempotentDecided, idempotentSql, type Prefetch, type Sql, type Tx } from '../../lib/idempotent-call';
import { POOL_SIZE, type PrismaClient } from '../../lib/prisma';
import type { GetProductsRequest } from '../../proto/generated/checkout/catalog/v1/GetProductsRequest';
import type { GetProductsResponse__Output } from '../../proto/generated/checkout/catalog/v1/GetProductsResponse';
import type { Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import type { Address__Output } from '../../proto/generated/checkout/orders/v1/Address';
import type { CreateOrderRequest__Output } from '../../proto/generated/checkout/orders/v1/CreateOrderRequest';
import type { GetOrderRequest__Output } from '../../proto/generated/checkout/orders/v1/GetOrderRequest';
import type { ListOrdersRequest__Output } from '../../proto/generated/checkout/orders/v1/ListOrdersRequest';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import type { TransitionOrderRequest__Output } from '../../proto/generated/checkout/orders/v1/TransitionOrderRequest';
import type { GetZoneForPostalCodeRequest } from '../../proto/generated/checkout/delivery/v1/GetZoneForPostalCodeRequest';
import type { Zone__Output } from '../../proto/generated/checkout/delivery/v1/Zone';
import type { CatalogServiceClient, DeliveryServiceClient } from '../../proto/services';
import { normaliseCouponCode } from './coupons';
import { chargeOrder, type CouponTerms, type TaxTotal } from './pricing';
import { parseAddress, parseCustomerEmail, parseOrderLines, parsePaymentMethod, priceLines } from './order-input';
import { applyPointsDiscount } from './points-discount';
import { PriceCache } from './price-cache';
import { ZoneCache } from './zone-cache';
import { canTransition, isForwardStatus, isOrderStatus, isUndoneStatus } from './order-status';

const MAX_ID_LENGTH = 128;
/** RFC 5321 limits an address to 254 characters. */
const MAX_EMAIL_LENGTH = 254;
const MAX_REASON_LENGTH = 1000;
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
const CATALOG_TIMEOUT_MS = 10_000;

// customer_email is in orders.proto; these intersections keep the code typed whether or not the
// generated types already carry it.
export type CreateOrderInput = CreateOrderRequest__Output & { customerEmail?: string };
export type OrderView = Order__Output & { customerEmail: string };

const ORDER_INCLUDE = {
  lines: { orderBy: { sku: 'asc' } },
  history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.OrderInclude;

type OrderRow = Prisma.OrderGetPayload<{ include: typeof ORDER_INCLUDE }>;

/**
 * CreateOrders that may hold a database connection while the catalog and delivery answer: fewer than
 * the pool's connections, so calls that wait for nothing outside the database always have the rest.
 */
const MAX_CONNECTIONS_AWAITING_SERVICES = Math.floor(POOL_SIZE / 2);

/**
 * The catalog's or delivery's failure carried out of CreateOrder's transaction: UNAVAILABLE, so
 * idempotentSql neither stores it as the key's answer nor drops the connection; CreateOrder answers
 * `failure` itself.
 */
class ServicesFailed extends DomainError {
  constructor(readonly failure: unknown) {
    super('UNAVAILABLE', 'the catalog or delivery service failed');
  }
}

/** Orders: priced from the catalog, moved through the declared status table, with a history. */
export class OrdersService {
  private readonly zones: ZoneCache;
  private readonly prices: PriceCache;
  private connectionsAwaitingServices = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly catalog: CatalogServiceClient,
    private readonly delivery: DeliveryServiceClient,
    zones?: ZoneCache,
    prices?: PriceCache,
  ) {
    this.zones = zones ?? new ZoneCache();
    this.prices = prices ?? new PriceCache(undefined, { warn: () => undefined });
  }

  /**
   * Creates a PENDING order priced from the catalog (client prices are ignored); a repeated order
   * id answers with the existing order, a repeated idempotency key with the first answer. An order
   * already FAILED, CANCELLED or REFUNDED (its checkout undone) is STEP_UNDONE, a replayed key included.
   */
  async createOrder(request: CreateOrderInput, context: CallContext = {}): Promise<OrderView> {
    const orderId = requireId(request.orderId, 'orderId');
    const customerId = requireId(request.customerId, 'customerId');
    const lines = parseOrderLines(request.lines);
    const address = parseAddress(request.address);
    const paymentMethod = parsePaymentMethod(request.paymentMethod);
    const customerEmail = parseCustomerEmail(request.customerEmail ?? '');
    // The calls inherit what is left of our caller's deadline: nobody waits for them longer.
    const catalogTimeoutMs = context.deadline ? Math.min(CATALOG_TIMEOUT_MS, context.deadline.getTime() - Date.now()) : CATALOG_TIMEOUT_MS;
    if (catalogTimeoutMs <= 0) throw new DomainError('UNAVAILABLE', "the caller's deadline has passed");
    const inputs = Promise.all([
      // The catalog's prices, kept while its generation stays (price-cache.ts): a price change reaches the next order.
      this.prices
        .products(
          lines.map((l) => l.sku),
          async () =>
            (await callUnary<GetProductsRequest, GetProductsResponse__Output>(this.catalog.GetProducts.bind(this.catalog), { skus: lines.map((l) => l.sku) }, catalogTimeoutMs))
              .products,
        )
        .then((products) => ({ products })),
      // The zone's delivery fee and threshold (ADDRESS_NOT_SERVED when no zone serves the address), kept briefly (zone-cache.ts).
      this.zones.get(address.postalCode, () =>
        callUnary<GetZoneForPostalCodeRequest, Zone__Output>(this.delivery.GetZoneForPostalCode.bind(this.delivery), { postalCode: address.postalCode }, catalogTimeoutMs),
      ),
    ]).then(
      (answers) => ({ answers }),
      (failure: unknown) => ({ failure }),
    );
    const couponCode = request.couponCode ? normaliseCouponCode(request.couponCode) : '';
    // Without a coupon, nothing the price depends on is read in the transaction: once the catalog and
    // delivery have answered, the order is written in one round trip (createPriced), unless its id is
    // taken or undone, or the key has an answer, which the two round trips below deal with. Only when
    // the prices are kept (a Redis read away): when the catalog must be asked, the two round trips,
    // the first run meanwhile, answer sooner.
    if (!couponCode && this.prices.keeps(lines.map((l) => l.sku))) {
      const settled = await inputs;
      if ('answers' in settled) {
        const created = await this.createPriced(request.idempotencyKey, { orderId, customerId, customerEmail, lines, address, paymentMethod }, settled.answers, request.pointsDiscountMinor, context);
        if (created) return created;
      }
    }
    // The transaction's first round trip runs while the catalog and delivery answer, its connection
    // held meanwhile; at most MAX_CONNECTIONS_AWAITING_SERVICES at once, the others ask first. With
    // every service in one process (one pool), the catalog's and delivery's reads then always find a
    // connection that no call waiting for them holds.
    const overlap = this.connectionsAwaitingServices < MAX_CONNECTIONS_AWAITING_SERVICES;
    if (overlap) {
      this.connectionsAwaitingServices += 1;
      void inputs.then(() => {
        this.connectionsAwaitingServices -= 1;
      });
    } else {
      const settled = await inputs;
      if ('failure' in settled) throw settled.failure;
    }
    // Their failure is the call's answer but not the key's (a retry asks again), as when they are asked first.
    const pricingInputs = async () => {
      const settled = await inputs;
      if ('failure' in settled) throw new ServicesFailed(settled.failure);
      return settled.answers;
    };

    // Two round trips: the first (idempotentSql's) reads what the order is priced and shaped with
    // (see createOrderPrefetch); the order is then written with the key's answer and COMMIT. The
    // answer is the order as a read would shape it, built from what is written, not read back.
    const fn = async (sql: Sql, prefetched: unknown[]): Promise<OrderView> => {
      const read = prefetched[0] as CreateOrderPrefetchRow;
      const existing = orderOf(read.id === null ? [] : [read]);
      if (existing) {
        if (existing.customerId !== customerId) throw new DomainError('CONFLICT', `order ${orderId} belongs to another customer`);
        if (isUndoneStatus(existing.status)) throw stepUndone(orderId, existing.status);
        return existing;
      }
      // Its undo came first (this call outlived its caller): the order stays uncreated.
      if (read.tombstoned) throw new DomainError('STEP_UNDONE', `order ${orderId} was undone before it was created`, { orderId, status: 'NONE' });
      const [{ products }, zone] = await pricingInputs();
      // The coupon was redeemed for this order by the saga's step before (RedeemCoupon): its terms are read in the order's transaction.
      const coupon = read.coupon ?? undefined;
      if (couponCode && coupon?.code !== couponCode) throw new DomainError('COUPON_INVALID', `coupon ${couponCode} was not redeemed for order ${orderId}`, { code: couponCode });
      const order = pricedOrder({ orderId, customerId, customerEmail, lines, address, paymentMethod }, products, zone, coupon, request.pointsDiscountMinor);
      sql.atCommit(insertOrder(order));
      // What orderQuery would read back: created_at and the history's instant are the transaction's now()
      // (their column default) at the columns' millisecond precision, the lines in the database's sort order.
      const position = new Map(read.skuOrder.map((sku, i) => [sku, i]));
      return {
        ...order.view,
        createdAt: read.now.toISOString(),
        lines: [...order.view.lines].sort((a, b) => position.get(a.sku)! - position.get(b.sku)!),
        history: [{ fromStatus: '', toStatus: 'PENDING', reason: 'created', at: read.nowText }],
      };
    };
    return idempotentSql(this.prisma, 'orders', request.idempotencyKey, 'CreateOrder', fn, {
      deadline: context.deadline,
      // Serialises creations of one order id under different keys (and their undone checks).
      locks: [orderIdLock(orderId)],
      prefetch: createOrderPrefetch(orderId, lines.map((l) => l.sku), couponCode),
      undone: async (_sql, prefetched) => orderUndone(orderId, prefetched),
    }).catch((err: unknown) => {
      throw err instanceof ServicesFailed ? err.failure : err;
    });
  }

  /**
   * CreateOrder in one round trip, for an order priced from what the catalog and delivery answered
   * alone (no coupon): under the key's and the order id's locks, the order, its lines and its history
   * are inserted when the key has no answer, the id no order and no tombstone; the key's answer is the
   * order as a read shapes it, completed by the database (its now(), its sku order) and stored with it.
   * A replayed key answers as idempotentSql would. Undefined when the price is a rejection or the order
   * was not inserted for another reason (the id taken or undone): nothing was written, and the caller
   * answers (and stores that answer) the usual way.
   */
  private async createPriced(
    key: string,
    order: NewOrder,
    [{ products }, zone]: [{ products: Product__Output[] }, Zone__Output],
    pointsDiscountMinor: number,
    context: CallContext,
  ): Promise<OrderView | undefined> {
    let priced: PricedOrder;
    try {
      priced = pricedOrder(order, products, zone, undefined, pointsDiscountMinor);
    } catch {
      return undefined;
    }
    const { orderId } = order;
    const { lines, ...view } = priced.view;
    const decided = await idempotentDecided<OrderView>(
      this.prisma,
      'orders',
      key,
      'CreateOrder',
      {
        okSql: {
          text: `SELECT $1::jsonb || jsonb_build_object(
                          'createdAt', t.at,
                          'lines', (SELECT jsonb_agg(l.line ORDER BY l.line->>'sku') FROM jsonb_array_elements($2::jsonb) AS l (line)),
                          'history', jsonb_build_array(jsonb_build_object('fromStatus', '', 'toStatus', 'PENDING', 'reason', 'created', 'at', t.at)))
                   FROM (SELECT to_char(now()::timestamptz(3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) AS t`,
          values: [JSON.stringify(view), JSON.stringify(lines)],
        },
      },
      {
        deadline: context.deadline,
        locks: [orderIdLock(orderId)],
        before: insertOrder(priced, {
          text: `NOT EXISTS (SELECT 1 FROM orders.idempotency_keys WHERE key = $15)
                 AND NOT EXISTS (SELECT 1 FROM orders.orders WHERE id = $1)
                 AND NOT EXISTS (SELECT 1 FROM orders.order_tombstones WHERE order_id = $1)`,
          values: [key],
        }),
        // The order row this transaction inserted.
        holds: { text: 'EXISTS (SELECT 1 FROM orders.orders WHERE id = $1 AND xmin = pg_current_xact_id()::xid)', values: [orderId] },
        // A replayed success is STEP_UNDONE once the order was undone (read locked, as a transition locks it).
        prefetch: { text: 'SELECT status::text AS status FROM orders.orders WHERE id = $1 FOR UPDATE', values: [orderId] },
        undone: (prefetched) => orderUndone(orderId, prefetched),
      },
    );
    return decided.decided ? decided.value : undefined;
  }

  /**
   * Moves an order to another status if the transition table allows it (INVALID_TRANSITION
   * otherwise) and records the change; asking for the status it already has changes nothing.
   * A forward move (AWAITING_PAYMENT, PAID, CONFIRMED) of an order already FAILED, CANCELLED or
   * REFUNDED is STEP_UNDONE, a replayed key included: a reset never reads a stale CONFIRMED back.
   * Moves to those three statuses are undos themselves and replay as stored.
   */
  async transitionOrder(request: TransitionOrderRequest__Output, context: CallContext = {}): Promise<OrderView> {
    const orderId = requireId(request.orderId, 'orderId');
    const to = request.toStatus;
    if (!isOrderStatus(to)) throw new DomainError('VALIDATION_FAILED', `unknown order status ${to}`);
    const reason = request.reason.trim().slice(0, MAX_REASON_LENGTH) || null;
    const forward = isForwardStatus(to);

    const fn = async (sql: Sql, prefetched: unknown[]): Promise<OrderView> => {
      const from = (prefetched[0] as { status: string } | undefined)?.status;
      if (from === undefined) throw new DomainError('NOT_FOUND', `no order ${orderId}`);
      if (forward && isUndoneStatus(from)) throw stepUndone(orderId, from);
      // An undo (to FAILED or CANCELLED) of an order already in a final undone status has nothing left
      // to do: answered as is, so a reset of a refunded checkout does not leave its undo stuck.
      const nothingToUndo = (to === 'FAILED' || to === 'CANCELLED') && isUndoneStatus(from);
      if (from !== to && !nothingToUndo) {
        if (!isOrderStatus(from) || !canTransition(from, to)) {
          throw new DomainError('INVALID_TRANSITION', `order ${orderId} cannot go from ${from} to ${to}`, { from, to });
        }
        await sql.count(
          `WITH moved AS (
             UPDATE orders.orders SET status = $3, updated_at = now(),
                    failure_reason = CASE WHEN $3 = 'FAILED' THEN COALESCE($4, 'unspecified') ELSE failure_reason END
              WHERE id = $1
           )
           INSERT INTO orders.status_history (order_id, from_status, to_status, reason) VALUES ($1, $2, $3, $4)`,
          [orderId, from, to, reason],
        );
      }
      return orderOf(await sql.rows(orderQuery(orderId, '').text, [orderId]))!;
    };
    // An undo of an order that does not exist (yet) leaves a tombstone, under the lock CreateOrder takes,
    // and answers NOT_FOUND (nothing to undo): a CreateOrder of that id still in flight is then refused.
    const undo = to === 'FAILED' || to === 'CANCELLED';
    return idempotentSql(this.prisma, 'orders', request.idempotencyKey, 'TransitionOrder', fn, {
      deadline: context.deadline,
      ...(undo
        ? {
            locks: [orderIdLock(orderId)],
            before: { text: 'INSERT INTO orders.order_tombstones (order_id) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM orders.orders WHERE id = $1) ON CONFLICT DO NOTHING', values: [orderId] },
          }
        : {}),
      // The row lock makes concurrent transitions queue: the second sees the first one's status.
      prefetch: { text: 'SELECT status::text AS status FROM orders.orders WHERE id = $1 FOR UPDATE', values: [orderId] },
      undone: forward ? async (_sql, prefetched) => orderUndone(orderId, prefetched) : undefined,
    });
  }

  /** Returns an order with its lines and status history (oldest first), or NOT_FOUND. */
  async getOrder(request: GetOrderRequest__Output): Promise<OrderView> {
    const order = await findOrder(this.prisma, request.orderId);
    if (!order) throw new DomainError('NOT_FOUND', `no order ${request.orderId}`);
    return order;
  }

  /** Lists orders newest first (ties by id), filtered by status, customer id and customer email when given, one page at a time. */
  async listOrders(request: ListOrdersRequest__Output): Promise<{ orders: OrderView[]; total: number; page: number; pageSize: number }> {
    if (request.status && !isOrderStatus(request.status)) throw new DomainError('VALIDATION_FAILED', `unknown order status ${request.status}`, { field: 'status' });
    if (request.customerId.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `customerId is longer than ${MAX_ID_LENGTH} characters`, { field: 'customerId' });
    if (request.customerEmail.length > MAX_EMAIL_LENGTH) throw new DomainError('VALIDATION_FAILED', `customerEmail is longer than ${MAX_EMAIL_LENGTH} characters`, { field: 'customerEmail' });
    const page = request.page || 1;
    const pageSize = request.pageSize || DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(page) || page < 1 || page > 10_000) throw new DomainError('VALIDATION_FAILED', 'page must be an integer from 1 to 10000', { field: 'page' });
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new DomainError('VALIDATION_FAILED', `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`, { field: 'pageSize' });
    }
    const where: Prisma.OrderWhereInput = {
      ...(request.status ? { status: request.status } : {}),
      ...(request.customerId ? { customerId: request.customerId } : {}),
      // An operator types the address as the customer wrote it to them: case does not matter in practice.
      ...(request.customerEmail ? { customerEmail: { equals: request.customerEmail, mode: 'insensitive' as const } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.order.findMany({ where, include: ORDER_INCLUDE, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.order.count({ where }),
    ]);
    return { orders: rows.map(toOrder), total, page, pageSize };
  }
}

function orderIdLock(orderId: string): string {
  return `orders/order-id:${orderId}`;
}

/** A new order's fields as CreateOrder parsed them. */
interface NewOrder {
  orderId: string;
  customerId: string;
  customerEmail: string;
  lines: ReturnType<typeof parseOrderLines>;
  address: ReturnType<typeof parseAddress>;
  paymentMethod: string;
}

/** A new order priced: the columns to insert, and its view but for what the database decides (createdAt, history, the lines' order). */
interface PricedOrder {
  values: (string | number | null)[];
  view: OrderView;
}

/** `order` priced from the catalog's products, the zone's fee, the coupon redeemed for it and the points spent (a DomainError when it cannot be ordered). */
function pricedOrder(order: NewOrder, products: Product__Output[], zone: Zone__Output, coupon: CouponTerms | undefined, pointsDiscountMinor: number): PricedOrder {
  const fee = { feeMinor: Number(zone.feeMinor), freeShippingThresholdMinor: Number(zone.freeShippingThresholdMinor) || null };
  const priced = applyPointsDiscount(chargeOrder(priceLines(order.lines, products), { coupon, zone: fee }), pointsDiscountMinor);
  const lines = priced.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, name: l.name, unitPriceMinor: l.unitPriceMinor, lineTotalMinor: l.lineTotalMinor, taxRatePercent: l.taxRatePercent, taxMinor: l.taxMinor }));
  const view = orderOf([
    {
      id: order.orderId,
      customerId: order.customerId,
      customerEmail: order.customerEmail,
      status: 'PENDING',
      currency: priced.currency,
      subtotalMinor: priced.subtotalMinor,
      pointsDiscountMinor: priced.pointsDiscountMinor,
      totalMinor: priced.totalMinor,
      couponCode: priced.couponCode,
      couponDiscountMinor: priced.couponDiscountMinor,
      deliveryFeeMinor: priced.deliveryFeeMinor,
      // As the jsonb columns read back.
      taxTotals: JSON.parse(JSON.stringify(priced.taxTotals)) as unknown,
      address: JSON.parse(JSON.stringify(order.address)) as unknown,
      paymentMethod: order.paymentMethod,
      failureReason: null,
      createdAt: new Date(0),
      lines,
      history: [],
    },
  ])!;
  return {
    view,
    values: [
      order.orderId,
      order.customerId,
      order.customerEmail,
      priced.currency,
      priced.subtotalMinor,
      priced.pointsDiscountMinor,
      priced.totalMinor,
      JSON.stringify(order.address),
      order.paymentMethod,
      priced.couponCode,
      priced.couponDiscountMinor,
      priced.deliveryFeeMinor,
      JSON.stringify(priced.taxTotals),
      JSON.stringify(lines),
    ],
  };
}

/**
 * The order, its lines and its first history entry in one statement (foreign keys are checked at its
 * end), when `guard` holds: SQL over the order's $1 (its id) to $14, and its own values from $15.
 */
function insertOrder(order: PricedOrder, guard: Prefetch = { text: 'true', values: [] }): Prefetch {
  return {
    text: `WITH created AS (
             INSERT INTO orders.orders (id, customer_id, customer_email, status, currency, subtotal_minor, points_discount_minor, total_minor, address, payment_method, updated_at,
                                        coupon_code, coupon_discount_minor, delivery_fee_minor, tax_totals)
             SELECT $1, $2, $3, 'PENDING', $4, $5, $6, $7, $8::jsonb, $9, now(), $10, $11, $12, $13::jsonb WHERE ${guard.text}
             RETURNING id
           ), created_lines AS (
             INSERT INTO orders.order_lines (order_id, sku, name, quantity, unit_price_minor, line_total_minor, tax_rate_percent, tax_minor)
             SELECT c.id, l.sku, l.name, l.quantity, l."unitPriceMinor", l."lineTotalMinor", l."taxRatePercent", l."taxMinor"
               FROM created AS c, jsonb_to_recordset($14::jsonb) AS l (sku text, name text, quantity int, "unitPriceMinor" int, "lineTotalMinor" int, "taxRatePercent" int, "taxMinor" int)
           )
           INSERT INTO orders.status_history (order_id, from_status, to_status, reason) SELECT id, NULL, 'PENDING', 'created' FROM created`,
    values: [...order.values, ...guard.values],
  };
}

/** The `undone` check: STEP_UNDONE once the order is FAILED, CANCELLED or REFUNDED (its row read locked, see `prefetch`). */
function orderUndone(orderId: string, prefetched: unknown[]): false {
  const status = (prefetched[0] as { status: string } | undefined)?.status;
  if (isUndoneStatus(status)) throw stepUndone(orderId, status);
  return false;
}

function stepUndone(orderId: string, status: string): DomainError {
  return new DomainError('STEP_UNDONE', `order ${orderId} is ${status}: its checkout was undone`, { orderId, status });
}

function requireId(value: string, field: string): string {
  if (!value || value.length > MAX_ID_LENGTH) throw new DomainError('VALIDATION_FAILED', `${field} is required (at most ${MAX_ID_LENGTH} characters)`);
  return value;
}

/** createOrderPrefetch's one row: the order's columns (all null when there is no order yet) and what a new order needs. */
type CreateOrderPrefetchRow = { id: string | null; status: string | null; now: Date; nowText: string; skuOrder: string[]; coupon: CouponTerms | null; tombstoned: boolean } & Record<string, unknown>;

/**
 * CreateOrder's first read, one row: the order as orderQuery reads it, row-locked (as a transition
 * locks it, so the undone check sees a concurrent undo's outcome), or nulls; the transaction's now()
 * as created_at and the history's instant will store it; the skus in the database's order (its
 * collation, which JavaScript's sort does not follow); the terms of the coupon redeemed for the order;
 * whether an undo of the order id came before it (a tombstone, read under the order id's lock).
 */
function createOrderPrefetch(orderId: string, skus: readonly string[], couponCode: string): Prefetch {
  const coupon = couponCode
    ? `(SELECT json_build_object('code', c.code, 'kind', c.kind, 'value', c.value, 'minOrderMinor', c.min_order_minor)
          FROM orders.coupon_redemptions r JOIN orders.coupons c ON c.id = r.coupon_id WHERE r.order_id = $1 AND r.status = 'REDEEMED')`
    : 'NULL::json';
  return {
    text: `SELECT now()::timestamptz(3) AS now, to_char(now()::timestamptz(3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "nowText",
                  (SELECT json_agg(s.sku ORDER BY s.sku) FROM json_array_elements_text($2::json) AS s (sku)) AS "skuOrder",
                  ${coupon} AS coupon, EXISTS (SELECT 1 FROM orders.order_tombstones WHERE order_id = $1) AS tombstoned, found.*
             FROM (VALUES (1)) AS one (x)
             LEFT JOIN LATERAL (${orderQuery(orderId, 'FOR UPDATE OF o').text}) AS found ON true`,
    values: [orderId, JSON.stringify(skus)],
  };
}

/**
 * An order with its lines (by sku) and history (oldest first) in one statement, to be shaped by orderOf
 * as findOrder shapes an order: instants as toISOString() writes them. `lock` row-locks the order.
 */
function orderQuery(orderId: string, lock: '' | 'FOR UPDATE OF o'): Prefetch {
  return {
    text: `SELECT o.id, o.customer_id AS "customerId", o.customer_email AS "customerEmail", o.status::text AS status, o.currency,
                  o.subtotal_minor AS "subtotalMinor", o.points_discount_minor AS "pointsDiscountMinor", o.total_minor AS "totalMinor",
                  o.coupon_code AS "couponCode", o.coupon_discount_minor AS "couponDiscountMinor", o.delivery_fee_minor AS "deliveryFeeMinor", o.tax_totals AS "taxTotals",
                  o.address, o.payment_method AS "paymentMethod", o.failure_reason AS "failureReason", o.created_at AS "createdAt",
                  COALESCE((SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity, 'name', l.name, 'unitPriceMinor', l.unit_price_minor,
                                                              'lineTotalMinor', l.line_total_minor, 'taxRatePercent', l.tax_rate_percent, 'taxMinor', l.tax_minor) ORDER BY l.sku)
                              FROM orders.order_lines l WHERE l.order_id = o.id), '[]') AS lines,
                  COALESCE((SELECT json_agg(json_build_object('fromStatus', h.from_status, 'toStatus', h.to_status, 'reason', h.reason,
                                                              'at', to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY h.at, h.id)
                              FROM orders.status_history h WHERE h.order_id = o.id), '[]') AS history
             FROM orders.orders o WHERE o.id = $1 ${lock}`,
    values: [orderId],
  };
}

function orderOf(rows: unknown[]): OrderView | undefined {
  const row = rows[0] as
    | (Omit<OrderRow, 'createdAt' | 'updatedAt' | 'history'> & { createdAt: Date; history: { fromStatus: string | null; toStatus: string; reason: string | null; at: string }[] })
    | undefined;
  if (!row) return undefined;
  return { ...toOrder({ ...row, history: [], updatedAt: row.createdAt }), history: row.history.map((h) => ({ fromStatus: h.fromStatus ?? '', toStatus: h.toStatus, reason: h.reason ?? '', at: h.at })) };
}

async function findOrder(db: Tx | PrismaClient, orderId: string): Promise<OrderView | undefined> {
  const row = await db.order.findUnique({ where: { id: orderId }, include: ORDER_INCLUDE });
  return row ? toOrder(row) : undefined;
}

function toOrder(row: OrderRow): OrderView {
  return {
    orderId: row.id,
    customerId: row.customerId,
    customerEmail: row.customerEmail,
    status: row.status,
    lines: row.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, name: l.name, unitPriceMinor: l.unitPriceMinor, lineTotalMinor: l.lineTotalMinor, taxRatePercent: l.taxRatePercent, taxMinor: l.taxMinor })),
    subtotalMinor: row.subtotalMinor,
    pointsDiscountMinor: row.pointsDiscountMinor,
    totalMinor: row.totalMinor,
    couponCode: row.couponCode ?? '',
    couponDiscountMinor: row.couponDiscountMinor,
    deliveryFeeMinor: row.deliveryFeeMinor,
    taxTotals: row.taxTotals as unknown as TaxTotal[],
    currency: row.currency,
    address: toAddress(row.address),
    paymentMethod: row.paymentMethod,
    failureReason: row.failureReason ?? '',
    history: row.history.map((h) => ({ fromStatus: h.fromStatus ?? '', toStatus: h.toStatus, reason: h.reason ?? '', at: h.at.toISOString() })),
    createdAt: row.createdAt.toISOString(),
  };
}

function toAddress(json: Prisma.JsonValue): Address__Output {
  const a = (json ?? {}) as Partial<Record<keyof Address__Output, string>>;
  return {
    name: a.name ?? '',
    postalCode: a.postalCode ?? '',
    prefecture: a.prefecture ?? '',
    city: a.city ?? '',
    line1: a.line1 ?? '',
    line2: a.line2 ?? '',
    phone: a.phone ?? '',
  };
}
