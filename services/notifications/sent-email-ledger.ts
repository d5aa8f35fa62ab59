import type { Pool, PoolClient } from 'pg';

/** What the email worker records of an email it sends (notifications.sent_emails). */
export interface SentEmailClaim {
  eventId: string;
  type: string;
  recipient: string;
  subject: string;
}

/**
 * The record of emails sent, one per event id. `claimAndSend` inserts the claim, runs `send`, and
 * commits only once `send` resolved: an event claimed before answers 'duplicate' without sending (a
 * concurrent claim of it waits on the row lock, then finds it), and a `send` that throws rolls the
 * claim back, so the redelivered event sends for real.
 */
export interface SentEmailLedger {
  claimAndSend(claim: SentEmailClaim, send: () => Promise<{ messageId?: string }>): Promise<'sent' | 'duplicate'>;
}

/**
 * Longest a claimed email may stay unsent before PostgreSQL ends the transaction (the SMTP timeouts,
 * 10 s to connect plus 20 s of silence, are shorter): a hung send never holds the claim for ever.
 */
export const SEND_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * The ledger in PostgreSQL, as plain SQL on the Prisma client's pool (lib/prisma.ts sqlPool): three
 * short statements in one transaction held open across the SMTP send. An interactive Prisma
 * transaction did the same for about 7 ms of the email worker's CPU per email.
 */
export function sqlSentEmailLedger(pool: Pool): SentEmailLedger {
  return {
    async claimAndSend(claim, send) {
      const client: PoolClient = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(`BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${SEND_TRANSACTION_TIMEOUT_MS}`);
        const claimed = await client.query(
          'INSERT INTO notifications.sent_emails (event_id, type, recipient, subject) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING',
          [claim.eventId, claim.type, claim.recipient, claim.subject],
        );
        if (claimed.rowCount === 0) {
          await client.query('ROLLBACK');
          return 'duplicate';
        }
        const info = await send();
        if (info.messageId) await client.query('UPDATE notifications.sent_emails SET message_id = $2 WHERE event_id = $1', [claim.eventId, info.messageId]);
        await client.query('COMMIT');
        return 'sent';
      } catch (err) {
        // A connection that cannot even roll back is dropped rather than handed to the next email.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}
