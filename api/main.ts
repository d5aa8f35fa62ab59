import { config } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

startTelemetry('api', config());

/** Entry point of the REST api process. */
async function main(): Promise<void> {
  const { runApi } = await import('./server');
  await runApi(config());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
