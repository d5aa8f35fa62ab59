import { infraEnv, runInfra } from '../../scripts/stack';

/** Installs (once, cached) Temporal's Java time-skipping test server and tells the tests where it is. */
export default async function globalSetup(): Promise<void> {
  await runInfra('temporal-test-server', 'install');
  process.env.TEMPORAL_TEST_SERVER_PATH = infraEnv('temporal-test-server').TEMPORAL_TEST_SERVER_PATH;
}
