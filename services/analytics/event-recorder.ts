import type { EventEnvelope } from '../../lib/events';
import type { Tx } from '../../lib/idempotent-call';
import type { PrismaClient } from '../../lib/prisma';

/**
 * Records that `consumer` handled an event. Answers 'duplicate' (and writes nothing) when that
 * consumer already recorded the same event id, which is how redelivered events are skipped. Pass a
 * transaction client to make the record part of the event's other writes (ON CONFLICT DO NOTHING
 * keeps the transaction usable; a concurrent duplicate waits on the row lock, then finds the row).
 */
export async function recordProcessedEvent(
  db: PrismaClient | Tx,
  consumer: string,
  event: EventEnvelope,
): Promise<'recorded' | 'duplicate'> {
  const { count } = await db.processedEvent.createMany({
    data: [{ consumer, eventId: event.id, type: event.type, subject: event.subject, occurredAt: new Date(event.time) }],
    skipDuplicates: true,
  });
  return count === 1 ? 'recorded' : 'duplicate';
}
