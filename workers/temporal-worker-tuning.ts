import type { WorkerOptions } from '@temporalio/worker';

/**
 * The platform worker's settings beyond the SDK's defaults (README, "Performance": the measurements,
 * `npx tsx bench/worker-tuning.ts`). The bench's B0 worker uses the same, so both pay the same per task.
 *
 * Pollers stay at the SDK's defaults (10 workflow-task pollers, nonStickyToStickyPollRatio 0.2, 10
 * activity pollers): two A/B runs of ratio 1 against 0.2 on the shared machine disagreed (+80 % and
 * -10 to -20 % closed-loop throughput at 16 clients), so nothing supports a change yet.
 */
export const WORKER_TUNING = {
  // The SDK sizes the cache from the heap limit: 2310 workflows here. Fulfilment workflows park for days
  // and filled it last round (793 cached, RSS 2.8 GB, ≈3.5 MB per cached workflow with the tracing
  // interceptors). The cache is LRU, so parked ones are evicted first (one is replayed when its next
  // signal or timer comes); it only needs the workflows in flight: 64 clients keep ~130 busy (each
  // checkout and the fulfilment it starts). 500 holds those and a 250-checkout burst, and bounds the
  // worker's cache at ≈1.75 GB even with tracing on.
  maxCachedWorkflows: 500,
} satisfies Partial<WorkerOptions>;
