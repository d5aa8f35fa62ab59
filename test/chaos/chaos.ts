import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { config } from '../../lib/config';
import { startDevSmtpServer } from '../../scripts/dev-smtp-server';
import { runDir } from '../../scripts/stack';
import { pidFile } from '../../scripts/supervisor';
import { runChaos, type ChaosPlan } from './chaos-run';
import { realComponentFaults } from './faults';
import { formatReport } from './report';

/**
 * `npm run chaos`: a bounded load against the platform `npm start` runs (default ports) while faults
 * are injected — SIGKILL of the Temporal worker and of the services process (the supervisor restarts
 * them), restarts of the Temporal dev server and PostgreSQL, Kafka stopped for a while — then waits
 * for every saga to end and checks the invariants with SQL and by reading Kafka back. Prints the
 * tables and exits 1 on any violation. Its data (CHAOS- SKUs, its own zone, slots and customers)
 * leaves the demo shop as it was. The defaults are the long run: `npm run chaos -- --help`.
 */
const HELP = `usage: npm run chaos -- [options]
  --duration <s|Nm>         load duration (default 10m)
  --worker-kills <n>        SIGKILLs of the Temporal worker (default 10)
  --services-kills <n>      SIGKILLs of the services process (default 3)
  --temporal-restarts <n>   restarts of the Temporal dev server (default 3)
  --kafka-outages <n>       Kafka stops (default 1)
  --kafka-outage <s>        how long Kafka stays down (default 60)
  --postgres-restarts <n>   PostgreSQL restarts (default 1)
  --concurrency <n>         concurrent customers (default 12)
  --hot-stock <n>           units of each of the two hot SKUs (default 30: they sell out)
  --mail-url <url>          the dev SMTP server's received mail (default http://127.0.0.1:1080/messages)
  --smtp-port <n>           instead: receive the platform's mail on an SMTP server of this run's own
                            on port n (npm start's SMTP_PORT), e.g. when 1080 is another instance's
  --report <file>           also write the whole report (every journey and fault) as JSON
  --pid-dir <dir>           where npm start wrote platform-<role>.pid (default $CHECKOUT_STATE_DIR/run);
                            for an npm start run with its own CHECKOUT_STATE_DIR next to shared components`;

function seconds(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(m|s)?$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text} (e.g. 600, 90s, 10m)`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10m' },
      'worker-kills': { type: 'string', default: '10' },
      'services-kills': { type: 'string', default: '3' },
      'temporal-restarts': { type: 'string', default: '3' },
      'kafka-outages': { type: 'string', default: '1' },
      'kafka-outage': { type: 'string', default: '60' },
      'postgres-restarts': { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '12' },
      'hot-stock': { type: 'string', default: '30' },
      'mail-url': { type: 'string', default: 'http://127.0.0.1:1080/messages' },
      'smtp-port': { type: 'string' },
      'pid-dir': { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const count = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const cfg = config();
  const pids = values['pid-dir'] ?? runDir();
  const pidOf = (role: string): number | undefined => {
    try {
      return Number(readFileSync(pidFile(pids, role), 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  };
  const api = `http://${cfg.API_HOST}:${cfg.API_PORT}`;
  const ready = await fetch(`${api}/readyz`).then((r) => r.ok, () => false);
  if (!ready || !pidOf('temporal-worker') || !pidOf('services')) {
    console.error(`[chaos] the platform is not running under npm start (api ${api} ready: ${ready}; pid files in ${pids}): start it with \`npm start\` first`);
    return 2;
  }
  const log = (line: string) => console.log(`[chaos] ${line}`);
  const smtp = values['smtp-port'] ? await startDevSmtpServer({ port: count('smtp-port') }) : undefined;
  const plan: ChaosPlan = {
    durationMs: seconds(values.duration) * 1000,
    faults: {
      'worker-kill': count('worker-kills'),
      'services-kill': count('services-kills'),
      'temporal-restart': count('temporal-restarts'),
      'kafka-outage': count('kafka-outages'),
      'postgres-restart': count('postgres-restarts'),
    },
    concurrency: count('concurrency'),
    sizes: { regularSkus: 6, regularStock: 100_000, hotSkus: 2, hotStock: count('hot-stock'), smallSlotCapacity: 25 },
    leadInFraction: 0.2,
    drainMs: 5 * 60_000,
    settleMs: 3 * 60_000,
    faultTailMs: 10_000,
  };
  const report = await runChaos(
    {
      config: cfg,
      api,
      pidOf,
      componentFault: realComponentFaults({ kafkaOutageMs: seconds(values['kafka-outage']) * 1000, postgresDownMs: 0, log }),
      async emailEventIds() {
        if (smtp) return smtp.messages().flatMap((m) => (m.headers['x-checkout-event-id'] ? [m.headers['x-checkout-event-id']] : []));
        const res = await fetch(values['mail-url']);
        if (!res.ok) throw new Error(`${values['mail-url']} answered ${res.status}`);
        const messages = (await res.json()) as { headers?: Record<string, string> }[];
        return messages.flatMap((m) => (m.headers?.['x-checkout-event-id'] ? [m.headers['x-checkout-event-id']] : []));
      },
    },
    plan,
    log,
  ).finally(() => smtp?.stop());
  console.log(formatReport(report));
  if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2));
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[chaos] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(2);
  },
);
