import { createEnvelope, type EventEnvelope } from '../lib/events';
import type { EventPublisher, TopicName } from '../lib/kafka';
import { businessMetrics, secondsSince } from '../lib/metrics';
import { activityInfo } from './grpc-call';

export interface PublishEventInput {
  topic: TopicName;
  /** `id` is required: a retried publish must carry the same id so consumers can skip the repeat. */
  event: Omit<EventEnvelope, 'time'> & { time?: string };
}

/** Publishing activities: Temporal retries them until Kafka is back, so no event is lost. */
export function createEventActivities(deps: { publisher: EventPublisher }) {
  return {
    /** Publishes one event and resolves once Kafka acknowledged it. */
    async publishEvent(input: PublishEventInput): Promise<void> {
      const envelope = createEnvelope(input.event);
      await deps.publisher.publish(input.topic, envelope);
      // From when the workflow first asked to publish (a Kafka outage makes this long), not from
      // envelope.time, which each retried attempt stamps anew.
      const scheduledAt = activityInfo()?.scheduledTimestampMs;
      businessMetrics().eventPublishLag.observe({ topic: input.topic }, secondsSince(scheduledAt ? new Date(scheduledAt).toISOString() : envelope.time));
    },
  };
}
