import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { FULFILMENT_WORKFLOW_TYPE, fulfilmentWorkflowId, type FulfilmentInput } from '../workflows/fulfilment.contract';

export { fulfilmentWorkflow } from '../workflows/fulfilment.workflow';

/**
 * Bench only (bench/fulfilment-start-ab.ts): a parent that starts the order's fulfilment as the checkout
 * does (abandoned child, reject-duplicate) and ends, or, with `startChild` false, ends at once (the
 * fulfilment then started by the bench's client), so the two say what the child start costs.
 */
export async function fulfilmentParentWorkflow(input: FulfilmentInput, viaChild: boolean): Promise<void> {
  if (!viaChild) return;
  await startChild(FULFILMENT_WORKFLOW_TYPE, { workflowId: fulfilmentWorkflowId(input.orderId), args: [input], parentClosePolicy: ParentClosePolicy.ABANDON, workflowIdReusePolicy: 'REJECT_DUPLICATE' });
}
