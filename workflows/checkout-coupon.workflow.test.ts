import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { checkoutInput, reject, stubs, type StepActivities } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { CHECKOUT_WORKFLOW_TYPE, checkoutStatusQuery, checkoutWorkflowId, type CheckoutInput, type CheckoutResult } from './checkout.contract';

const COUPON = '春のセール';
const withCoupon = (orderId: string, extra: Partial<CheckoutInput> = {}): CheckoutInput => ({ ...checkoutInput(orderId), couponCode: COUPON, ...extra });

/**
 * The coupon step of the checkout saga (patched 'redeem-coupon-step'): redeemed before the order is
 * created and passed to it, restored by every later failure, and a rejected coupon fails the checkout
 * before any order exists.
 */
describe('checkoutWorkflow coupon step (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await createTimeSkippingEnv();
  });
  afterEach(async () => {
    await env?.teardown();
  });

  async function run(activities: StepActivities, input: CheckoutInput, history?: string): Promise<{ result: CheckoutResult; couponRedeemed?: string }> {
    const taskQueue = `coupon-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(input.orderId), taskQueue, args: [input] });
      const result = (await handle.result()) as CheckoutResult;
      const status = await handle.query(checkoutStatusQuery);
      if (history) await recordHistory(history, handle);
      return { result, couponRedeemed: status.couponRedeemed };
    });
  }

  it('redeems the coupon after the stock, before the order, and prices the order with it', async () => {
    const s = stubs();
    const { result, couponRedeemed } = await run(s.activities, withCoupon('coupon-ok'), 'checkout-coupon-completed');
    expect(result.outcome).toBe('COMPLETED');
    expect(couponRedeemed).toBe(COUPON);
    expect(s.names().slice(0, 3)).toEqual(['reserveStock', 'redeemCoupon', 'createOrder']);
    expect(s.calls.find((c) => c.name === 'redeemCoupon')!.input).toEqual({ orderId: 'coupon-ok', customerId: 'cust-1', code: COUPON, idempotencyKey: 'checkout:coupon-ok:redeem-coupon' });
    expect(s.calls.find((c) => c.name === 'createOrder')!.input).toMatchObject({ couponCode: COUPON });
    expect(s.undone()).toEqual([]);
  });

  it('calls no coupon activity without a coupon', async () => {
    const s = stubs();
    const { result } = await run(s.activities, checkoutInput('coupon-none'));
    expect(result.outcome).toBe('COMPLETED');
    expect(s.names()).not.toContain('redeemCoupon');
    expect(s.calls.find((c) => c.name === 'createOrder')!.input).not.toHaveProperty('couponCode');
  });

  it.each([
    ['createOrder', 'COUPON_MIN_ORDER_NOT_MET', ['failOrder', 'restoreCoupon', 'releaseStock'], undefined],
    ['chargeCard', 'CARD_DECLINED', ['refundPayment', 'failOrder', 'restoreCoupon', 'releaseStock'], 'checkout-coupon-restored-after-decline'],
    ['bookDelivery', 'SLOT_FULL', ['releaseDelivery', 'refundPayment', 'failOrder', 'restoreCoupon', 'releaseStock'], undefined],
  ] as const)('when %s fails with %s the coupon is restored: undos %j', async (failing, code, expectedUndos, history) => {
    const s = stubs({ [failing]: reject(code) });
    const orderId = `coupon-fail-${failing}`;
    const { result } = await run(s.activities, withCoupon(orderId), history);
    expect(result).toMatchObject({ outcome: 'FAILED', failure: { code } });
    expect(s.undone()).toEqual(expectedUndos);
    expect(s.calls.find((c) => c.name === 'restoreCoupon')!.input).toEqual({ orderId, idempotencyKey: `checkout:${orderId}:restore-coupon` });
  });

  it('restores the coupon before the points (reverse order of their steps)', async () => {
    const s = stubs({ chargeCard: reject('CARD_DECLINED') });
    await run(s.activities, withCoupon('coupon-points', { redeemPoints: 300 }));
    expect(s.names().slice(0, 4)).toEqual(['reserveStock', 'redeemPoints', 'redeemCoupon', 'createOrder']);
    expect(s.undone()).toEqual(['refundPayment', 'failOrder', 'restoreCoupon', 'restorePoints', 'releaseStock']);
  });

  it.each(['COUPON_EXHAUSTED', 'COUPON_INVALID'])('fails with %s before any order is created, releasing the stock', async (code) => {
    const s = stubs({ redeemCoupon: reject(code) });
    const { result, couponRedeemed } = await run(s.activities, withCoupon(`coupon-${code}`));
    expect(result).toMatchObject({ outcome: 'FAILED', failure: { code } });
    expect(couponRedeemed).toBeUndefined();
    expect(s.names()).not.toContain('createOrder');
    expect(s.names()).not.toContain('chargeCard');
    // The restore registered before the redeem runs too (a redeem that took effect and then timed out is still undone): a no-op here.
    expect(s.undone()).toEqual(['restoreCoupon', 'releaseStock']);
    expect(s.published()).toEqual(['order.failed']);
  });
});
