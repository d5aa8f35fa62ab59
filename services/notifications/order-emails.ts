import { z } from 'zod';
import type { EventEnvelope } from '../../lib/events';
import type { Logger } from '../../lib/logger';
import { escapeHtml, formatShopTime, htmlPage, messageIdFor } from './email-format';
import {
  parseOrderEvent,
  type OrderCancelledData,
  type OrderCompletedData,
  type OrderDeliveredData,
  type OrderEvent,
  type OrderFailedData,
  type OrderRefundedData,
  type OrderShippedData,
} from './order-events';
import type { SentEmailLedger } from './sent-email-ledger';

/** Built once: a schema built per email costs more than the check. */
const deliverableAddress = z.email();

export interface OrderEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What the handler hands to SMTP; a nodemailer transporter fits this shape. */
export interface MailMessage extends OrderEmail {
  from: string;
  /** Derived from the event id, so even a duplicate that slipped through is recognisable to mail clients. */
  messageId: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  sendMail(message: MailMessage): Promise<{ messageId?: string }>;
}

/** The email for a confirmed order: what was bought, the total, how it was paid and when it arrives. */
export function orderCompletedEmail(data: OrderCompletedData): OrderEmail {
  const money = (minor: number) => formatMoney(minor, data.currency);
  const slot = data.deliverySlot;
  const delivery = slot ? `${slot.date}, ${slot.windowStart}-${slot.windowEnd}` : 'no delivery slot booked';
  const lines = data.lines.map((l) => `  ${l.quantity} x ${l.name} (${l.sku}) @ ${money(l.unitPriceMinor)} = ${money(l.lineTotalMinor)}`);
  const text = [
    'Thank you for your order.',
    '',
    `Order: ${data.orderId}`,
    `Placed: ${formatShopTime(data.completedAt)}`,
    '',
    ...lines,
    '',
    `Total: ${money(data.totalMinor)}`,
    `Payment: ${data.paymentMethod}`,
    `Delivery: ${delivery}`,
  ].join('\n');
  const rows = data.lines
    .map((l) => `<tr><td>${escapeHtml(l.name)} <small>(${escapeHtml(l.sku)})</small></td><td align="right">${l.quantity}</td><td align="right">${escapeHtml(money(l.unitPriceMinor))}</td><td align="right">${escapeHtml(money(l.lineTotalMinor))}</td></tr>`)
    .join('\n');
  const html = htmlPage(
    `<p>Thank you for your order.</p>
<p>Order <strong>${escapeHtml(data.orderId)}</strong>, placed ${escapeHtml(formatShopTime(data.completedAt))}.</p>
<table cellpadding="4">
<tr><th align="left">Item</th><th align="right">Qty</th><th align="right">Price</th><th align="right">Total</th></tr>
${rows}
<tr><td colspan="3" align="right"><strong>Total</strong></td><td align="right"><strong>${escapeHtml(money(data.totalMinor))}</strong></td></tr>
</table>
<p>Payment: ${escapeHtml(data.paymentMethod)}<br>Delivery: ${escapeHtml(delivery)}</p>`,
  );
  return { to: data.customerEmail, subject: `Your order ${data.orderId} is confirmed`, text, html };
}

/** The email for an order the checkout could not complete, with the reason. */
export function orderFailedEmail(data: OrderFailedData): OrderEmail {
  const text = [
    `We could not complete your order ${data.orderId}.`,
    '',
    `Reason: ${data.message} (${data.reason})`,
    '',
    'Any payment, stock or delivery slot held for this order has been released.',
  ].join('\n');
  const html = htmlPage(
    `<p>We could not complete your order <strong>${escapeHtml(data.orderId)}</strong>.</p>
<p>Reason: ${escapeHtml(data.message)} <small>(${escapeHtml(data.reason)})</small></p>
<p>Any payment, stock or delivery slot held for this order has been released.</p>`,
  );
  return { to: data.customerEmail, subject: `We could not complete your order ${data.orderId}`, text, html };
}

/** The email for a cancelled order. */
export function orderCancelledEmail(data: OrderCancelledData): OrderEmail {
  const reason = data.reason ? `Reason: ${data.reason}` : '';
  const text = [`Your order ${data.orderId} has been cancelled (${formatShopTime(data.cancelledAt)}).`, reason].filter(Boolean).join('\n\n');
  const html = htmlPage(
    `<p>Your order <strong>${escapeHtml(data.orderId)}</strong> has been cancelled (${escapeHtml(formatShopTime(data.cancelledAt))}).</p>${reason ? `\n<p>${escapeHtml(reason)}</p>` : ''}`,
  );
  return { to: data.customerEmail, subject: `Your order ${data.orderId} has been cancelled`, text, html };
}

