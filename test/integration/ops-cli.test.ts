import { spawn } from 'node:child_process';
import path from 'node:path';
import { retryOrderId } from '../../api/routes/staff/order-operations';
import { checkoutStatusQuery, checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

const ROOT = path.resolve(__dirname, '../..');
/** Each CLI run is a fresh Node process compiling TypeScript: seconds each on a busy 2-core machine. */
const TEST_TIMEOUT_MS = 300_000;
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface SagaView {
  orderId: string;
  state: string;
  failure?: { code: string; message: string };
  compensations: { step: string; status: string; attempts: number; resolvedBy?: string }[];
  timeline: { step: string; status: string }[];
}

/**
 * `npm run ops` as an operator runs it: the real CLI (scripts/ops.ts) as a child process, against the
 * real api, worker and services on PostgreSQL, Redis, Kafka and Temporal. Each command's output and
 * exit code are checked, and the state it leaves in the database.
 */
describe('operator CLI npm run ops (child process against the real platform)', () => {
  let platform: RunningPlatform;
  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  /** Runs `npm run ops -- ...args` with a staff token of `role` (operator unless named). */
  const ops = (args: string[], token = customerToken(platform, `ops-${Math.random().toString(36).slice(2, 8)}`, 'operator').token): Promise<CliRun> =>
    new Promise((resolve, reject) => {
      // Only what the CLI needs: which api, which token; NODE_ENV=test so no development token is signed.
      const child = spawn(process.execPath, [TSX, 'scripts/ops.ts', ...args], {
        cwd: ROOT,
        env: { NODE_ENV: 'test', OPS_API_URL: platform.api, OPS_TOKEN: token, JWT_SECRET: platform.config.JWT_SECRET },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const json = <T>(run: CliRun): T => {
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    return JSON.parse(run.stdout) as T;
  };

  const checkout = async (token: string, sku: string, slot: { slotId: string; postalCode: string }, payment: unknown = { type: 'card', cardToken: 'tok_visa' }) => {
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', Prefer: 'wait=30' },
      body: JSON.stringify({
        lines: [{ sku, quantity: 1 }],
        address: { name: '佐藤 一郎', postalCode: slot.postalCode, prefecture: '大阪府', city: '大阪市北区', line1: '梅田1-1-1' },
        payment,
        deliverySlotId: slot.slotId,
      }),
    });
    return (await res.json()) as SagaView;
  };
  /** A konbini checkout, which waits for its slip to be paid: a running saga to cancel. */
  const awaitingPayment = async (token: string, sku: string, slot: { slotId: string; postalCode: string }) => {
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        lines: [{ sku, quantity: 1 }],
        address: { name: '佐藤 一郎', postalCode: slot.postalCode, prefecture: '大阪府', city: '大阪市北区', line1: '梅田1-1-1' },
        payment: { type: 'konbini' },
        deliverySlotId: slot.slotId,
      }),
    });
    const { orderId } = (await res.json()) as { orderId: string };
    await eventually(async () => ((await platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).query(checkoutStatusQuery)).state === 'AWAITING_PAYMENT' ? true : undefined), 60_000, 'the slip to be issued');
    return orderId;
  };

  it('--help lists every command with the exit codes; a wrong command line exits 2 with the usage on stderr', async () => {
    const help = await ops(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['orders find', 'orders show', 'orders cancel', 'orders refund', 'orders retry', 'compensations stuck', 'compensations resolve']) expect(help.stdout).toContain(command);
    const resolveHelp = await ops(['compensations', 'resolve', '--help']);
    expect([resolveHelp.code, resolveHelp.stdout]).toEqual([0, expect.stringContaining('--action retry|mark-resolved')]);
    const missing = await ops(['orders', 'show']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('usage: npm run ops -- orders show <orderId>')]);
    const unknownOption = await ops(['orders', 'find', '--colour', 'red']);
    expect(unknownOption.code).toBe(2);
    const badAction = await ops(['compensations', 'resolve', '00000000-0000-4000-8000-000000000000', 'void-payment', '--action', 'ignore']);
    expect([badAction.code, badAction.stderr]).toEqual([2, expect.stringContaining('--action must be retry or mark-resolved')]);
  }, TEST_TIMEOUT_MS);

  it('orders find: by id, by customer id or email and by status, paged; the api rejecting a filter exits 2 with its code', async () => {
    const sku = await createProduct(platform, { priceMinor: 700, stock: 10 });
    const slot = await createDeliverySlot(platform, 10);
    const customer = customerToken(platform);
    const first = await checkout(customer.token, sku, slot);
    const second = await checkout(customer.token, sku, slot);
    expect([first.state, second.state]).toEqual(['COMPLETED', 'COMPLETED']);

    type Page = { orders: { orderId: string; status: string; customerEmail: string }[]; total: number; page: number };
    const byEmail = json<Page>(await ops(['orders', 'find', '--customer', customer.email.toUpperCase(), '--page-size', '1', '--json']));
    expect(byEmail).toMatchObject({ total: 2, page: 1, orders: [{ orderId: second.orderId, customerEmail: customer.email }] });
    const page2 = json<Page>(await ops(['orders', 'find', '--customer', customer.email, '--page-size', '1', '--page', '2', '--json']));
    expect(page2.orders.map((o) => o.orderId)).toEqual([first.orderId]);
    const byIdAndStatus = json<Page>(await ops(['orders', 'find', '--customer', customer.customerId, '--status', 'confirmed', '--json']));
    expect(byIdAndStatus.orders.map((o) => o.orderId)).toEqual([second.orderId, first.orderId]);
    expect(json<Page>(await ops(['orders', 'find', '--customer', customer.customerId, '--status', 'FAILED', '--json'])).total).toBe(0);

    const table = await ops(['orders', 'find', '--customer', customer.customerId, '--page-size', '1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`${second.orderId}  CONFIRMED  700 JPY`);
    expect(table.stdout).toContain('page 1 of 2 (2 orders)');
    expect(table.stderr).toContain(`[ops] GET ${platform.api}/v1/staff/orders?`);

    const one = json<Page>(await ops(['orders', 'find', '--id', first.orderId, '--json']));
    expect(one.orders.map((o) => o.orderId)).toEqual([first.orderId]);
    const badStatus = await ops(['orders', 'find', '--status', 'LOST']);
    expect([badStatus.code, badStatus.stderr]).toEqual([2, expect.stringContaining('VALIDATION_FAILED (HTTP 400)')]);
    // A customer's token is refused by the api's permission check, not by the CLI.
    const asCustomer = await ops(['orders', 'find', '--customer', customer.customerId], customer.token);
    expect([asCustomer.code, asCustomer.stderr]).toEqual([4, expect.stringContaining('FORBIDDEN (HTTP 403)')]);
  }, TEST_TIMEOUT_MS);

  it('orders show: the order, its status history, the saga timeline and compensations; an unknown order exits 3', async () => {
    const sku = await createProduct(platform, { priceMinor: 800, stock: 5 });
    const slot = await createDeliverySlot(platform, 0);
    const customer = customerToken(platform);
    const failed = await checkout(customer.token, sku, slot);
    expect(failed).toMatchObject({ state: 'FAILED', failure: { code: 'SLOT_FULL' } });

    const shown = json<{ order: { status: string; history: { toStatus: string }[] }; saga: SagaView }>(await ops(['orders', 'show', failed.orderId, '--json']));
    expect(shown.order.status).toBe('FAILED');
    expect(shown.order.history.map((h) => h.toStatus)).toEqual(['PENDING', 'PAID', 'FAILED']);
    expect(shown.saga).toMatchObject({ orderId: failed.orderId, state: 'FAILED', failure: { code: 'SLOT_FULL' } });
    expect(shown.saga.compensations.map((c) => [c.step, c.status])).toEqual([
      ['release-delivery', 'DONE'],
      ['refund-payment', 'DONE'],
      ['fail-order', 'DONE'],
      ['release-stock', 'DONE'],
    ]);

    const text = await ops(['orders', 'show', failed.orderId]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('saga state: FAILED');
    expect(text.stdout).toMatch(/failure: SLOT_FULL: slot \S+ is full/);
    expect(text.stdout).toMatch(/PAID → FAILED/);
    expect(text.stdout).toMatch(/book-delivery\s+FAILED/);
    expect(text.stdout).toMatch(/refund-payment\s+DONE/);

    const unknown = await ops(['orders', 'show', '00000000-0000-4000-8000-000000000000']);
    expect([unknown.code, unknown.stderr]).toEqual([3, expect.stringContaining('NOT_FOUND (HTTP 404)')]);
  }, TEST_TIMEOUT_MS);

  it('orders cancel: any customer’s running checkout, undone and recorded with the staff id; a completed one exits 4; a role without orders:cancel:any exits 4', async () => {
    const sku = await createProduct(platform, { priceMinor: 600, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const orderId = await awaitingPayment(customer.token, sku, slot);

    const cashier = customerToken(platform, 'ops-cashier', 'cashier');
    const refused = await ops(['orders', 'cancel', orderId], cashier.token);
    expect([refused.code, refused.stderr]).toEqual([4, expect.stringContaining('FORBIDDEN (HTTP 403)')]);

    const operator = customerToken(platform, 'ops-carla', 'operator');
    const cancelled = await ops(['orders', 'cancel', orderId, '--reason', 'customer phoned'], operator.token);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toContain(`cancelled: order ${orderId} is CANCELLED`);
    expect(cancelled.stderr).toContain(`[ops] POST ${platform.api}/v1/staff/orders/${orderId}/cancel`);
    expect(await platform.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: 'CANCELLED' });
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await platform.prisma.payment.findFirstOrThrow({ where: { orderId } })).toMatchObject({ status: 'VOIDED' });
    // Cancelling twice is cancelling once; the saga keeps the reason with the staff member's id.
    expect(json<SagaView>(await ops(['orders', 'cancel', orderId, '--json']))).toMatchObject({ state: 'CANCELLED', failure: { code: 'CANCELLED', message: 'customer phoned (staff ops-carla)' } });

    const completed = await checkout(customer.token, sku, slot);
    const late = await ops(['orders', 'cancel', completed.orderId]);
    expect([late.code, late.stderr]).toEqual([4, expect.stringContaining('ORDER_NOT_CANCELLABLE (HTTP 409)')]);
    expect(late.stderr).toContain('refund it instead');
  }, TEST_TIMEOUT_MS);

  it('orders refund: a completed order is refunded (money, stock); asking again finds the same refund; a running order exits 4', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const completed = await checkout(customer.token, sku, slot);
    expect(completed.state).toBe('COMPLETED');

    const refund = await ops(['orders', 'refund', completed.orderId, '--reason', 'damaged parcel']);
    expect(refund.code).toBe(0);
    expect(refund.stdout).toContain(`order ${completed.orderId} is REFUNDING`);
    const order = await eventually(async () => {
      const row = await platform.prisma.order.findUniqueOrThrow({ where: { id: completed.orderId }, include: { history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } });
      return row.status === 'REFUNDED' ? row : undefined;
    }, 60_000, 'the order to be refunded');
    expect(order.history.at(-1)?.reason).toMatch(/^damaged parcel \(staff ops-/);
    const ledger = await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId: completed.orderId } }, orderBy: { id: 'asc' }, select: { kind: true, amountMinor: true } });
    expect(ledger).toEqual([
      { kind: 'CHARGE', amountMinor: 1200 },
      { kind: 'REFUND', amountMinor: -1200 },
    ]);
    await eventually(async () => ((await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).onHand === 5 ? true : undefined), 30_000, 'the stock to be back');
    expect(json<SagaView>(await ops(['orders', 'refund', completed.orderId, '--json'])).state).toBe('REFUNDED');
    expect(json<{ saga: SagaView }>(await ops(['orders', 'show', completed.orderId, '--json'])).saga.state).toBe('REFUNDED');

    const running = await awaitingPayment(customer.token, sku, slot);
    const early = await ops(['orders', 'refund', running]);
    expect([early.code, early.stderr]).toEqual([4, expect.stringContaining('ORDER_NOT_CANCELLABLE (HTTP 409)')]);
    await ops(['orders', 'cancel', running]);
  }, TEST_TIMEOUT_MS);

  it('orders retry: a FAILED order goes through as one linked order once the cause is fixed; a completed one exits 4', async () => {
    const sku = await createProduct(platform, { priceMinor: 900, stock: 5 });
    const slot = await createDeliverySlot(platform, 0);
    const customer = customerToken(platform);
    const failed = await checkout(customer.token, sku, slot);
    expect(failed).toMatchObject({ state: 'FAILED', failure: { code: 'SLOT_FULL' } });
    await platform.prisma.deliverySlot.update({ where: { id: slot.slotId }, data: { capacity: 2 } });

    const retry = await ops(['orders', 'retry', failed.orderId]);
    const retryId = retryOrderId(failed.orderId);
    expect([retry.code, retry.code === 0 ? retry.stdout.trim() : retry.stderr]).toEqual([0, `retry of ${failed.orderId} started: order ${retryId} (ACCEPTED); follow it with: orders show ${retryId}`]);
    await eventually(async () => ((await platform.prisma.order.findUnique({ where: { id: retryId } }))?.status === 'CONFIRMED' ? true : undefined), 60_000, 'the retry to complete');
    const shown = json<{ saga: SagaView & { retryOf: string } }>(await ops(['orders', 'show', retryId, '--json']));
    expect(shown.saga).toMatchObject({ state: 'COMPLETED', retryOf: failed.orderId, customerId: customer.customerId });

    const again = await ops(['orders', 'retry', retryId]);
    expect([again.code, again.stderr]).toEqual([4, expect.stringContaining('ORDER_NOT_RETRYABLE (HTTP 409)')]);
  }, TEST_TIMEOUT_MS);

  it('compensations stuck lists an undo that waits for an operator; compensations resolve settles it and the saga finishes its undos', async () => {
    const sku = await createProduct(platform, { priceMinor: 500, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const orderId = await awaitingPayment(customer.token, sku, slot);
    // The slip's void will fail for good: its idempotency key already answers another operation
    // (IDEMPOTENCY_KEY_REUSED, non-retryable), so the undo stops and waits for an operator.
    const voidKey = `${checkoutWorkflowId(orderId)}:void-payment`;
    await platform.prisma.paymentsIdempotencyKey.create({ data: { key: voidKey, operation: 'Charge', response: { ok: {} } } });

    const cancel = await ops(['orders', 'cancel', orderId]);
    expect([cancel.code, cancel.stdout]).toEqual([0, expect.stringContaining(`cancel taken up, still undoing: order ${orderId} is COMPENSATION_STUCK`)]);
    expect(cancel.stdout).toMatch(/void-payment\s+STUCK/);

    type Stuck = { stuck: { orderId: string; step?: string; lastError?: string }[] };
    const listed = await eventually(async () => {
      const { stuck } = json<Stuck>(await ops(['compensations', 'stuck', '--json']));
      return stuck.find((s) => s.orderId === orderId);
    }, 120_000, 'visibility to list the stuck saga');
    expect(listed).toMatchObject({ step: 'void-payment', lastError: expect.stringContaining('was used for Charge') });
    const text = await ops(['compensations', 'stuck']);
    expect(text.stdout).toMatch(new RegExp(`${orderId}\\s+step void-payment`));

    // Only the undo that waits can be settled.
    const wrongStep = await ops(['compensations', 'resolve', orderId, 'release-stock', '--action', 'retry']);
    expect([wrongStep.code, wrongStep.stderr]).toEqual([4, expect.stringContaining('CONFLICT (HTTP 409)')]);

    // The cause is fixed; the void runs again and the saga goes on with its other undos.
    await platform.prisma.paymentsIdempotencyKey.delete({ where: { key: voidKey } });
    const resolved = await ops(['compensations', 'resolve', orderId, 'void-payment', '--action', 'retry', '--note', 'stale key removed']);
    expect([resolved.code, resolved.stdout]).toEqual([0, expect.stringContaining(`retry of void-payment taken up: order ${orderId}`)]);
    const saga = await eventually(async () => {
      const view = json<{ saga: SagaView }>(await ops(['orders', 'show', orderId, '--json'])).saga;
      return view.state === 'CANCELLED' ? view : undefined;
    }, 120_000, 'the saga to finish its undos');
    // The booking was never reached; a cancel releases it anyway, in case a lost workflow task booked it.
    expect(saga.compensations.map((c) => [c.step, c.status])).toEqual([
      ['release-delivery', 'DONE'],
      ['void-payment', 'DONE'],
      ['fail-order', 'DONE'],
      ['release-stock', 'DONE'],
    ]);
    expect(await platform.prisma.payment.findFirstOrThrow({ where: { orderId } })).toMatchObject({ status: 'VOIDED' });
    expect(await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).toMatchObject({ onHand: 5, reserved: 0 });
    await eventually(async () => {
      const { stuck } = json<Stuck>(await ops(['compensations', 'stuck', '--json']));
      return stuck.some((s) => s.orderId === orderId) ? undefined : true;
    }, 120_000, 'the saga to leave the stuck list');
  }, TEST_TIMEOUT_MS);
});
