import { signAccessToken } from '../../lib/access-token';
import { randomInt, randomUUID } from 'node:crypto';
import { callUnary } from '../../lib/grpc';
import type { Role } from '../../lib/permissions';
import type { Slot__Output } from '../../proto/generated/checkout/delivery/v1/Slot';
import type { UpsertSlotRequest } from '../../proto/generated/checkout/delivery/v1/UpsertSlotRequest';
import type { Zone, Zone__Output } from '../../proto/generated/checkout/delivery/v1/Zone';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface Answer {
  status: number;
  body: any;
}

const tokyoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });

/**
 * The staff REST routes end to end on the real stack: catalog writes seen by the storefront, stock
 * adjustments applied once per Idempotency-Key, zones and slots a checkout books, and order listing.
 */
describe('staff routes through REST (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const tokenOf = (role: Role, id = `${role}-${randomUUID()}`) => customerToken(platform, id, role).token;
  async function api(method: string, path: string, opts: { role?: Role; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token ?? (opts.role ? tokenOf(opts.role) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${platform.api}${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A zone serving a 7-digit postal code of its own, through the staff route. */
  async function createZone(): Promise<{ zoneId: string; postalCode: string }> {
    const digits = String(randomInt(1_000_000, 9_999_999));
    const zoneId = `staff-zone-${randomUUID()}`;
    const res = await api('PUT', `/v1/staff/delivery/zones/${zoneId}`, { role: 'operator', body: { name: 'Staff test zone', postalPrefixes: [digits], cutoffTime: '14:00' } });
    // Without a fee in the body the zone delivers free (fee 0, no threshold).
    expect(res).toEqual({ status: 200, body: { id: zoneId, name: 'Staff test zone', postalPrefixes: [digits], cutoffTime: '14:00', timeZone: 'Asia/Tokyo', feeMinor: 0, freeShippingThresholdMinor: null } });
    return { zoneId, postalCode: `${digits.slice(0, 3)}-${digits.slice(3)}` };
  }

  it('creates a merchant, category, product and variant that the storefront then finds', async () => {
    const word = `staffitem${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const merchant = await api('POST', '/v1/staff/merchants', { role: 'admin', body: { name: 'Staff test merchant' } });
    expect(merchant).toMatchObject({ status: 201, body: { name: 'Staff test merchant', active: true, cashierUserIds: [] } });
    // The merchant's own staff: merchant-scoped routes see only the merchant their token names (claim mid).
    const staffId = `merchant-${randomUUID()}`;
    const token = signAccessToken({ id: staffId, email: `${staffId}@example.com`, role: 'merchant', merchantId: merchant.body.id as string }, { secret: platform.config.JWT_SECRET, ttlSeconds: 3600, now: new Date() }).token;
    const category = await api('POST', '/v1/staff/categories', { role: 'admin', body: { slug: `staff-${randomUUID().slice(0, 8)}`, name: 'Staff test category' } });
    expect(category).toMatchObject({ status: 201, body: { name: 'Staff test category', parentId: '', active: true } });

    const product = await api('POST', '/v1/staff/products', {
      token,
      body: { merchantId: merchant.body.id, categoryId: category.body.id, name: `Gyokuro ${word}`, description: 'Shade-grown green tea' },
    });
    expect(product).toMatchObject({ status: 201, body: { merchantId: merchant.body.id, categoryId: category.body.id, name: `Gyokuro ${word}`, variants: [] } });
    const productId = product.body.id as string;
    // A Japanese SKU: the shop names its goods in its own script, in the URL too.
    const sku = `玉露-${randomUUID().slice(0, 8)}`;
    const variant = await api('PUT', `/v1/staff/products/${productId}/variants/${encodeURIComponent(sku)}`, { token, body: { name: `Gyokuro ${word}, 50 g`, attributes: { weight: '50 g' }, priceMinor: 2800 } });
    expect(variant).toEqual({ status: 200, body: { sku, productId, name: `Gyokuro ${word}, 50 g`, attributes: { weight: '50 g' }, priceMinor: 2800, currency: 'JPY', active: true, taxClass: 'standard' } });

    const search = await api('GET', `/v1/products?q=${word}`);
    expect(search.status).toBe(200);
    expect(search.body.products).toEqual([expect.objectContaining({ id: productId, minPriceMinor: 2800, maxPriceMinor: 2800, categorySlug: category.body.slug })]);
    expect((await api('GET', `/v1/products/${productId}`)).body.variants).toEqual([expect.objectContaining({ sku, priceMinor: 2800 })]);

    // Taken off sale: gone from the storefront, still visible to staff.
    const hidden = await api('PUT', `/v1/staff/products/${productId}`, { token, body: { merchantId: merchant.body.id, name: `Gyokuro ${word}`, active: false } });
    expect(hidden).toMatchObject({ status: 200, body: { active: false, categoryId: '' } });
    expect((await api('GET', `/v1/products/${productId}`)).status).toBe(404);
    expect(await api('GET', `/v1/staff/products/${productId}`, { token })).toMatchObject({ status: 200, body: { id: productId, active: false } });
  });

  it('rejects catalog writes the catalog service finds invalid, with the field named', async () => {
    const res = await api('POST', '/v1/staff/products', { role: 'admin', body: { merchantId: `no-such-${randomUUID()}`, name: 'Orphan' } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', details: { field: 'merchantId' } } } });
    // A SKU with a space, or in decomposed form (カ + combining ゙ instead of ガ), is refused before any write.
    for (const sku of ['抹茶 缶', 'カ\u3099-100G']) {
      const bad = await api('PUT', `/v1/staff/products/${randomUUID()}/variants/${encodeURIComponent(sku)}`, { role: 'admin', body: { name: 'x', priceMinor: 100 } });
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    }
  });

  it('adjusts stock once per Idempotency-Key, logging one movement', async () => {
    const sku = `在庫-${randomUUID().slice(0, 8)}`;
    // An operator: a SKU no catalog entry names belongs to no merchant, so a merchant's token gets 404.
    const token = tokenOf('operator');
    const key = randomUUID();
    const adjust = (body: unknown, idempotencyKey?: string) =>
      api('POST', `/v1/staff/stock/${encodeURIComponent(sku)}/adjustments`, { token, body, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} });

    expect(await adjust({ delta: 12, reason: 'delivery from the supplier' })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const first = await adjust({ delta: 12, reason: 'delivery from the supplier' }, key);
    expect(first).toEqual({ status: 200, body: { sku, onHand: 12, reserved: 0, available: 12 } });
    expect(await adjust({ delta: 12, reason: 'delivery from the supplier' }, key)).toEqual(first);
    expect(await adjust({ delta: 5, reason: 'delivery from the supplier' }, key)).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });

    const movements = await platform.prisma.stockMovement.findMany({ where: { sku, kind: 'ADJUST' } });
    expect(movements).toEqual([expect.objectContaining({ quantity: 12, reason: 'delivery from the supplier' })]);
    expect(await api('GET', `/v1/staff/stock/${encodeURIComponent(sku)}`, { role: 'operator' })).toEqual({ status: 200, body: { sku, onHand: 12, reserved: 0, available: 12 } });

    // Removing more than is on hand is a business rejection, and its key replays that rejection.
    const tooMuchKey = randomUUID();
    const tooMuch = await adjust({ delta: -13, reason: 'breakage' }, tooMuchKey);
    expect(tooMuch).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(await adjust({ delta: -13, reason: 'breakage' }, tooMuchKey)).toEqual(tooMuch);
    expect(await platform.prisma.stockMovement.count({ where: { sku } })).toBe(1);
  });

  it('manages zones and slots, a checkout books the slot, and capacity cannot drop below bookings', async () => {
    for (const body of [
      { name: 'Bad', postalPrefixes: ['12345678'], cutoffTime: '14:00' },
      { name: 'Bad', postalPrefixes: ['12a'], cutoffTime: '14:00' },
      { name: 'Bad', postalPrefixes: ['123'], cutoffTime: '24:00' },
      { name: 'Bad', postalPrefixes: [], cutoffTime: '14:00' },
    ]) {
      expect(await api('PUT', `/v1/staff/delivery/zones/bad-${randomUUID()}`, { role: 'operator', body })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    }
    const { zoneId, postalCode } = await createZone();
    expect((await api('GET', '/v1/staff/delivery/zones', { role: 'operator' })).body.zones).toEqual(expect.arrayContaining([expect.objectContaining({ id: zoneId })]));

    const date = tokyoDay(1);
    expect(await api('POST', `/v1/staff/delivery/zones/no-such-${randomUUID()}/slots`, { role: 'operator', body: { date, windowStart: '09:00', windowEnd: '12:00', capacity: 1 } })).toMatchObject({
      status: 404,
    });
    expect(await api('POST', `/v1/staff/delivery/zones/${zoneId}/slots`, { role: 'operator', body: { date, windowStart: '12:00', windowEnd: '09:00', capacity: 1 } })).toMatchObject({
      status: 400,
    });
    const slot = await api('POST', `/v1/staff/delivery/zones/${zoneId}/slots`, { role: 'operator', body: { date, windowStart: '09:00', windowEnd: '12:00', capacity: 1 } });
    expect(slot).toEqual({ status: 201, body: { slotId: `${zoneId}:${date}:09:00`, zoneId, date, windowStart: '09:00', windowEnd: '12:00', capacity: 1, remaining: 1 } });
    const slotId = slot.body.slotId as string;

    const sku = await createProduct(platform, { priceMinor: 1800, stock: 5 });
    const customer = customerToken(platform);
    const checkout = await api('POST', '/v1/checkouts', {
      token: customer.token,
      headers: { Prefer: 'wait=30' },
      body: {
        lines: [{ sku, quantity: 1 }],
        address: { name: 'Hanako Yamada', postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
        payment: { type: 'card', cardToken: 'tok_visa' },
        deliverySlotId: slotId,
      },
    });
    expect(checkout).toMatchObject({ status: 200, body: { state: 'COMPLETED', totalMinor: 1800 } });
    const orderId = checkout.body.orderId as string;
    expect(await platform.prisma.deliveryBooking.findMany({ where: { orderId } })).toEqual([expect.objectContaining({ slotId, status: 'BOOKED' })]);

    // The slot is full now: it cannot shrink below its booking, but it can grow.
    const shrink = await api('PUT', `/v1/staff/delivery/slots/${encodeURIComponent(slotId)}`, { role: 'operator', body: { zoneId, date, windowStart: '09:00', windowEnd: '12:00', capacity: 0 } });
    expect(shrink).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', details: { booked: 1, capacity: 0 } } } });
    const grow = await api('POST', `/v1/staff/delivery/zones/${zoneId}/slots`, { role: 'admin', body: { date, windowStart: '09:00', windowEnd: '13:00', capacity: 3 } });
    expect(grow).toEqual({ status: 201, body: { slotId, zoneId, date, windowStart: '09:00', windowEnd: '13:00', capacity: 3, remaining: 2 } });

    // Staff see the order: listed for its customer and status, and by id. An operator: a merchant or
    // cashier token reaches only its own merchant's orders (the tenancy rows of rbac-matrix.test.ts).
    const listed = await api('GET', `/v1/staff/orders?customerId=${customer.customerId}`, { role: 'operator' });
    expect(listed).toMatchObject({ status: 200, body: { total: 1, page: 1, pageSize: 20, orders: [{ orderId, customerId: customer.customerId, status: 'CONFIRMED', totalMinor: 1800 }] } });
    expect((await api('GET', `/v1/staff/orders?customerId=${customer.customerId}&status=FAILED`, { role: 'operator' })).body).toMatchObject({ total: 0, orders: [] });
    expect(await api('GET', '/v1/staff/orders?status=LOST', { role: 'operator' })).toMatchObject({ status: 400 });
    const one = await api('GET', `/v1/staff/orders/${orderId}`, { role: 'operator' });
    expect(one).toMatchObject({ status: 200, body: { orderId, status: 'CONFIRMED', lines: [{ sku, quantity: 1, unitPriceMinor: 1800 }] } });
    expect(one.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(expect.arrayContaining(['PENDING', 'PAID', 'CONFIRMED']));
    expect((await api('GET', `/v1/staff/orders/${randomUUID()}`, { role: 'operator' })).status).toBe(404);

    // The analytics worker counts the sale; the sales report shows it.
    const from = tokyoDay(-1);
    const to = tokyoDay(1);
    const line = await eventually(async () => {
      const report = await api('GET', `/v1/staff/analytics/sales?from=${from}&to=${to}`, { role: 'operator' });
      expect(report).toMatchObject({ status: 200, body: { fromDay: from, toDay: to } });
      return (report.body.sales as { sku: string }[]).find((s) => s.sku === sku);
    }, 30_000, 'the sale in the report');
    expect(line).toMatchObject({ orders: 1, quantity: 1, revenueMinor: 1800, currency: 'JPY' });
    expect(await api('GET', `/v1/staff/analytics/sales?from=${to}&to=${from}`, { role: 'operator' })).toMatchObject({ status: 400 });

    await platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).result();
  });

  it('has the delivery service itself validate zones and slots, whoever calls it', async () => {
    const { delivery } = platform.clients;
    const zone = (overrides: Partial<Zone>) => callUnary<Zone, Zone__Output>(delivery.UpsertZone.bind(delivery), { id: `svc-${randomUUID()}`, name: 'Zone', postalPrefixes: ['123'], cutoffTime: '14:00', ...overrides });
    const invalid: [string, Partial<Zone>][] = [
      ['postalPrefixes[0]', { postalPrefixes: ['12345678'] }],
      ['postalPrefixes', { postalPrefixes: [] }],
      ['cutoffTime', { cutoffTime: '7:00' }],
      ['timeZone', { timeZone: 'Mars/Olympus' }],
    ];
    for (const [field, overrides] of invalid) {
      await expect(zone(overrides)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    }
    const created = await zone({ id: '', postalPrefixes: ['１２３'] });
    expect(created).toMatchObject({ postalPrefixes: ['123'], timeZone: 'Asia/Tokyo' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      callUnary<UpsertSlotRequest, Slot__Output>(delivery.UpsertSlot.bind(delivery), { slotId: '', zoneId: created.id, date: '2026-02-30', windowStart: '09:00', windowEnd: '12:00', capacity: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'date' } });
  });

  it('pages the order list newest first', async () => {
    const page = await api('GET', '/v1/staff/orders?pageSize=2&page=1', { role: 'admin' });
    expect(page.status).toBe(200);
    expect(page.body.orders.length).toBeLessThanOrEqual(2);
    const times = (page.body.orders as { createdAt: string }[]).map((o) => o.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(await api('GET', '/v1/staff/orders?pageSize=101', { role: 'admin' })).toMatchObject({ status: 400 });
  });
});
