import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { config, environmentWith } from '../lib/config';
import { createKafka, ensureTopics, kafkaSettings } from '../lib/kafka';
import { createLogger } from '../lib/logger';
import { createPrisma } from '../lib/prisma';
import { platformScrapeJobs, prometheusConfig, TEMPORAL_SERVER_METRICS } from '../observability/prometheus-config';
import { seedDemoData } from '../prisma/seed';
import { applyTemporalSetup, TEMPORAL_SETUP } from '../temporal-config/setup';
import { checkHealth, COMPONENTS, ensureStack, migrateDatabase, runDir, runInfra, stopStack, type Component } from './stack';
import { DEFAULT_SDK_METRICS_PORT } from '../workers/temporal-worker.run';
import { Supervisor } from './supervisor';
import { ComponentWatcher } from './supervisor-health';
import { platformRoles } from './supervisor-roles';

/**
 * `npm start`: brings up PostgreSQL, Redis, Kafka and Temporal (installing what is missing), applies
 * migrations, starts every process of the platform under a supervisor (a process that exits is
 * restarted with backoff) and prints where to look. Components are health-checked every
 * HEALTH_INTERVAL_MS; `npm start -- --restart-components` also restarts the ones this command started.
 * `npm start -- --observability` also starts Prometheus (scripts/infra/prometheus.sh) scraping every
 * process, with the alert rules of observability/alerts, and Jaeger (scripts/infra/jaeger.sh), to
 * which every process then exports its traces. Ctrl-C stops what it started.
 */
const say = (line: string) => console.log(`[start] ${line}`);

const HEALTH_INTERVAL_MS = 15_000;

let started: Component[] = [];
let supervisor: Supervisor | undefined;
let stopWatching: (() => void) | undefined;
let stopping = false;
let prometheusStarted = false;
let jaegerStarted = false;

/**
 * Stops the platform processes, then the components this command started, and exits. On Ctrl-C the
 * terminal has already sent SIGINT to the children (same process group), so they are only given time;
 * otherwise they get SIGTERM. A child still running after 30 s is killed.
 */
async function stopAll(code: number, childrenSignalled = false): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopWatching?.();
  say('stopping the platform processes');
  await supervisor?.stop(childrenSignalled);
  if (started.length > 0) say(`stopping what this command started: ${started.join(', ')}`);
  await stopStack(started);
  if (prometheusStarted) await prometheus('stop').catch(() => undefined);
  if (jaegerStarted) await infraScript('jaeger', 'stop').catch(() => undefined);
  process.exit(code);
}

/** Logs supervision events loudly, one `[start]` line each. */
function reportSupervision(s: Supervisor): void {
  s.on('line', ({ role, line }) => console.log(`[${role}] ${line}`));
  s.on('restarting', ({ role, code, signal, restarts, delayMs, crashesInWindow }) =>
    say(`!!! ${role} exited (${signal ? `signal ${signal}` : `code ${code}`}); restart #${restarts} in ${delayMs / 1000}s (${crashesInWindow} crash(es) in the last minute)`),
  );
  s.on('started', ({ role, pid, restarts }) => {
    if (restarts > 0) say(`${role} started again (pid ${pid}, restart #${restarts})`);
  });
  s.on('gave-up', ({ role, crashes, windowMs, code, signal, lastStderr }) => {
    say(`!!! GIVING UP on ${role}: it crashed ${crashes} times within ${windowMs / 1000}s (last exit: ${signal ? `signal ${signal}` : `code ${code}`}); the other processes keep running`);
    say(`!!! last stderr lines of ${role}:${lastStderr.length ? '' : ' (none)'}`);
    for (const line of lastStderr) say(`!!!   ${line}`);
  });
}

/** Reports components that stop or start answering; with `restart`, restarts the ones this command started. */
function watchComponents(restart: boolean): () => void {
  const watcher = new ComponentWatcher<Component>({ components: COMPONENTS, check: checkHealth, start: (name) => runInfra(name, 'start'), restartable: started, restart });
  watcher.on('down', ({ name, ours }) =>
    say(`!!! component ${name} is DOWN${ours ? ' (started by this command)' : ''}; the platform processes wait for it and reconnect${restart && ours ? '; restarting it if it stays down' : ''}`),
  );
  watcher.on('up', ({ name }) => say(`component ${name} is back up`));
  watcher.on('restarting', ({ name }) => say(`restarting ${name} (scripts/infra/${name}.sh start)`));
  watcher.on('restart-failed', ({ name, error }) => say(`!!! could not restart ${name}: ${error instanceof Error ? error.message : String(error)}`));
  return watcher.every(HEALTH_INTERVAL_MS);
}

