import type * as grpc from '@grpc/grpc-js';
import { isDomainError } from '../lib/errors';
import { callUnary } from '../lib/grpc';
import { withTypedFailures } from './failures';

type Method<Req, Res> = (request: Req, options: grpc.CallOptions, callback: (err: grpc.ServiceError | null, response?: Res) => void) => grpc.ClientUnaryCall;

const TIMEOUT_MS = 15_000;

/** Calls a domain service method; its DomainErrors become typed ApplicationFailures. */
export function call<Req, Res>(client: grpc.Client, method: Method<Req, Res>, request: Req): Promise<Res> {
  return withTypedFailures(() => callUnary(method.bind(client), request, TIMEOUT_MS));
}

/** Calls an undo: one that finds nothing to undo (NOT_FOUND) succeeds doing nothing. */
export function callUndo<Req, Res>(client: grpc.Client, method: Method<Req, Res>, request: Req): Promise<Res | undefined> {
  return withTypedFailures(async () => {
    try {
      return await callUnary(method.bind(client), request, TIMEOUT_MS);
    } catch (err) {
      if (isDomainError(err) && err.code === 'NOT_FOUND') return undefined;
      throw err;
    }
  });
}
