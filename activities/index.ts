import type { EventPublisher } from '../lib/kafka';
import type { DiagnosticsServiceClient } from '../proto/diagnostics';
import { createDiagnosticsActivities } from './diagnostics.activities';
import { createEventActivities } from './events.activities';

/** The clients activities call; real ones in the worker, fakes in unit tests. */
export interface ActivityDeps {
  diagnostics: DiagnosticsServiceClient;
  publisher: EventPublisher;
}

/** Every activity the Temporal worker registers. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createDiagnosticsActivities(deps),
    ...createEventActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
