import { config } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

startTelemetry('temporal-worker', config());

/** Entry point of the Temporal worker process: runs the platform's workflows and activities. */
async function main(): Promise<void> {
  const { runTemporalWorker } = await import('./temporal-worker.run');
  await runTemporalWorker(config());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
