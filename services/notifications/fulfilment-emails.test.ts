import { createEnvelope } from '../../lib/events';
import { orderDeliveredEmail, orderShippedEmail, renderOrderEmail } from './order-emails';
import { FULFILMENT_STALLED_EVENT_TYPE, parseOrderEvent, type OrderEvent } from './order-events';

const customer = { orderId: 'ord-9', customerId: 'cus-9', customerEmail: 'hanako@example.jp' };

describe('fulfilment emails and events', () => {
  it('tells the customer the tracking number when the parcel ships with a carrier, and that the shop delivers it otherwise', () => {
    const carrier = orderShippedEmail({ ...customer, trackingNumber: '412345678901', deliveredBy: 'carrier', shippedAt: '2026-12-02T01:00:00Z' });
    expect(carrier).toMatchObject({ to: 'hanako@example.jp', subject: 'Your order ord-9 has shipped' });
    expect(carrier.text).toContain('Tracking number: 412345678901');
    const shop = orderShippedEmail({ ...customer, trackingNumber: null, deliveredBy: 'shop', shippedAt: '2026-12-02T01:00:00Z' });
    expect(shop.text).toContain('The shop delivers it itself.');
    expect(orderDeliveredEmail({ ...customer, trackingNumber: null, deliveredBy: 'shop', deliveredAt: '2026-12-02T05:00:00Z' }).subject).toBe('Your order ord-9 was delivered');
  });

  it('parses order.shipped and order.delivered as order events (emailed); order.fulfilment_stalled is for staff, not an email', () => {
    const shipped = parseOrderEvent(createEnvelope({ type: 'order.shipped', source: '/workflows/fulfilment', subject: 'ord-9', data: { ...customer, trackingNumber: '412345678901', deliveredBy: 'carrier', shippedAt: '2026-12-02T01:00:00Z' } }));
    expect(shipped.kind).toBe('order');
    expect(renderOrderEmail((shipped as { event: OrderEvent }).event).subject).toBe('Your order ord-9 has shipped');
    const malformed = parseOrderEvent(createEnvelope({ type: 'order.delivered', source: '/workflows/fulfilment', subject: 'ord-9', data: { ...customer, deliveredAt: 'later' } }));
    expect(malformed.kind).toBe('invalid');
    expect(parseOrderEvent(createEnvelope({ type: FULFILMENT_STALLED_EVENT_TYPE, source: '/workflows/fulfilment', subject: 'ord-9', data: {} })).kind).toBe('other');
  });
});
