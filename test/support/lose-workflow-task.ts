import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/**
 * A workflow interceptor module for time-skipping tests (built into the test's workflow bundle): it
 * loses a checkout's first workflow task after it has run local steps, as a worker killed mid-task
 * would. When that task asks for a `commitStock` local activity (the steps before it, through the
 * delivery booking, have run and answered), the activation fails, so the worker fails the workflow
 * task: the server keeps none of its commands or local-activity markers and hands the workflow to
 * the next task, which runs from the history alone. Only a first task is lost (history of 3 events).
 */
const LOSE_AT_ACTIVITY = 'commitStock';
const lost = new Set<string>();

const firstTask = () => workflowInfo().historyLength <= 3;

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleLocalActivity(input, next) {
        if (input.activityType === LOSE_AT_ACTIVITY && firstTask()) lost.add(workflowInfo().runId);
        return next(input);
      },
    },
  ],
  internals: [
    {
      concludeActivation(input, next) {
        if (lost.has(workflowInfo().runId) && firstTask()) throw new Error('test: this workflow task is lost (its worker died)');
        return next(input);
      },
    },
  ],
});
