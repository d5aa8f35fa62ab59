import { defineQuery, defineSignal } from '@temporalio/workflow';

/** What B0's workflows are called (the bench starts them by name on its own task queue). */
export const B0_WORKFLOW_TYPE = 'b0Workflow';
export const B0_PARKED_WORKFLOW_TYPE = 'b0ParkedWorkflow';
export const B0_LOCAL_WORKFLOW_TYPE = 'b0LocalWorkflow';

/** How many activities a card checkout runs (reserve, create, charge, paid, book, commit, confirm, publish). */
export const B0_ACTIVITIES = 8;

/** Ends a parked B0 workflow. */
export const releaseSignal = defineSignal('release');
/** True once a parked B0 workflow has run its activities and waits for `release`. */
export const parkedQuery = defineQuery<boolean>('parked');
