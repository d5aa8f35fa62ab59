import { DomainError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { PrismaClient } from '../../lib/prisma';
import { inLockOrder } from './reserve-request';
import { logMovements } from './stock-movements';

/** How many reservations one sweep expires per transaction. */
export const EXPIRY_BATCH_SIZE = 100;

/**
 * Expires up to `limit` RESERVED reservations whose expiry is at or before `now`: gives their stock
 * back (movement EXPIRE) and marks them EXPIRED. Returns the ids it expired. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so concurrent sweepers (and a Release or Commit holding a row) never
 * release the same reservation twice.
 */
export async function expireReservations(prisma: PrismaClient, now: Date, limit = EXPIRY_BATCH_SIZE): Promise<string[]> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM inventory.reservations
        WHERE status = 'RESERVED' AND expires_at <= ${now}
        ORDER BY expires_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      const ids = claimed.map((r) => r.id);
      if (ids.length === 0) return [];
      const lines = await tx.reservationLine.findMany({ where: { reservationId: { in: ids } } });
      // One update per SKU for the whole batch, in lock order: per-reservation updates would lock
      // stock rows out of order and could deadlock with a concurrent Reserve.
      const totals = new Map<string, number>();
      for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
      for (const { sku, quantity } of inLockOrder([...totals].map(([sku, quantity]) => ({ sku, quantity })))) {
        const updated = await tx.$executeRaw`
          UPDATE inventory.stock SET reserved = reserved - ${quantity}, updated_at = now()
          WHERE sku = ${sku} AND reserved >= ${quantity}`;
        if (updated !== 1) throw new DomainError('INTERNAL', `inventory invariant broken: stock row of ${sku} missing or short of reserved quantity`, { sku });
      }
      for (const id of ids) {
        await logMovements(tx, 'EXPIRE', id, lines.filter((l) => l.reservationId === id), -1);
      }
      await tx.reservation.updateMany({ where: { id: { in: ids } }, data: { status: 'EXPIRED' } });
      return ids;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

export interface ReservationExpiryDeps {
  prisma: PrismaClient;
  logger: Logger;
  now: () => Date;
}

/**
 * Sweeps expired reservations every `intervalMs` until the returned stop function is called (it
 * waits for a sweep under way). The timer is unref'd: it never keeps a process alive on its own.
 */
export function startReservationExpiry(deps: ReservationExpiryDeps, intervalMs: number, batchSize = EXPIRY_BATCH_SIZE): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const sweep = async () => {
    // Drain the backlog batch by batch, but never beyond what was due when the sweep started.
    const now = deps.now();
    for (;;) {
      if (stopped) return;
      const expired = await expireReservations(deps.prisma, now, batchSize);
      if (expired.length > 0) deps.logger.info({ count: expired.length }, 'expired abandoned stock reservations');
      if (expired.length < batchSize) return;
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((err: unknown) => deps.logger.error({ err }, 'reservation expiry sweep failed; retrying on the next tick'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
