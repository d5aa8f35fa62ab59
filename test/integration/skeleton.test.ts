import { randomUUID } from 'node:crypto';
import { createEventPublisher, createKafka, createProducer, kafkaSettings, topicName, TOPICS } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { parseEnvelope, type EventEnvelope } from '../../lib/events';
import { pingWorkflowId } from '../../workflows/ping.contract';
import { eventually, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * The walking skeleton on the real servers: REST → Temporal workflow → activity → gRPC service →
 * PostgreSQL (Prisma) → Kafka event → consumer → PostgreSQL; Redis holds the api's idempotency keys.
 */
describe('walking skeleton (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${platform.api}/v1/system/pings`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('carries a ping through every component and records its event once', async () => {
    const res = await post({ message: 'hello stack' });
    expect(res.status).toBe(202);
    const { pingId, workflowId, statusUrl } = (await res.json()) as { pingId: string; workflowId: string; statusUrl: string };
    expect(workflowId).toBe(pingWorkflowId(pingId));

    const status = await eventually(async () => {
      const s = (await (await fetch(`${platform.api}${statusUrl}`)).json()) as { state: string; timeline: { step: string; status: string }[] };
      return s.state === 'COMPLETED' ? s : undefined;
    }, 30_000, 'the ping workflow to complete');
    expect(status.timeline.filter((s) => s.status === 'COMPLETED').map((s) => s.step)).toEqual(['record-ping', 'publish-event']);

    // The gRPC service wrote the row, under the workflow-scoped idempotency key.
    const row = await platform.prisma.ping.findUnique({ where: { pingId } });
    expect(row).toMatchObject({ message: 'hello stack', idempotencyKey: `${workflowId}:record-ping` });

    // The event is on Kafka, keyed by the ping id, in a CloudEvents-style envelope.
    const event = await readEvent(platform, (e) => e.subject === pingId);
    expect(event).toMatchObject({ id: `${workflowId}:ping.completed`, type: 'system.ping.completed', source: '/workflows/ping' });

    // The analytics consumer recorded it in PostgreSQL.
    const processed = await eventually(async () => {
      const rows = await platform.prisma.processedEvent.findMany({ where: { eventId: event.id } });
      return rows.length > 0 ? rows : undefined;
    }, 30_000, 'the analytics consumer to record the event');
    expect(processed).toHaveLength(1);
    expect(processed[0]).toMatchObject({ consumer: 'analytics', type: 'system.ping.completed', subject: pingId });

    // A redelivered event is skipped: publish it again, then a marker with the same key (same
    // partition, so it is handled after the repeat); once the marker is recorded, still one row.
    const producer = createProducer(createKafka(kafkaSettings(platform.config, 'test-producer'), createLogger('test', 'warn')));
    await producer.connect();
    const marker = { ...event, id: `${event.id}:marker`, type: 'system.test.marker' };
    await createEventPublisher(producer, { topicPrefix: platform.config.KAFKA_TOPIC_PREFIX }).publish(TOPICS.system, event);
    await createEventPublisher(producer, { topicPrefix: platform.config.KAFKA_TOPIC_PREFIX }).publish(TOPICS.system, marker);
    await producer.disconnect();
    await eventually(async () => ((await platform.prisma.processedEvent.count({ where: { eventId: marker.id } })) === 1 ? true : undefined), 30_000, 'the marker event');
    expect(await platform.prisma.processedEvent.count({ where: { eventId: event.id } })).toBe(1);

    // The history is in the Temporal server, where the Web UI reads it.
    const history = await platform.temporal.workflow.getHandle(workflowId).fetchHistory();
    expect(history.events?.length).toBeGreaterThan(5);
  });

  it('maps a repeated Idempotency-Key to the same ping, and rejects the key with another body', async () => {
    const key = randomUUID();
    const first = (await (await post({ message: 'once' }, { 'Idempotency-Key': key })).json()) as { pingId: string };
    const again = await post({ message: 'once' }, { 'Idempotency-Key': key });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { pingId: string }).pingId).toBe(first.pingId);
    expect(await platform.redis.get(`idempotency:pings:${key}`)).toContain(first.pingId);

    const reused = await post({ message: 'something else' }, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });

    await eventually(async () => ((await platform.prisma.ping.count({ where: { pingId: first.pingId } })) === 1 ? true : undefined));
    expect(await platform.prisma.ping.count({ where: { message: 'once', pingId: first.pingId } })).toBe(1);
  });

  it('answers bad input with a 4xx and a machine-readable code', async () => {
    const empty = await post({ message: '' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });

    const malformed = await fetch(`${platform.api}/v1/system/pings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });

    const unknown = await fetch(`${platform.api}/v1/system/pings/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('reports ready only with Redis and Temporal reachable, and serves metrics', async () => {
    const ready = await fetch(`${platform.api}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { redis: 'ok', temporal: 'ok' } });
    const metrics = await (await fetch(`${platform.api}/metrics`)).text();
    expect(metrics).toMatch(/request_duration_seconds_bucket\{.*kind="http"/);
    expect(metrics).toMatch(/process_cpu_user_seconds_total/);
  });
});

/** Reads the system topic from the start with a throwaway group until `match` finds an event. */
async function readEvent(platform: RunningPlatform, match: (e: EventEnvelope) => boolean): Promise<EventEnvelope> {
  const settings = kafkaSettings(platform.config, 'test-reader');
  const consumer = createKafka(settings, createLogger('test', 'warn')).consumer({ groupId: `${settings.topicPrefix}reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: topicName(settings, TOPICS.system), fromBeginning: true });
    return await new Promise<EventEnvelope>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching event on Kafka within 30s')), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = parseEnvelope(message.value);
          if (event && match(event) && message.key?.toString() === event.subject) {
            clearTimeout(timer);
            resolve(event);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
