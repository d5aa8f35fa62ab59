import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../../lib/errors';
import { PING_WORKFLOW_TYPE, pingStatusQuery, pingWorkflowId, type PingInput } from '../../workflows/ping.contract';
import type { IdempotencyKeys } from '../idempotency';

/** The request body of POST /v1/system/pings. */
export const createPingBody = z
  .object({
    message: z.string().trim().min(1).max(500),
    delaySeconds: z.number().int().min(0).max(7 * 24 * 60 * 60).default(0),
  })
  .strict();

/** The path parameters of GET /v1/system/pings/:pingId. */
export const pingIdParam = z.object({ pingId: z.string().uuid() });
/** The optional Idempotency-Key header of POST /v1/system/pings. */
export const pingIdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({ description: 'Makes a retried request find the ping its first attempt started (same key and body → same ping).' });

/** Diagnostic pings: each one crosses the api, Temporal, a gRPC service, PostgreSQL and Kafka. */
export function pingRoutes(deps: { temporal: Client; taskQueue: string; idempotency: IdempotencyKeys }): Router {
  const router = Router();

  router.post('/v1/system/pings', async (req, res) => {
    const body = createPingBody.parse(req.body ?? {});
    const key = pingIdempotencyKeyHeader.parse(req.get('Idempotency-Key'));
    const { id: pingId } = key ? await deps.idempotency.begin('pings', key, body, randomUUID()) : { id: randomUUID() };
    const workflowId = pingWorkflowId(pingId);
    const input: PingInput = { pingId, ...body };
    try {
      await deps.temporal.workflow.start(PING_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      // A retried request with the same Idempotency-Key finds the workflow its first attempt started.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
        if (key) await deps.idempotency.abandon('pings', key);
        throw err;
      }
    }
    if (key) await deps.idempotency.complete('pings', key, body, pingId);
    res.status(202).location(`/v1/system/pings/${pingId}`).json({ pingId, workflowId, statusUrl: `/v1/system/pings/${pingId}` });
  });

  router.get('/v1/system/pings/:pingId', async (req, res) => {
    const { pingId } = pingIdParam.parse(req.params);
    const handle = deps.temporal.workflow.getHandle(pingWorkflowId(pingId));
    try {
      const [description, status] = await Promise.all([handle.describe(), handle.query(pingStatusQuery)]);
      res.json({ pingId, workflowId: handle.workflowId, execution: description.status.name, ...status });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', `No ping ${pingId}`);
      throw err;
    }
  });

  return router;
}
