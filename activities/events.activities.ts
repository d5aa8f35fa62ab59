import { Context, log } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { createEnvelope, type EventEnvelope } from '../lib/events';
import type { EventPublisher, TopicName } from '../lib/kafka';
import { businessMetrics, secondsSince } from '../lib/metrics';
import { FULFILMENT_WORKFLOW_TYPE, fulfilmentSearchAttributes, fulfilmentWorkflowId, type FulfilmentInput } from '../workflows/fulfilment.contract';
import { createFulfilmentActivities, type CreateShipmentInput } from './fulfilment.activities';
import type { DeliveryServiceClient } from '../proto/services';
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

/** Creates a fulfilment's carrier shipment (the delivery service's CreateShipment, through an activity's call). */
export type ShipmentCreator = (input: CreateShipmentInput) => Promise<{ trackingNumber: string }>;

/**
 * Starts the order's one fulfilment unless it was started before (a retried attempt, a reset checkout):
 * REJECT_DUPLICATE, so a closed fulfilment is never started again either. It is listed under its order,
 * customer and FULFILMENT_PICKING from its start (fulfilmentSearchAttributes).
 *
 * With `createShipment`, a carrier's shipment is created first, under the key the fulfilment itself
 * would use, and given to it (`shipment`): its first workflow task then runs no local activity and
 * records no patch marker (bench/fulfilment-start-ab.ts measured the start's CPU). A shipment that
 * cannot be created now (the delivery service down, a rejection) is left to the fulfilment, which
 * creates it with its own retries as it always did: the start, and the event after it, never wait
 * for the delivery service.
 */
export async function startFulfilment(client: Client, taskQueue: string, input: FulfilmentInput, createShipment?: ShipmentCreator): Promise<void> {
  const workflowId = fulfilmentWorkflowId(input.orderId);
  let args = input;
  if (createShipment && !input.shipment && (input.deliveredBy ?? 'carrier') === 'carrier') {
    try {
      const { trackingNumber } = await createShipment({ shipmentId: input.orderId, orderId: input.orderId, postalCode: input.postalCode, idempotencyKey: `${workflowId}:create-shipment` });
      args = { ...input, shipment: { trackingNumber } };
    } catch (err) {
      log.warn('the shipment is left to the fulfilment: it could not be created before its start', { orderId: input.orderId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  try {
    await client.workflow.start(FULFILMENT_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [args],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: fulfilmentSearchAttributes(input),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** Publishing activities: Temporal retries them until Kafka is back, so no event is lost. */
export function createEventActivities(deps: { publisher: EventPublisher; delivery: DeliveryServiceClient }) {
  const { createShipment } = createFulfilmentActivities(deps);
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
     * client, on the checkout's task queue, given its carrier shipment), then `order.completed` is published. A checkout's own
     * `startChild` cost its history a start, a started event and a workflow task more. Retried until
     * both are done: the fulfilment is started even while Kafka is down, and a retry finds it started.
     */
    async startFulfilmentAndPublish(input: StartFulfilmentAndPublishInput): Promise<void> {
      const { client, info } = Context.current();
      await startFulfilment(client, info.taskQueue, input.fulfilment, createShipment);
      await publishEvent({ topic: input.topic, event: input.event });
    },
  };
}
