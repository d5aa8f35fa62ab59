import { DomainError } from '../../lib/errors';
import type { EventEnvelope } from '../../lib/events';
import { createLogger } from '../../lib/logger';
import type { EarnRequest } from '../../proto/generated/checkout/loyalty/v1/EarnRequest';
import { earnPointsFor } from './earn-points';

const logger = createLogger('test', 'silent');

function completed(data: Record<string, unknown> = {}): EventEnvelope {
  return {
    id: 'checkout:o-1:order.completed',
    type: 'order.completed',
    source: '/workflows/checkout',
    time: '2026-11-22T03:00:00Z',
    subject: 'o-1',
    data: {
      orderId: 'o-1',
      customerId: 'cust-1',
      customerEmail: 'cust-1@example.com',
      currency: 'JPY',
      totalMinor: 2499,
      lines: [{ sku: 'TEA', name: 'Tea', quantity: 1, unitPriceMinor: 2499, lineTotalMinor: 2499 }],
      paymentMethod: 'card',
      deliverySlot: null,
      completedAt: '2026-11-22T03:00:00Z',
      ...data,
    },
  };
}

function recorder(fail?: Error) {
  const calls: EarnRequest[] = [];
  const earn = async (request: EarnRequest) => {
    calls.push(request);
    if (fail) throw fail;
    return {};
  };
  return { calls, earn };
}

describe('earnPointsFor', () => {
  it('earns 1 point per 100 yen of the total, rounded down, keyed by the event id', async () => {
    const r = recorder();
    await expect(earnPointsFor(completed(), r.earn, logger)).resolves.toBe('earned');
    expect(r.calls).toEqual([{ customerId: 'cust-1', orderId: 'o-1', points: 24, idempotencyKey: 'checkout:o-1:order.completed' }]);
  });

  it('calls nothing for an order under 100 yen or in another currency', async () => {
    const r = recorder();
    await expect(earnPointsFor(completed({ totalMinor: 99 }), r.earn, logger)).resolves.toBe('no-points');
    await expect(earnPointsFor(completed({ currency: 'USD', totalMinor: 10_000 }), r.earn, logger)).resolves.toBe('no-points');
    expect(r.calls).toEqual([]);
  });

  it('ignores other events', async () => {
    const r = recorder();
    const failed = { ...completed(), type: 'order.failed', data: { orderId: 'o-1', customerId: 'c', customerEmail: '', reason: 'CARD_DECLINED', message: 'no', failedAt: '2026-11-22T03:00:00Z' } };
    await expect(earnPointsFor(failed, r.earn, logger)).resolves.toBe('ignored');
    await expect(earnPointsFor({ ...completed(), type: 'system.ping' }, r.earn, logger)).resolves.toBe('ignored');
    expect(r.calls).toEqual([]);
  });

  it('skips a malformed order.completed', async () => {
    const r = recorder();
    await expect(earnPointsFor(completed({ totalMinor: 'lots' }), r.earn, logger)).resolves.toBe('invalid');
    expect(r.calls).toEqual([]);
  });

  it('skips an order whose earning was revoked (its refund came first) as an expected outcome', async () => {
    await expect(earnPointsFor(completed(), recorder(new DomainError('STEP_UNDONE', 'revoked')).earn, logger)).resolves.toBe('revoked');
  });

  it('skips a business rejection but rethrows an outage so the event is retried', async () => {
    await expect(earnPointsFor(completed(), recorder(new DomainError('CONFLICT', 'overflow')).earn, logger)).resolves.toBe('rejected');
    await expect(earnPointsFor(completed(), recorder(new DomainError('UNAVAILABLE', 'down')).earn, logger)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
