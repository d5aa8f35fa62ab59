import { TestWorkflowEnvironment } from '@temporalio/testing';
import { searchAttributeTypes, TEMPORAL_SETUP } from '../../temporal-config/setup';
import { quietTemporalLogs } from './temporal-logs';

/**
 * A time-skipping environment on the test server installed by test/workflow/global-setup.ts.
 * `existing-path` keeps @temporalio/testing from ever downloading a server.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietTemporalLogs();
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER_PATH is not set: run the workflow tests through jest (see test/workflow/global-setup.ts)');
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  // The Java test server has AddSearchAttributes but not ListSearchAttributes: add them all.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: searchAttributeTypes(TEMPORAL_SETUP.searchAttributes),
  });
  return env;
}
