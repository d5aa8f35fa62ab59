import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Logger } from '../../lib/logger';
import { SETTLEMENT_SCHEDULE_ID, SETTLEMENT_WORKFLOW_TYPE } from '../../workflows/pos-sale.contract';

/**
 * Creates the schedule that settles every merchant's day at 00:30 Tokyo time, unless it exists
 * (created by another api process, or on an earlier start): idempotent, so every api start calls it.
 * A missed run (the cluster was down) is caught up once (catchup window one day); runs never overlap.
 * The settlement itself is idempotent, so a catch-up that repeats a day changes nothing.
 */
export async function ensureSettlementSchedule(temporal: Client, opts: { taskQueue: string; scheduleId?: string }): Promise<'created' | 'exists'> {
  try {
    await temporal.schedule.create({
      scheduleId: opts.scheduleId ?? SETTLEMENT_SCHEDULE_ID,
      spec: { calendars: [{ hour: 0, minute: 30 }], timezone: 'Asia/Tokyo' },
      action: { type: 'startWorkflow', workflowType: SETTLEMENT_WORKFLOW_TYPE, taskQueue: opts.taskQueue, args: [{}] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'exists';
    throw err;
  }
}

/** Runs ensureSettlementSchedule in the background of a starting process: Temporal may be down for a while. */
export function ensureSettlementScheduleInBackground(temporal: Client, opts: { taskQueue: string; logger: Logger }): void {
  const attempt = (delayMs: number): void => {
    ensureSettlementSchedule(temporal, opts).then(
      (outcome) => opts.logger.info({ scheduleId: SETTLEMENT_SCHEDULE_ID, outcome }, 'merchant settlement schedule'),
      (err: unknown) => {
        opts.logger.warn({ err, scheduleId: SETTLEMENT_SCHEDULE_ID, retryInMs: delayMs }, 'cannot create the merchant settlement schedule yet; retrying');
        setTimeout(() => attempt(Math.min(delayMs * 2, 60_000)), delayMs).unref();
      },
    );
  };
  attempt(1000);
}
