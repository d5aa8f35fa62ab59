/**
 * KafkaJS 2.2.4 (the last release) keeps a 1 ms timer loop running on every broker connection
 * whose request queue is empty: `scheduleCheckPendingRequests` arms a timer even with nothing
 * pending, and the timer's `checkPendingRequests` arms the next one, with a negative delay (Node
 * runs it after 1 ms) once no throttle is in effect (tulios/kafkajs#1556, #1704, PR #1667, never
 * released). It costs each process with a Kafka client about 3 % of a core when idle, and more
 * under load; on a 2-core machine running five such processes that is CPU the checkouts lack.
 *
 * The replacement arms the timer only when requests wait, exactly as KafkaJS does then: at the end
 * of the client-side throttle, or after CHECK_PENDING_REQUESTS_INTERVAL (10 ms) when the queue is
 * only full. An empty queue needs no timer: `push` schedules a check when it enqueues a request,
 * and a fulfilled or timed-out request checks the queue itself.
 */

/** The slice of KafkaJS's internal RequestQueue the replacement reads and writes. */
export interface KafkaRequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** KafkaJS's delay before re-checking a queue that is full but not throttled (src/network/requestQueue). */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/** The fixed `scheduleCheckPendingRequests`: no timer while nothing waits. */
export function scheduleCheckPendingRequests(this: KafkaRequestQueue): void {
  if (this.pending.length === 0 || this.throttleCheckTimeoutId) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
}

let patched = false;

/** KafkaJS's RequestQueue class (internal module, loaded from the pinned kafkajs 2.2.4). */
export function kafkaRequestQueueClass(): { prototype: KafkaRequestQueue } & (new (options: Record<string, unknown>) => KafkaRequestQueue) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('kafkajs/src/network/requestQueue');
}

/** Installs the fix on KafkaJS's RequestQueue once per process (idempotent). */
export function fixKafkaRequestQueueIdleLoop(): void {
  if (patched) return;
  kafkaRequestQueueClass().prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
  patched = true;
}
