import type * as grpc from '@grpc/grpc-js';
import { Context } from '@temporalio/activity';
import { isDomainError } from '../lib/errors';
import { callUnary } from '../lib/grpc';
import { businessMetrics } from '../lib/metrics';
import { withTypedFailures } from './failures';

type Method<Req, Res> = (request: Req, options: grpc.CallOptions, callback: (err: grpc.ServiceError | null, response?: Res) => void) => grpc.ClientUnaryCall;

const TIMEOUT_MS = 15_000;

/** Calls a domain service method; its DomainErrors become typed ApplicationFailures. */
export function call<Req, Res>(client: grpc.Client, method: Method<Req, Res>, request: Req): Promise<Res> {
  return withTypedFailures(() => callUnary(method.bind(client), request, TIMEOUT_MS));
}

/**
 * Calls an undo: one that finds nothing to undo (NOT_FOUND) succeeds doing nothing. Each attempt is
 * counted in saga_undo_attempts_total{step, outcome}: failing attempts are what turns into a stuck undo.
 */
export async function callUndo<Req, Res>(client: grpc.Client, method: Method<Req, Res>, request: Req): Promise<Res | undefined> {
  const { undoAttempts } = businessMetrics();
  const step = activityInfo()?.activityType ?? method.name;
  try {
    const result = await withTypedFailures(async () => {
      try {
        return await callUnary(method.bind(client), request, TIMEOUT_MS);
      } catch (err) {
        if (isDomainError(err) && err.code === 'NOT_FOUND') return undefined;
        throw err;
      }
    });
    undoAttempts.inc({ step, outcome: 'ok' });
    return result;
  } catch (err) {
    undoAttempts.inc({ step, outcome: 'error' });
    throw err;
  }
}

/** The running activity's info; undefined outside an activity (unit tests call activities directly). */
export function activityInfo(): Context['info'] | undefined {
  try {
    return Context.current().info;
  } catch {
    return undefined;
  }
}
