import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { B0Activities } from './b0.activities';
import { B0_ACTIVITIES, parkedQuery, releaseSignal } from './b0.contract';

// The same activity options as the checkout saga's forward steps, so B0 pays what the saga pays in Temporal.
const { noop } = proxyActivities<B0Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 10 },
});

/**
 * B0: the bare workflow the saga is measured against. It runs `activities` no-op activities one
 * after another, as the saga runs its steps, so the difference to the saga is our own code and services.
 */
export async function b0Workflow(activities: number = B0_ACTIVITIES): Promise<number> {
  for (let i = 0; i < activities; i += 1) await noop(i);
  return activities;
}

/**
 * A B0 workflow that stays open (cached on the worker) after `activities` no-op activities until it
 * is signalled: what a saga awaiting a konbini payment costs the worker, minus our own state.
 */
export async function b0ParkedWorkflow(activities: number): Promise<void> {
  let released = false;
  let parked = false;
  setHandler(releaseSignal, () => {
    released = true;
  });
  setHandler(parkedQuery, () => parked);
  for (let i = 0; i < activities; i += 1) await noop(i);
  parked = true;
  await condition(() => released);
}
