import { WorkflowNotFoundError } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { fulfilmentWorkflowId } from '../../workflows/fulfilment.contract';
import { cachedWorkflowBundle } from '../../workers/temporal-worker-bundle';
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
async function startWithRetries(start: () => Promise<TestWorkflowEnvironment>, attempts = 8): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (err) {
      const slowStart = err instanceof Error && err.message.includes('did not start within');
      if (!slowStart || attempt >= attempts) throw err;
    }
  }
}

/**
 * The bundle of workflows/index.ts for the time-skipping tests' workers: built by webpack once per
 * distinct source and kept on disk (workers/temporal-worker-bundle.ts), instead of once per worker.
 * A file that starts ten workers would otherwise bundle ten times, which on a loaded 2-core machine
 * takes longer than the tests themselves.
 */
export function testWorkflowBundle(): Promise<{ codePath: string }> {
  return cachedWorkflowBundle({ workflowsPath: require.resolve('../../workflows/index'), workflowInterceptorModules: [] });
}

/**
 * Ends the fulfilment workflows that completed checkouts started as abandoned children. They outlive
 * the test's worker, and a workflow or activity task nobody polls stops the Java test server from
 * skipping time: a later `env.sleep` in the same environment would then wait in real time.
 */
export async function terminateFulfilments(env: TestWorkflowEnvironment, orderIds: Iterable<string>): Promise<void> {
  for (const orderId of orderIds) {
    await env.client.workflow
      .getHandle(fulfilmentWorkflowId(orderId))
      .terminate('test over')
      .catch((err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      });
  }
}
