import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { createEnvelope, type EventEnvelope } from '../lib/events';
import type { EventPublisher, TopicName } from '../lib/kafka';
import { businessMetrics, secondsSince } from '../lib/metrics';
import { FULFILMENT_WORKFLOW_TYPE, fulfilmentSearchAttributes, fulfilmentWorkflowId, type FulfilmentInput } from '../workflows/fulfilment.contract';
import { activityInfo } from './grpc-call';

export interface PublishEventInput {
  topic: TopicName;
  /** `id` is required: a retried publish must carry the same id so consumers can skip the repeat. */
  event: Omit<EventEnvelope, 'time'> & { time?: string };
}

export interface StartFulfilmentAndPublishInput extends PublishEventInput {
  /** The order's fulfilment, started on the checkout's task queue before the event is published. */
  fulfilment: FulfilmentInput;
}

/**
 * Starts the order's one fulfilment unless it was started before (a retried attempt, a reset checkout):
 * REJECT_DUPLICATE, so a closed fulfilment is never started again either. It is listed under its order,
 * customer and FULFILMENT_PICKING from its start (fulfilmentSearchAttributes).
 */
export async function startFulfilment(client: Client, taskQueue: string, input: FulfilmentInput): Promise<void> {
  try {
    await client.workflow.start(FULFILMENT_WORKFLOW_TYPE, {
      workflowId: fulfilmentWorkflowId(input.orderId),
      taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: fulfilmentSearchAttributes(input),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** Publishing activities: Temporal retries them until Kafka is back, so no event is lost. */
export function createEventActivities(deps: { publisher: EventPublisher }) {
  const publishEvent = async (input: PublishEventInput): Promise<void> => {
    const envelope = createEnvelope(input.event);
    await deps.publisher.publish(input.topic, envelope);
    // From when the workflow first asked to publish (a Kafka outage makes this long), not from
    // envelope.time, which each retried attempt stamps anew.
    const scheduledAt = activityInfo()?.scheduledTimestampMs;
    businessMetrics().eventPublishLag.observe({ topic: input.topic }, secondsSince(scheduledAt ? new Date(scheduledAt).toISOString() : envelope.time));
  };
  return {
    /** Publishes one event and resolves once Kafka acknowledged it. */
    publishEvent,
    /**
     * The end of a completed checkout in one activity: its fulfilment is started (with the worker's
     * client, on the checkout's task queue), then `order.completed` is published. A checkout's own
     * `startChild` cost its history a start, a started event and a workflow task more. Retried until
     * both are done: the fulfilment is started even while Kafka is down, and a retry finds it started.
     */
    async startFulfilmentAndPublish(input: StartFulfilmentAndPublishInput): Promise<void> {
      const { client, info } = Context.current();
      await startFulfilment(client, info.taskQueue, input.fulfilment);
      await publishEvent({ topic: input.topic, event: input.event });
    },
  };
}
