import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { config, environmentWith } from '../lib/config';
import { createKafka, ensureTopics, kafkaSettings } from '../lib/kafka';
import { createLogger } from '../lib/logger';
import { createPrisma } from '../lib/prisma';
import { seedDemoData } from '../prisma/seed';
import { applyTemporalSetup, TEMPORAL_SETUP } from '../temporal-config/setup';
import { ensureStack, migrateDatabase, PROJECT_DIR, stopStack, type Component } from './stack';

/**
 * `npm start`: brings up PostgreSQL, Redis, Kafka and Temporal (installing what is missing), applies
 * migrations, starts every process of the platform and prints where to look. Ctrl-C stops what it started.
 */
const say = (line: string) => console.log(`[start] ${line}`);

interface PlatformProcess {
  role: string;
  entry: string;
  env: Record<string, string>;
}

let started: Component[] = [];
const children: ChildProcess[] = [];
let stopping = false;

/**
 * Stops the platform processes, then the components this command started, and exits. On Ctrl-C the
 * terminal has already sent SIGINT to the children (same process group), so they are only given time;
 * otherwise they get SIGTERM. A child still running after 30 s is killed.
 */
async function stopAll(code: number, childrenSignalled = false): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping the platform processes');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          if (!childrenSignalled) child.kill('SIGTERM');
        }),
    ),
  );
  if (started.length > 0) say(`stopping what this command started: ${started.join(', ')}`);
  await stopStack(started);
  process.exit(code);
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
  const processes: PlatformProcess[] = [
    { role: 'services', entry: 'services/main.ts', env: { METRICS_PORT: String(metricsBase) } },
    { role: 'temporal-worker', entry: 'workers/temporal-worker.ts', env: { METRICS_PORT: String(metricsBase + 1) } },
    { role: 'analytics-worker', entry: 'workers/analytics-worker.ts', env: { METRICS_PORT: String(metricsBase + 2) } },
    { role: 'email-worker', entry: 'workers/email-worker.ts', env: { METRICS_PORT: String(metricsBase + 3) } },
    { role: 'loyalty-worker', entry: 'workers/loyalty-worker.ts', env: { METRICS_PORT: String(metricsBase + 4) } },
    { role: 'dev-smtp', entry: 'scripts/dev-smtp-server.ts', env: {} },
    { role: 'api', entry: 'api/main.ts', env: {} },
  ];
  for (const p of processes) {
    // `--import tsx` runs TypeScript in this one process (the tsx CLI would add a signal-relaying parent).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_DIR, p.entry)], {
      cwd: PROJECT_DIR,
      env: environmentWith(p.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(`[${p.role}] ${line}`));
    }
    child.on('exit', (code, signal) => {
      if (stopping) return;
      say(`${p.role} exited (${signal ?? code}); stopping everything`);
      void stopAll(1);
    });
    children.push(child);
  }

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
