import { config } from '../lib/config';
import { describeTemporalConnection, temporalConnectionOptions } from '../lib/temporal-connection';
import { applyTemporalSetup, TEMPORAL_SETUP } from './setup';

/**
 * `npm run temporal:setup`: applies temporal-config/temporal.json to the server at TEMPORAL_ADDRESS,
 * with the same connection options as the platform (TLS/mTLS or API key for a production cluster).
 */
const options = temporalConnectionOptions(config());
const where = JSON.stringify(describeTemporalConnection(options));
applyTemporalSetup(options, TEMPORAL_SETUP, (line) => console.log(line)).then(
  () => console.log(`Temporal at ${where} matches temporal-config/temporal.json`),
  (err: unknown) => {
    console.error(`temporal:setup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
