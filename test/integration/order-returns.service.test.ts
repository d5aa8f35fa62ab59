import { randomUUID } from 'node:crypto';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { ReturnsService, returnLineAmount } from '../../services/orders/returns';
import { rejection } from '../support/rejection';
import { testConfig } from '../support/test-config';

/** RecordReturn / CancelReturn on the real PostgreSQL (orders written directly: the pricing is tested elsewhere). */
describe('order returns (real PostgreSQL)', () => {
  let prisma: PrismaClient;
  let returns: ReturnsService;
  const run = randomUUID().slice(0, 8);
  const TEA = `抹茶-${run}`;
  const CUP = `湯呑み-${run}`;

  beforeAll(() => {
    prisma = createPrisma(testConfig().DATABASE_URL);
    returns = new ReturnsService(prisma);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  /** A CONFIRMED order: 2 × TEA at 1200 and 1 × CUP at 350 (subtotal 2750), with the discounts given. */
  async function confirmedOrder(discounts: { coupon?: number; points?: number; fee?: number } = {}, status = 'CONFIRMED'): Promise<string> {
    const orderId = `ord-${randomUUID()}`;
    const coupon = discounts.coupon ?? 0;
    const points = discounts.points ?? 0;
    const fee = discounts.fee ?? 0;
    await prisma.order.create({
      data: {
        id: orderId,
        customerId: 'cust-返品',
        status,
        currency: 'JPY',
        subtotalMinor: 2750,
        couponDiscountMinor: coupon,
        pointsDiscountMinor: points,
        deliveryFeeMinor: fee,
        totalMinor: 2750 - coupon - points + fee,
        address: { name: '山田 太郎' },
        paymentMethod: 'card',
        lines: {
          create: [
            { sku: TEA, name: '抹茶 100g', quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400, taxRatePercent: 8 },
            { sku: CUP, name: '湯呑み', quantity: 1, unitPriceMinor: 350, lineTotalMinor: 350 },
          ],
        },
      },
    });
    return orderId;
  }
  const key = () => `ret:${randomUUID()}`;

  it('records a return of 1 of 2 units at its unit price, with its Japanese SKU and reason', async () => {
    const orderId = await confirmedOrder();
    const r = await returns.recordReturn({ orderId, lines: [{ sku: TEA, quantity: 1 }], reason: '破損していました', idempotencyKey: key() });
    expect(r).toMatchObject({ orderId, status: 'RECORDED', amountMinor: 1200, currency: 'JPY', reason: '破損していました', lines: [{ sku: TEA, quantity: 1, amountMinor: 1200 }] });
  });

  it('takes off the line share of the coupon and points, rounded in the shop favour, and never refunds the delivery fee', async () => {
    // discount 275 + 100 = 375 over a subtotal of 2750: one tea (1200) carries ceil(1200 × 375 / 2750) = 164.
    const orderId = await confirmedOrder({ coupon: 275, points: 100, fee: 500 });
    const r = await returns.recordReturn({ orderId, lines: [{ sku: TEA, quantity: 1 }], reason: '', idempotencyKey: key() });
    expect(r.amountMinor).toBe(1200 - 164);
    // Everything else back: the refunds add up to no more than the goods were paid (2750 − 375).
    const rest = await returns.recordReturn({ orderId, lines: [{ sku: TEA, quantity: 1 }, { sku: CUP, quantity: 1 }], reason: '', idempotencyKey: key() });
    expect(r.amountMinor + rest.amountMinor).toBeLessThanOrEqual(2750 - 375);
    expect(returnLineAmount(1200, 1, { subtotalMinor: 2750, couponDiscountMinor: 275, pointsDiscountMinor: 100 })).toBe(1036);
  });

  it('refuses more than is left to return (RETURN_QUANTITY_EXCEEDED), until a cancelled return gives its quantity back', async () => {
    const orderId = await confirmedOrder();
    const first = await returns.recordReturn({ orderId, lines: [{ sku: TEA, quantity: 1 }], reason: '', idempotencyKey: key() });
    await expect(returns.recordReturn({ orderId, lines: [{ sku: TEA, quantity: 2 }], reason: '', idempotencyKey: key() })).rejects.toMatchObject({
      code: 'RETURN_QUANTITY_EXCEEDED',
      details: { sku: TEA, left: 1, purchased: 2 },
    });
    const cancelled = await returns.cancelReturn({ returnId: first.returnId });
    expect(cancelled.status).toBe('CANCELLED');
    const again = await returns.recordReturn({ orderId, lines: [{ sku: TEA, quantity: 2 }], reason: '', idempotencyKey: key() });
    expect(again.amountMinor).toBe(2400);
    // A return already refunded is not cancelled by a late undo.
    await returns.completeReturn({ returnId: again.returnId });
    expect((await returns.cancelReturn({ returnId: again.returnId })).status).toBe('REFUNDED');
    expect((await returns.listReturns({ orderId })).map((x) => x.status)).toEqual(['CANCELLED', 'REFUNDED']);
  });

  it('answers a repeated key with the first return, without recording another', async () => {
    const orderId = await confirmedOrder();
    const k = key();
    const a = await returns.recordReturn({ orderId, lines: [{ sku: CUP, quantity: 1 }], reason: '', idempotencyKey: k });
    const b = await returns.recordReturn({ orderId, lines: [{ sku: CUP, quantity: 1 }], reason: '', idempotencyKey: k });
    expect(b).toEqual(a);
    expect(await returns.listReturns({ orderId })).toHaveLength(1);
  });

  it('rejects bad input: unknown sku, zero quantity, an order not completed, no order', async () => {
    const orderId = await confirmedOrder();
    expect(await rejection(returns.recordReturn({ orderId, lines: [{ sku: 'NOPE', quantity: 1 }], reason: '', idempotencyKey: key() }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await rejection(returns.recordReturn({ orderId, lines: [{ sku: TEA, quantity: 0 }], reason: '', idempotencyKey: key() }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const pending = await confirmedOrder({}, 'PENDING');
    expect(await rejection(returns.recordReturn({ orderId: pending, lines: [{ sku: TEA, quantity: 1 }], reason: '', idempotencyKey: key() }))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await rejection(returns.recordReturn({ orderId: 'ord-none', lines: [{ sku: TEA, quantity: 1 }], reason: '', idempotencyKey: key() }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
