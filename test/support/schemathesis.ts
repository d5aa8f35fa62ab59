import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROJECT_DIR = join(__dirname, '..', '..');

/** The `st` CLI of schemathesis, installed into the cache by scripts/infra/schemathesis.sh on first use. */
export function schemathesisCli(): string {
  const out = execFileSync('bash', [join(PROJECT_DIR, 'scripts/infra/schemathesis.sh'), 'path'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const path = out.trim().split('\n').pop();
  if (!path) throw new Error('scripts/infra/schemathesis.sh path printed nothing');
  return path;
}

export interface FuzzRun {
  /** What the run was called, e.g. the role of its token. */
  name: string;
  exitCode: number | null;
  /** Test cases schemathesis generated and sent. */
  generated: number;
  /** The FAILURES and ERRORS sections of its output (empty when it passed), each failure with a curl to reproduce it. */
  problems: string;
  /** Where its whole output was kept (outside the clone). */
  logFile: string;
  seconds: number;
}

export interface FuzzOptions {
  cli: string;
  name: string;
  /** Base URL of the api; the document is read from `<baseUrl>/openapi.json`. */
  baseUrl: string;
  headers?: Record<string, string>;
  maxTimeSeconds: number;
  seed: number;
  /** operationIds left out of this run (e.g. logout, which would revoke the run's own token). */
  excludeOperationIds?: string[];
  /** Checks that are not about this API's contract (e.g. positive_data_acceptance, which business rules break by design). */
  excludeChecks?: string[];
}

/**
 * One bounded schemathesis run against the live api: every check of the document (status codes,
 * response schemas and headers, content types, 5xx, rejection of invalid data, 405 for undeclared
 * methods, auth) over the examples, coverage, fuzzing and stateful phases until the time is spent.
 * Nothing is written into the clone (no example database, reports in a temporary directory).
 */
export async function runSchemathesis(options: FuzzOptions): Promise<FuzzRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'schemathesis-'));
  const args = [
    'run',
    `${options.baseUrl}/openapi.json`,
    '--url',
    options.baseUrl,
    '--checks',
    'all',
    ...(options.excludeChecks?.length ? ['--exclude-checks', options.excludeChecks.join(',')] : []),
    ...(options.excludeOperationIds ?? []).flatMap((id) => ['--exclude-operation-id', id]),
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    '--max-time',
    String(options.maxTimeSeconds),
    // One worker: with two, hypothesis' lambda descriptions race on CPython 3.11's ast and the run
    // ends in a Runtime Error of the fuzzer itself ("AST constructor recursion depth mismatch").
    '--workers',
    '1',
    '--seed',
    String(options.seed),
    '--generation-database',
    'none',
    // A checkout may wait for its outcome up to `Prefer: wait=30` by design; a request still
    // unanswered well past that is a hang, and fails the run (the check's default is 10 s).
    '--max-response-time',
    '45',
    '--request-timeout',
    '60',
    '--no-color',
    '--report-dir',
    reportDir,
  ];
  const started = Date.now();
  try {
    const { exitCode, output } = await new Promise<{ exitCode: number | null; output: string }>((resolve, reject) => {
      const child = spawn(options.cli, args, { cwd: reportDir, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ exitCode: code, output }));
    });
    const logFile = join(tmpdir(), `schemathesis-${options.name.replace(/\W/g, '_')}.log`);
    writeFileSync(logFile, output);
    const generated = Number(/^\s*(\d+) generated/m.exec(output)?.[1] ?? 0);
    const problems = /^=+ (?:ERRORS|FAILURES) =+$[\s\S]*?(?=^=+ (?:WARNINGS|SUMMARY) =+$)/m.exec(output)?.[0] ?? (exitCode === 0 ? '' : output.slice(-4000));
    return { name: options.name, exitCode, generated, problems: problems.trim(), logFile, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
