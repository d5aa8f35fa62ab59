import { config } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

startTelemetry('analytics-worker', config());

/** Entry point of the analytics worker: a Kafka consumer that records platform events. */
async function main(): Promise<void> {
  const { runAnalyticsWorker } = await import('./analytics-worker.run');
  await runAnalyticsWorker(config());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
