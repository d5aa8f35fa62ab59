import type { Tx } from '../../lib/idempotent-call';
import type { ReservationLine__Output } from '../../proto/generated/checkout/inventory/v1/ReservationLine';

/**
 * The kinds of rows in inventory.movements. Each logs the signed change of the column it affects:
 * reserved for RESERVE/RELEASE/EXPIRE, on_hand for COMMIT (which also lowers reserved), RESTOCK and ADJUST.
 */
export type MovementKind = 'RESERVE' | 'RELEASE' | 'EXPIRE' | 'COMMIT' | 'RESTOCK' | 'ADJUST';

/** Logs one movement per reservation line; `sign` turns line quantities into the signed change. */
export async function logMovements(
  tx: Tx,
  kind: MovementKind,
  reservationId: string,
  lines: readonly ReservationLine__Output[],
  sign: 1 | -1,
): Promise<void> {
  await tx.stockMovement.createMany({ data: lines.map((l) => ({ sku: l.sku, kind, quantity: sign * l.quantity, reservationId })) });
}
