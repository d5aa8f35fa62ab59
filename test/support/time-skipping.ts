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
  const env = await startWithRetries(() => TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } }));
  // The Java test server has AddSearchAttributes but not ListSearchAttributes: add them all.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: searchAttributeTypes(TEMPORAL_SETUP.searchAttributes),
  });
  return env;
}

/**
 * The SDK gives the Java test server a fixed 5 s to start listening; on a busy 2-core machine (several
 * test files start one each, beside the integration suite) the JVM can take longer. Try again.
 */
async function startWithRetries(start: () => Promise<TestWorkflowEnvironment>, attempts = 4): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (err) {
      const slowStart = err instanceof Error && err.message.includes('did not start within');
      if (!slowStart || attempt >= attempts) throw err;
    }
  }
}
