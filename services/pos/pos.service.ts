import { DomainError } from '../../lib/errors';
import type { CallContext } from '../../lib/grpc';
import { idempotentCall, type Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';
import type { GetSaleRequest__Output } from '../../proto/generated/checkout/pos/v1/GetSaleRequest';
import type { MerchantOrdersRequest__Output } from '../../proto/generated/checkout/pos/v1/MerchantOrdersRequest';
import type { MerchantOrdersResponse__Output } from '../../proto/generated/checkout/pos/v1/MerchantOrdersResponse';
import type { Owner__Output } from '../../proto/generated/checkout/pos/v1/Owner';
import type { OwnerRequest__Output } from '../../proto/generated/checkout/pos/v1/OwnerRequest';
import type { ListSettlementsRequest__Output } from '../../proto/generated/checkout/pos/v1/ListSettlementsRequest';
import type { ListSettlementsResponse__Output } from '../../proto/generated/checkout/pos/v1/ListSettlementsResponse';
import type { RecordPaymentRequest__Output } from '../../proto/generated/checkout/pos/v1/RecordPaymentRequest';
import type { RecordSaleRequest__Output } from '../../proto/generated/checkout/pos/v1/RecordSaleRequest';
import type { Sale__Output } from '../../proto/generated/checkout/pos/v1/Sale';
import type { SaleLine__Output } from '../../proto/generated/checkout/pos/v1/SaleLine';
import { includedTax, taxRateOf, type TaxTotal } from '../orders/pricing';
import type { SaleRef__Output } from '../../proto/generated/checkout/pos/v1/SaleRef';
import type { SettleDayRequest__Output } from '../../proto/generated/checkout/pos/v1/SettleDayRequest';
import type { SettleDayResponse__Output } from '../../proto/generated/checkout/pos/v1/SettleDayResponse';
import type { Settlement__Output } from '../../proto/generated/checkout/pos/v1/Settlement';

export const POS_PAYMENT_METHODS = ['cash', 'card', 'qr'] as const;
export type PosPaymentMethod = (typeof POS_PAYMENT_METHODS)[number];

/**
 * What the acquirer keeps of a sale, in basis points: card 3.25 %, QR 2.5 %, cash nothing. Rounded
 * down to the yen, so the merchant is never charged more than the rate.
 */
export const FEE_BASIS_POINTS: Readonly<Record<PosPaymentMethod, number>> = { cash: 0, card: 325, qr: 250 };

const ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LINES = 100;
const MAX_SETTLEMENTS = 200;

interface SaleRow {
  id: string;
  merchantId: string | null;
  cashierId: string | null;
  status: string;
  lines: SaleLine__Output[];
  totalMinor: string;
  currency: string;
  paymentMethod: string;
  paymentId: string;
  tenderedMinor: string;
  feeMinor: string;
  createdAt: Date;
  completedAt: Date | null;
  businessDate: string;
}

const SALE_COLUMNS = `id, merchant_id AS "merchantId", cashier_id AS "cashierId", status, lines, total_minor::text AS "totalMinor", currency,
  payment_method AS "paymentMethod", payment_id AS "paymentId", tendered_minor::text AS "tenderedMinor", fee_minor::text AS "feeMinor",
  created_at AS "createdAt", completed_at AS "completedAt", business_date::text AS "businessDate"`;

/**
 * Point of sale: sales, each merchant's ledger, daily settlements. Writes run once per idempotency
 * key (the orders schema's key table) under an advisory lock on the sale, so a step and its undo for
 * one sale never interleave.
 */
export class PosService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Records a PENDING sale priced from the catalog. The cashier must belong to the merchant and every
   * SKU must be the merchant's and on sale: a cashier can never sell another merchant's goods.
   */
  async recordSale(request: RecordSaleRequest__Output, context: CallContext = {}): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    const merchantId = requireId(request.merchantId, 'merchantId');
    const cashierId = requireId(request.cashierId, 'cashierId');
    const method = POS_PAYMENT_METHODS.find((m) => m === request.paymentMethod);
    if (!method) throw new DomainError('VALIDATION_FAILED', `paymentMethod must be one of ${POS_PAYMENT_METHODS.join(', ')}`, { field: 'paymentMethod' });
    const wanted = mergeLines(request.lines);
    return this.write(request.idempotencyKey, 'pos.RecordSale', saleId, context, async (tx) => {
      const existing = await saleRow(tx, saleId);
      if (existing?.status === 'VOIDED') throw new DomainError('STEP_UNDONE', `sale ${saleId} was voided before it was recorded`, { saleId });
      if (existing) {
        if (existing.merchantId !== merchantId || existing.cashierId !== cashierId) throw new DomainError('CONFLICT', `sale ${saleId} already exists for another merchant or cashier`, { saleId });
        return view(existing);
      }
      const member = await tx.$queryRawUnsafe<{ ok: number }[]>('SELECT 1 AS ok FROM catalog.merchant_cashiers c JOIN catalog.merchants m ON m.id = c.merchant_id WHERE c.user_id = $1 AND c.merchant_id = $2 AND m.active', cashierId, merchantId);
      if (member.length === 0) throw new DomainError('FORBIDDEN', `cashier ${cashierId} does not sell for merchant ${merchantId}`, { cashierId, merchantId });
      // The catalog's tables are read, never written: the merchant of a SKU is its storefront product's.
      const products = await tx.$queryRawUnsafe<{ sku: string; name: string; priceMinor: number; currency: string; merchantId: string | null; taxClass: string }[]>(
        `SELECT p.sku, p.name, p.price_minor AS "priceMinor", p.currency, f.merchant_id AS "merchantId", p.tax_class AS "taxClass"
           FROM catalog.products p LEFT JOIN catalog.product_families f ON f.id = p.product_id
          WHERE p.sku = ANY($1::text[]) AND p.active AND COALESCE(f.active, true)`,
        wanted.map((l) => l.sku),
      );
      const bySku = new Map(products.map((p) => [p.sku, p]));
      const lines: SaleLine__Output[] = wanted.map(({ sku, quantity }) => {
        const product = bySku.get(sku);
        // Another merchant's SKU answers like an unknown one: nothing about other merchants leaks.
        if (!product || product.merchantId !== merchantId) throw new DomainError('PRODUCT_UNAVAILABLE', `SKU ${sku} is not sold by this merchant`, { sku });
        const lineTotalMinor = product.priceMinor * quantity;
        const taxRatePercent = taxRateOf(product.taxClass);
        return { sku, quantity, name: product.name, unitPriceMinor: product.priceMinor, lineTotalMinor, taxRatePercent, taxMinor: includedTax(lineTotalMinor, taxRatePercent) };
      });
      const currencies = new Set(products.map((p) => p.currency));
      if (currencies.size !== 1) throw new DomainError('VALIDATION_FAILED', 'a sale is in one currency');
      const totalMinor = lines.reduce((sum, l) => sum + l.lineTotalMinor, 0);
      const [row] = await tx.$queryRawUnsafe<SaleRow[]>(
        `INSERT INTO orders.pos_sales (id, merchant_id, cashier_id, status, lines, total_minor, currency, payment_method)
         VALUES ($1, $2, $3, 'PENDING', $4::jsonb, $5, $6, $7) RETURNING ${SALE_COLUMNS}`,
        saleId,
        merchantId,
        cashierId,
        JSON.stringify(lines),
        totalMinor,
        [...currencies][0],
        method,
      );
      return view(row!);
    });
  }

  /** Undo of RecordSale: VOIDED (a tombstone when the sale is unknown, so a late RecordSale holds nothing). */
  async voidSale(request: SaleRef__Output, context: CallContext = {}): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    return this.write(request.idempotencyKey, 'pos.VoidSale', saleId, context, async (tx) => {
      const existing = await saleRow(tx, saleId);
      if (!existing) {
        const [row] = await tx.$queryRawUnsafe<SaleRow[]>(`INSERT INTO orders.pos_sales (id, status) VALUES ($1, 'VOIDED') RETURNING ${SALE_COLUMNS}`, saleId);
        return view(row!);
      }
      if (existing.status === 'COMPLETED') throw new DomainError('INVALID_TRANSITION', `sale ${saleId} is completed; refund it instead`, { saleId });
      const [row] = await tx.$queryRawUnsafe<SaleRow[]>(`UPDATE orders.pos_sales SET status = 'VOIDED' WHERE id = $1 RETURNING ${SALE_COLUMNS}`, saleId);
      return view(row!);
    });
  }

  /** Marks the sale PAID and writes SALE_PAID (+ total) and, for card and QR, FEE (− fee) to the merchant's ledger. */
  async recordPayment(request: RecordPaymentRequest__Output, context: CallContext = {}): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    return this.write(request.idempotencyKey, 'pos.RecordPayment', saleId, context, async (tx) => {
      const sale = await saleRow(tx, saleId);
      if (!sale) throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
      if (sale.status === 'VOIDED' || sale.status === 'REFUNDED') throw new DomainError('STEP_UNDONE', `sale ${saleId} is ${sale.status}`, { saleId });
      if (sale.status !== 'PENDING') return view(sale);
      const method = sale.paymentMethod as PosPaymentMethod;
      const total = Number(sale.totalMinor);
      const tendered = Number(request.tenderedMinor);
      if (method === 'cash' && !(tendered >= total)) throw new DomainError('VALIDATION_FAILED', `cash tendered (${tendered}) does not cover the total (${total})`, { field: 'tenderedMinor' });
      if (method !== 'cash' && !request.paymentId) throw new DomainError('VALIDATION_FAILED', `a ${method} sale needs its paymentId`, { field: 'paymentId' });
      const fee = Math.floor((total * FEE_BASIS_POINTS[method]) / 10_000);
      await tx.$executeRawUnsafe(
        `INSERT INTO orders.merchant_ledger (merchant_id, sale_id, kind, amount_minor, currency)
         SELECT $1, $2, k.kind, k.amount, $5 FROM (VALUES ('SALE_PAID', $3::bigint), ('FEE', $4::bigint)) AS k(kind, amount) WHERE k.amount <> 0`,
        sale.merchantId,
        saleId,
        total,
        -fee,
        sale.currency,
      );
      const [row] = await tx.$queryRawUnsafe<SaleRow[]>(
        `UPDATE orders.pos_sales SET status = 'PAID', payment_id = $2, tendered_minor = $3, fee_minor = $4 WHERE id = $1 RETURNING ${SALE_COLUMNS}`,
        saleId,
        request.paymentId,
        method === 'cash' ? tendered : total,
        fee,
      );
      return view(row!);
    });
  }

  /**
   * Undo of RecordPayment: a REFUND entry for what the ledger says was paid (the fee stays: the acquirer
   * keeps it) and the sale REFUNDED; a sale with nothing paid is marked so a late RecordPayment is refused.
   */
  async recordRefund(request: SaleRef__Output, context: CallContext = {}): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    return this.write(request.idempotencyKey, 'pos.RecordRefund', saleId, context, async (tx) => {
      const sale = await saleRow(tx, saleId);
      if (!sale) throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
      if (sale.status === 'VOIDED' || sale.status === 'REFUNDED') return view(sale);
      await tx.$executeRawUnsafe(
        `INSERT INTO orders.merchant_ledger (merchant_id, sale_id, kind, amount_minor, currency)
         SELECT merchant_id, sale_id, 'REFUND', -amount_minor, currency FROM orders.merchant_ledger WHERE sale_id = $1 AND kind = 'SALE_PAID'
         ON CONFLICT (sale_id, kind) DO NOTHING`,
        saleId,
      );
      const [row] = await tx.$queryRawUnsafe<SaleRow[]>(`UPDATE orders.pos_sales SET status = 'REFUNDED' WHERE id = $1 RETURNING ${SALE_COLUMNS}`, saleId);
      return view(row!);
    });
  }

  /** A PAID sale becomes COMPLETED (its stock was committed). */
  async completeSale(request: SaleRef__Output, context: CallContext = {}): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    return this.write(request.idempotencyKey, 'pos.CompleteSale', saleId, context, async (tx) => {
      const sale = await saleRow(tx, saleId);
      if (!sale) throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
      if (sale.status === 'COMPLETED') return view(sale);
      if (sale.status !== 'PAID') throw new DomainError('INVALID_TRANSITION', `sale ${saleId} is ${sale.status}, not PAID`, { saleId });
      const [row] = await tx.$queryRawUnsafe<SaleRow[]>(`UPDATE orders.pos_sales SET status = 'COMPLETED', completed_at = now() WHERE id = $1 RETURNING ${SALE_COLUMNS}`, saleId);
      return view(row!);
    });
  }

  /**
   * Starts a refund: a COMPLETED sale becomes REFUNDING. Only a completed sale can be refunded (a
   * pending one is undone by its own saga, a refunded one was refunded already): INVALID_TRANSITION.
   */
  async beginRefund(request: SaleRef__Output, context: CallContext = {}): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    return this.write(request.idempotencyKey, 'pos.BeginRefund', saleId, context, async (tx) => {
      const sale = await saleRow(tx, saleId);
      if (!sale || !sale.merchantId) throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
      if (sale.status === 'REFUNDING') return view(sale);
      if (sale.status !== 'COMPLETED') throw new DomainError('INVALID_TRANSITION', `sale ${saleId} is ${sale.status}: only a COMPLETED sale can be refunded`, { saleId, status: sale.status });
      const [row] = await tx.$queryRawUnsafe<SaleRow[]>(`UPDATE orders.pos_sales SET status = 'REFUNDING' WHERE id = $1 RETURNING ${SALE_COLUMNS}`, saleId);
      return view(row!);
    });
  }

  /** Undo of BeginRefund: a REFUNDING sale back to COMPLETED (nothing was given back); any other status is left alone. */
  async cancelRefund(request: SaleRef__Output, context: CallContext = {}): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    return this.write(request.idempotencyKey, 'pos.CancelRefund', saleId, context, async (tx) => {
      const sale = await saleRow(tx, saleId);
      if (!sale) throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
      if (sale.status !== 'REFUNDING') return view(sale);
      const [row] = await tx.$queryRawUnsafe<SaleRow[]>(`UPDATE orders.pos_sales SET status = 'COMPLETED' WHERE id = $1 RETURNING ${SALE_COLUMNS}`, saleId);
      return view(row!);
    });
  }

  /** A sale by id; another merchant's sale (or a tombstone) is NOT_FOUND, exactly like an unknown one. */
  async getSale(request: GetSaleRequest__Output): Promise<Sale__Output> {
    const saleId = requireId(request.saleId, 'saleId');
    const rows = await this.prisma.$queryRawUnsafe<SaleRow[]>(`SELECT ${SALE_COLUMNS} FROM orders.pos_sales WHERE id = $1 AND merchant_id IS NOT NULL`, saleId);
    const sale = rows[0];
    if (!sale || (request.merchantId && sale.merchantId !== request.merchantId)) throw new DomainError('NOT_FOUND', `sale ${saleId} does not exist`, { saleId });
    return view(sale);
  }

  /**
   * Settles one Tokyo business day for every merchant with unsettled ledger entries up to that day (a
   * late entry of an earlier day rolls into the next settlement). A merchant's settlement of a day is
   * written once, with its entries marked in the same transaction; a second run answers it as it is.
   */
  async settleDay(request: SettleDayRequest__Output): Promise<SettleDayResponse__Output> {
    const day = requireDate(request.businessDate);
    return this.prisma.$transaction(async (tx) => {
      // One settlement run at a time: two runs of one day would otherwise both see the entries unsettled.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended('pos:settlement', 0))`);
      const created = await tx.$queryRawUnsafe<{ merchantId: string }[]>(
        `WITH due AS (
           SELECT l.id, l.merchant_id, l.kind, l.amount_minor, l.currency FROM orders.merchant_ledger l
            WHERE l.settled_on IS NULL AND l.business_date <= $1::date
              AND NOT EXISTS (SELECT 1 FROM orders.merchant_settlements s WHERE s.merchant_id = l.merchant_id AND s.business_date = $1::date)
            FOR UPDATE
         ), inserted AS (
           INSERT INTO orders.merchant_settlements (merchant_id, business_date, paid_minor, refunded_minor, fees_minor, net_minor, entries, currency)
           SELECT merchant_id, $1::date,
                  COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'SALE_PAID'), 0),
                  COALESCE(-SUM(amount_minor) FILTER (WHERE kind = 'REFUND'), 0),
                  COALESCE(-SUM(amount_minor) FILTER (WHERE kind = 'FEE'), 0),
                  SUM(amount_minor), COUNT(*), MIN(currency)
             FROM due GROUP BY merchant_id
           RETURNING merchant_id
         ), marked AS (
           UPDATE orders.merchant_ledger l SET settled_on = $1::date FROM due WHERE l.id = due.id RETURNING l.id
         )
         SELECT merchant_id AS "merchantId" FROM inserted`,
        day,
      );
      const createdIds = new Set(created.map((c) => c.merchantId));
      const rows = await tx.$queryRawUnsafe<SettlementRow[]>(`SELECT ${SETTLEMENT_COLUMNS} FROM orders.merchant_settlements WHERE business_date = $1::date ORDER BY merchant_id`, day);
      return { settlements: rows.map((r) => settlementView(r, createdIds.has(r.merchantId))) };
    });
  }

  /** Settlements, newest day first; with merchantId, only that merchant's. */
  async listSettlements(request: ListSettlementsRequest__Output): Promise<ListSettlementsResponse__Output> {
    const limit = request.limit === 0 ? 50 : request.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SETTLEMENTS) throw new DomainError('VALIDATION_FAILED', `limit must be from 1 to ${MAX_SETTLEMENTS}`, { field: 'limit' });
    const rows = request.merchantId
      ? await this.prisma.$queryRawUnsafe<SettlementRow[]>(`SELECT ${SETTLEMENT_COLUMNS} FROM orders.merchant_settlements WHERE merchant_id = $1 ORDER BY business_date DESC LIMIT $2`, request.merchantId, limit)
      : await this.prisma.$queryRawUnsafe<SettlementRow[]>(`SELECT ${SETTLEMENT_COLUMNS} FROM orders.merchant_settlements ORDER BY business_date DESC, merchant_id LIMIT $1`, limit);
    return { settlements: rows.map((r) => settlementView(r, false)) };
  }

  /** The merchant of a SKU (through its storefront product) or of a storefront product; found false when unknown. */
  async ownerOf(request: OwnerRequest__Output): Promise<Owner__Output> {
    if (!request.sku === !request.productId) throw new DomainError('VALIDATION_FAILED', 'one of sku and productId is required');
    const rows = request.sku
      ? await this.prisma.$queryRawUnsafe<{ merchantId: string | null }[]>(
          'SELECT f.merchant_id AS "merchantId" FROM catalog.products p LEFT JOIN catalog.product_families f ON f.id = p.product_id WHERE p.sku = $1',
          request.sku,
        )
      : await this.prisma.$queryRawUnsafe<{ merchantId: string | null }[]>('SELECT merchant_id AS "merchantId" FROM catalog.product_families WHERE id = $1', request.productId);
    const row = rows[0];
    return row ? { found: true, merchantId: row.merchantId ?? '' } : { found: false, merchantId: '' };
  }

  /**
   * The storefront orders a merchant may see and act on: every line one of its SKUs. An order that also
   * holds another merchant's lines is staff-only (not listed), so a merchant never sees another
   * merchant's goods, prices or the order's totals that include them.
   */
  async merchantOrders(request: MerchantOrdersRequest__Output): Promise<MerchantOrdersResponse__Output> {
    const merchantId = requireId(request.merchantId, 'merchantId');
    const page = request.page || 1;
    const pageSize = request.pageSize || 20;
    if (!Number.isInteger(page) || page < 1 || page > 10_000) throw new DomainError('VALIDATION_FAILED', 'page must be an integer from 1 to 10000', { field: 'page' });
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new DomainError('VALIDATION_FAILED', 'pageSize must be an integer from 1 to 100', { field: 'pageSize' });
    const params: unknown[] = [merchantId];
    const filters: string[] = [];
    const add = (sql: string, value: string) => {
      params.push(value);
      filters.push(sql.replace('?', `$${params.length}`));
    };
    if (request.orderId) add('o.id = ?', request.orderId);
    if (request.status) add('o.status = ?', request.status);
    if (request.customerId) add('o.customer_id = ?', request.customerId);
    if (request.customerEmail) add('lower(o.customer_email) = lower(?)', request.customerEmail);
    // A line whose SKU is unknown to the catalog or has no family belongs to no merchant: the order is staff-only.
    const where = `EXISTS (SELECT 1 FROM orders.order_lines l WHERE l.order_id = o.id)
      AND NOT EXISTS (SELECT 1 FROM orders.order_lines l LEFT JOIN catalog.products p ON p.sku = l.sku LEFT JOIN catalog.product_families f ON f.id = p.product_id
                      WHERE l.order_id = o.id AND f.merchant_id IS DISTINCT FROM $1)
      ${filters.map((f) => `AND ${f}`).join(' ')}`;
    const [rows, count] = await Promise.all([
      this.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT o.id FROM orders.orders o WHERE ${where} ORDER BY o.created_at DESC, o.id ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, ...params),
      this.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM orders.orders o WHERE ${where}`, ...params),
    ]);
    return { orderIds: rows.map((r) => r.id), total: count[0]?.n ?? 0 };
  }

  private write(key: string, operation: string, saleId: string, context: CallContext, fn: (tx: Tx) => Promise<Sale__Output>): Promise<Sale__Output> {
    return idempotentCall(
      this.prisma,
      'orders',
      key,
      operation,
      async (tx) => {
        // A step and its undo for one sale (different keys) queue here and see each other's writes.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `pos-sale:${saleId}`);
        return fn(tx);
      },
      {
        ...(context.deadline ? { deadline: context.deadline } : {}),
        // Never a stale success: once the sale was voided or refunded, a forward step's key answers STEP_UNDONE.
        ...(operation === 'pos.RecordSale' || operation === 'pos.RecordPayment'
          ? { undone: async (tx: Tx) => ['VOIDED', 'REFUNDED'].includes((await saleRow(tx, saleId))?.status ?? '') }
          : {}),
      },
    );
  }
}

interface SettlementRow {
  merchantId: string;
  businessDate: string;
  paidMinor: string;
  refundedMinor: string;
  feesMinor: string;
  netMinor: string;
  entries: number;
  currency: string;
  settledAt: Date;
}
const SETTLEMENT_COLUMNS = `merchant_id AS "merchantId", business_date::text AS "businessDate", paid_minor::text AS "paidMinor", refunded_minor::text AS "refundedMinor",
  fees_minor::text AS "feesMinor", net_minor::text AS "netMinor", entries, currency, settled_at AS "settledAt"`;

function settlementView(r: SettlementRow, created: boolean): Settlement__Output {
  return {
    merchantId: r.merchantId,
    businessDate: r.businessDate,
    paidMinor: Number(r.paidMinor),
    refundedMinor: Number(r.refundedMinor),
    feesMinor: Number(r.feesMinor),
    netMinor: Number(r.netMinor),
    entries: r.entries,
    currency: r.currency,
    settledAt: r.settledAt.toISOString(),
    created,
  };
}

async function saleRow(tx: Tx, saleId: string): Promise<SaleRow | undefined> {
  const rows = await tx.$queryRawUnsafe<SaleRow[]>(`SELECT ${SALE_COLUMNS} FROM orders.pos_sales WHERE id = $1`, saleId);
  return rows[0];
}

function view(row: SaleRow): Sale__Output {
  const total = Number(row.totalMinor);
  const tendered = Number(row.tenderedMinor);
  return {
    saleId: row.id,
    merchantId: row.merchantId ?? '',
    cashierId: row.cashierId ?? '',
    status: row.status,
    lines: row.lines.map((l) => ({ ...l, taxRatePercent: l.taxRatePercent ?? 0, taxMinor: l.taxMinor ?? 0 })),
    taxTotals: receiptTaxTotals(row.lines),
    totalMinor: total,
    currency: row.currency,
    paymentMethod: row.paymentMethod,
    paymentId: row.paymentId,
    tenderedMinor: tendered,
    changeMinor: row.paymentMethod === 'cash' && tendered > total ? tendered - total : 0,
    feeMinor: Number(row.feeMinor),
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : '',
    businessDate: row.businessDate,
  };
}

/** Lines with one entry per SKU (quantities added), checked. */
function mergeLines(lines: SaleLine__Output[]): { sku: string; quantity: number }[] {
  if (lines.length === 0 || lines.length > MAX_LINES) throw new DomainError('VALIDATION_FAILED', `a sale has 1 to ${MAX_LINES} lines`, { field: 'lines' });
  const merged = new Map<string, number>();
  for (const { sku, quantity } of lines) {
    if (!sku || !Number.isInteger(quantity) || quantity < 1 || quantity > 999) throw new DomainError('VALIDATION_FAILED', `line ${sku}: quantity must be 1 to 999`, { field: 'lines' });
    merged.set(sku, (merged.get(sku) ?? 0) + quantity);
  }
  return [...merged].map(([sku, quantity]) => ({ sku, quantity }));
}

function requireId(value: string, field: string): string {
  if (!ID.test(value)) throw new DomainError('VALIDATION_FAILED', `${field} is required (letters, digits, : . _ -; at most 128)`, { field });
  return value;
}

function requireDate(value: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new DomainError('VALIDATION_FAILED', 'businessDate must be YYYY-MM-DD', { field: 'businessDate' });
  return value;
}

/** Tax per rate on a receipt, one rounding per rate (lines recorded before tax rates existed count as none). */
function receiptTaxTotals(lines: readonly { lineTotalMinor: number | string; taxRatePercent?: number }[]): TaxTotal[] {
  const byRate = new Map<number, number>();
  for (const l of lines) if (l.taxRatePercent) byRate.set(l.taxRatePercent, (byRate.get(l.taxRatePercent) ?? 0) + Number(l.lineTotalMinor));
  return [...byRate].sort(([a], [b]) => b - a).map(([ratePercent, taxableMinor]) => ({ ratePercent, taxableMinor, taxMinor: includedTax(taxableMinor, ratePercent) }));
}
