import { createKafka, ensureTopics, kafkaSettings } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { ensureStack, migrateDatabase } from '../../scripts/stack';
import { applyTemporalSetup, TEMPORAL_SETUP } from '../../temporal-config/setup';
import { testConfig } from '../support/test-config';

/**
 * Brings up the real stack (reusing what `npm start` already runs), then prepares this run's own
 * database, Kafka topics and Temporal namespace so the tests never touch the shop's data.
 */
export default async function globalSetup(): Promise<void> {
  process.env.CHECKOUT_TEST_RUN_ID ??= `${Date.now().toString(36)}`;
  const started = await ensureStack();
  (globalThis as { __STACK_STARTED__?: string[] }).__STACK_STARTED__ = started;
  const config = testConfig();
  await applyTemporalSetup(config.TEMPORAL_ADDRESS, TEMPORAL_SETUP);
  await migrateDatabase(config.DATABASE_URL);
  const settings = kafkaSettings(config, 'test-setup');
  await ensureTopics(createKafka(settings, createLogger('test-setup', 'warn')), settings);
}