async function main(): Promise<void> {
  const cfg = config();
  const began = Date.now();
  process.on('SIGINT', () => void stopAll(0, true));
  process.on('SIGTERM', () => void stopAll(0));

  say('starting PostgreSQL, Redis, Kafka and the Temporal dev server (installing what is missing)');
  started = await ensureStack();
  say('applying the Temporal namespaces and search attributes of temporal-config/');
  await applyTemporalSetup(cfg.TEMPORAL_ADDRESS, TEMPORAL_SETUP, (l) => say(l));
  say('creating Kafka topics');
  const logger = createLogger('start', 'warn');
  const settings = kafkaSettings(cfg, 'start');
  await ensureTopics(createKafka(settings, logger), settings);
  say('applying database migrations');
  await migrateDatabase(cfg.DATABASE_URL);
  const prisma = createPrisma(cfg.DATABASE_URL);
  const seeded = await seedDemoData(prisma, new Date()).finally(() => prisma.$disconnect());
  say(`demo data: ${seeded.products} products with stock, delivery slots for 14 days (${seeded.slotsCreated} new)`);

  const metricsBase = cfg.METRICS_PORT;
  // The trace viewer first, so the processes export their spans to it from their first request.
  const traces = process.argv.includes('--observability') ? await startTraceViewer() : undefined;
  const roles = platformRoles({ metricsBase, env: traces?.env });
  const pidDir = runDir();
  supervisor = new Supervisor({ roles, pidDir });
  reportSupervision(supervisor);
  supervisor.start();
  stopWatching = watchComponents(process.argv.includes('--restart-components'));

  const api = `http://${cfg.API_HOST}:${cfg.API_PORT}`;
  await waitForHttp(`${api}/readyz`, 120_000);
  const observability = process.argv.includes('--observability') ? await startObservability(`${cfg.API_HOST}:${cfg.API_PORT}`, metricsBase, `127.0.0.1:${cfg.TEMPORAL_SDK_METRICS_PORT ?? DEFAULT_SDK_METRICS_PORT}`) : undefined;
  say(`ready in ${Math.round((Date.now() - began) / 1000)}s`);
  console.log(
    [
      '',
      `  REST api            ${api}   (health: ${api}/readyz)`,
      `  Temporal Web UI     ${cfg.TEMPORAL_UI_URL}/namespaces/${cfg.TEMPORAL_NAMESPACE}/workflows`,
      `  gRPC services       ${cfg.GRPC_SERVICES_ADDRESS}   (health + reflection)`,
      `  metrics             ${api}/metrics`,
      `                      http://127.0.0.1:${metricsBase}/metrics (services), :${metricsBase + 1} (temporal-worker), :${metricsBase + 2} (analytics-worker), :${metricsBase + 3} (email-worker), :${metricsBase + 4} (loyalty-worker)`,
      `                      http://127.0.0.1:7235/metrics (Temporal server)`,
      ...(observability ? [`  Prometheus          ${observability.url}   (targets: ${observability.url}/targets, alerts: ${observability.url}/alerts; config ${observability.configFile})`] : []),
      ...(traces ? [`  traces (Jaeger)     ${traces.url}   (API: ${traces.url}/api/services, ${traces.url}/api/traces?service=checkout-platform-api)`] : []),
      `  emails (dev SMTP)    smtp://${cfg.SMTP_HOST}:${cfg.SMTP_PORT}, received mail at http://127.0.0.1:1080/messages`,
      '',
      `  try it:  curl -s -X POST ${api}/v1/system/pings -H 'content-type: application/json' -d '{"message":"hello"}'`,
      '',
      `  supervised: a process that exits is restarted with backoff (pids in ${pidDir}/platform-<role>.pid)`,
      '  Ctrl-C stops everything this command started.',
      '',
    ].join('\n'),
  );
}

function infraScript(name: string, command: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(__dirname, 'infra', `${name}.sh`), command], { stdio: ['ignore', 'inherit', 'inherit'], env: environmentWith(env) });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/infra/${name}.sh ${command} exited with ${code}`))));
  });
}

/**
 * Starts Jaeger (scripts/infra/jaeger.sh, built from its Go module the first time) and returns the
 * environment that makes the platform's processes export their spans to it. A viewer that cannot
 * be built or started is reported and the platform starts without it.
 */
async function startTraceViewer(): Promise<{ url: string; env: Record<string, string> } | undefined> {
  const wasRunning = await infraScript('jaeger', 'status').then(
    () => true,
    () => false,
  );
  try {
    await infraScript('jaeger', 'start');
  } catch (err) {
    say(`!!! no trace viewer: ${(err as Error).message}; the platform starts without exporting traces`);
    return undefined;
  }
  jaegerStarted = !wasRunning;
  const env = spawnSync('bash', [path.join(__dirname, 'infra', 'jaeger.sh'), 'env'], { encoding: 'utf8' }).stdout;
  const url = /^JAEGER_URL=(.*)$/m.exec(env)?.[1] ?? 'http://127.0.0.1:16686';
  const endpoint = /^OTEL_EXPORTER_OTLP_ENDPOINT=(.*)$/m.exec(env)?.[1] ?? 'http://127.0.0.1:4318';
  return { url, env: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } };
}

function prometheus(command: 'start' | 'stop' | 'status', env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(__dirname, 'infra', 'prometheus.sh'), command], { stdio: ['ignore', 'inherit', 'inherit'], env: environmentWith(env) });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/infra/prometheus.sh ${command} exited with ${code}`))));
  });
}

/**
 * Writes the scrape config of every platform process and starts Prometheus with it (installing
 * Debian's package when missing), or reloads the one an earlier `npm start` left running.
 */
async function startObservability(apiAddress: string, metricsBase: number, temporalSdk: string): Promise<{ url: string; configFile: string }> {
  const configFile = path.join(path.dirname(runDir()), 'prometheus', 'prometheus.yml');
  fs.mkdirSync(path.dirname(configFile), { recursive: true });
  fs.writeFileSync(configFile, prometheusConfig({ jobs: platformScrapeJobs({ api: apiAddress, metricsBase, temporalServer: TEMPORAL_SERVER_METRICS, temporalSdk }) }));
  const wasRunning = await prometheus('status').then(
    () => true,
    () => false,
  );
  say(`starting Prometheus with ${configFile}`);
  await prometheus('start', { PROMETHEUS_CONFIG: configFile });
  prometheusStarted = !wasRunning;
  const env = spawnSync('bash', [path.join(__dirname, 'infra', 'prometheus.sh'), 'env'], { encoding: 'utf8' }).stdout;
  const url = /^PROMETHEUS_URL=(.*)$/m.exec(env)?.[1] ?? 'http://127.0.0.1:9090';
  return { url, configFile };
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

main().catch((err: unknown) => {
  console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
  void stopAll(1);
});
