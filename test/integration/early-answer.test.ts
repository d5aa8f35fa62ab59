import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

interface CheckoutView {
  orderId: string;
  state: string;
  failure?: { code: string };
  payment?: { method: string; slipNumber?: string; accepted?: string };
  timeline: { step: string; status: string }[];
}

/**
 * The early answer through REST on the real stack (PostgreSQL, Redis, Kafka, the Temporal dev server):
 * `Prefer: until=payment` answers once the payment succeeded, while the rest of the saga runs on.
 */
describe('early answer: POST /v1/checkouts with Prefer: until=payment (real stack)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function checkout(token: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${platform.api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, applied: res.headers.get('preference-applied'), body: (await res.json()) as CheckoutView };
  }
  const body = (sku: string, slot: { slotId: string; postalCode: string }, payment: unknown = { type: 'card', cardToken: 'tok_visa' }) => ({
    lines: [{ sku, quantity: 1 }],
    address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
    payment,
    deliverySlotId: slot.slotId,
  });
  const outcome = (orderId: string) => platform.temporal.workflow.getHandle(checkoutWorkflowId(orderId)).result() as Promise<{ outcome: string }>;

  it('answers a card checkout once it is charged, while delivery booking is held up; the saga then completes', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    // The slot's row is locked until the answer came: delivery.Book cannot finish before it (it waits,
    // or times out and its activity retries), so an answer that waited for the booking never comes.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holding = platform.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM delivery.slots WHERE id = ${slot.slotId} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 120_000 },
    );
    await isLocked;
    let res: Awaited<ReturnType<typeof checkout>>;
    try {
      res = await checkout(customer.token, body(sku, slot), { Prefer: 'wait=30, until=payment', 'Idempotency-Key': `early-${customer.customerId}` });
    } finally {
      release();
      await holding;
    }
    expect(res.status).toBe(200);
    expect(res.applied).toBe('wait=30, until=payment');
    expect(res.body.payment).toMatchObject({ method: 'card', accepted: 'CHARGED' });
    expect(res.body.failure).toBeUndefined();
    expect(['CHARGING_PAYMENT', 'BOOKING_DELIVERY']).toContain(res.body.state);
    expect(res.body.timeline).not.toContainEqual(expect.objectContaining({ step: 'book-delivery', status: 'COMPLETED' }));
    // The money is taken at the time of the answer.
    const ledger = await platform.prisma.ledgerEntry.findMany({ where: { payment: { orderId: res.body.orderId } } });
    expect(ledger).toEqual([expect.objectContaining({ kind: 'CHARGE', amountMinor: 1200 })]);

    expect((await outcome(res.body.orderId)).outcome).toBe('COMPLETED');
    // The same request again (same key and body) after the saga ended: the same order, with its outcome.
    const again = await checkout(customer.token, body(sku, slot), { Prefer: 'until=payment', 'Idempotency-Key': `early-${customer.customerId}` });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ orderId: res.body.orderId, state: 'COMPLETED', payment: { accepted: 'CHARGED' } });
  });

  /** Holds delivery.Book (the slot's row locked) while `run` runs, so the saga cannot finish before it ends. */
  async function withSlotHeld<T>(slotId: string, run: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holding = platform.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM delivery.slots WHERE id = ${slotId} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 120_000 },
    );
    await isLocked;
    try {
      return await run();
    } finally {
      release();
      await holding;
    }
  }

  it('sends the awaitStage update with the start (update-with-start): one call to Temporal, taken in the saga\'s first workflow task', async () => {
    const sku = await createProduct(platform, { priceMinor: 900, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    // The api's own Temporal client (the platform's): which calls it made for this checkout.
    const service = platform.temporal.workflowService;
    const multi = jest.spyOn(service, 'executeMultiOperation');
    const start = jest.spyOn(service, 'startWorkflowExecution');
    const update = jest.spyOn(service, 'updateWorkflowExecution');
    let res: Awaited<ReturnType<typeof checkout>>;
    // Kept before mockRestore(), which clears them.
    const calls = { multi: multi.mock.calls, start: start.mock.calls, update: update.mock.calls };
    try {
      res = await checkout(customer.token, body(sku, slot), { Prefer: 'wait=30, until=payment', 'Idempotency-Key': `with-start-${customer.customerId}` });
    } finally {
      multi.mockRestore();
      start.mockRestore();
      update.mockRestore();
    }
    expect(res.status).toBe(200);
    expect(res.body.payment).toMatchObject({ method: 'card', accepted: 'CHARGED' });
    const workflowId = checkoutWorkflowId(res.body.orderId);
    // Two calls (start, then update) let the first workflow task run without the update: with the saga's
    // first steps as local activities in that task, the answer would wait for the task after them.
    const multiOps = calls.multi.map(([request]) => request).filter((r) => r.operations?.[0]?.startWorkflow?.workflowId === workflowId);
    expect(multiOps.length).toBeGreaterThan(0);
    expect(multiOps[0]?.operations?.[1]?.updateWorkflow).toMatchObject({ workflowExecution: { workflowId }, request: { input: { name: 'awaitStage' } } });
    expect(calls.start.filter(([request]) => request.workflowId === workflowId)).toEqual([]);
    expect(calls.update.filter(([request]) => request.workflowExecution?.workflowId === workflowId)).toEqual([]);
    // In the history: the update is accepted by the first workflow task that completed (a first attempt
    // that failed or timed out on a busy machine leaves no completion, so it does not count).
    const events = (await platform.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const accepted = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    const firstCompletion = events.findIndex((e) => e.workflowTaskCompletedEventAttributes);
    expect(accepted).toBeGreaterThan(firstCompletion);
    // Between them only that task's own commands (its patch and local-activity markers), no other task.
    expect(events.slice(firstCompletion + 1, accepted).filter((e) => e.workflowTaskScheduledEventAttributes || e.workflowTaskCompletedEventAttributes)).toEqual([]);
    // And the answer left with that task, after its three local steps (reserve, create, charge): the
    // local steps after the charge did not hold it back.
    const nextTask = events.findIndex((e, i) => i > firstCompletion && e.workflowTaskScheduledEventAttributes);
    const firstTask = events.slice(firstCompletion + 1, nextTask < 0 ? undefined : nextTask);
    expect(firstTask.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(3);
    expect(firstTask.some((e) => e.workflowExecutionUpdateCompletedEventAttributes)).toBe(true);
    expect((await outcome(res.body.orderId)).outcome).toBe('COMPLETED');
  });

  it('Prefer: wait=1 (the outcome) answers 202 with the running state when the saga is held up; the checkout runs once and a retried key finds it', async () => {
    const sku = await createProduct(platform, { priceMinor: 1100, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const key = { 'Idempotency-Key': `held-${customer.customerId}` };
    const { res, again } = await withSlotHeld(slot.slotId, async () => {
      const first = await checkout(customer.token, body(sku, slot), { Prefer: 'wait=1', ...key });
      // A retry of the same request while the saga runs: the same checkout, answered (not 409, not a second one).
      const second = await checkout(customer.token, body(sku, slot), { Prefer: 'wait=1, until=payment', ...key });
      return { res: first, again: second };
    });
    expect(res.status).toBe(202);
    expect(res.applied).toBe('wait=1');
    expect(res.body.state).not.toBe('COMPLETED');
    expect(again.body.orderId).toBe(res.body.orderId);
    expect([200, 202]).toContain(again.status);
    expect((await outcome(res.body.orderId)).outcome).toBe('COMPLETED');
    const orders = await platform.prisma.order.findMany({ where: { customerId: customer.customerId } });
    expect(orders.map((o) => o.id)).toEqual([res.body.orderId]);
  });

  it('answers a konbini checkout once its slip is issued', async () => {
    const sku = await createProduct(platform, { priceMinor: 800, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot, { type: 'konbini' }), { Prefer: 'until=payment' });
    expect(res.status).toBe(200);
    expect(res.applied).toBe('wait=30, until=payment');
    expect(res.body).toMatchObject({ state: 'AWAITING_PAYMENT', payment: { method: 'konbini', accepted: 'SLIP_ISSUED' } });
    expect(res.body.payment?.slipNumber).toBeTruthy();
    await platform.temporal.workflow.getHandle(checkoutWorkflowId(res.body.orderId)).cancel();
    expect((await outcome(res.body.orderId)).outcome).toBe('CANCELLED');
  });

  it('answers a declined card with its failure, before its undos are done', async () => {
    const sku = await createProduct(platform, { priceMinor: 700, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await checkout(customer.token, body(sku, slot, { type: 'card', cardToken: 'tok_chargeDeclined' }), { Prefer: 'wait=30, until=payment' });
    expect(res.status).toBe(200);
    expect(res.body.failure).toMatchObject({ code: 'CARD_DECLINED' });
    expect(res.body.payment?.accepted).toBeUndefined();
    expect((await outcome(res.body.orderId)).outcome).toBe('FAILED');
    // Its stock comes back once the undos ran.
    await eventually(async () => ((await platform.prisma.stock.findUniqueOrThrow({ where: { sku } })).reserved === 0 ? true : undefined), 30_000, 'the stock released');
  });
});
