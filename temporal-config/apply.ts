import { config } from '../lib/config';
import { applyTemporalSetup, TEMPORAL_SETUP } from './setup';

/** `npm run temporal:setup`: applies temporal-config/temporal.json to the server at TEMPORAL_ADDRESS. */
applyTemporalSetup(config().TEMPORAL_ADDRESS, TEMPORAL_SETUP, (line) => console.log(line)).then(
  () => console.log(`Temporal at ${config().TEMPORAL_ADDRESS} matches temporal-config/temporal.json`),
  (err: unknown) => {
    console.error(`temporal:setup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
