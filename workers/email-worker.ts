import { config } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

startTelemetry('email-worker', config());

/** Entry point of the email worker: a Kafka consumer that emails customers about their orders. */
async function main(): Promise<void> {
  const { runEmailWorker } = await import('./email-worker.run');
  await runEmailWorker(config());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
