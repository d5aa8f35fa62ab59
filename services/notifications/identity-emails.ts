import { z } from 'zod';
import type { EventEnvelope } from '../../lib/events';
import type { Logger } from '../../lib/logger';
import type { PrismaClient } from '../../lib/prisma';
import { escapeHtml, formatShopTime, htmlPage, messageIdFor } from './email-format';
import { IDENTITY_EVENT_TYPES, type IdentityEmailData, type IdentityEventType } from '../identity/identity-events';
import type { EmailOutcome, MailTransport, OrderEmail } from './order-emails';

/** Longest a claimed email may stay unsent before the claim is rolled back (SMTP timeouts are shorter). */
const SEND_TRANSACTION_TIMEOUT_MS = 60_000;

/** The pages of the web front end that the emailed links open (they call the matching REST routes). */
export const IDENTITY_LINK_PATHS = {
  [IDENTITY_EVENT_TYPES.emailVerificationRequested]: '/verify-email',
  [IDENTITY_EVENT_TYPES.passwordResetRequested]: '/reset-password',
} as const satisfies Record<IdentityEventType, string>;

const identityEmailData = z.object({
  userId: z.string().min(1),
  email: z.email(),
  token: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<IdentityEmailData>;

/** The link of an identity email: the front-end page with the single-use token in its query string. */
export function identityLink(webBaseUrl: string, type: IdentityEventType, token: string): string {
  const url = new URL(webBaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${IDENTITY_LINK_PATHS[type]}`;
  url.searchParams.set('token', token);
  return url.toString();
}

/** The email asking a new customer to confirm their address. */
export function verificationEmail(data: IdentityEmailData, webBaseUrl: string): OrderEmail {
  const link = identityLink(webBaseUrl, IDENTITY_EVENT_TYPES.emailVerificationRequested, data.token);
  const until = formatShopTime(data.expiresAt);
  const text = [
    'Welcome! Please confirm your email address by opening this link:',
    '',
    link,
    '',
    `The link works once, until ${until}.`,
    'If you did not create an account, ignore this email.',
  ].join('\n');
  const html = htmlPage(
    `<p>Welcome! Please confirm your email address:</p>
<p><a href="${escapeHtml(link)}">Confirm my email address</a></p>
<p>The link works once, until ${escapeHtml(until)}.<br>If you did not create an account, ignore this email.</p>`,
  );
  return { to: data.email, subject: 'Confirm your email address', text, html };
}

/** The email carrying a password-reset link. */
export function passwordResetEmail(data: IdentityEmailData, webBaseUrl: string): OrderEmail {
  const link = identityLink(webBaseUrl, IDENTITY_EVENT_TYPES.passwordResetRequested, data.token);
  const until = formatShopTime(data.expiresAt);
  const text = [
    'Someone asked to reset the password of your account. To choose a new password, open this link:',
    '',
    link,
    '',
    `The link works once, until ${until}. Resetting the password signs out every device.`,
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
  const html = htmlPage(
    `<p>Someone asked to reset the password of your account.</p>
<p><a href="${escapeHtml(link)}">Choose a new password</a></p>
<p>The link works once, until ${escapeHtml(until)}. Resetting the password signs out every device.<br>If you did not ask for this, ignore this email: your password stays as it is.</p>`,
  );
  return { to: data.email, subject: 'Reset your password', text, html };
}

/**
 * The email consumer's handler for identity events: sends one email per event id, claimed in
 * notifications.sent_emails in a transaction that commits only after SMTP accepted the message (as
 * the order emails do). Links that expired before the event was handled are not sent: they could not
 * work. Malformed events are logged and skipped (retrying cannot help); other events are skipped.
 */
export function createIdentityEmailHandler(deps: {
  prisma: PrismaClient;
  transport: MailTransport;
  from: string;
  webBaseUrl: string;
  logger: Logger;
  now?: () => Date;
}): (event: EventEnvelope) => Promise<EmailOutcome> {
  const now = deps.now ?? (() => new Date());
  return async (event) => {
    const type = identityEventType(event.type);
    if (!type) return 'skipped';
    const parsed = identityEmailData.safeParse(event.data);
    if (!parsed.success) {
      deps.logger.error({ eventId: event.id, type, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'identity event with malformed data: no email sent');
      return 'skipped';
    }
    const data = parsed.data;
    if (new Date(data.expiresAt).getTime() <= now().getTime()) {
      deps.logger.warn({ eventId: event.id, type, userId: data.userId }, 'identity link expired before it could be sent: no email sent');
      return 'skipped';
    }
    const email = type === IDENTITY_EVENT_TYPES.emailVerificationRequested ? verificationEmail(data, deps.webBaseUrl) : passwordResetEmail(data, deps.webBaseUrl);
    const outcome = await deps.prisma.$transaction(
      async (tx): Promise<EmailOutcome> => {
        const claimed = await tx.sentEmail.createMany({ data: [{ eventId: event.id, type, recipient: email.to, subject: email.subject }], skipDuplicates: true });
        if (claimed.count === 0) return 'duplicate';
        const info = await deps.transport.sendMail({
          ...email,
          from: deps.from,
          messageId: messageIdFor(event.id, deps.from, 'identity-event'),
          headers: { 'X-Checkout-Event-Id': event.id },
        });
        if (info.messageId) await tx.sentEmail.update({ where: { eventId: event.id }, data: { messageId: info.messageId } });
        return 'sent';
      },
      { timeout: SEND_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    );
    // Never log the token: it is a credential until used.
    deps.logger.info({ eventId: event.id, type, userId: data.userId, outcome }, outcome === 'sent' ? 'identity email sent' : 'identity email already sent');
    return outcome;
  };
}

/** Whether an event type is one of the identity emails. */
export function identityEventType(type: string): IdentityEventType | undefined {
  return Object.values(IDENTITY_EVENT_TYPES).find((t) => t === type);
}
