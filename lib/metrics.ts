import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Consumer } from 'kafkajs';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RequestKind = 'http' | 'grpc' | 'activity' | 'event';

/** The metrics of one process: Node defaults plus one request-duration histogram, labelled by role. */
export interface Metrics {
  readonly registry: Registry;
  readonly requestDuration: Histogram<'kind' | 'operation' | 'outcome'>;
  /** Times `fn` and records it under kind/operation with outcome ok or error. */
  time<T>(kind: RequestKind, operation: string, fn: () => Promise<T>): Promise<T>;
}

export function createMetrics(role: string): Metrics {
  const registry = new Registry();
  processRegistry = registry;
  registry.setDefaultLabels({ role });
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'request_duration_seconds',
    help: 'Duration of requests handled by this process: HTTP routes, gRPC methods, activities, events',
    labelNames: ['kind', 'operation', 'outcome'] as const,
    // Bounds under 5 ms so a p50 below issue 9's 5 ms target is measured, not guessed inside one bucket,
    // and 4 and 7.5 ms so one near it is read within about half a millisecond (2.5-5 and 5-10 ms buckets
    // put a p50 of 4.4 ms at 3.75 and one of 5.8 ms at 7.5); 0.005 stays a bound (the bench's share of
    // calls within 5 ms reads it).
    buckets: [0.001, 0.0025, 0.004, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return {
    registry,
    requestDuration,
    async time(kind, operation, fn) {
      const end = requestDuration.startTimer({ kind, operation });
      try {
        const result = await fn();
        end({ outcome: 'ok' });
        return result;
      } catch (err) {
        end({ outcome: 'error' });
        throw err;
      }
    },
  };
}

/** Serves GET /metrics for processes without an HTTP server of their own. Resolves once listening. */
export async function startMetricsServer(
  metrics: Metrics,
  port: number,
  host = '127.0.0.1',
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      metrics.registry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(body);
        },
        () => {
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Only GET /metrics is served here' } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The registry of the Metrics this process created last (one per process in production). Activities
 * are built from their gRPC clients only, so they count business facts here rather than each
 * activity factory taking a Metrics; before any createMetrics (unit tests) they count into a registry
 * nobody scrapes.
 */
let processRegistry: Registry | undefined;
const unscraped = new Registry();

const LAG_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

/** Gets `name` from the registry, or creates it: several consumers (and tests) share one registry. */
function once<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/**
 * The platform's business facts, counted by the process that knows them: the Temporal worker's
 * activities (checkouts started, completed, failed by reason; undo attempts; event publish lag) and
 * the Kafka consumers (consume lag, offset lag). Stuck undos and slips awaiting payment are gauges of
 * the api (api/saga-gauges.ts); dead letters are counted in lib/event-consumer.ts.
 */
export interface BusinessMetrics {
  /** A checkout's first step (reserve stock) ran its first attempt. */
  checkoutsStarted: Counter;
  /** A checkout's order was confirmed (stock committed, paid, delivery booked). */
  checkoutsCompleted: Counter;
  /** A checkout ended without an order going through, by its failure code (OUT_OF_STOCK, CARD_DECLINED, CANCELLED, …). */
  checkoutsFailed: Counter<'reason'>;
  /** Each attempt of an undo (compensation), by activity and outcome: ok attempts are compensations run. */
  undoAttempts: Counter<'step' | 'outcome'>;
  /** From an event's time (the fact) to Kafka's acknowledgement of it. */
  eventPublishLag: Histogram<'topic'>;
  /** From an event's time to a consumer handling it. */
  eventConsumeLag: Histogram<'consumer' | 'topic'>;
  /** Messages behind the partition's high watermark when a consumer fetched its last batch. */
  consumerOffsetLag: Gauge<'consumer' | 'topic' | 'partition'>;
}

export function businessMetrics(registry: Registry = processRegistry ?? unscraped): BusinessMetrics {
  const registers = [registry];
  return {
    checkoutsStarted: once(registry, 'checkouts_started_total', () => new Counter({ name: 'checkouts_started_total', help: 'Checkout sagas that started (first attempt of their first step)', registers })),
    checkoutsCompleted: once(registry, 'checkouts_completed_total', () => new Counter({ name: 'checkouts_completed_total', help: 'Checkout sagas whose order was confirmed', registers })),
    checkoutsFailed: once(
      registry,
      'checkouts_failed_total',
      () => new Counter({ name: 'checkouts_failed_total', help: 'Checkout sagas that ended without an order going through, by failure code', labelNames: ['reason'] as const, registers }),
    ),
    undoAttempts: once(
      registry,
      'saga_undo_attempts_total',
      () => new Counter({ name: 'saga_undo_attempts_total', help: 'Attempts of saga undos (compensations) by undo activity and outcome ok|error', labelNames: ['step', 'outcome'] as const, registers }),
    ),
    eventPublishLag: once(
      registry,
      'event_publish_lag_seconds',
      () => new Histogram({ name: 'event_publish_lag_seconds', help: 'Seconds from an event\'s time to Kafka acknowledging it', labelNames: ['topic'] as const, buckets: LAG_BUCKETS, registers }),
    ),
    eventConsumeLag: once(
      registry,
      'event_consume_lag_seconds',
      () => new Histogram({ name: 'event_consume_lag_seconds', help: 'Seconds from an event\'s time to a consumer handling it', labelNames: ['consumer', 'topic'] as const, buckets: LAG_BUCKETS, registers }),
    ),
    consumerOffsetLag: once(
      registry,
      'kafka_consumer_offset_lag',
      () => new Gauge({ name: 'kafka_consumer_offset_lag', help: 'Messages behind the high watermark at the consumer\'s last fetched batch', labelNames: ['consumer', 'topic', 'partition'] as const, registers }),
    ),
  };
}

/** Seconds since an ISO time (0 for an unparsable or future one: a clock skew is not lag). */
export function secondsSince(iso: string, now = Date.now()): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, (now - at) / 1000);
}

/** Keeps kafka_consumer_offset_lag current from KafkaJS's batch events (each fetched batch carries its lag). */
export function watchConsumerLag(consumer: Consumer, group: string, registry: Registry): void {
  const { consumerOffsetLag } = businessMetrics(registry);
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    consumerOffsetLag.set({ consumer: group, topic: payload.topic, partition: String(payload.partition) }, Number(payload.offsetLag));
  });
}
