import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKafka, ensureTopics, kafkaSettings } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { startDevSmtpServer, type DevSmtpServer } from '../../scripts/dev-smtp-server';
import { Supervisor } from '../../scripts/supervisor';
import { platformRoles } from '../../scripts/supervisor-roles';
import { runChaos, type ChaosReport } from '../chaos/chaos-run';
import { CuttableProxy } from '../chaos/cuttable-proxy';
import { cutProxy, realComponentFaults } from '../chaos/faults';
import { formatReport } from '../chaos/report';
import { eventually, freePort } from '../support/platform';
import { testConfig } from '../support/test-config';

/**
 * The short chaos run of `npm run chaos` (about two minutes, one fault of each kind) against a
 * supervised platform of this test's own: services, Temporal worker, analytics, email and loyalty
 * consumers and api as real child processes, on free ports, with this run's own Kafka topics, task
 * queue and SMTP server, on the shared PostgreSQL, Redis, Kafka and Temporal.
 *
 * Which faults are real, and why: the Temporal worker and the services process are SIGKILLed for
 * real (the supervisor restarts them). Restarting the shared Temporal or PostgreSQL would break
 * every other test file running at the same time, so their "restarts" are outages seen only by this
 * platform: its processes reach Temporal and PostgreSQL through TCP proxies that the run cuts
 * (every connection dropped, new ones refused) for a few seconds. Kafka cannot be cut that way (a
 * client connects to the address the broker advertises, not to the one it was given), so Kafka is
 * really stopped, briefly (10 s): on a 2-core machine jest runs the integration files one at a time
 * (maxWorkers = cores − 1), so no other file of the suite sees it; other clients of the shared
 * broker ride it out as the platform does. The long run (`npm run chaos`, by hand) restarts all
 * three components for real.
 */
