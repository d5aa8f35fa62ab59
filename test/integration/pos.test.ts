import { randomUUID } from 'node:crypto';
import { signAccessToken } from '../../lib/access-token';
import type { Role } from '../../lib/permissions';
import { ensureSettlementSchedule } from '../../api/routes/merchant-settlement-schedule';
import { SETTLEMENT_WORKFLOW_TYPE, type PosReceipt, type SettlementResult } from '../../workflows/pos-sale.contract';
import type { PosRefundReceipt } from '../../workflows/pos-refund.contract';
import { PosService } from '../../services/pos/pos.service';
import { createProduct } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface Merchant {
  id: string;
  sku: string;
  cashier: string;
  merchant: string;
}

/**
 * Point of sale on the real stack, through REST: a cashier sells at its merchant's counter (the POS
 * saga on Temporal, the pos, inventory and payments services on PostgreSQL), the receipt comes back,
 * stock went down, the settlement workflow settles the day once; and one merchant's tokens never
 * reach another merchant's sales, goods or settlements.
 */
describe('point of sale (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;
  let a: Merchant;
  let b: Merchant;
  const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });

  const token = (userId: string, role: Role, merchantId?: string) =>
    signAccessToken({ id: userId, email: `${userId}@example.com`, role, ...(merchantId ? { merchantId } : {}) }, { secret: platform.config.JWT_SECRET, ttlSeconds: 3600, now: new Date() }).token;

  /** A merchant of this test only: one product family with one SKU (1,200 yen, 10 in stock) and one cashier. */
  async function createMerchant(): Promise<Merchant> {
    const id = `m-${randomUUID()}`;
    await platform.prisma.merchant.create({ data: { id, name: `Test merchant ${id}` } });
    const familyId = `pf-${randomUUID()}`;
    await platform.prisma.productFamily.create({ data: { id: familyId, merchantId: id, name: 'Counter tea' } });
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 10 });
    await platform.prisma.product.update({ where: { sku }, data: { productId: familyId } });
    const cashier = `cashier-${randomUUID()}`;
    await platform.prisma.merchantCashier.create({ data: { userId: cashier, merchantId: id } });
    return { id, sku, cashier, merchant: `owner-${randomUUID()}` };
  }

  async function api(method: string, path: string, bearer: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
  }
  const stockOf = async (sku: string) => (await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).onHand;
  const ledgerOf = (saleId: string) => platform.prisma.merchantLedgerEntry.findMany({ where: { saleId }, orderBy: { kind: 'asc' }, select: { kind: true, amountMinor: true } });
  const settle = (businessDate: string) =>
    platform.temporal.workflow.execute(SETTLEMENT_WORKFLOW_TYPE, { workflowId: `settlement-test:${randomUUID()}`, taskQueue: platform.config.TEMPORAL_TASK_QUEUE, args: [{ businessDate }] }) as Promise<SettlementResult>;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    a = await createMerchant();
    b = await createMerchant();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  let cashSale: PosReceipt;

  it('sells for cash: the receipt (priced from the catalog, with the change), stock down, SALE_PAID in the ledger; a retry with the key answers the same sale', async () => {
    const body = { lines: [{ sku: a.sku, quantity: 2 }], payment: { type: 'cash', tenderedMinor: 3000 } };
    const key = { 'Idempotency-Key': `till-${randomUUID()}` };
    const first = await api('POST', '/v1/pos/sales', token(a.cashier, 'cashier', a.id), body, key);
    expect(first.status).toBe(201);
    cashSale = first.body as unknown as PosReceipt;
    expect(cashSale).toMatchObject({
      merchantId: a.id,
      cashierId: a.cashier,
      lines: [{ sku: a.sku, quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400 }],
      totalMinor: 2400,
      currency: 'JPY',
      payment: { method: 'cash', tenderedMinor: 3000, changeMinor: 600 },
      businessDate: today(),
    });
    expect(Date.parse(cashSale.completedAt)).not.toBeNaN();
    expect(await stockOf(a.sku)).toBe(8);
    expect(await ledgerOf(cashSale.saleId)).toEqual([{ kind: 'SALE_PAID', amountMinor: 2400n }]);

    const again = await api('POST', '/v1/pos/sales', token(a.cashier, 'cashier', a.id), body, key);
    expect(again).toEqual({ status: 201, body: first.body });
    expect(await stockOf(a.sku)).toBe(8);

    const read = await api('GET', `/v1/pos/sales/${cashSale.saleId}`, token(a.cashier, 'cashier', a.id));
    expect(read).toEqual({ status: 200, body: { ...first.body, status: 'COMPLETED' } });
  });

  it('sells by card with the acquirer fee in the ledger; a declined card undoes the sale (stock back, sale VOIDED, nothing in the ledger)', async () => {
    const paid = await api('POST', '/v1/pos/sales', token(a.cashier, 'cashier', a.id), { lines: [{ sku: a.sku, quantity: 1 }], payment: { type: 'card', cardToken: 'tok_visa' } });
    expect(paid.status).toBe(201);
    const saleId = (paid.body as unknown as PosReceipt).saleId;
    expect(paid.body).toMatchObject({ totalMinor: 1200, payment: { method: 'card', paymentId: `pos-${saleId}` } });
    // 3.25 % of 1,200 yen, rounded down.
    expect(await ledgerOf(saleId)).toEqual([
      { kind: 'FEE', amountMinor: -39n },
      { kind: 'SALE_PAID', amountMinor: 1200n },
    ]);
    expect(await stockOf(a.sku)).toBe(7);

    const declined = await api('POST', '/v1/pos/sales', token(a.cashier, 'cashier', a.id), { lines: [{ sku: a.sku, quantity: 1 }], payment: { type: 'card', cardToken: 'tok_chargeDeclined' } });
    expect({ status: declined.status, code: declined.body.error?.code }).toEqual({ status: 402, code: 'CARD_DECLINED' });
    const declinedId = (declined.body.error as unknown as { details: { saleId: string } }).details.saleId;
    expect(await stockOf(a.sku)).toBe(7);
    expect((await platform.prisma.posSale.findUniqueOrThrow({ where: { id: declinedId } })).status).toBe('VOIDED');
    expect(await ledgerOf(declinedId)).toEqual([]);
  });

  it('settles the day once: the sales in paid − refunded − fees, a second run changes nothing (no settlement, no ledger change); the merchant and staff routes show it', async () => {
    const first = await settle(today());
    const mine = first.created.find((s) => s.merchantId === a.id);
    expect(mine).toMatchObject({ merchantId: a.id, businessDate: today(), paidMinor: 3600, refundedMinor: 0, feesMinor: 39, netMinor: 3561, entries: 3, currency: 'JPY' });
    const entriesBefore = await platform.prisma.merchantLedgerEntry.findMany({ where: { merchantId: a.id }, orderBy: { id: 'asc' } });
    expect(entriesBefore.every((e) => e.settledOn !== null)).toBe(true);

    const second = await settle(today());
    expect(second.created.find((s) => s.merchantId === a.id)).toBeUndefined();
    expect(second.settlements.find((s) => s.merchantId === a.id)).toEqual(mine);
    expect(await platform.prisma.merchantLedgerEntry.findMany({ where: { merchantId: a.id }, orderBy: { id: 'asc' } })).toEqual(entriesBefore);
    expect(await platform.prisma.merchantSettlement.count({ where: { merchantId: a.id } })).toBe(1);

    const own = await api('GET', '/v1/merchant/settlements', token(a.merchant, 'merchant', a.id));
    expect(own).toEqual({ status: 200, body: { settlements: [mine] } });
    const staff = await api('GET', `/v1/staff/settlements?merchantId=${a.id}`, token(`op-${randomUUID()}`, 'operator'));
    expect(staff).toEqual({ status: 200, body: { settlements: [mine] } });
  });

  it('creates the daily settlement schedule once (00:30 Asia/Tokyo, the settlement workflow); a second start finds it', async () => {
    const scheduleId = `settlement-test-${randomUUID()}`;
    const opts = { taskQueue: platform.config.TEMPORAL_TASK_QUEUE, scheduleId };
    try {
      expect(await ensureSettlementSchedule(platform.temporal, opts)).toBe('created');
      expect(await ensureSettlementSchedule(platform.temporal, opts)).toBe('exists');
      const described = await platform.temporal.schedule.getHandle(scheduleId).describe();
      expect(described.spec).toMatchObject({ timezone: 'Asia/Tokyo', calendars: [expect.objectContaining({ hour: [{ start: 0, end: 0, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] })] });
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: SETTLEMENT_WORKFLOW_TYPE, taskQueue: opts.taskQueue });
    } finally {
      await platform.temporal.schedule.getHandle(scheduleId).delete().catch(() => undefined);
    }
  });

  it('tenancy: merchant B’s tokens never reach merchant A’s sales, goods or settlements, and change nothing', async () => {
    const stockBefore = await stockOf(a.sku);
    const salesBefore = await platform.prisma.posSale.count({ where: { merchantId: a.id } });
    // B's cashier cannot read A's sale (404, like an unknown one), nor sell A's goods.
    const read = await api('GET', `/v1/pos/sales/${cashSale.saleId}`, token(b.cashier, 'cashier', b.id));
    expect({ status: read.status, code: read.body.error?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const sell = await api('POST', '/v1/pos/sales', token(b.cashier, 'cashier', b.id), { lines: [{ sku: a.sku, quantity: 1 }], payment: { type: 'cash', tenderedMinor: 5000 } });
    expect({ status: sell.status, code: sell.body.error?.code }).toEqual({ status: 422, code: 'PRODUCT_UNAVAILABLE' });
    // A token claiming A for B's cashier (no such membership) is refused, and so is a cashier token without a merchant.
    const claimed = await api('POST', '/v1/pos/sales', token(b.cashier, 'cashier', a.id), { lines: [{ sku: a.sku, quantity: 1 }], payment: { type: 'cash', tenderedMinor: 5000 } });
    expect({ status: claimed.status, code: claimed.body.error?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const unscoped = await api('GET', `/v1/pos/sales/${cashSale.saleId}`, token(b.cashier, 'cashier'));
    expect({ status: unscoped.status, code: unscoped.body.error?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    // B's merchant sees only B's settlements (none), never A's.
    const settlements = await api('GET', '/v1/merchant/settlements', token(b.merchant, 'merchant', b.id));
    expect(settlements).toEqual({ status: 200, body: { settlements: [] } });
    expect(await stockOf(a.sku)).toBe(stockBefore);
    expect(await platform.prisma.posSale.count({ where: { merchantId: a.id } })).toBe(salesBefore);
  });

  it('the sales report shows the day’s settlement: the merchant’s view has its own, the staff view every merchant’s of the day', async () => {
    const day = today();
    const own = await api('GET', `/v1/staff/analytics/sales?from=${day}&to=${day}`, token(a.merchant, 'merchant', a.id));
    expect(own.status).toBe(200);
    const settled = await platform.prisma.merchantSettlement.findUniqueOrThrow({ where: { merchantId_businessDate: { merchantId: a.id, businessDate: new Date(`${day}T00:00:00Z`) } } });
    expect(own.body.settlements).toEqual([
      { day, merchantId: a.id, paidMinor: 3600, refundedMinor: 0, feesMinor: 39, netMinor: 3561, currency: 'JPY', settledAt: settled.settledAt.toISOString() },
    ]);
    expect(own.body.failures).toEqual([]);
    const staff = await api('GET', `/v1/staff/analytics/sales?from=${day}&to=${day}`, token(`op-${randomUUID()}`, 'operator'));
    expect((staff.body.settlements as { merchantId: string }[]).filter((s) => s.merchantId === a.id || s.merchantId === b.id).map((s) => s.merchantId)).toEqual([a.id]);
  });

  it('refunds a completed sale in full through REST (issue 11 part 2): card refunded and cash handed back, stock back, REFUNDED, REFUND entries the settlement subtracts; a repeat answers the same; B gets 404', async () => {
    const c = await createMerchant();
    const cashier = token(c.cashier, 'cashier', c.id);
    const card = (await api('POST', '/v1/pos/sales', cashier, { lines: [{ sku: c.sku, quantity: 2 }], payment: { type: 'card', cardToken: 'tok_visa' } })).body as unknown as PosReceipt;
    const cash = (await api('POST', '/v1/pos/sales', cashier, { lines: [{ sku: c.sku, quantity: 1 }], payment: { type: 'cash', tenderedMinor: 1200 } })).body as unknown as PosReceipt;
    expect(await stockOf(c.sku)).toBe(7);

    // Another merchant's cashier and merchant: 404 like an unknown sale, and nothing changes.
    for (const other of [token(b.cashier, 'cashier', b.id), token(b.merchant, 'merchant', b.id)]) {
      const denied = await api('POST', `/v1/pos/sales/${card.saleId}/refunds`, other, { reason: 'probe' });
      expect({ status: denied.status, code: denied.body.error?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    expect((await platform.prisma.posSale.findUniqueOrThrow({ where: { id: card.saleId } })).status).toBe('COMPLETED');

    const key = { 'Idempotency-Key': `refund-${randomUUID()}` };
    const refunded = await api('POST', `/v1/pos/sales/${card.saleId}/refunds`, cashier, { reason: '商品の破損' }, key);
    expect(refunded.status).toBe(201);
    expect(refunded.body as unknown as PosRefundReceipt).toMatchObject({
      saleId: card.saleId,
      merchantId: c.id,
      reason: '商品の破損',
      refundedBy: c.cashier,
      lines: [{ sku: c.sku, quantity: 2, lineTotalMinor: 2400 }],
      refundedMinor: 2400,
      currency: 'JPY',
      payment: { method: 'card', paymentId: `pos-${card.saleId}` },
    });
    const read = await api('GET', `/v1/pos/sales/${card.saleId}`, cashier);
    expect({ status: read.status, saleStatus: read.body.status }).toEqual({ status: 200, saleStatus: 'REFUNDED' });
    expect(await stockOf(c.sku)).toBe(9);
    expect((await platform.prisma.payment.findUniqueOrThrow({ where: { id: `pos-${card.saleId}` } })).status).toBe('REFUNDED');
    // The fee stays with the acquirer; the REFUND entry takes back what was paid.
    expect(await ledgerOf(card.saleId)).toEqual([
      { kind: 'FEE', amountMinor: -78n },
      { kind: 'REFUND', amountMinor: -2400n },
      { kind: 'SALE_PAID', amountMinor: 2400n },
    ]);

    // A repeat (same key, another key, the merchant's token) answers the first refund: no second refund, no second restock.
    expect(await api('POST', `/v1/pos/sales/${card.saleId}/refunds`, cashier, { reason: '商品の破損' }, key)).toEqual(refunded);
    expect(await api('POST', `/v1/pos/sales/${card.saleId}/refunds`, token(c.merchant, 'merchant', c.id), { reason: 'again' })).toEqual(refunded);
    expect(await stockOf(c.sku)).toBe(9);
    expect(await ledgerOf(card.saleId)).toHaveLength(3);

    // Cash: handed back at the till (no provider), restocked, REFUND entry.
    const cashRefund = await api('POST', `/v1/pos/sales/${cash.saleId}/refunds`, cashier, { reason: 'サイズ違い' });
    expect({ status: cashRefund.status, payment: cashRefund.body.payment }).toEqual({ status: 201, payment: { method: 'cash', cashBackMinor: 1200 } });
    expect(await stockOf(c.sku)).toBe(10);

    // The day's settlement subtracts the refunds: paid 3,600 − refunded 3,600 − fees 78.
    const settled = (await settle(today())).settlements.find((s) => s.merchantId === c.id);
    expect(settled).toMatchObject({ paidMinor: 3600, refundedMinor: 3600, feesMinor: 78, netMinor: -78, entries: 5 });
  });

  it('refuses to refund a sale that is not COMPLETED (409 INVALID_TRANSITION) and a request without a reason (400)', async () => {
    const saleId = randomUUID();
    await platform.prisma.$executeRawUnsafe(
      `INSERT INTO orders.pos_sales (id, merchant_id, cashier_id, status, lines, total_minor, currency, payment_method) VALUES ($1, $2, $3, 'PENDING', '[]'::jsonb, 0, 'JPY', 'cash')`,
      saleId,
      a.id,
      a.cashier,
    );
    const pending = await api('POST', `/v1/pos/sales/${saleId}/refunds`, token(a.cashier, 'cashier', a.id), { reason: '返品' });
    expect({ status: pending.status, code: pending.body.error?.code }).toEqual({ status: 409, code: 'INVALID_TRANSITION' });
    expect((await platform.prisma.posSale.findUniqueOrThrow({ where: { id: saleId } })).status).toBe('PENDING');
    const noReason = await api('POST', `/v1/pos/sales/${cashSale.saleId}/refunds`, token(a.cashier, 'cashier', a.id), {});
    expect({ status: noReason.status, code: noReason.body.error?.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('pos service: BeginRefund only from COMPLETED (INVALID_TRANSITION otherwise), CancelRefund puts a REFUNDING sale back to COMPLETED, a REFUNDED sale cannot begin again', async () => {
    const d = await createMerchant();
    const sold = (await api('POST', '/v1/pos/sales', token(d.cashier, 'cashier', d.id), { lines: [{ sku: d.sku, quantity: 1 }], payment: { type: 'cash', tenderedMinor: 1200 } })).body as unknown as PosReceipt;
    const pos = new PosService(platform.prisma);
    const ref = (step: string) => ({ saleId: sold.saleId, idempotencyKey: `svc-${step}-${randomUUID()}` });
    expect((await pos.beginRefund(ref('begin'))).status).toBe('REFUNDING');
    expect((await pos.beginRefund(ref('begin-again'))).status).toBe('REFUNDING');
    expect((await pos.cancelRefund(ref('cancel'))).status).toBe('COMPLETED');
    expect((await pos.cancelRefund(ref('cancel-again'))).status).toBe('COMPLETED');
    expect((await pos.beginRefund(ref('begin-2'))).status).toBe('REFUNDING');
    expect((await pos.recordRefund(ref('finish'))).status).toBe('REFUNDED');
    await expect(pos.beginRefund(ref('begin-3'))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await pos.cancelRefund(ref('cancel-late'))).status).toBe('REFUNDED');
    expect(await ledgerOf(sold.saleId)).toEqual([
      { kind: 'REFUND', amountMinor: -1200n },
      { kind: 'SALE_PAID', amountMinor: 1200n },
    ]);
  });

  it('a cashier signs in through REST and sells with the token the api issued: the merchant link comes from the staff routes (claim mid)', async () => {
    const admin = token(`admin-${randomUUID()}`, 'admin');
    const email = `kasse-${randomUUID()}@example.com`;
    const password = 'correct horse battery';
    const registered = await api('POST', '/v1/accounts', 'none', { email, password, name: '佐藤 レジ係' });
    expect(registered.status).toBe(201);
    const userId = String(registered.body.id);
    // The admin makes the account a cashier (first of A), then B's cashier set names it: the link moves to B.
    expect((await api('PUT', `/v1/staff/users/${userId}/roles`, admin, { role: 'cashier', merchantId: a.id })).status).toBe(200);
    const merchant = await api('PUT', `/v1/staff/merchants/${b.id}`, admin, { name: `Test merchant ${b.id}`, cashierUserIds: [b.cashier, userId] });
    expect(merchant.status).toBe(200);

    const res = await fetch(`${platform.api}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(res.status).toBe(200);
    const { accessToken } = (await res.json()) as { accessToken: string };
    const sale = await api('POST', '/v1/pos/sales', accessToken, { lines: [{ sku: b.sku, quantity: 1 }], payment: { type: 'cash', tenderedMinor: 2000 } });
    expect({ status: sale.status, body: sale.body }).toMatchObject({ status: 201, body: { merchantId: b.id, cashierId: userId, totalMinor: 1200, payment: { method: 'cash', changeMinor: 800 } } });
    // The issued token is B's only: A's sale stays out of reach.
    expect((await api('GET', `/v1/pos/sales/${cashSale.saleId}`, accessToken)).status).toBe(404);
  });
});
