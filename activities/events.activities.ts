import { createEnvelope, type EventEnvelope } from '../lib/events';
import type { EventPublisher, TopicName } from '../lib/kafka';

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
      await deps.publisher.publish(input.topic, createEnvelope(input.event));
    },
  };
}
