import { config } from '../lib/config';
import { createKafka, ensureTopics, kafkaSettings } from '../lib/kafka';
import { createLogger } from '../lib/logger';
import { createPrisma } from '../lib/prisma';
import { seedDemoData } from '../prisma/seed';
import { applyTemporalSetup, TEMPORAL_SETUP } from '../temporal-config/setup';
import { checkHealth, COMPONENTS, ensureStack, migrateDatabase, runDir, runInfra, stopStack, type Component } from './stack';
import { Supervisor } from './supervisor';
import { ComponentWatcher } from './supervisor-health';
import { platformRoles } from './supervisor-roles';

/**
 * `npm start`: brings up PostgreSQL, Redis, Kafka and Temporal (installing what is missing), applies
 * migrations, starts every process of the platform under a supervisor (a process that exits is
 * restarted with backoff) and prints where to look. Components are health-checked every
 * HEALTH_INTERVAL_MS; `npm start -- --restart-components` also restarts the ones this command started.
 * Ctrl-C stops what it started.
 */
const say = (line: string) => console.log(`[start] ${line}`);

const HEALTH_INTERVAL_MS = 15_000;

let started: Component[] = [];
let supervisor: Supervisor | undefined;
let stopWatching: (() => void) | undefined;
let stopping = false;

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
  const roles = platformRoles({ metricsBase });
  const pidDir = runDir();
  supervisor = new Supervisor({ roles, pidDir });
  reportSupervision(supervisor);
  supervisor.start();
  stopWatching = watchComponents(process.argv.includes('--restart-components'));

  const api = `http://${cfg.API_HOST}:${cfg.API_PORT}`;
  await waitForHttp(`${api}/readyz`, 120_000);
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
