import { condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { B0Activities } from './b0.activities';
import { B0_ACTIVITIES, parkedQuery, releaseSignal } from './b0.contract';

// The same activity options as the checkout saga's forward steps, so B0 pays what the saga pays in Temporal.
const B0_ACTIVITY_OPTIONS = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumAttempts: 10 } } as const;
const { noop } = proxyActivities<B0Activities>(B0_ACTIVITY_OPTIONS);
const local = proxyLocalActivities<B0Activities>(B0_ACTIVITY_OPTIONS);

/**
 * B0: the bare workflow the saga is measured against. It runs `activities` no-op activities one
 * after another, as the saga runs its steps, so the difference to the saga is our own code and services.
 */
export async function b0Workflow(activities: number = B0_ACTIVITIES): Promise<number> {
  for (let i = 0; i < activities; i += 1) await noop(i);
  return activities;
}

/**
 * B0 in the saga's own shape: its forward steps run as local activities and its last one (the
 * publish) as a regular activity, so `activities - 1` local no-ops, then one regular no-op. The issue's
 * B0 (`b0Workflow`) stays the target's reference; this one shows what Temporal costs a workflow of the
 * same shape, i.e. what is left of the saga's time that is our own.
 */
export async function b0LocalWorkflow(activities: number = B0_ACTIVITIES): Promise<number> {
  for (let i = 0; i < activities - 1; i += 1) await local.noop(i);
  await noop(activities - 1);
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
