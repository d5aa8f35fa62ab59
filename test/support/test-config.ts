import { loadConfig, type Config } from '../../lib/config';

/**
 * The config of a test run: the shop's servers, but the test database, the `checkout-test` Temporal
 * namespace, and a task queue, topic prefix and Redis prefix of this run's own.
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const runId = process.env.CHECKOUT_TEST_RUN_ID ?? 'local';
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgresql://checkout:checkout@127.0.0.1:5432/checkout_test',
    TEMPORAL_NAMESPACE: 'checkout-test',
    TEMPORAL_TASK_QUEUE: `test-${runId}`,
    KAFKA_TOPIC_PREFIX: `test-${runId}.`,
    REDIS_KEY_PREFIX: `test:${runId}:`,
    ...overrides,
  });
}
