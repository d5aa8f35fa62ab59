import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Keeps the Temporal SDK's own logs to warnings in tests (installed once per test process). */
export function quietTemporalLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier test file in this process.
  }
}
