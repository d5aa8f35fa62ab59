import { status as GrpcStatus } from '@grpc/grpc-js';
import { ServiceError } from '@temporalio/client';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { DomainError } from '../lib/errors';
import { createLogger } from '../lib/logger';
import { errorHandler, notFoundHandler } from './error-handler';

/** An app whose only route throws the given error, behind the real error handler. */
function appThrowing(err: unknown) {
  const app = express();
  app.get('/boom', () => {
    throw err;
  });
  app.use(notFoundHandler);
  app.use(errorHandler(createLogger('test', 'silent')));
  return app;
}

const grpcError = (code: number) => Object.assign(new Error(`grpc ${code}`), { code });

describe('errorHandler', () => {
  it('maps a domain error to its status, code, message and details, with Retry-After when given', async () => {
    const res = await request(appThrowing(new DomainError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 42 }))).get('/boom');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('42');
    expect(res.body).toEqual({ error: { code: 'RATE_LIMITED', message: 'slow down', details: { retryAfterSeconds: 42 } } });
  });

  it('maps a validation error to 400 with the invalid fields', async () => {
    const zodError = z.object({ quantity: z.number() }).safeParse({ quantity: 'two' }).error;
    const res = await request(appThrowing(zodError)).get('/boom');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'quantity' })] });
  });

  it.each([
    ['the Temporal server unreachable', new ServiceError('Failed to query workflow', { cause: grpcError(GrpcStatus.UNAVAILABLE) })],
    ['a query no worker answered in time', new ServiceError('Failed to query workflow', { cause: grpcError(GrpcStatus.DEADLINE_EXCEEDED) })],
    [
      'a query to a task queue with no worker',
      new ServiceError('Failed to query workflow', { cause: Object.assign(new Error('9 FAILED_PRECONDITION: no poller seen for task queue recently, worker may be down'), { code: GrpcStatus.FAILED_PRECONDITION }) }),
    ],
  ])('answers 503 UNAVAILABLE with Retry-After for %s', async (_what, err) => {
    const res = await request(appThrowing(err)).get('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.code).toBe('UNAVAILABLE');
  });

  it('answers 500 without internals for anything else, including a permanent gRPC error', async () => {
    for (const err of [new Error('password=hunter2'), new ServiceError('bad', { cause: grpcError(GrpcStatus.INVALID_ARGUMENT) })]) {
      const res = await request(appThrowing(err)).get('/boom');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
      expect(JSON.stringify(res.body)).not.toMatch(/hunter2|stack/);
    }
  });

  it('answers unknown routes with 404 in the same shape', async () => {
    const res = await request(appThrowing(new Error('unused'))).get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
