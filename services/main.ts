import { config } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

startTelemetry('services', config());

/** Entry point of the domain services process: the gRPC servers selected by SERVICES. */
async function main(): Promise<void> {
  const { runServices } = await import('./server');
  await runServices(config());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
