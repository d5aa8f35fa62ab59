import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { deadLetterTopicName, createKafka, ensureTopics, kafkaSettings, topicName, TOPICS } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { createPrisma, type PrismaClient } from '../../lib/prisma';
import { closeDomainClients, createDomainClients, type DomainClients } from '../../proto/services';
import { Supervisor } from '../../scripts/supervisor';
import { platformRoles } from '../../scripts/supervisor-roles';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, freePort, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

/** OTLP's span kinds (one more than the API's SpanKind: 0 is UNSPECIFIED). */
const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

/** One span as the OTLP/HTTP JSON exporter sends it (ids hex), with the service that sent it. */
interface ReceivedSpan {
  service: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { name: string; kind: number; traceId: string; spanId: string; parentSpanId?: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}
interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; boolValue?: boolean };
}

const attributesOf = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value.boolValue]));

/** An OTLP/HTTP (JSON) trace receiver in the test process: what the platform's processes export lands here. */
async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces' && String(req.headers['content-type']).includes('json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpJson;
        for (const rs of body.resourceSpans ?? []) {
          const service = String(attributesOf(rs.resource?.attributes)['service.name'] ?? '?');
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              spans.push({ service, name: s.name, kind: s.kind, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || undefined, attributes: attributesOf(s.attributes) });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      res.writeHead(415).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The trace as an indented tree, one span a line: `service  name`. */
function traceTree(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | undefined, ReceivedSpan[]>();
  for (const s of spans) {
    const parent = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const s of children.get(parent) ?? []) {
      lines.push(`${'  '.repeat(depth)}${s.name.replace(/\s+/g, ' ')}  [${s.service.replace(/^checkout-platform-/, '')}]`);
      walk(s.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}

/** True when `ancestor` is on `span`'s parent chain within `spans`. */
function isAncestor(spans: ReceivedSpan[], ancestor: ReceivedSpan, span: ReceivedSpan): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let p = span.parentSpanId && byId.get(span.parentSpanId); p; p = p.parentSpanId ? byId.get(p.parentSpanId) : undefined) {
    if (p.spanId === ancestor.spanId) return true;
  }
  return false;
}

/**
 * One checkout is one trace: the api, the Temporal worker, the domain services and the analytics
 * consumer as real processes (under the supervisor), exporting OTLP to a receiver in this test, on
 * the real Temporal dev server, PostgreSQL and Kafka.
 */
describe('one trace per checkout, and the worker\'s Temporal SDK metrics (real processes, Temporal, PostgreSQL, Kafka)', () => {
  const base = testConfig();
  const run = randomUUID().slice(0, 8);
  const topicPrefix = `${base.KAFKA_TOPIC_PREFIX}trace-${run}.`;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let supervisor: Supervisor;
  let kafka: Kafka;
  let prisma: PrismaClient;
  let clients: DomainClients;
  let api: string;
  /** Where the worker serves its Temporal SDK metrics (a free port: METRICS_PORT is 0), from its log line. */
  let sdkMetricsUrl: string | undefined;
  /** Every JSON log line the processes wrote, with its role. */
  const logLines: { role: string; line: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    kafka = createKafka(kafkaSettings(base, 'test-trace'), createLogger('test', 'silent'));
    await ensureTopics(kafka, { topicPrefix });
    prisma = createPrisma(base.DATABASE_URL);
    const grpcPort = await freePort();
    const apiPort = await freePort();
    api = `http://127.0.0.1:${apiPort}`;
    clients = createDomainClients(`127.0.0.1:${grpcPort}`);
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: base.DATABASE_URL,
      JWT_SECRET: base.JWT_SECRET,
      PAYMENT_WEBHOOK_SECRET: base.PAYMENT_WEBHOOK_SECRET,
      TEMPORAL_NAMESPACE: base.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: `${base.TEMPORAL_TASK_QUEUE}-trace-${run}`,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REDIS_KEY_PREFIX: base.REDIS_KEY_PREFIX,
      GRPC_PORT: String(grpcPort),
      GRPC_SERVICES_ADDRESS: `127.0.0.1:${grpcPort}`,
      API_PORT: String(apiPort),
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // Read by the SDK's BatchSpanProcessor: export every 200 ms rather than every 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    supervisor = new Supervisor({
      roles: platformRoles({ metricsBase: 0, env, only: ['services', 'temporal-worker', 'analytics-worker', 'api'] }),
      pidDir: mkdtempSync(path.join(tmpdir(), 'trace-test-')),
      backoff: { initialMs: 200, maxMs: 2_000 },
    });
    const ready = new Set<string>();
    const allReady = new Promise<void>((resolve) =>
      supervisor.on('line', ({ role, line }) => {
        if (/Temporal worker running|worker consuming|api listening|listening/.test(line)) ready.add(role);
        if (line.startsWith('{')) {
          try {
            logLines.push({ role, line: JSON.parse(line) as Record<string, unknown> });
          } catch {
            // not JSON (a stack trace's continuation): not a log line of ours
          }
        }
        if (role === 'temporal-worker' && line.includes('Temporal SDK metrics served')) sdkMetricsUrl = (JSON.parse(line) as { sdkMetrics: string }).sdkMetrics;
        if (['services', 'temporal-worker', 'analytics-worker', 'api'].every((r) => ready.has(r))) resolve();
      }),
    );
    supervisor.start();
    await allReady;
  }, 240_000);

  afterAll(async () => {
    await supervisor?.stop();
    if (clients) closeDomainClients(clients);
    if (kafka) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: Object.values(TOPICS).flatMap((t) => [topicName({ topicPrefix }, t), deadLetterTopicName(topicName({ topicPrefix }, t))]) }).catch(() => undefined);
      await admin.disconnect();
    }
    await prisma?.$disconnect();
    await receiver?.close();
  });

  it('links REST → UpdateWithStartWorkflow → RunWorkflow → each activity → gRPC → SQL, and Kafka publish → consumer', async () => {
    // The fixtures only need the services' clients, the database and the JWT secret.
    const platform = { clients, prisma, config: base } as unknown as RunningPlatform;
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 5 });
    const slot = await createDeliverySlot(platform, 5);
    const customer = customerToken(platform);
    const res = await fetch(`${api}/v1/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}`, 'Idempotency-Key': `trace-${run}`, Prefer: 'wait=30' },
      body: JSON.stringify({
        lines: [{ sku, quantity: 1 }],
        address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
        payment: { type: 'card', cardToken: 'tok_visa' },
        deliverySlotId: slot.slotId,
      }),
    });
    const body = (await res.json()) as { state: string; orderId: string };
    expect(body.state).toBe('COMPLETED');

    const rest = await eventually(
      async () => receiver.spans.find((s) => s.service.endsWith('-api') && s.kind === KIND.server && /POST/.test(s.name) && /checkouts/.test(`${s.name} ${String(s.attributes['http.route'] ?? s.attributes['url.path'] ?? '')}`)),
      30_000,
      'the REST span of POST /v1/checkouts',
    );
    const inTrace = () => receiver.spans.filter((s) => s.traceId === rest.traceId);
    const find = (what: string, pred: (s: ReceivedSpan) => boolean) => eventually(async () => inTrace().find(pred), 30_000, what);

    async function assertChain(): Promise<void> {
      // With Prefer: wait the api starts the checkout and sends its awaitStage update in one call (update-with-start).
      const start = await find('UpdateWithStartWorkflow', (s) => s.name === 'UpdateWithStartWorkflow:awaitStage');
      const workflow = await find('RunWorkflow', (s) => s.name === 'RunWorkflow:checkoutWorkflow');
      const charge = await find('RunActivity:chargeCard', (s) => s.name === 'RunActivity:chargeCard');
      const chargeServer = await find('payments Charge gRPC server span', (s) => s.service.endsWith('-services') && s.kind === KIND.server && /PaymentsService\/Charge$/.test(s.name) && isAncestor(inTrace(), charge, s));
      const sql = await find('SQL under Charge', (s) => s.service.endsWith('-services') && s.kind === KIND.client && /^pg\.query/.test(s.name) && isAncestor(inTrace(), chargeServer, s));
      const consumed = await find('Kafka consumer span', (s) => s.service.endsWith('-analytics-worker') && s.kind === KIND.consumer);
      // Let the last batches arrive before printing (the assertions above do not depend on it).
      const finish = await find('the activity that starts the fulfilment and publishes', (s) => s.name === 'RunActivity:startFulfilmentAndPublish');
      // The fulfilment it starts with the worker's client continues the checkout's trace.
      const fulfilmentStart = await find('StartWorkflow of the fulfilment', (s) => s.name === 'StartWorkflow:fulfilmentWorkflow');

      const spans = inTrace();
      expect(isAncestor(spans, rest, start)).toBe(true);
      expect(isAncestor(spans, start, workflow)).toBe(true);
      // The checkout's own activities (a child workflow's hang under its RunWorkflow span, exported when it ends).
      const activities = spans.filter((s) => s.name.startsWith('RunActivity:') && s.attributes.temporalWorkflowId === checkoutWorkflowId(body.orderId));
      expect(activities.map((a) => a.name)).toEqual(expect.arrayContaining(['RunActivity:reserveStock', 'RunActivity:createOrder', 'RunActivity:chargeCard', 'RunActivity:bookDelivery']));
      for (const activity of activities) expect({ activity: activity.name, underWorkflow: isAncestor(spans, workflow, activity) }).toEqual({ activity: activity.name, underWorkflow: true });
      expect(isAncestor(spans, charge, chargeServer)).toBe(true);
      expect(isAncestor(spans, chargeServer, sql)).toBe(true);
      // The consumer's span continues the trace of the activity that published the event.
      const publisher = spans.find((s) => s.kind === KIND.producer && isAncestor(spans, workflow, s));
      expect(publisher).toBeDefined();
      expect(isAncestor(spans, publisher!, consumed)).toBe(true);
      expect(isAncestor(spans, workflow, finish)).toBe(true);
      expect(isAncestor(spans, finish, fulfilmentStart)).toBe(true);
    }

    // The log lines written while the checkout ran carry its trace: the api's request log at least.
    const traced = logLines.filter(({ line }) => line.trace_id === rest.traceId);
    console.log(`log lines with trace_id ${rest.traceId}: ${JSON.stringify(Object.fromEntries(['api', 'temporal-worker', 'services', 'analytics-worker'].map((r) => [r, traced.filter((l) => l.role === r).length])))}`);
    expect(traced.find(({ role, line }) => role === 'api' && typeof line.span_id === 'string' && /checkouts/.test(JSON.stringify(line.req ?? line)))).toBeDefined();

    // Printed even when an assertion below fails: the tree says where the chain broke.
    const printTree = () => console.log(`trace ${rest.traceId} of order ${body.orderId} (${inTrace().length} spans):\n${traceTree(inTrace())}`);
    try {
      await assertChain();
    } finally {
      printTree();
    }
  }, 120_000);

  it('serves the Temporal SDK metrics of the worker that ran the checkout: schedule-to-start latency, sticky cache, task slots, polls', async () => {
    expect(sdkMetricsUrl).toBeDefined();
    const scrape = await (await fetch(sdkMetricsUrl!)).text();
    const names = new Set([...scrape.matchAll(/^(temporal_\w+?)(?:\{| )/gm)].map((m) => m[1]));
    console.log(`temporal_* series at ${sdkMetricsUrl}:\n${[...names].sort().join('\n')}`);
    expect([...names]).toEqual(
      expect.arrayContaining([
        'temporal_workflow_task_schedule_to_start_latency_seconds_bucket',
        'temporal_activity_schedule_to_start_latency_seconds_bucket',
        'temporal_sticky_cache_size',
        'temporal_worker_task_slots_available',
        'temporal_worker_task_slots_used',
        'temporal_num_pollers',
        'temporal_workflow_task_queue_poll_succeed_total',
      ]),
    );
    // Labelled with this worker's task queue and namespace, so a dashboard can tell workers apart.
    expect(scrape).toContain(`task_queue="${base.TEMPORAL_TASK_QUEUE}-trace-${run}"`);
    expect(scrape).toContain(`namespace="${base.TEMPORAL_NAMESPACE}"`);
    console.log(scrape.split('\n').filter((l) => l.startsWith('temporal_workflow_task_schedule_to_start_latency_seconds_count') || l.startsWith('temporal_activity_schedule_to_start_latency_seconds_count')).slice(0, 3).join('\n'));
  });
});
