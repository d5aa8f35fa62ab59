import { randomInt, randomUUID } from 'node:crypto';
import { callUnary } from '../../lib/grpc';
import type { Product, Product__Output } from '../../proto/generated/checkout/catalog/v1/Product';
import { createProduct, customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface TaxTotal {
  ratePercent: number;
  taxableMinor: number;
  taxMinor: number;
}
interface OrderView {
  orderId: string;
  state: string;
  totalMinor?: number;
  couponRedeemed?: string;
  failure?: { code: string };
  order?: {
    lines: { sku: string; lineTotalMinor: number; taxRatePercent: number; taxMinor: number }[];
    subtotalMinor: number;
    couponCode: string | null;
    couponDiscountMinor: number;
    deliveryFeeMinor: number;
    totalMinor: number;
    taxTotals: TaxTotal[];
  };
}
interface CouponView {
  id: string;
  code: string;
  redeemedCount: number;
  usageLimit: number | null;
}

/**
 * What a Japanese shop charges, through REST on the real stack: consumption tax per rate on the
 * order, the zone's delivery fee and its free-shipping threshold, coupons with a usage limit under
 * concurrent checkouts and given back when a card is declined.
 */
describe('prices: tax, delivery fee, coupons (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;
  let admin: string;
  let tea: string;
  let pot: string;
  /** A zone of this test: fee 550, free from 10,000 yen of goods. */
  let zone: { postalCode: string; slotId: string };

  async function send(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown };
  }

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    admin = customerToken(platform, `admin-${randomUUID()}`, 'admin').token;
    // 1,080 yen of tea (food: 8 %) and a 3,300 yen teapot (10 %), prices tax included.
    tea = await createProduct(platform, { priceMinor: 1080, stock: 100 });
    pot = await createProduct(platform, { priceMinor: 3300, stock: 100 });
    const { catalog } = platform.clients;
    await callUnary<Product, Product__Output>(catalog.upsertProduct.bind(catalog), { sku: tea, name: '煎茶 100 g', priceMinor: 1080, currency: 'JPY', active: true, taxClass: 'reduced' });

    const digits = String(randomInt(1_000_000, 9_999_999));
    const zoneId = `prices-${randomUUID()}`;
    const put = await send('PUT', `/v1/staff/delivery/zones/${zoneId}`, admin, { name: '東京テスト', postalPrefixes: [digits], cutoffTime: '14:00', feeMinor: 550, freeShippingThresholdMinor: 10_000 });
    expect(put).toMatchObject({ status: 200, body: { feeMinor: 550, freeShippingThresholdMinor: 10_000 } });
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
    const slot = await send('POST', `/v1/staff/delivery/zones/${zoneId}/slots`, admin, { date: tomorrow, windowStart: '09:00', windowEnd: '12:00', capacity: 1000 });
    expect(slot.status).toBe(201);
    zone = { postalCode: `${digits.slice(0, 3)}-${digits.slice(3)}`, slotId: (slot.body as { slotId: string }).slotId };
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const checkoutBody = (lines: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}, cardToken = 'tok_visa') => ({
    lines,
    address: { name: '山田 花子', postalCode: zone.postalCode, prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3' },
    payment: { type: 'card', cardToken },
    deliverySlotId: zone.slotId,
    ...extra,
  });
  async function checkout(body: unknown, customer = customerToken(platform)): Promise<OrderView> {
    const res = await send('POST', '/v1/checkouts', customer.token, body, { Prefer: 'wait=30' });
    expect(res.status).toBe(200);
    const done = res.body as OrderView;
    const view = await send('GET', `/v1/orders/${done.orderId}`, customer.token);
    expect(view.status).toBe(200);
    return view.body as OrderView;
  }
  /** A checkout refused at the door (before any saga starts): its status and error code. */
  async function refused(body: unknown, customer = customerToken(platform)): Promise<{ status: number; code?: string }> {
    const res = await send('POST', '/v1/checkouts', customer.token, body, { Prefer: 'wait=30' });
    return { status: res.status, code: (res.body as { error?: { code?: string } }).error?.code };
  }
  async function coupon(code: string, extra: Record<string, unknown> = {}): Promise<CouponView> {
    const res = await send('POST', '/v1/staff/coupons', admin, { code, kind: 'FIXED', value: 500, ...extra });
    expect(res.status).toBe(201);
    return res.body as CouponView;
  }
  async function couponNow(id: string): Promise<CouponView> {
    const res = await send('GET', '/v1/staff/coupons', admin);
    return (res.body as { coupons: CouponView[] }).coupons.find((c) => c.id === id)!;
  }

  it('states the tax per rate on the order (floored once per rate), with the delivery fee at 10 %', async () => {
    const view = await checkout(checkoutBody([{ sku: tea, quantity: 2 }, { sku: pot, quantity: 1 }]));
    expect(view.state).toBe('COMPLETED');
    // Goods 2,160 (8 %) + 3,300 (10 %) = 5,460, below the threshold: fee 550. Tax: 3,850 × 10/110 = 350; 2,160 × 8/108 = 160.
    expect(view.order).toMatchObject({
      subtotalMinor: 5460,
      couponCode: null,
      couponDiscountMinor: 0,
      deliveryFeeMinor: 550,
      totalMinor: 6010,
      taxTotals: [
        { ratePercent: 10, taxableMinor: 3850, taxMinor: 350 },
        { ratePercent: 8, taxableMinor: 2160, taxMinor: 160 },
      ],
    });
    expect(view.totalMinor).toBe(6010);
    expect(view.order!.lines.find((l) => l.sku === tea)).toMatchObject({ taxRatePercent: 8, taxMinor: 160 });
    expect(view.order!.lines.find((l) => l.sku === pot)).toMatchObject({ taxRatePercent: 10, taxMinor: 300 });
    // The staff view of the same order says the same.
    const staff = await send('GET', `/v1/staff/orders/${view.orderId}`, admin);
    expect(staff.body).toMatchObject({ deliveryFeeMinor: 550, totalMinor: 6010, taxTotals: view.order!.taxTotals });
  });

  it('waives the delivery fee at or above the free-shipping threshold', async () => {
    // 3 × 3,300 + 1 × 1,080 = 10,980 ≥ 10,000.
    const view = await checkout(checkoutBody([{ sku: pot, quantity: 3 }, { sku: tea, quantity: 1 }]));
    expect(view.state).toBe('COMPLETED');
    expect(view.order).toMatchObject({ subtotalMinor: 10_980, deliveryFeeMinor: 0, totalMinor: 10_980 });
  });

  it('redeems a Unicode coupon as typed in another width, and prices the order with it', async () => {
    const code = `春のセール${randomInt(1000, 9999)}`;
    const created = await coupon(code, { kind: 'PERCENT', value: 10 });
    // Full-width digits normalise (NFKC) to the code as created.
    const typed = code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const view = await checkout(checkoutBody([{ sku: tea, quantity: 2 }, { sku: pot, quantity: 1 }], { couponCode: typed }));
    expect(view).toMatchObject({ state: 'COMPLETED', couponRedeemed: typed });
    // 10 % of 5,460 = 546, spread 216 (8 %) / 330 (10 %); goods 4,914 < 10,000: fee 550.
    expect(view.order).toMatchObject({
      couponCode: code,
      couponDiscountMinor: 546,
      deliveryFeeMinor: 550,
      totalMinor: 5464,
      taxTotals: [
        { ratePercent: 10, taxableMinor: 3520, taxMinor: 320 },
        { ratePercent: 8, taxableMinor: 1944, taxMinor: 144 },
      ],
    });
    expect((await couponNow(created.id)).redeemedCount).toBe(1);
  });

  it('never redeems a coupon more often than its usage limit under concurrent checkouts', async () => {
    const limit = 3;
    const created = await coupon(`LIMIT-${randomUUID().slice(0, 8)}`, { usageLimit: limit });
    const customer = () => customerToken(platform);
    const answers = await Promise.all(
      Array.from({ length: 7 }, async () => {
        const who = customer();
        const res = await send('POST', '/v1/checkouts', who.token, checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: created.code }), { Prefer: 'wait=30' });
        if (res.status !== 200) return { refused: res.status, code: (res.body as { error?: { code?: string } }).error?.code };
        return (await send('GET', `/v1/orders/${(res.body as OrderView).orderId}`, who.token)).body as OrderView;
      }),
    );
    const views = answers.filter((a): a is OrderView => 'orderId' in a);
    const completed = views.filter((v) => v.state === 'COMPLETED');
    expect(completed).toHaveLength(limit);
    for (const v of completed) expect(v.order).toMatchObject({ couponDiscountMinor: 500, totalMinor: 3300 - 500 + 550 });
    // The others are refused at the door (409, once the uses are gone) or by the saga's conditional redeem (a race the door check cannot see), never with an order.
    const others = answers.filter((a) => !('orderId' in a) || a.state !== 'COMPLETED');
    expect(others).toHaveLength(7 - limit);
    for (const o of others) {
      if ('orderId' in o) expect([o.state, o.failure?.code, o.order]).toEqual(['FAILED', 'COUPON_EXHAUSTED', undefined]);
      else expect(o).toEqual({ refused: 409, code: 'COUPON_EXHAUSTED' });
    }
    expect((await couponNow(created.id)).redeemedCount).toBe(limit);
  });

  it('gives the coupon back when the card is declined, so the next checkout can use it', async () => {
    const created = await coupon(`ONCE-${randomUUID().slice(0, 8)}`, { usageLimit: 1 });
    const declined = await checkout(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: created.code }, 'tok_chargeDeclined'));
    expect(declined).toMatchObject({ state: 'FAILED', failure: { code: 'CARD_DECLINED' } });
    expect(declined.order).toMatchObject({ couponCode: created.code, couponDiscountMinor: 500 });
    expect((await couponNow(created.id)).redeemedCount).toBe(0);
    const next = await checkout(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: created.code }));
    expect(next).toMatchObject({ state: 'COMPLETED', order: { couponDiscountMinor: 500 } });
    expect((await couponNow(created.id)).redeemedCount).toBe(1);
  });

  it('refuses bad coupons with a code, never a 500: unknown, disabled, per customer (at the door), below the minimum (by the saga)', async () => {
    expect(await refused(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: `NOPE-${randomUUID()}`.slice(0, 60) }))).toEqual({ status: 422, code: 'COUPON_INVALID' });

    const disabled = await coupon(`OFF-${randomUUID().slice(0, 8)}`);
    expect(await send('POST', `/v1/staff/coupons/${disabled.id}/disable`, admin)).toMatchObject({ status: 200, body: { disabledAt: expect.any(String) } });
    expect(await refused(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: disabled.code }))).toEqual({ status: 422, code: 'COUPON_INVALID' });

    const once = await coupon(`PER-${randomUUID().slice(0, 8)}`, { perCustomerLimit: 1 });
    const customer = customerToken(platform);
    expect(await checkout(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: once.code }), customer)).toMatchObject({ state: 'COMPLETED' });
    expect(await refused(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: once.code }), customer)).toEqual({ status: 409, code: 'COUPON_EXHAUSTED' });
    expect(await refused(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: 'A\u0000B' }))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });

    const big = await coupon(`MIN-${randomUUID().slice(0, 8)}`, { minOrderMinor: 5000, usageLimit: 1 });
    expect(await checkout(checkoutBody([{ sku: pot, quantity: 1 }], { couponCode: big.code }))).toMatchObject({ state: 'FAILED', failure: { code: 'COUPON_MIN_ORDER_NOT_MET' } });
    // Restored by the saga: the one use is still there.
    expect((await couponNow(big.id)).redeemedCount).toBe(0);

    expect(await send('POST', '/v1/staff/coupons', admin, { code: once.code, kind: 'FIXED', value: 1 })).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_EXISTS' } } });
    expect(await send('POST', '/v1/staff/coupons', admin, { code: 'X', kind: 'PERCENT', value: 150 })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await send('POST', '/v1/staff/coupons', customerToken(platform).token, { code: 'X', kind: 'FIXED', value: 1 })).toMatchObject({ status: 403 });
  });
});
