import { createEnvelope, type EventEnvelope } from '../../lib/events';
import { createLogger } from '../../lib/logger';
import {
  createOrderEmailHandler,
  formatMoney,
  orderCancelledEmail,
  orderCompletedEmail,
  orderFailedEmail,
  orderRefundedEmail,
  type MailMessage,
  type MailTransport,
} from './order-emails';
import { messageIdFor } from './email-format';
import type { OrderCompletedData } from './order-events';
import type { SentEmailClaim, SentEmailLedger } from './sent-email-ledger';

const completed: OrderCompletedData = {
  orderId: 'ord-1',
  customerId: 'cus-1',
  customerEmail: 'hanako@example.jp',
  currency: 'JPY',
  totalMinor: 4700,
  lines: [
    { sku: 'TEA-01', name: 'Sencha <Premium>', quantity: 2, unitPriceMinor: 1500, lineTotalMinor: 3000 },
    { sku: 'CUP-02', name: 'Yunomi', quantity: 1, unitPriceMinor: 1700, lineTotalMinor: 1700 },
  ],
  paymentMethod: 'CARD',
  deliverySlot: { slotId: 'tokyo-23:2026-11-23:14:00', date: '2026-11-23', windowStart: '14:00', windowEnd: '17:00' },
  completedAt: '2026-11-22T15:30:00Z',
};

describe('order email templates', () => {
  it('confirms a completed order with its lines, total, payment and delivery window', () => {
    const email = orderCompletedEmail(completed);
    expect(email.to).toBe('hanako@example.jp');
    expect(email.subject).toBe('Your order ord-1 is confirmed');
    expect(email.text).toContain('2 x Sencha <Premium> (TEA-01) @ ¥1,500 = ¥3,000');
    expect(email.text).toContain('Total: ¥4,700');
    expect(email.text).toContain('Payment: CARD');
    expect(email.text).toContain('Delivery: 2026-11-23, 14:00-17:00');
    // 15:30 UTC is 00:30 the next day in Tokyo.
    expect(email.text).toContain('Placed: 2026-11-23 00:30 JST');
    expect(email.html).toContain('Sencha &lt;Premium&gt;');
    expect(email.html).not.toContain('<Premium>');
    expect(email.html).toContain('¥4,700');
  });

  it('says so when no delivery slot was booked', () => {
    expect(orderCompletedEmail({ ...completed, deliverySlot: null }).text).toContain('Delivery: no delivery slot booked');
  });

  it('explains a failed order with its message and reason code', () => {
    const email = orderFailedEmail({ orderId: 'ord-2', customerId: 'c', customerEmail: 'a@b.jp', reason: 'OUT_OF_STOCK', message: 'TEA-01 is out of stock', failedAt: '2026-11-22T01:00:00Z' });
    expect(email.subject).toBe('We could not complete your order ord-2');
    expect(email.text).toContain('Reason: TEA-01 is out of stock (OUT_OF_STOCK)');
    expect(email.html).toContain('OUT_OF_STOCK');
  });

  it('confirms a cancellation and a refund with the amount', () => {
    const cancelled = orderCancelledEmail({ orderId: 'ord-3', customerId: 'c', customerEmail: 'a@b.jp', reason: 'customer request', cancelledAt: '2026-11-22T01:00:00Z' });
    expect(cancelled.subject).toBe('Your order ord-3 has been cancelled');
    expect(cancelled.text).toContain('Reason: customer request');
    const refunded = orderRefundedEmail({ orderId: 'ord-4', customerId: 'c', customerEmail: 'a@b.jp', amountMinor: 1250, currency: 'USD', reason: 'damaged in transit', refundedAt: '2026-11-22T01:00:00Z' });
    expect(refunded.subject).toBe('Your refund for order ord-4');
    expect(refunded.text).toContain('We have refunded $12.50 for your order ord-4');
    expect(refunded.text).toContain('Reason: damaged in transit');
  });

  it('formats minor units by the currency', () => {
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200');
    expect(formatMoney(1250, 'USD')).toBe('$12.50');
  });

  it('derives a stable Message-ID in the sender domain', () => {
    const id = messageIdFor('checkout:ord-1:order.completed', 'Checkout <orders@checkout.example>');
    expect(id).toMatch(/^<[0-9a-f]{32}\.order-event@checkout\.example>$/);
    expect(messageIdFor('checkout:ord-1:order.completed', 'Checkout <orders@checkout.example>')).toBe(id);
    expect(messageIdFor('checkout:ord-2:order.completed', 'Checkout <orders@checkout.example>')).not.toBe(id);
  });
});

/** An in-memory stand-in for the SentEmail ledger: the claim is kept only when the send succeeded. */
function fakeLedger() {
  const rows = new Map<string, SentEmailClaim & { messageId: string | null }>();
  const ledger: SentEmailLedger & { rows: typeof rows } = {
    rows,
    async claimAndSend(claim, send) {
      if (rows.has(claim.eventId)) return 'duplicate';
      const info = await send();
      rows.set(claim.eventId, { ...claim, messageId: info.messageId ?? null });
      return 'sent';
    },
  };
  return ledger;
}

describe('createOrderEmailHandler', () => {
  const logger = createLogger('test', 'silent');
  const event = createEnvelope({ id: 'checkout:ord-1:order.completed', type: 'order.completed', source: '/workflows/checkout', subject: 'ord-1', data: completed });

  function setup(failures = 0) {
    const sent: MailMessage[] = [];
    let toFail = failures;
    const transport: MailTransport = {
      async sendMail(message) {
        if (toFail-- > 0) throw new Error('SMTP 451 try again later');
        sent.push(message);
        return { messageId: message.messageId };
      },
    };
    const ledger = fakeLedger();
    const handle = createOrderEmailHandler({ ledger, transport, from: 'Checkout <orders@checkout.local>', logger });
    return { sent, ledger, handle };
  }

  it('sends one email per event id, however often the event arrives', async () => {
    const { sent, ledger, handle } = setup();
    expect(await handle(event)).toBe('sent');
    expect(await handle(event)).toBe('duplicate');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      from: 'Checkout <orders@checkout.local>',
      to: 'hanako@example.jp',
      subject: 'Your order ord-1 is confirmed',
      headers: { 'X-Checkout-Event-Id': event.id, 'X-Checkout-Order-Id': 'ord-1' },
    });
    expect(ledger.rows.get(event.id)).toMatchObject({ recipient: 'hanako@example.jp', messageId: sent[0]!.messageId });
  });

  it('leaves no claim behind when SMTP fails, so the redelivery sends', async () => {
    const { sent, ledger, handle } = setup(1);
    await expect(handle(event)).rejects.toThrow('SMTP 451');
    expect(ledger.rows.size).toBe(0);
    expect(await handle(event)).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('skips other events, malformed order events and undeliverable addresses without sending', async () => {
    const { sent, ledger, handle } = setup();
    const other: EventEnvelope = { ...event, id: 'x1', type: 'order.created' };
    const malformed: EventEnvelope = { ...event, id: 'x2', data: { ...completed, totalMinor: -1 } };
    const undeliverable: EventEnvelope = { ...event, id: 'x3', data: { ...completed, customerEmail: 'not an address' } };
    expect(await handle(other)).toBe('skipped');
    expect(await handle(malformed)).toBe('skipped');
    expect(await handle(undeliverable)).toBe('skipped');
    expect(sent).toHaveLength(0);
    expect(ledger.rows.size).toBe(0);
  });
});
