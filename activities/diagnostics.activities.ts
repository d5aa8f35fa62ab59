import { callUnary } from '../lib/grpc';
import type { DiagnosticsServiceClient, Ping } from '../proto/diagnostics';
import { withTypedFailures } from './failures';

export interface RecordPingInput {
  pingId: string;
  message: string;
  /** `<workflowId>:<step>`: sent to the service, which answers a repeat with the first result. */
  idempotencyKey: string;
}

/** Activities of the diagnostics domain, over an injected gRPC client. */
export function createDiagnosticsActivities(deps: { diagnostics: DiagnosticsServiceClient }) {
  return {
    /** Records a ping in the diagnostics service (idempotent per key). */
    async recordPing(input: RecordPingInput): Promise<Ping> {
      return withTypedFailures(() => callUnary(deps.diagnostics.recordPing.bind(deps.diagnostics), input));
    },
  };
}
