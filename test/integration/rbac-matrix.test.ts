import { randomUUID } from 'node:crypto';
import { openApiDocument, type Permission } from '../../api/openapi';
import { signAccessToken } from '../../lib/access-token';
import { can, PERMISSIONS, ROLES, type Role } from '../../lib/permissions';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../lib/webhook-signature';
import { CARRIER_SIGNATURE_HEADER } from '../../api/routes/fulfilment';
import { createProduct, customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface DocumentedOperation {
  key: string;
  method: (typeof METHODS)[number];
  path: string;
  permission: Permission;
}

/** Every operation of the served OpenAPI document with the permission it declares. */
function documentedOperations(): DocumentedOperation[] {
  const paths = (openApiDocument().paths ?? {}) as Record<string, Partial<Record<string, { 'x-permission'?: unknown }>>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      key: `${method.toUpperCase()} ${path}`,
      method,
      path,
      permission: item[method]!['x-permission'] as Permission,
    })),
  );
}

/** A plausible value for a path parameter, fresh per call so no probe touches another's data. */
function paramValue(name: string): string {
  if (/^(orderId|pingId|addressId)$/.test(name)) return randomUUID();
  if (name === 'sku') return `RBAC-${randomUUID().slice(0, 8)}`;
  return `rbac-${randomUUID()}`;
}

/**
 * A body every mutating route's schema rejects (they are strict): an allowed caller gets a 400 and
 * nothing is written, which proves authorization passed without side effects.
 */
const PROBE_BODY = { rbacProbe: true };

/** Routes whose authentication is not the bearer token, each asserted on its own below. */
/**
 * Operator/admin acts although the merchant role holds their permission (catalog:write): creating a
 * merchant and writing the category tree every merchant shares (api/routes/merchant-tenancy.ts).
 */
const STAFF_ONLY = new Set(['POST /v1/staff/merchants', 'POST /v1/staff/categories', 'PUT /v1/staff/categories/{categoryId}']);
const TENANT_ROLES: readonly Role[] = ['merchant', 'cashier'];
const SPECIAL = new Set(['POST /v1/webhooks/payments', 'POST /v1/webhooks/carrier', 'DELETE /v1/sessions/current']);

const operations = documentedOperations();

/**
 * The authorization matrix on the real stack: every operation of the OpenAPI document, called
 * without a token and with a token of each role, must answer exactly as its x-permission and the
 * one table of lib/permissions.ts say. A route whose guard disagrees with the table fails here.
 */
