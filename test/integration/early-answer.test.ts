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
