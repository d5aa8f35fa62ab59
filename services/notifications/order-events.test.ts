import { createEnvelope } from '../../lib/events';
import { parseOrderEvent } from './order-events';

const envelope = (type: string, data: unknown) => createEnvelope({ type, source: '/workflows/checkout', subject: 'ord-1', data });

describe('parseOrderEvent', () => {
  const failed = { orderId: 'ord-1', customerId: 'c', customerEmail: 'a@b.jp', reason: 'CARD_DECLINED', message: 'The card was declined', failedAt: '2026-11-22T01:00:00Z' };

  it('accepts an order event whose data has the published shape', () => {
    const parsed = parseOrderEvent(envelope('order.failed', failed));
    expect(parsed).toMatchObject({ kind: 'order', event: { type: 'order.failed', data: failed } });
  });

  it('tells other events apart from malformed order events', () => {
    expect(parseOrderEvent(envelope('system.ping.completed', {}))).toEqual({ kind: 'other' });
    const parsed = parseOrderEvent(envelope('order.failed', { ...failed, failedAt: 'yesterday', reason: '' }));
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.issues.join('\n')).toMatch(/failedAt[\s\S]*reason|reason[\s\S]*failedAt/);
  });

  it('rejects negative or fractional amounts', () => {
    const refunded = { orderId: 'ord-1', customerId: 'c', customerEmail: 'a@b.jp', amountMinor: 100, currency: 'JPY', refundedAt: '2026-11-22T01:00:00Z' };
    expect(parseOrderEvent(envelope('order.refunded', refunded)).kind).toBe('order');
    expect(parseOrderEvent(envelope('order.refunded', { ...refunded, amountMinor: -1 })).kind).toBe('invalid');
    expect(parseOrderEvent(envelope('order.refunded', { ...refunded, amountMinor: 1.5 })).kind).toBe('invalid');
  });
});
