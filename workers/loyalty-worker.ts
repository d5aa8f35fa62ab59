import { config } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

startTelemetry('loyalty-worker', config());

/** Entry point of the loyalty worker: a Kafka consumer that credits points for completed orders. */
async function main(): Promise<void> {
  const { runLoyaltyWorker } = await import('./loyalty-worker.run');
  await runLoyaltyWorker(config());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
