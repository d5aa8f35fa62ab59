import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKafka, createProducer, kafkaSettings, topicName } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { alertRuleFiles, dashboardQueries, DASHBOARDS_DIR, prometheusConfig, TEMPORAL_SERVER_METRICS } from '../../observability/prometheus-config';
import { installSdkLogger } from '../../workers/temporal-worker.run';
import { checkoutWorkflowId } from '../../workflows/checkout.contract';
import { createDeliverySlot, createProduct, customerToken } from '../support/fixtures';
import { eventually, freePort, startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * Every panel of every dashboard in observability/grafana/dashboards is checked against real data: a
 * short load of checkouts (completed, declined, a slip awaiting payment, a poison message that
 * is dead-lettered) runs on the real stack; a Prometheus started here on a free port scrapes this
 * process's platform (the api's /metrics serves the registry every in-process component shares),
 * the worker's Temporal SDK metrics and the Temporal server's; then each panel's PromQL is evaluated
 * through Prometheus' HTTP API and the test fails on a query that errors or returns nothing.
 */
const PROJECT_DIR = path.resolve(__dirname, '../..');

interface QueryAnswer {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: unknown[] };
}

describe('dashboards against a real Prometheus (real PostgreSQL, Redis, Kafka, Temporal)', () => {
  let platform: RunningPlatform;
  let prometheus: ChildProcess | undefined;
  let prometheusUrl = '';
  let dataDir = '';
  const running: string[] = [];

  beforeAll(async () => {
    // The Temporal SDK's metrics, installed exactly as the worker process installs them, before any
    // connection (so before the platform starts).
    const sdkPort = await freePort();
    expect(installSdkLogger(createLogger('dashboards-test', 'warn'), `127.0.0.1:${sdkPort}`)).toBe(true);
    platform = await startPlatform(testConfig());

    const [binary] = execFileSync('bash', [path.join(PROJECT_DIR, 'scripts/infra/prometheus.sh'), 'path'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-prometheus-'));
    const configFile = path.join(dataDir, 'prometheus.yml');
    // One scrape a second: the short load leaves enough samples for every rate() window. The Temporal
    // server's endpoint is large (~17k series): it gets 5 s, so a busy machine does not time it out.
    fs.writeFileSync(
      configFile,
      prometheusConfig({
        scrapeIntervalSeconds: 1,
        ruleFiles: alertRuleFiles(),
        jobs: [
          { job: 'platform', targets: [new URL(platform.api).host] },
          { job: 'temporal-sdk', targets: [`127.0.0.1:${sdkPort}`] },
          { job: 'temporal-server', targets: [TEMPORAL_SERVER_METRICS], scrapeIntervalSeconds: 5 },
        ],
      }),
    );
    const port = await freePort();
    prometheusUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(binary!, [`--config.file=${configFile}`, `--storage.tsdb.path=${path.join(dataDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    prometheus.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const started = prometheus;
    await eventually(
      async () => {
        if (started.exitCode !== null) throw new Error(`Prometheus exited with ${started.exitCode}: ${stderr}`);
        return (await fetch(`${prometheusUrl}/-/ready`)).ok ? true : undefined;
      },
      60_000,
      'Prometheus to be ready',
    );
  }, 180_000);

  afterAll(async () => {
    for (const id of running) await platform?.temporal.workflow.getHandle(id).terminate('dashboards test done').catch(() => undefined);
    if (prometheus?.pid) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await platform?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function query(expr: string): Promise<QueryAnswer> {
    const res = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query: expr })}`);
    return (await res.json()) as QueryAnswer;
  }

  /** A query's problem, or undefined when it answers with at least one series (or a scalar). */
  async function problem(expr: string): Promise<string | undefined> {
    const answer = await query(expr);
    if (answer.status !== 'success') return `error: ${answer.error}`;
    if (answer.data?.resultType === 'scalar' || answer.data?.resultType === 'string') return undefined;
    return answer.data?.result.length ? undefined : 'no data';
  }

  it('every panel query of every dashboard returns data after a short load', async () => {
    const sku = await createProduct(platform, { priceMinor: 1200, stock: 50 });
    const slot = await createDeliverySlot(platform, 50);
    const order = (payment: unknown, key: string, wait: number) => {
      const customer = customerToken(platform);
      return fetch(`${platform.api}/v1/checkouts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}`, 'Idempotency-Key': key, Prefer: `wait=${wait}` },
        body: JSON.stringify({
          lines: [{ sku, quantity: 1 }],
          address: { name: 'Hanako Yamada', postalCode: slot.postalCode, prefecture: 'Tokyo', city: 'Shibuya', line1: '1-2-3 Jingumae' },
          payment,
          deliverySlotId: slot.slotId,
        }),
      }).then(async (res) => ({ status: res.status, token: customer.token, body: (await res.json()) as { orderId?: string; state?: string } }));
    };
    const run = Date.now().toString(36);
    // Completed and declined (undone) card checkouts, and a konbini slip left awaiting payment.
    const cards = await Promise.all([
      ...[1, 2, 3, 4].map((i) => order({ type: 'card', cardToken: 'tok_visa' }, `dash-${run}-ok-${i}`, 30)),
      ...[1, 2].map((i) => order({ type: 'card', cardToken: 'tok_chargeDeclined' }, `dash-${run}-declined-${i}`, 30)),
    ]);
    // No wait for the outcomes here: the panels below wait for the counters they show (completed,
    // failed by reason, undos), so a slow machine only makes this test slower.
    expect(cards.map((c) => c.status).every((status) => status === 200 || status === 201 || status === 202)).toBe(true);
    const slip = await order({ type: 'konbini' }, `dash-${run}-konbini`, 5);
    if (slip.body.orderId) running.push(checkoutWorkflowId(slip.body.orderId));

    // A message that is not an event: each consumer dead-letters it at once.
    const settings = kafkaSettings(platform.config, 'dashboards-test');
    const producer = createProducer(createKafka(settings, createLogger('dashboards-test', 'warn')));
    await producer.connect();
    await producer.send({ topic: topicName(settings, 'orders'), messages: [{ key: 'poison', value: 'not an event' }] });
    await producer.disconnect();

    const queries = fs
      .readdirSync(DASHBOARDS_DIR)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => dashboardQueries(path.join(DASHBOARDS_DIR, f)));
    expect(queries.length).toBeGreaterThan(30);

    // Scrapes run each second: wait until every query has data, then report any that never did.
    let failing: string[] = [];
    await eventually(
      async () => {
        failing = [];
        for (const q of queries) {
          const why = await problem(q.expr);
          if (why) failing.push(`${q.dashboard} / ${q.panel}: ${why}\n    ${q.expr}`);
        }
        return failing.length === 0 ? true : undefined;
      },
      180_000,
      'every panel query to return data',
    ).catch(() => undefined);
    if (failing.length > 0) {
      // Which scrape failed says more than the empty query: name the unhealthy targets too.
      const targets = (await (await fetch(`${prometheusUrl}/api/v1/targets`)).json()) as { data: { activeTargets: { labels: { job: string }; health: string; lastError: string }[] } };
      for (const t of targets.data.activeTargets.filter((a) => a.health !== 'up')) failing.push(`target ${t.labels.job} is ${t.health}: ${t.lastError}`);
    }
    expect(failing).toEqual([]);
  }, 300_000);
});
