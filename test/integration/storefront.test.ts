import { randomUUID } from 'node:crypto';
import { callUnary } from '../../lib/grpc';
import type { Category, Category__Output } from '../../proto/generated/checkout/catalog/v1/Category';
import type { Merchant, Merchant__Output } from '../../proto/generated/checkout/catalog/v1/Merchant';
import type { ProductDetail__Output } from '../../proto/generated/checkout/catalog/v1/ProductDetail';
import type { StorefrontProduct } from '../../proto/generated/checkout/catalog/v1/StorefrontProduct';
import type { Variant, Variant__Output } from '../../proto/generated/checkout/catalog/v1/Variant';
import type { AdjustStockRequest } from '../../proto/generated/checkout/inventory/v1/AdjustStockRequest';
import type { ReserveRequest } from '../../proto/generated/checkout/inventory/v1/ReserveRequest';
import type { Reservation__Output } from '../../proto/generated/checkout/inventory/v1/Reservation';
import type { Stock__Output } from '../../proto/generated/checkout/inventory/v1/Stock';
import type { CreateOrderRequest } from '../../proto/generated/checkout/orders/v1/CreateOrderRequest';
import type { Order__Output } from '../../proto/generated/checkout/orders/v1/Order';
import type { ChargeRequest } from '../../proto/generated/checkout/payments/v1/ChargeRequest';
import type { IssueSlipRequest } from '../../proto/generated/checkout/payments/v1/IssueSlipRequest';
import type { Payment__Output } from '../../proto/generated/checkout/payments/v1/Payment';
import type { PaymentRef } from '../../proto/generated/checkout/payments/v1/PaymentRef';
import { AVAILABILITY_TTL_SECONDS, availabilityKey } from '../../services/catalog/stock-availability';
import { createProduct, customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

type Json = Record<string, unknown>;

/** The storefront routes through REST on the real stack: slots, my orders, my payments, availability, preferences. */
describe('storefront API (real PostgreSQL, Redis, services)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function send(method: string, path: string, token?: string, body?: unknown) {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Json & { error?: { code: string } } };
  }
  const tokyoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });

  /** A zone of its own serving a fresh postal code, with the given slots (day offset from today, start, capacity, booked). */
  async function zoneWithSlots(slots: { day: number; start: string; capacity: number; booked?: number }[]) {
    const digits = String(1_000_000 + Math.floor(Math.random() * 8_999_999));
    const zoneId = `sf-${randomUUID()}`;
    await platform.prisma.deliveryZone.create({ data: { id: zoneId, name: '渋谷ゾーン', postalPrefixes: [digits], cutoffTime: '14:00', timeZone: 'Asia/Tokyo' } });
    const ids: string[] = [];
    for (const s of slots) {
      const date = tokyoDay(s.day);
      const id = `${zoneId}:${date}:${s.start}`;
      ids.push(id);
      await platform.prisma.deliverySlot.create({ data: { id, zoneId, date: new Date(`${date}T00:00:00Z`), windowStart: s.start, windowEnd: '23:00', capacity: s.capacity, booked: s.booked ?? 0 } });
    }
    return { digits, postalCode: `${digits.slice(0, 3)}-${digits.slice(3)}`, ids };
  }

  describe('GET /v1/delivery/slots', () => {
    it('lists the open slots with places left, without a token, leaving out past days and full slots', async () => {
      const zone = await zoneWithSlots([
        { day: -1, start: '09:00', capacity: 5 },
        { day: 1, start: '09:00', capacity: 5, booked: 2 },
        { day: 2, start: '12:00', capacity: 3, booked: 3 },
        { day: 3, start: '09:00', capacity: 4 },
      ]);
      const { status, body } = await send('GET', `/v1/delivery/slots?postalCode=${zone.postalCode}`);
      expect(status).toBe(200);
      expect(body).toEqual({
        postalCode: zone.digits,
        slots: [
          { slotId: zone.ids[1], date: tokyoDay(1), windowStart: '09:00', windowEnd: '23:00', capacity: 5, remaining: 3 },
          { slotId: zone.ids[3], date: tokyoDay(3), windowStart: '09:00', windowEnd: '23:00', capacity: 4, remaining: 4 },
        ],
      });
      // Full-width digits and the full-width hyphen, as a Japanese keyboard types them.
      const fullWidth = zone.postalCode.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('-', '－');
      expect((await send('GET', `/v1/delivery/slots?postalCode=${encodeURIComponent(fullWidth)}`)).body.slots).toHaveLength(2);
    });

    it('bounds the range: from/to select days, more than 31 days is 400 DATE_RANGE_TOO_LONG, to before from is 400', async () => {
      const zone = await zoneWithSlots([{ day: 1, start: '09:00', capacity: 5 }, { day: 3, start: '09:00', capacity: 5 }]);
      const only = await send('GET', `/v1/delivery/slots?postalCode=${zone.digits}&from=${tokyoDay(2)}&to=${tokyoDay(3)}`);
      expect((only.body.slots as { slotId: string }[]).map((s) => s.slotId)).toEqual([zone.ids[1]]);
      expect(await send('GET', `/v1/delivery/slots?postalCode=${zone.digits}&from=${tokyoDay(1)}&to=${tokyoDay(31)}`)).toMatchObject({ status: 200 });
      expect(await send('GET', `/v1/delivery/slots?postalCode=${zone.digits}&from=${tokyoDay(1)}&to=${tokyoDay(32)}`)).toMatchObject({ status: 400, body: { error: { code: 'DATE_RANGE_TOO_LONG' } } });
      expect(await send('GET', `/v1/delivery/slots?postalCode=${zone.digits}&from=${tokyoDay(3)}&to=${tokyoDay(1)}`)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
      expect(await send('GET', `/v1/delivery/slots?postalCode=${zone.digits}&from=tomorrow`)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
      // Dates the day arithmetic cannot follow, and impossible days: 400, never a 500.
      for (const query of ['from=9999-12-31', 'to=9999-12-31', 'from=2099-12-31&to=2100-01-01', 'from=2030-02-30']) {
        expect({ query, ...(await send('GET', `/v1/delivery/slots?postalCode=${zone.digits}&${query}`)) }).toMatchObject({ query, status: 400 });
      }
    });

    it('answers 422 INVALID_POSTAL_CODE for what is no postal code, 422 ADDRESS_NOT_SERVED where no zone delivers, 400 without one', async () => {
      expect(await send('GET', '/v1/delivery/slots?postalCode=12-34')).toMatchObject({ status: 422, body: { error: { code: 'INVALID_POSTAL_CODE' } } });
      expect(await send('GET', `/v1/delivery/slots?postalCode=${encodeURIComponent('東京都')}`)).toMatchObject({ status: 422, body: { error: { code: 'INVALID_POSTAL_CODE' } } });
      expect(await send('GET', '/v1/delivery/slots?postalCode=000-0000')).toMatchObject({ status: 422, body: { error: { code: 'ADDRESS_NOT_SERVED' } } });
      expect(await send('GET', '/v1/delivery/slots')).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    });
  });

  describe('GET /v1/me/orders and /v1/me/payments', () => {
    const address = { name: '山田 花子', postalCode: '1500001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3' };

    /** Orders of a customer placed through the orders service, with distinct, known creation times. */
    async function ordersOf(customerId: string, skus: string[], count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const orderId = randomUUID();
        const lines = skus.map((sku, j) => ({ sku, quantity: j + 1 }));
        await callUnary<CreateOrderRequest, Order__Output>(platform.clients.orders.createOrder.bind(platform.clients.orders), {
          orderId, customerId, lines, address, paymentMethod: 'card', idempotencyKey: `sf:${orderId}`, customerEmail: `${customerId}@example.com`,
        });
        await platform.prisma.order.update({ where: { id: orderId }, data: { createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, i)) } });
        ids.push(orderId);
      }
      return ids;
    }

    it('pages the caller’s own orders newest first, with status, total and a lines summary; never another account’s', async () => {
      const skus = [await createProduct(platform, { priceMinor: 500, stock: 100 }), await createProduct(platform, { priceMinor: 300, stock: 100 }), await createProduct(platform, { priceMinor: 100, stock: 100 }), await createProduct(platform, { priceMinor: 50, stock: 100 })];
      const me = customerToken(platform);
      const other = customerToken(platform);
      const mine = await ordersOf(me.customerId, skus, 3);
      await ordersOf(other.customerId, skus.slice(0, 1), 1);

      const first = await send('GET', '/v1/me/orders?pageSize=2', me.token);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      const orders = first.body.orders as Json[];
      expect(orders.map((o) => o.orderId)).toEqual([mine[2], mine[1]]);
      expect(orders[0]).toMatchObject({ status: 'PENDING', currency: 'JPY', createdAt: '2030-01-01T00:00:02.000Z', itemCount: 10, moreLines: 1 });
      expect(orders[0]!.lines).toHaveLength(3);
      const second = await send('GET', '/v1/me/orders?page=2&pageSize=2', me.token);
      expect((second.body.orders as Json[]).map((o) => o.orderId)).toEqual([mine[0]]);
      expect((await send('GET', '/v1/me/orders', other.token)).body).toMatchObject({ total: 1 });

      expect(await send('GET', '/v1/me/orders?pageSize=51', me.token)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
      expect(await send('GET', `/v1/me/orders?customerId=${other.customerId}`, me.token)).toMatchObject({ status: 400 });
      expect(await send('GET', '/v1/me/orders')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    });

    it('lists the caller’s payments: card with its refund, a konbini slip with its number and expiry; not another account’s', async () => {
      const sku = await createProduct(platform, { priceMinor: 1200, stock: 100 });
      const me = customerToken(platform);
      const other = customerToken(platform);
      const [cardOrder, slipOrder] = await ordersOf(me.customerId, [sku], 2);
      const [otherOrder] = await ordersOf(other.customerId, [sku], 1);
      const { payments } = platform.clients;
      const card = await callUnary<ChargeRequest, Payment__Output>(payments.charge.bind(payments), { paymentId: randomUUID(), orderId: cardOrder!, amountMinor: 1200, currency: 'JPY', cardToken: 'tok_visa', idempotencyKey: randomUUID() });
      await callUnary<PaymentRef, Payment__Output>(payments.refund.bind(payments), { paymentId: card.paymentId, idempotencyKey: randomUUID() });
      const expiresAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const slip = await callUnary<IssueSlipRequest, Payment__Output>(payments.issueSlip.bind(payments), { paymentId: randomUUID(), orderId: slipOrder!, amountMinor: 2400, currency: 'JPY', method: 'konbini', expiresAt, idempotencyKey: randomUUID() });
      await callUnary<ChargeRequest, Payment__Output>(payments.charge.bind(payments), { paymentId: randomUUID(), orderId: otherOrder!, amountMinor: 1200, currency: 'JPY', cardToken: 'tok_visa', idempotencyKey: randomUUID() });

      const { status, body } = await send('GET', '/v1/me/payments', me.token);
      expect(status).toBe(200);
      const list = body.payments as Json[];
      expect(list.map((p) => p.paymentId).sort()).toEqual([card.paymentId, slip.paymentId].sort());
      expect(list.find((p) => p.paymentId === card.paymentId)).toMatchObject({ orderId: cardOrder, method: 'card', status: 'REFUNDED', amountMinor: 1200, refundedMinor: 1200, refunds: [{ amountMinor: 1200 }] });
      expect(list.find((p) => p.paymentId === card.paymentId)).not.toHaveProperty('slip');
      expect(list.find((p) => p.paymentId === slip.paymentId)).toMatchObject({ method: 'konbini', status: 'PENDING', slip: { number: slip.slipNumber, expiresAt: slip.expiresAt }, refunds: [] });
      expect(slip.slipNumber).toBeTruthy();
      expect((await send('GET', '/v1/me/payments', other.token)).body.payments as Json[]).toHaveLength(1);
      expect((await send('GET', '/v1/me/payments', customerToken(platform).token)).body).toMatchObject({ payments: [], totalOrders: 0 });
    });
  });

  describe('availability on GET /v1/products/:id', () => {
    it('shows each variant in_stock, low_stock with its count, or out_of_stock from on hand − reserved, and a sold-out SKU no longer in stock once its cache entry expires', async () => {
      const { catalog, inventory } = platform.clients;
      const merchantId = `sf-m-${randomUUID().slice(0, 8)}`;
      const productId = `sf-p-${randomUUID().slice(0, 8)}`;
      await callUnary<Merchant, Merchant__Output>(catalog.upsertMerchant.bind(catalog), { id: merchantId, name: '茶舗', active: true });
      const categoryId = `sf-c-${randomUUID().slice(0, 8)}`;
      await callUnary<Category, Category__Output>(catalog.upsertCategory.bind(catalog), { id: categoryId, slug: `sf-${categoryId}`, name: 'お茶', active: true });
      await callUnary<StorefrontProduct, ProductDetail__Output>(catalog.upsertStorefrontProduct.bind(catalog), { id: productId, merchantId, categoryId, name: '抹茶', description: '', imageUrls: [], active: true });
      const skus = { plenty: `${productId}-100G`, few: `${productId}-200G`, reservedAway: `${productId}-500G`, none: `${productId}-1KG` };
      for (const [i, sku] of Object.values(skus).entries()) {
        await callUnary<Variant, Variant__Output>(catalog.upsertVariant.bind(catalog), { sku, productId, name: sku, attributes: {}, priceMinor: 1000 + i, currency: 'JPY', active: true });
      }
      const adjust = (sku: string, delta: number) => callUnary<AdjustStockRequest, Stock__Output>(inventory.adjustStock.bind(inventory), { sku, delta, reason: 'storefront test' });
      await adjust(skus.plenty, 50);
      await adjust(skus.few, 3);
      await adjust(skus.reservedAway, 2);
      // Reserved units are not sellable: 2 on hand, 2 reserved is out of stock.
      await callUnary<ReserveRequest, Reservation__Output>(inventory.reserve.bind(inventory), { reservationId: randomUUID(), orderId: randomUUID(), lines: [{ sku: skus.reservedAway, quantity: 2 }], ttlSeconds: 600, idempotencyKey: randomUUID() });

      const page = await send('GET', `/v1/products/${productId}`);
      expect(page.status).toBe(200);
      const bySku = Object.fromEntries((page.body.variants as Json[]).map((v) => [v.sku, v]));
      expect(bySku[skus.plenty]).toMatchObject({ availability: 'in_stock' });
      expect(bySku[skus.plenty]).not.toHaveProperty('availableQuantity');
      expect(bySku[skus.few]).toMatchObject({ availability: 'low_stock', availableQuantity: 3 });
      expect(bySku[skus.reservedAway]).toMatchObject({ availability: 'out_of_stock' });
      expect(bySku[skus.none]).toMatchObject({ availability: 'out_of_stock' });

      // Sold out after the page was cached: the count is cached for AVAILABILITY_TTL_SECONDS only.
      await adjust(skus.plenty, -50);
      const ttl = await platform.redis.ttl(availabilityKey(skus.plenty));
      expect(ttl > 0 && ttl <= AVAILABILITY_TTL_SECONDS).toBe(true);
      // Expiry is Redis's job; the test ends the entry's life instead of sleeping through it.
      await platform.redis.del(availabilityKey(skus.plenty));
      const after = await send('GET', `/v1/products/${productId}`);
      expect((after.body.variants as Json[]).find((v) => v.sku === skus.plenty)).toMatchObject({ availability: 'out_of_stock' });
    });
  });

  describe('GET/PUT /v1/me/preferences', () => {
    async function account() {
      const email = `sf-${randomUUID()}@example.com`;
      const created = await send('POST', '/v1/accounts', undefined, { email, password: 'correct horse battery staple', name: '山田 花子' });
      expect(created.status).toBe(201);
      const session = await send('POST', '/v1/sessions', undefined, { email, password: 'correct horse battery staple' });
      expect(session.status).toBe(200);
      return session.body.accessToken as string;
    }

    it('answers the defaults, saves a whole document, and takes only the account’s own address as default', async () => {
      const token = await account();
      expect(await send('GET', '/v1/me/preferences', token)).toEqual({ status: 200, body: { language: 'ja', marketingEmails: false, defaultAddressId: null, updatedAt: null } });
      const address = await send('POST', '/v1/me/addresses', token, { name: '山田 花子', postalCode: '150-0001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-2-3' });
      expect(address.status).toBe(201);
      const addressId = address.body.id as string;
      const saved = await send('PUT', '/v1/me/preferences', token, { language: 'en', marketingEmails: true, defaultAddressId: addressId });
      expect(saved).toMatchObject({ status: 200, body: { language: 'en', marketingEmails: true, defaultAddressId: addressId } });
      expect((await send('GET', '/v1/me/preferences', token)).body).toMatchObject({ language: 'en', marketingEmails: true, defaultAddressId: addressId, updatedAt: expect.any(String) });

      // Another account's address is refused like an unknown one.
      const otherToken = await account();
      const foreign = await send('POST', '/v1/me/addresses', otherToken, { name: '鈴木 一郎', postalCode: '530-0001', prefecture: '大阪府', city: '大阪市', line1: '梅田1-1-1' });
      expect(await send('PUT', '/v1/me/preferences', token, { language: 'ja', marketingEmails: false, defaultAddressId: foreign.body.id })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
      expect(await send('PUT', '/v1/me/preferences', token, { language: 'fr', marketingEmails: false })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
      expect(await send('PUT', '/v1/me/preferences', token, { language: 'ja', marketingEmails: 'yes' })).toMatchObject({ status: 400 });
      expect(await send('PUT', '/v1/me/preferences', token, { language: 'ja', marketingEmails: false, theme: 'dark' })).toMatchObject({ status: 400 });

      // Deleting the default address clears it.
      expect((await fetch(`${platform.api}/v1/me/addresses/${addressId}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
      expect((await send('GET', '/v1/me/preferences', token)).body).toMatchObject({ language: 'en', defaultAddressId: null });
    });
  });
});
