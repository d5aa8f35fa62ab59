import fs from 'node:fs';
import path from 'node:path';

/** The alert rules as code, loaded by every Prometheus the platform starts and tested with promtool. */
export const ALERTS_DIR = path.join(__dirname, 'alerts');
/** The Grafana dashboards whose every panel query is checked against a real Prometheus. */
export const DASHBOARDS_DIR = path.join(__dirname, 'grafana', 'dashboards');

/** The Temporal dev server's own metrics (scripts/infra/temporal.sh --metrics-port, TEMPORAL_METRICS_PORT). */
export const TEMPORAL_SERVER_METRICS = '127.0.0.1:7235';

export interface ScrapeJob {
  job: string;
  /** host:port of each process of this job. */
  targets: string[];
  metricsPath?: string;
  /** This job's own interval (its timeout follows, at most 5 s): a large endpoint needs longer than a quick global one. */
  scrapeIntervalSeconds?: number;
}

/** Every PromQL query of a Grafana dashboard file, with the panel it belongs to (rows' panels included). */
export function dashboardQueries(file: string): { dashboard: string; panel: string; expr: string }[] {
  interface Panel { title?: string; targets?: { expr?: string }[]; panels?: Panel[] }
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { title: string; panels?: Panel[] };
  const flat = (panels: Panel[] = []): Panel[] => panels.flatMap((p) => [p, ...flat(p.panels)]);
  return flat(json.panels).flatMap((p) => (p.targets ?? []).filter((t) => t.expr).map((t) => ({ dashboard: json.title, panel: p.title ?? '(untitled)', expr: t.expr! })));
}

/** Absolute paths of observability/alerts/*.yml (the rule files; their tests live in alerts/tests/). */
export function alertRuleFiles(dir = ALERTS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * A Prometheus config scraping `jobs` and loading the alert rules. Written as JSON, which is YAML:
 * generated, never edited by hand, and no YAML library is needed.
 */
export function prometheusConfig(opts: { jobs: ScrapeJob[]; scrapeIntervalSeconds?: number; evaluationIntervalSeconds?: number; ruleFiles?: string[] }): string {
  const intervalSeconds = opts.scrapeIntervalSeconds ?? 15;
  const interval = `${intervalSeconds}s`;
  return `${JSON.stringify(
    {
      global: { scrape_interval: interval, scrape_timeout: `${Math.min(5, intervalSeconds)}s`, evaluation_interval: `${opts.evaluationIntervalSeconds ?? opts.scrapeIntervalSeconds ?? 15}s` },
      rule_files: opts.ruleFiles ?? alertRuleFiles(),
      scrape_configs: opts.jobs.map((j) => ({
        job_name: j.job,
        ...(j.scrapeIntervalSeconds ? { scrape_interval: `${j.scrapeIntervalSeconds}s`, scrape_timeout: `${Math.min(5, j.scrapeIntervalSeconds)}s` } : {}),
        metrics_path: j.metricsPath ?? '/metrics',
        static_configs: [{ targets: j.targets }],
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * Every process `npm start` runs, as scrape jobs: the api (its own /metrics), the services and the
 * workers on consecutive ports from METRICS_PORT (scripts/supervisor-roles.ts), the Temporal server's
 * own metrics, and the worker's Temporal SDK metrics when it exposes them.
 */
export function platformScrapeJobs(opts: { api: string; metricsBase: number; temporalServer: string; temporalSdk?: string; host?: string }): ScrapeJob[] {
  const host = opts.host ?? '127.0.0.1';
  const at = (offset: number) => [`${host}:${opts.metricsBase + offset}`];
  const jobs: ScrapeJob[] = [
    { job: 'api', targets: [opts.api] },
    { job: 'services', targets: at(0) },
    { job: 'temporal-worker', targets: at(1) },
    { job: 'analytics-worker', targets: at(2) },
    { job: 'email-worker', targets: at(3) },
    { job: 'loyalty-worker', targets: at(4) },
    { job: 'temporal-server', targets: [opts.temporalServer] },
  ];
  if (opts.temporalSdk) jobs.push({ job: 'temporal-sdk', targets: [opts.temporalSdk] });
  return jobs;
}
