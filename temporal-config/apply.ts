import { config } from '../lib/config';
import { describeTemporalConnection, temporalConnectionOptions } from '../lib/temporal-connection';
import { applyTemporalSetup, TEMPORAL_SETUP } from './setup';

/**
 * `npm run temporal:setup [namespace…]`: applies temporal-config/temporal.json to the server at
 * TEMPORAL_ADDRESS (all its namespaces, or those named), with the same connection options as the platform (TLS/mTLS or API key for a production cluster).
 */
const options = temporalConnectionOptions(config());
const where = JSON.stringify(describeTemporalConnection(options));
// Namespaces named on the command line narrow the setup (production registers `checkout` only, not the tests' namespace).
const only = process.argv.slice(2);
const unknown = only.filter((name) => !TEMPORAL_SETUP.namespaces.some((ns) => ns.name === name));
if (unknown.length > 0) {
  console.error(`temporal:setup: unknown namespaces ${unknown.join(', ')} (declared: ${TEMPORAL_SETUP.namespaces.map((ns) => ns.name).join(', ')})`);
  process.exit(2);
}
const setup = only.length === 0 ? TEMPORAL_SETUP : { ...TEMPORAL_SETUP, namespaces: TEMPORAL_SETUP.namespaces.filter((ns) => only.includes(ns.name)) };
applyTemporalSetup(options, setup, (line) => console.log(line)).then(
  () => console.log(`Temporal at ${where} matches temporal-config/temporal.json`),
  (err: unknown) => {
    console.error(`temporal:setup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
