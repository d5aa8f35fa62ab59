import { Prisma } from '@prisma/client';
import type { EventEnvelope } from '../../lib/events';
import type { PrismaClient } from '../../lib/prisma';

/**
 * Records that `consumer` handled an event. Answers 'duplicate' (and writes nothing) when that
 * consumer already recorded the same event id, which is how redelivered events are skipped.
 */
export async function recordProcessedEvent(
  prisma: PrismaClient,
  consumer: string,
  event: EventEnvelope,
): Promise<'recorded' | 'duplicate'> {
  try {
    await prisma.processedEvent.create({
      data: { consumer, eventId: event.id, type: event.type, subject: event.subject, occurredAt: new Date(event.time) },
    });
    return 'recorded';
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return 'duplicate';
    throw err;
  }
}