describe('RBAC matrix: every documented route × no token and each role (real api and services)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function call(op: { method: string; path: string }, opts: { role?: Role; body?: unknown; headers?: Record<string, string> } = {}) {
    const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(paramValue(name)));
    const headers: Record<string, string> = { ...opts.headers };
    // A fresh account id and token per call: a probe that signs out revokes only its own token.
    if (opts.role) headers.authorization = `Bearer ${customerToken(platform, `rbac-${opts.role}-${randomUUID()}`, opts.role).token}`;
    const body = op.method === 'get' ? undefined : JSON.stringify(opts.body ?? PROBE_BODY);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${platform.api}${url}`, { method: op.method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    return { status: res.status, code };
  }

  it('covers every operation, each with a declared permission, staff routes included', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) expect({ key: op.key, known: ['public', 'authenticated', ...PERMISSIONS].includes(op.permission) }).toEqual({ key: op.key, known: true });
    const guarded = new Set(operations.map((o) => o.permission));
    // A permission a role holds but no route checks is a promise the api does not keep (orders:cancel:any guarded nothing before the staff cancel and refund).
    for (const permission of ['catalog:write', 'stock:adjust', 'delivery:manage', 'orders:read:any', 'orders:cancel:any', 'orders:operate', 'analytics:read', 'checkout:create', 'coupons:manage'] as const) {
      expect({ permission, documented: guarded.has(permission) }).toEqual({ permission, documented: true });
    }
    for (const key of SPECIAL) expect(operations.map((o) => o.key)).toContain(key);
  });

  const regular = operations.filter((o) => !SPECIAL.has(o.key));
  it.each(regular.map((o) => [o.key, o] as const))('%s answers no token and every role as its x-permission says', async (_key, op) => {
    const outcomes: { caller: string; status: number; code: string | undefined }[] = [];
    const anonymous = await call(op);
    outcomes.push({ caller: 'none', ...anonymous });
    for (const role of ROLES) outcomes.push({ caller: role, ...(await call(op, { role })) });

    // Built from the table, then compared whole, so a failure lists every caller that disagrees.
    const expected = outcomes.map(({ caller, status, code }) => {
      const denied = status === 401 || status === 403;
      if (op.permission === 'public') return { caller, status: denied ? 'never 401/403' : status, code };
      if (caller === 'none') return { caller, status: 401, code: 'UNAUTHENTICATED' };
      const staffOnly = STAFF_ONLY.has(op.key) && TENANT_ROLES.includes(caller as Role);
      if (op.permission === 'authenticated' || (can(caller as Role, op.permission) && !staffOnly)) return { caller, status: denied ? 'authorized (not 401/403)' : status, code };
      return { caller, status: 403, code: 'FORBIDDEN' };
    });
    expect(outcomes).toEqual(expected);
    // An authorized call must still reach the route: a 5xx here would hide what the guard did.
    for (const o of outcomes) expect({ caller: o.caller, serverError: o.status >= 500 }).toEqual({ caller: o.caller, serverError: false });
  });

  it('POST /v1/webhooks/payments authenticates by its HMAC signature, never by a bearer token', async () => {
    const op = { method: 'post', path: '/v1/webhooks/payments' };
    for (const role of [undefined, ...ROLES]) {
      // No signature: 401 whoever the bearer token says the caller is.
      expect({ role, ...(await call(op, { ...(role ? { role } : {}), body: {} })) }).toEqual({ role, status: 401, code: 'UNAUTHENTICATED' });
      // A valid signature over a body that is no slip.paid event: authenticated, then rejected as invalid.
      const raw = JSON.stringify(PROBE_BODY);
      const signature = signWebhook(platform.config.PAYMENT_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), raw);
      expect({ role, ...(await call(op, { ...(role ? { role } : {}), body: PROBE_BODY, headers: { [WEBHOOK_SIGNATURE_HEADER]: signature } })) }).toEqual({
        role,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('POST /v1/webhooks/carrier authenticates by the carrier’s HMAC signature, never by a bearer token (nor by the payment provider’s secret)', async () => {
    const op = { method: 'post', path: '/v1/webhooks/carrier' };
    const raw = JSON.stringify(PROBE_BODY);
    const signed = (secret: string) => ({ [CARRIER_SIGNATURE_HEADER]: signWebhook(secret, Math.floor(Date.now() / 1000), raw) });
    for (const role of [undefined, ...ROLES]) {
      const as = role ? { role } : {};
      expect({ role, ...(await call(op, { ...as, body: {} })) }).toEqual({ role, status: 401, code: 'UNAUTHENTICATED' });
      expect({ role, ...(await call(op, { ...as, body: PROBE_BODY, headers: signed(platform.config.PAYMENT_WEBHOOK_SECRET) })) }).toEqual({ role, status: 401, code: 'UNAUTHENTICATED' });
      // Signed with the carrier's secret, a body that is no tracking.updated event: authenticated, then rejected as invalid.
      expect({ role, ...(await call(op, { ...as, body: PROBE_BODY, headers: signed(platform.config.CARRIER_WEBHOOK_SECRET) })) }).toEqual({ role, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('DELETE /v1/sessions/current needs the token it signs out (401 without one) and lets every role sign out', async () => {
    const op = { method: 'delete', path: '/v1/sessions/current' };
    expect(await call(op, { body: {} })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    for (const role of ROLES) expect({ role, ...(await call(op, { role, body: {} })) }).toEqual({ role, status: 204, code: undefined });
  });
});

/**
 * Tenancy on the real stack: merchant B's tokens (its merchant and its cashier, both naming B in the
 * `mid` claim) on every route scoped to a merchant, aimed at merchant A's data with bodies that would
 * change it, answer 404 (or 403) and change nothing; A's own merchant token reaches the same data.
 */
describe('tenancy matrix: merchant B’s tokens × merchant A’s data on every merchant-scoped route', () => {
  let platform: RunningPlatform;
  const ids = { a: `rbac-ma-${randomUUID()}`, b: `rbac-mb-${randomUUID()}`, familyA: `rbac-pa-${randomUUID()}`, cashierA: `rbac-ca-${randomUUID()}`, cashierB: `rbac-cb-${randomUUID()}` };
  let skuA: string;
  let skuB: string;
  let saleA: string;
  // A's storefront order (every line A's), and one that also holds B's goods (staff-only for both merchants).
  const orderA = randomUUID();
  const mixedOrder = randomUUID();
  // A report day of this run only: A's and B's sales and settlements on it are rows this test wrote.
  const reportDay = '2031-03-03';

  const tokenOf = (userId: string, role: Role, merchantId: string) =>
    signAccessToken({ id: userId, email: `${userId}@example.com`, role, merchantId }, { secret: platform.config.JWT_SECRET, ttlSeconds: 3600, now: new Date() }).token;
  async function send(method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${platform.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const parsed = (await res.json().catch(() => ({}))) as { error?: { code?: string }; settlements?: { merchantId: string }[] };
    return { status: res.status, code: parsed.error?.code, body: parsed };
  }
  /** What A owns, read straight from the database: no probe may change any of it. */
  const snapshotOfA = async () => ({
    stock: (await platform.prisma.stock.findUnique({ where: { sku: skuA } }))?.onHand,
    family: (await platform.prisma.productFamily.findUnique({ where: { id: ids.familyA } }))?.name,
    variant: await platform.prisma.product.findUnique({ where: { sku: skuA }, select: { name: true, priceMinor: true, productId: true } }),
    merchant: (await platform.prisma.merchant.findUnique({ where: { id: ids.a } }))?.name,
    sale: saleA ? (await platform.prisma.posSale.findUnique({ where: { id: saleA } }))?.status : undefined,
  });

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    for (const id of [ids.a, ids.b]) await platform.prisma.merchant.create({ data: { id, name: `Tenancy ${id}` } });
    await platform.prisma.productFamily.create({ data: { id: ids.familyA, merchantId: ids.a, name: 'A’s tea' } });
    skuA = await createProduct(platform, { priceMinor: 1000, stock: 20 });
    await platform.prisma.product.update({ where: { sku: skuA }, data: { productId: ids.familyA } });
    await platform.prisma.merchantCashier.createMany({ data: [{ userId: ids.cashierA, merchantId: ids.a }, { userId: ids.cashierB, merchantId: ids.b }] });
    const familyB = `rbac-pb-${randomUUID()}`;
    await platform.prisma.productFamily.create({ data: { id: familyB, merchantId: ids.b, name: 'B’s tea' } });
    skuB = await createProduct(platform, { priceMinor: 500, stock: 20 });
    await platform.prisma.product.update({ where: { sku: skuB }, data: { productId: familyB } });
    const order = (id: string, lines: { sku: string; priceMinor: number }[]) => {
      const subtotal = lines.reduce((sum, l) => sum + l.priceMinor, 0);
      return platform.prisma.order.create({
        data: {
          id,
          customerId: `rbac-customer-${randomUUID()}`,
          customerEmail: 'tenancy@example.com',
          status: 'CONFIRMED',
          currency: 'JPY',
          subtotalMinor: subtotal,
          totalMinor: subtotal,
          address: { name: '山田 花子', postalCode: '100-0001', prefecture: '東京都', city: '千代田区', line1: '千代田1-1' },
          paymentMethod: 'card',
          lines: { create: lines.map((l) => ({ sku: l.sku, name: `茶 ${l.sku}`, quantity: 1, unitPriceMinor: l.priceMinor, lineTotalMinor: l.priceMinor })) },
        },
      });
    };
    await order(orderA, [{ sku: skuA, priceMinor: 1000 }]);
    await order(mixedOrder, [{ sku: skuA, priceMinor: 1000 }, { sku: skuB, priceMinor: 500 }]);
    const day = new Date(`${reportDay}T00:00:00Z`);
    await platform.prisma.dailySales.createMany({ data: [skuA, skuB].map((sku) => ({ day, sku, orders: 1, quantity: 1, revenueMinor: 1000n, currency: 'JPY' })) });
    await platform.prisma.merchantSettlement.createMany({
      data: [ids.a, ids.b].map((merchantId) => ({ merchantId, businessDate: day, paidMinor: 1000n, refundedMinor: 0n, feesMinor: 30n, netMinor: 970n, entries: 2 })),
    });
    const sale = await send('POST', '/v1/pos/sales', tokenOf(ids.cashierA, 'cashier', ids.a), { lines: [{ sku: skuA, quantity: 1 }], payment: { type: 'cash', tenderedMinor: 1000 } });
    expect(sale.status).toBe(201);
    saleA = (sale.body as unknown as { saleId: string }).saleId;
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const probes = () => [
    { method: 'GET', path: `/v1/staff/stock/${skuA}` },
    { method: 'POST', path: `/v1/staff/stock/${skuA}/adjustments`, body: { delta: -5, reason: 'tenancy probe' } },
    { method: 'GET', path: `/v1/staff/products/${ids.familyA}` },
    { method: 'PUT', path: `/v1/staff/products/${ids.familyA}`, body: { merchantId: ids.b, name: 'Taken over' } },
    { method: 'PUT', path: `/v1/staff/products/${ids.familyA}/variants/${skuA}`, body: { name: 'Taken over', priceMinor: 1 } },
    { method: 'PUT', path: `/v1/staff/merchants/${ids.a}`, body: { name: 'Taken over' } },
    { method: 'GET', path: `/v1/pos/sales/${saleA}` },
    // A's completed sale: B's refund is 404 and leaves it COMPLETED (snapshotOfA).
    { method: 'POST', path: `/v1/pos/sales/${saleA}/refunds`, body: { reason: 'tenancy probe' } },
    // A's order, and the mixed order (B's goods too: still not B's to see or change).
    ...[orderA, mixedOrder].flatMap((orderId) => [
      { method: 'GET', path: `/v1/staff/orders/${orderId}` },
      { method: 'GET', path: `/v1/staff/orders/${orderId}/saga` },
      { method: 'POST', path: `/v1/staff/orders/${orderId}/cancel`, body: { reason: 'tenancy probe' } },
      { method: 'POST', path: `/v1/staff/orders/${orderId}/refund`, body: { reason: 'tenancy probe' } },
      { method: 'POST', path: `/v1/staff/orders/${orderId}/returns`, body: { lines: [{ sku: skuA, quantity: 1 }], reason: 'tenancy probe' } },
      { method: 'POST', path: `/v1/staff/orders/${orderId}/retry`, body: {} },
      { method: 'POST', path: `/v1/staff/orders/${orderId}/fulfilment`, body: { event: 'DELIVERED' } },
    ]),
    // Operator/admin acts: creating merchants, the shared category tree, delivery zones and slots.
    { method: 'POST', path: '/v1/staff/merchants', body: { name: 'Another shop', cashierUserIds: [ids.cashierA] } },
    { method: 'POST', path: '/v1/staff/categories', body: { slug: `rbac-${randomUUID().slice(0, 8)}`, name: 'Taken over' } },
    { method: 'PUT', path: `/v1/staff/categories/rbac-${randomUUID()}`, body: { slug: `rbac-${randomUUID().slice(0, 8)}`, name: 'Taken over' } },
    { method: 'PUT', path: `/v1/staff/delivery/zones/rbac-${randomUUID()}`, body: { name: 'Taken over', postalPrefixes: ['100'], cutoffTime: '14:00' } },
  ];

  it('answers 404 (or 403) to B’s merchant and cashier on each route, and A’s data stays as it was', async () => {
    const before = await snapshotOfA();
    const outcomes: { caller: string; route: string; status: number; code: string | undefined }[] = [];
    for (const [caller, token] of [
      ['merchant B', tokenOf(`rbac-owner-b-${randomUUID()}`, 'merchant', ids.b)],
      ['cashier B', tokenOf(ids.cashierB, 'cashier', ids.b)],
    ] as const) {
      for (const probe of probes()) {
        const { status, code } = await send(probe.method, probe.path, token, probe.body);
        outcomes.push({ caller, route: `${probe.method} ${probe.path}`, status, code });
      }
    }
    // Compared whole, so a failure lists every route that let B through.
    expect(outcomes).toEqual(outcomes.map((o) => ({ ...o, status: o.status === 403 ? 403 : 404, code: o.status === 403 ? 'FORBIDDEN' : 'NOT_FOUND' })));
    expect(await snapshotOfA()).toEqual(before);
    // A settlement list is B's own: never a row of A.
    const settlements = await send('GET', '/v1/merchant/settlements', tokenOf(`rbac-owner-b-${randomUUID()}`, 'merchant', ids.b));
    expect({ status: settlements.status, merchants: (settlements.body.settlements ?? []).map((s) => s.merchantId).filter((m) => m !== ids.b) }).toEqual({ status: 200, merchants: [] });
    // Lists: B's order list holds neither A's order nor the mixed one; B's sales report holds neither A's SKU nor A's settlement.
    for (const token of [tokenOf(`rbac-owner-b-${randomUUID()}`, 'merchant', ids.b), tokenOf(ids.cashierB, 'cashier', ids.b)]) {
      const list = (await send('GET', '/v1/staff/orders?customerEmail=tenancy@example.com&pageSize=100', token)).body as unknown as { orders: { orderId: string }[] };
      expect(list.orders.map((o) => o.orderId).filter((id) => id === orderA || id === mixedOrder)).toEqual([]);
    }
    const report = (await send('GET', `/v1/staff/analytics/sales?from=${reportDay}&to=${reportDay}`, tokenOf(`rbac-owner-b-${randomUUID()}`, 'merchant', ids.b))).body as unknown as {
      sales: { sku: string }[];
      settlements: { merchantId: string }[];
    };
    expect({ skus: report.sales.map((r) => r.sku), merchants: report.settlements.map((r) => r.merchantId) }).toEqual({ skus: [skuB], merchants: [ids.b] });
    // B cannot take A's cashier into its own cashier set (the cashier stays A's).
    const takeCashier = await send('PUT', `/v1/staff/merchants/${ids.b}`, tokenOf(`rbac-owner-b-${randomUUID()}`, 'merchant', ids.b), { name: `Tenancy ${ids.b}`, cashierUserIds: [ids.cashierA] });
    expect({ status: takeCashier.status, cashierOf: (await platform.prisma.merchantCashier.findUnique({ where: { userId: ids.cashierA } }))?.merchantId }).toEqual({ status: 409, cashierOf: ids.a });
  });

  it('lets A’s own merchant token reach the same data (the 404s above are tenancy, not broken routes)', async () => {
    const own = tokenOf(`rbac-owner-a-${randomUUID()}`, 'merchant', ids.a);
    expect((await send('GET', `/v1/staff/stock/${skuA}`, own)).status).toBe(200);
    expect((await send('GET', `/v1/staff/products/${ids.familyA}`, own)).status).toBe(200);
    expect((await send('GET', `/v1/pos/sales/${saleA}`, tokenOf(ids.cashierA, 'cashier', ids.a))).status).toBe(200);
    expect((await send('GET', `/v1/staff/orders/${orderA}`, own)).status).toBe(200);
    // The mixed order is staff-only: A's token does not see it either; an operator does.
    expect((await send('GET', `/v1/staff/orders/${mixedOrder}`, own)).status).toBe(404);
    expect((await send('GET', `/v1/staff/orders/${mixedOrder}`, tokenOf(`rbac-operator-${randomUUID()}`, 'operator', ids.a))).status).toBe(200);
    const list = (await send('GET', '/v1/staff/orders?customerEmail=tenancy@example.com&pageSize=100', own)).body as unknown as { orders: { orderId: string }[]; total: number };
    expect(list.orders.map((o) => o.orderId).filter((id) => id === orderA || id === mixedOrder)).toEqual([orderA]);
    const report = (await send('GET', `/v1/staff/analytics/sales?from=${reportDay}&to=${reportDay}`, own)).body as unknown as { sales: { sku: string }[]; settlements: { merchantId: string; netMinor: number }[] };
    expect({ skus: report.sales.map((r) => r.sku), settlements: report.settlements }).toMatchObject({ skus: [skuA], settlements: [{ merchantId: ids.a, netMinor: 970 }] });
  });
});
