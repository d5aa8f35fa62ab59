// Every workflow the Temporal worker registers; the worker bundles this file.
export { checkoutWorkflow } from './checkout.workflow';
export { pingWorkflow } from './ping.workflow';
export { refundOrderWorkflow } from './refund.workflow';
export { fulfilmentWorkflow } from './fulfilment.workflow';
export { posSaleWorkflow } from './pos-sale.workflow';
export { settlementWorkflow } from './settlement.workflow';
export { posRefundWorkflow } from './pos-refund.workflow';
export { returnOrderWorkflow } from './return.workflow';
