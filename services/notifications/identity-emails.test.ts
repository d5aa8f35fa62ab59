import { createEnvelope } from '../../lib/events';
import { createLogger } from '../../lib/logger';
import type { PrismaClient } from '../../lib/prisma';
import { IDENTITY_EVENT_TYPES, identityEmailEvent, type IdentityEmailData } from '../identity/identity-events';
import { createIdentityEmailHandler, identityLink, passwordResetEmail, verificationEmail } from './identity-emails';
import type { MailMessage, MailTransport } from './order-emails';

const now = new Date('2030-01-01T00:00:00Z');
const data: IdentityEmailData = { userId: 'user-1', email: 'hanako@example.com', token: 'tok-en_1+2/3', expiresAt: '2030-01-02T00:00:00.000Z' };

/** An in-memory SentEmail table whose transactions roll back when their callback throws. */
function fakePrisma() {
  const rows = new Map<string, { eventId: string; type: string; recipient: string; subject: string; messageId: string | null }>();
  return {
    rows,
    async $transaction<T>(fn: (tx: unknown) => Promise<T>): Promise<T> {
      const staged = new Map(rows);
      const tx = {
        sentEmail: {
          createMany: async ({ data: list }: { data: { eventId: string; type: string; recipient: string; subject: string }[] }) => {
            let count = 0;
            for (const row of list) {
              if (staged.has(row.eventId)) continue;
              staged.set(row.eventId, { ...row, messageId: null });
              count++;
            }
            return { count };
          },
          update: async ({ where, data: patch }: { where: { eventId: string }; data: { messageId: string } }) => {
            const row = staged.get(where.eventId)!;
            staged.set(where.eventId, { ...row, ...patch });
          },
        },
      };
      const result = await fn(tx);
      rows.clear();
      for (const [k, v] of staged) rows.set(k, v);
      return result;
    },
  };
}

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
  const prisma = fakePrisma();
  const handle = createIdentityEmailHandler({
    prisma: prisma as unknown as PrismaClient,
    transport,
    from: 'Checkout <accounts@shop.example>',
    webBaseUrl: 'https://shop.example/app/',
    logger: createLogger('test', 'silent'),
    now: () => now,
  });
  return { sent, prisma, handle };
}

describe('identity email templates', () => {
  it('link to the front end with the token in the query string', () => {
    expect(identityLink('http://localhost:5173', IDENTITY_EVENT_TYPES.emailVerificationRequested, 'a+b/c')).toBe('http://localhost:5173/verify-email?token=a%2Bb%2Fc');
    expect(identityLink('https://shop.example/app/', IDENTITY_EVENT_TYPES.passwordResetRequested, 'x')).toBe('https://shop.example/app/reset-password?token=x');
  });

  it('write a verification email with the link and its expiry in shop time', () => {
    const email = verificationEmail(data, 'http://localhost:5173');
    expect(email.to).toBe('hanako@example.com');
    expect(email.subject).toBe('Confirm your email address');
    expect(email.text).toContain('http://localhost:5173/verify-email?token=tok-en_1%2B2%2F3');
    expect(email.text).toContain('2030-01-02 09:00 JST');
    expect(email.html).toContain('href="http://localhost:5173/verify-email?token=tok-en_1%2B2%2F3"');
  });

  it('write a password-reset email with its link', () => {
    const email = passwordResetEmail(data, 'http://localhost:5173');
    expect(email.subject).toBe('Reset your password');
    expect(email.text).toContain('http://localhost:5173/reset-password?token=tok-en_1%2B2%2F3');
    expect(email.text).not.toContain('verify-email');
  });
});

describe('createIdentityEmailHandler', () => {
  const verification = identityEmailEvent(IDENTITY_EVENT_TYPES.emailVerificationRequested, data, now);
  const reset = identityEmailEvent(IDENTITY_EVENT_TYPES.passwordResetRequested, data, now);

  it('sends each event once, however often it is delivered', async () => {
    const { sent, prisma, handle } = setup();
    expect(await handle(verification)).toBe('sent');
    expect(await handle(verification)).toBe('duplicate');
    expect(await handle(reset)).toBe('sent');
    expect(sent.map((m) => m.subject)).toEqual(['Confirm your email address', 'Reset your password']);
    expect(sent[0]).toMatchObject({ to: 'hanako@example.com', from: 'Checkout <accounts@shop.example>', headers: { 'X-Checkout-Event-Id': verification.id } });
    expect(sent[0]?.messageId).toMatch(/@shop\.example>$/);
    expect(sent[0]?.text).toContain('https://shop.example/app/verify-email?token=');
    expect(prisma.rows.get(verification.id)).toMatchObject({ type: 'identity.email_verification_requested', recipient: 'hanako@example.com', messageId: sent[0]?.messageId });
  });

  it('releases the claim when SMTP fails, so the redelivery sends', async () => {
    const { sent, prisma, handle } = setup(1);
    await expect(handle(verification)).rejects.toThrow('SMTP 451');
    expect(prisma.rows.size).toBe(0);
    expect(await handle(verification)).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('skips other events, malformed ones, and links that expired before they could be sent', async () => {
    const { sent, handle } = setup();
    expect(await handle(createEnvelope({ type: 'order.completed', source: '/x', subject: 'o', data: {} }))).toBe('skipped');
    expect(await handle({ ...verification, id: 'bad', data: { ...data, email: 'not-an-email' } })).toBe('skipped');
    expect(await handle({ ...reset, id: 'late', data: { ...data, expiresAt: '2029-12-31T23:59:59.000Z' } })).toBe('skipped');
    expect(sent).toEqual([]);
  });
});
