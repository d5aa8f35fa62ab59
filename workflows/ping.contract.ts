import { defineQuery } from '@temporalio/workflow';

/**
 * Contract of the ping workflow: a diagnostic that crosses every real component (REST → Temporal →
 * gRPC → PostgreSQL → Kafka → consumer). The api and the worker both import this file.
 */
export const PING_WORKFLOW_TYPE = 'pingWorkflow';

/** Workflow id = business key, so a retried request finds the same workflow. */
export function pingWorkflowId(pingId: string): string {
  return `ping:${pingId}`;
}

export interface PingInput {
  pingId: string;
  message: string;
  /** Seconds to wait (on a durable timer) between recording the ping and announcing it. */
  delaySeconds: number;
}

export interface PingResult {
  pingId: string;
  recordedAt: string;
  eventId: string;
}

export type PingState = 'RECORDING' | 'WAITING' | 'PUBLISHING' | 'COMPLETED' | 'FAILED';

export interface PingStep {
  step: 'record-ping' | 'wait' | 'publish-event';
  status: 'STARTED' | 'COMPLETED' | 'FAILED';
  at: string;
}

export interface PingStatus {
  state: PingState;
  timeline: PingStep[];
}

export const pingStatusQuery = defineQuery<PingStatus>('status');
