import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { MerchantSettlement, SettlementInput, SettlementResult } from './pos-sale.contract';
import { NON_RETRYABLE_TYPES, RETRY_BASE } from './retry-policies';

const steps = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...RETRY_BASE, maximumAttempts: 10, nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
});
// Events are retried until Kafka is back: a settlement written is always announced.
const events = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { ...RETRY_BASE, maximumInterval: '1 minute' } });

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Tokyo calendar day before `at` (Japan has no daylight saving time, so +9 h is exact). */
export function previousTokyoDay(at: Date): string {
  return new Date(at.getTime() + TOKYO_OFFSET_MS - DAY_MS).toISOString().slice(0, 10);
}

/**
 * Settles every merchant's ledger of one Tokyo business day (paid − refunded − fees) and publishes
 * `merchant.settled` for each settlement this run wrote. Idempotent: the pos service writes a
 * merchant's day once, so a second run (the schedule's catch-up, an operator's re-run) writes and
 * publishes nothing; event ids are the settlement's key, so consumers drop a duplicate anyway.
 */
export async function settlementWorkflow(input: SettlementInput = {}): Promise<SettlementResult> {
  // A scheduled run settles the day that just ended; workflowInfo().startTime is deterministic.
  const businessDate = input.businessDate ?? previousTokyoDay(workflowInfo().startTime);
  const { settlements } = await steps.settleMerchantsDay({ businessDate });
  const view = (s: (typeof settlements)[number]): MerchantSettlement => ({
    merchantId: s.merchantId,
    businessDate: s.businessDate,
    paidMinor: s.paidMinor,
    refundedMinor: s.refundedMinor,
    feesMinor: s.feesMinor,
    netMinor: s.netMinor,
    entries: s.entries,
    currency: s.currency,
    settledAt: s.settledAt,
  });
  const created = settlements.filter((s) => s.created).map(view);
  for (const settlement of created) {
    await events.publishEvent({
      topic: 'orders',
      event: {
        id: `merchant.settled:${settlement.merchantId}:${settlement.businessDate}`,
        type: 'merchant.settled',
        source: '/workflows/settlement',
        subject: settlement.merchantId,
        data: settlement,
      },
    });
  }
  return { businessDate, created, settlements: settlements.map(view) };
}