/** The email for a refund, with the amount. */
export function orderRefundedEmail(data: OrderRefundedData): OrderEmail {
  const amount = formatMoney(data.amountMinor, data.currency);
  const reason = data.reason ? `Reason: ${data.reason}` : '';
  const text = [`We have refunded ${amount} for your order ${data.orderId} (${formatShopTime(data.refundedAt)}).`, reason, 'It may take a few days to appear on your statement.']
    .filter(Boolean)
    .join('\n\n');
  const html = htmlPage(
    `<p>We have refunded <strong>${escapeHtml(amount)}</strong> for your order <strong>${escapeHtml(data.orderId)}</strong> (${escapeHtml(formatShopTime(data.refundedAt))}).</p>${reason ? `\n<p>${escapeHtml(reason)}</p>` : ''}
<p>It may take a few days to appear on your statement.</p>`,
  );
  return { to: data.customerEmail, subject: `Your refund for order ${data.orderId}`, text, html };
}

/** The email for a parcel on its way, with the tracking number when a carrier carries it. */
export function orderShippedEmail(data: OrderShippedData): OrderEmail {
  const tracking = data.trackingNumber ? `Tracking number: ${data.trackingNumber}` : 'The shop delivers it itself.';
  const text = [`Your order ${data.orderId} is on its way (shipped ${formatShopTime(data.shippedAt)}).`, tracking].join('\n\n');
  const html = htmlPage(
    `<p>Your order <strong>${escapeHtml(data.orderId)}</strong> is on its way (shipped ${escapeHtml(formatShopTime(data.shippedAt))}).</p>\n<p>${escapeHtml(tracking)}</p>`,
  );
  return { to: data.customerEmail, subject: `Your order ${data.orderId} has shipped`, text, html };
}

/** The email for a delivered parcel. */
export function orderDeliveredEmail(data: OrderDeliveredData): OrderEmail {
  const text = `Your order ${data.orderId} was delivered (${formatShopTime(data.deliveredAt)}). Thank you for shopping with us.`;
  const html = htmlPage(`<p>Your order <strong>${escapeHtml(data.orderId)}</strong> was delivered (${escapeHtml(formatShopTime(data.deliveredAt))}). Thank you for shopping with us.</p>`);
  return { to: data.customerEmail, subject: `Your order ${data.orderId} was delivered`, text, html };
}

/** The email an order event calls for. */
export function renderOrderEmail(event: OrderEvent): OrderEmail {
  switch (event.type) {
    case 'order.completed':
      return orderCompletedEmail(event.data);
    case 'order.failed':
      return orderFailedEmail(event.data);
    case 'order.cancelled':
      return orderCancelledEmail(event.data);
    case 'order.refunded':
      return orderRefundedEmail(event.data);
    case 'order.shipped':
      return orderShippedEmail(event.data);
    case 'order.delivered':
      return orderDeliveredEmail(event.data);
  }
}

/**
 * One formatter per currency, built on first use: building an Intl.NumberFormat costs about a
 * millisecond of CPU, and a confirmation email formats 2 amounts per line plus its total, twice.
 */
const moneyFormats = new Map<string, { format: Intl.NumberFormat; scale: number }>();

/** An amount in minor units (yen, cents) as people read it, e.g. ¥1,200 or $12.50. */
export function formatMoney(minor: number, currency: string): string {
  let money = moneyFormats.get(currency);
  if (!money) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    money = { format, scale: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
    moneyFormats.set(currency, money);
  }
  return money.format.format(minor / money.scale);
}

export type EmailOutcome = 'sent' | 'duplicate' | 'skipped';

/**
 * The email consumer's handler: sends one email per order event id. The SentEmail row is claimed
 * first, in a transaction that commits only after SMTP accepted the message (SentEmailLedger): a
 * redelivered event finds the row and sends nothing (a concurrent one waits on the row lock, then
 * finds it), and a failed send rolls the claim back so the redelivery sends for real. Other events are skipped, and so
 * are malformed order events and invalid recipient addresses (logged: retrying them cannot help).
 */
export function createOrderEmailHandler(deps: { ledger: SentEmailLedger; transport: MailTransport; from: string; logger: Logger }): (event: EventEnvelope) => Promise<EmailOutcome> {
  return async (envelope) => {
    const parsed = parseOrderEvent(envelope);
    if (parsed.kind === 'other') return 'skipped';
    if (parsed.kind === 'invalid') {
      deps.logger.error({ eventId: envelope.id, type: envelope.type, issues: parsed.issues }, 'order event with malformed data: no email sent');
      return 'skipped';
    }
    const { event } = parsed;
    const email = renderOrderEmail(event);
    if (!deliverableAddress.safeParse(email.to).success) {
      deps.logger.error({ eventId: event.id, type: event.type, orderId: event.data.orderId }, 'order event without a deliverable customer email: no email sent');
      return 'skipped';
    }
    const outcome = await deps.ledger.claimAndSend({ eventId: event.id, type: event.type, recipient: email.to, subject: email.subject }, () =>
      deps.transport.sendMail({
        ...email,
        from: deps.from,
        messageId: messageIdFor(event.id, deps.from),
        headers: { 'X-Checkout-Event-Id': event.id, 'X-Checkout-Order-Id': event.data.orderId },
      }),
    );
    deps.logger.info({ eventId: event.id, type: event.type, orderId: event.data.orderId, outcome }, outcome === 'sent' ? 'order email sent' : 'order email already sent');
    return outcome;
  };
}