describe('chaos run, short version (real processes and components)', () => {
  const base = testConfig();
  const exits: string[] = [];
  const gaveUp: string[] = [];
  let supervisor: Supervisor;
  let smtp: DevSmtpServer;
  let temporalProxy: CuttableProxy;
  let postgresProxy: CuttableProxy;
  let dir: string;
  let report: ChaosReport | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'chaos-test-'));
    const [apiPort, grpcPort, temporalPort, postgresPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const [temporalHost, temporalTarget] = base.TEMPORAL_ADDRESS.split(':');
    temporalProxy = new CuttableProxy(temporalPort, { host: temporalHost!, port: Number(temporalTarget) });
    const db = new URL(base.DATABASE_URL);
    postgresProxy = new CuttableProxy(postgresPort, { host: db.hostname, port: Number(db.port || 5432) });
    await Promise.all([temporalProxy.open(), postgresProxy.open()]);
    const proxiedDb = new URL(base.DATABASE_URL);
    proxiedDb.hostname = '127.0.0.1';
    proxiedDb.port = String(postgresPort);
    smtp = await startDevSmtpServer({ port: 0 });

    // Topics of this file's own: another file's consumers in the same group would take our events.
    const topicPrefix = `${base.KAFKA_TOPIC_PREFIX}chaos.`;
    const settings = kafkaSettings({ ...base, KAFKA_TOPIC_PREFIX: topicPrefix }, 'chaos-test-setup');
    await ensureTopics(createKafka(settings, createLogger('chaos-test-setup', 'warn')), settings);

    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: proxiedDb.toString(),
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_NAMESPACE: base.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: `${base.TEMPORAL_TASK_QUEUE}-chaos`,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REDIS_KEY_PREFIX: `${base.REDIS_KEY_PREFIX}chaos:`,
      API_PORT: String(apiPort),
      GRPC_PORT: String(grpcPort),
      GRPC_SERVICES_ADDRESS: `127.0.0.1:${grpcPort}`,
      SMTP_PORT: String(smtp.port),
      OTEL_TRACES_EXPORTER: 'none',
    };
    supervisor = new Supervisor({
      roles: platformRoles({ metricsBase: 0, env, only: ['services', 'temporal-worker', 'analytics-worker', 'email-worker', 'loyalty-worker', 'api'] }),
      pidDir: dir,
      backoff: { initialMs: 200, maxMs: 2_000 },
    });
    supervisor.on('exited', ({ role, code, signal }) => exits.push(`${role} ${signal ?? code}`));
    supervisor.on('gave-up', ({ role, lastStderr }) => gaveUp.push(`${role}: ${lastStderr.slice(-3).join(' | ')}`));
    // The children's output goes to a file (kept in the temporary directory) rather than the test output.
    supervisor.on('line', ({ role, line }) => appendFileSync(path.join(dir, 'children.log'), `[${role}] ${line}\n`));
    supervisor.start();
    const api = `http://127.0.0.1:${apiPort}`;
    await eventually(async () => ((await fetch(`${api}/readyz`)).ok ? true : undefined), 150_000, 'the supervised api to be ready');

    const log = (line: string) => appendFileSync(path.join(dir, 'chaos.log'), `${new Date().toISOString()} ${line}\n`);
    const kafka = realComponentFaults({ kafkaOutageMs: 10_000, postgresDownMs: 0, log });
    report = await runChaos(
      {
        // The run's own checks reach PostgreSQL and Temporal directly, not through the cut proxies.
        config: testConfig({ GRPC_SERVICES_ADDRESS: env.GRPC_SERVICES_ADDRESS, KAFKA_TOPIC_PREFIX: topicPrefix }),
        api,
        pidOf: (role) => supervisor.pid(role),
        componentFault: (kind) =>
          kind === 'temporal-restart' ? cutProxy('Temporal', temporalProxy, 8_000) : kind === 'postgres-restart' ? cutProxy('PostgreSQL', postgresProxy, 8_000) : kafka(kind),
        emailEventIds: async () => smtp.messages().flatMap((m) => (m.headers['x-checkout-event-id'] ? [m.headers['x-checkout-event-id']] : [])),
      },
      {
        durationMs: 60_000,
        faults: { 'worker-kill': 1, 'services-kill': 1, 'temporal-restart': 1, 'kafka-outage': 1, 'postgres-restart': 1 },
        concurrency: 4,
        // Little stock and a small slot, so that OUT_OF_STOCK and SLOT_FULL happen within a minute.
        sizes: { regularSkus: 3, regularStock: 10_000, hotSkus: 1, hotStock: 5, smallSlotCapacity: 4 },
        leadInFraction: 0.2,
        drainMs: 180_000,
        settleMs: 120_000,
        faultTailMs: 5_000,
      },
      log,
    );
    process.stdout.write(`${formatReport(report)}\n(chaos test logs: ${dir})\n`);
  }, 600_000);

  afterAll(async () => {
    await supervisor?.stop();
    await Promise.all([temporalProxy?.cut(), postgresProxy?.cut(), smtp?.stop()]);
  });

  it('injects one fault of each kind, and the supervisor brings every killed process back', () => {
    expect(report!.faults.map((f) => `${f.kind}${f.detail.startsWith('FAILED') ? `: ${f.detail}` : ''}`).sort()).toEqual([
      'kafka-outage',
      'postgres-restart',
      'services-kill',
      'temporal-restart',
      'worker-kill',
    ]);
    expect(exits).toEqual(expect.arrayContaining(['services SIGKILL', 'temporal-worker SIGKILL']));
    expect(gaveUp).toEqual([]);
    expect(supervisor.status().every((s) => s.state === 'running')).toBe(true);
  });

  it('ends with every saga terminal and no invariant violated', () => {
    expect(report!.journeys.length).toBeGreaterThan(0);
    expect(report!.invariants.filter((i) => i.violations > 0)).toEqual([]);
    expect(report!.ok).toBe(true);
  });
});
