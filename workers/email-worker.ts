import { config } from '../lib/config';
import { startTelemetry } from '../lib/telemetry';

startTelemetry('email-worker', config());

/** Entry point of the email worker: a Kafka consumer that emails customers about their orders. */
async function main(): Promise<void> {
  const { runEmailWorker } = await import('./email-worker.run');
  // Development defaults until lib/config.ts parses SMTP_HOST, SMTP_PORT and MAIL_FROM; then: runEmailWorker(config()).
  await runEmailWorker({ SMTP_HOST: '127.0.0.1', SMTP_PORT: 1025, MAIL_FROM: 'Checkout <orders@checkout.local>', ...config() });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
