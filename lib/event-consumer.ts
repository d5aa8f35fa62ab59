import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { Counter } from 'prom-client';
import { parseEnvelope, type EventEnvelope } from './events';
import { asciiHeader, createProducer, deadLetterTopicName, topicName, type KafkaSettings, type TopicName } from './kafka';
import type { Logger } from './logger';
import { businessMetrics, secondsSince, watchConsumerLag, type Metrics } from './metrics';
import { isTransientError } from './transient-errors';

export { isTransientError };

export interface EventConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How a consumer retries a failing message before it dead-letters it. */
export interface RetryPolicy {
  /** Failures (not counting outages, see isTransientError) after which the message goes to `<topic>.dlq`. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles each attempt up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 500, maxDelayMs: 30_000 };

/**
 * How a consumer fetches: the broker answers a fetch once it holds `minBytes` for it, or after
 * `maxWaitTimeInMs` with whatever it has. KafkaJS's default (1 byte) answers each event on its own, so
 * under load every event cost each consumer group a fetch and an offset commit of its own (three groups
 * read `orders`). These consumers send emails and update analytics and loyalty balances, where half a
 * second more is nothing to a customer: a fetch then carries every event of that half second, and its
 * batch is committed once.
 */
export const DEFAULT_FETCH: ConsumerFetch = { minBytes: 16 * 1024, maxWaitTimeInMs: 500 };
export interface ConsumerFetch {
  minBytes: number;
  maxWaitTimeInMs: number;
}

/** The headers of a dead-lettered message (ASCII names and values; Unicode stays in the value). */
export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
} as const;

/** The delay before attempt `attempt + 1`: exponential, capped. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
}

function deadLettered(metrics: Metrics): Counter<'topic' | 'consumer'> {
  const existing = metrics.registry.getSingleMetric('events_dead_lettered_total');
  if (existing) return existing as Counter<'topic' | 'consumer'>;
  return new Counter({
    name: 'events_dead_lettered_total',
    help: 'Messages a consumer gave up on and published to the dead-letter topic <topic>.dlq',
    labelNames: ['topic', 'consumer'] as const,
    registers: [metrics.registry],
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A consumer group that hands each envelope to `handle`. A handler failure caused by an outage
 * (isTransientError) is retried with backoff until it succeeds, so a database outage delays events
 * and loses none. Any other failure is retried `retry.maxAttempts` times, then the message is
 * published to `<topic>.dlq` with the reason and its origin in headers, counted in
 * `events_dead_lettered_total`, and committed, so one poison message never blocks its partition.
 * A message that is not an envelope goes to the dead-letter topic at once. When KafkaJS gives up on
 * the consumer (a crash it will not restart itself), a new consumer is started after a backoff.
 */
