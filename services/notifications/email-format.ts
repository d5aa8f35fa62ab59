import { createHash } from 'node:crypto';

/** The shop's time zone: times in customer emails are shown in it. */
export const SHOP_TIME_ZONE = 'Asia/Tokyo';

/**
 * A stable Message-ID for the email of one event, in the sender's domain: a resend after a crash
 * carries the same id, so mail clients can spot the duplicate.
 */
export function messageIdFor(eventId: string, from: string, kind: 'order-event' | 'identity-event' = 'order-event'): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'checkout.local';
  return `<${createHash('sha256').update(eventId).digest('hex').slice(0, 32)}.${kind}@${domain}>`;
}

const shopClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the shop's wall-clock time, e.g. `2026-11-22 14:05 JST`. */
export function formatShopTime(iso: string): string {
  const parts = shopClock.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} JST`;
}

/** A minimal HTML document around an email body. */
export function htmlPage(body: string): string {
  return `<!doctype html>\n<html><body style="font-family: sans-serif">\n${body}\n</body></html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
