// Every workflow the Temporal worker registers; the worker bundles this file.
export { pingWorkflow } from './ping.workflow';