export function createEventConsumer(opts: {
  kafka: Kafka;
  settings: Pick<KafkaSettings, 'topicPrefix'>;
  group: string;
  topics: TopicName[];
  handle: (event: EventEnvelope) => Promise<void>;
  logger: Logger;
  metrics: Metrics;
  /** Read topics from the beginning when the group has no committed offset yet. */
  fromBeginning?: boolean;
  retry?: Partial<RetryPolicy>;
  fetch?: ConsumerFetch;
}): EventConsumer {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const groupId = `${opts.settings.topicPrefix}${opts.group}`;
  const counter = deadLettered(opts.metrics);
  const logger = opts.logger.child({ consumer: opts.group });
  let consumer: Consumer | undefined;
  let producer: Promise<Producer> | undefined;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;

  async function deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, attempts: number): Promise<void> {
    producer ??= (async () => {
      const created = createProducer(opts.kafka);
      await created.connect();
      return created;
    })().catch((err: unknown) => {
      producer = undefined;
      throw err;
    });
    const dlq = await producer;
    const headers: IHeaders = {
      ...message.headers,
      [DLQ_HEADERS.reason]: asciiHeader(reason),
      [DLQ_HEADERS.originalTopic]: asciiHeader(topic),
      [DLQ_HEADERS.originalPartition]: String(partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.attempts]: String(attempts),
      [DLQ_HEADERS.consumer]: asciiHeader(opts.group),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    };
    await dlq.send({ topic: deadLetterTopicName(topic), acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    counter.inc({ topic, consumer: opts.group });
    logger.error({ topic, partition, offset: message.offset, attempts, reason }, `message dead-lettered to ${deadLetterTopicName(topic)}`);
  }

  async function handleMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const event = parseEnvelope(message.value);
    if (!event) {
      const size = message.value?.length ?? 0;
      return deadLetter(topic, partition, message, `not an event envelope (${size} bytes)`, 0);
    }
    businessMetrics(opts.metrics.registry).eventConsumeLag.observe({ consumer: opts.group, topic }, secondsSince(event.time));
    let failures = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await opts.metrics.time('event', event.type, () => opts.handle(event));
        return;
      } catch (err) {
        // Stopping: leave the offset uncommitted, the message is redelivered to whoever consumes next.
        if (stopping) throw err;
        const transient = isTransientError(err);
        if (!transient) failures++;
        const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        if (failures >= policy.maxAttempts) return deadLetter(topic, partition, message, reason, attempt);
        const delay = retryDelayMs(policy, transient ? attempt : failures);
        logger.warn({ err, topic, partition, offset: message.offset, eventId: event.id, attempt, transient, retryInMs: delay }, 'event handler failed; retrying');
        // Heartbeats while waiting, so the group does not think this member died. A heartbeat that
        // fails (a rebalance) ends the wait: KafkaJS rejoins, and the uncommitted message is redelivered.
        for (let waited = 0; waited < delay && !stopping; waited += 1_000) {
          await sleep(Math.min(1_000, delay - waited));
          await heartbeat();
        }
      }
    }
  }

  async function run(): Promise<void> {
    const current = opts.kafka.consumer({ groupId, ...(opts.fetch ?? DEFAULT_FETCH) });
    consumer = current;
    watchConsumerLag(current, opts.group, opts.metrics.registry);
    current.on(current.events.CRASH, ({ payload }) => {
      if (payload.restart || stopping) return;
      // KafkaJS restarts after retriable errors itself; after any other crash the consumer is dead.
      const delay = retryDelayMs({ ...policy, maxDelayMs: 60_000, initialDelayMs: 1_000 }, ++restarts);
      logger.error({ err: payload.error, restarts, restartInMs: delay }, 'Kafka consumer crashed and will not restart itself: starting a new one');
      restartTimer = setTimeout(() => void runUntilConnected(), delay);
    });
    try {
      await current.connect();
      await current.subscribe({ topics: opts.topics.map((t) => topicName(opts.settings, t)), fromBeginning: opts.fromBeginning ?? true });
      // Stopped while connecting: stop()'s disconnect came before this connection, so it is closed
      // here; run would otherwise start a consumer no one stops, retrying forever once Kafka is gone.
      if (stopping) {
        await current.disconnect();
        return;
      }
      await current.run({ eachMessage: ({ topic, partition, message, heartbeat }) => handleMessage(topic, partition, message, heartbeat) });
      restarts = 0;
    } catch (err) {
      await current.disconnect().catch(() => undefined);
      throw err;
    }
  }

  /** Starts the consumer, retrying while Kafka is unreachable, so a worker can start during an outage. */
  async function runUntilConnected(): Promise<void> {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await run();
        return;
      } catch (err) {
        const delay = retryDelayMs({ maxAttempts: 0, initialDelayMs: 1_000, maxDelayMs: 30_000 }, attempt);
        logger.error({ err, attempt, retryInMs: delay }, 'Kafka consumer could not start; retrying');
        await sleep(delay);
      }
    }
  }

  return {
    start: runUntilConnected,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      await consumer?.disconnect();
      await (await producer?.catch(() => undefined))?.disconnect();
    },
  };
}
