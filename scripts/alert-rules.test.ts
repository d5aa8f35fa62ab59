import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ALERTS_DIR, alertRuleFiles } from '../observability/prometheus-config';

/**
 * The alert rules as code (observability/alerts/*.yml) are valid and behave as their tests say:
 * `promtool check rules` and `promtool test rules` (promtool from Debian's prometheus package,
 * installed by scripts/infra/prometheus.sh on a machine that lacks it).
 */
const TESTS_DIR = path.join(ALERTS_DIR, 'tests');
let promtool = '';

beforeAll(() => {
  // First run on a fresh machine: apt-get install prometheus (about a minute).
  const out = execFileSync('bash', [path.join(__dirname, 'infra', 'prometheus.sh'), 'path'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 });
  promtool = out.trim().split('\n')[1] ?? '';
  expect(promtool).toMatch(/promtool$/);
}, 620_000);

function run(args: string[], cwd: string): { status: number | null; output: string } {
  const res = spawnSync(promtool, args, { cwd, encoding: 'utf8' });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

const alertNames = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/^\s*- alert: (\S+)/gm)].map((m) => m[1]!);

test('every rule file passes promtool check rules', () => {
  const files = alertRuleFiles();
  expect(files.length).toBeGreaterThan(0);
  const res = run(['check', 'rules', ...files], ALERTS_DIR);
  expect(res).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') as unknown });
});

test('promtool test rules passes for every test file', () => {
  const tests = fs.readdirSync(TESTS_DIR).filter((f) => f.endsWith('.yml'));
  expect(tests.length).toBeGreaterThan(0);
  const res = run(['test', 'rules', ...tests], TESTS_DIR);
  if (res.status !== 0) throw new Error(`promtool test rules failed:\n${res.output}`);
});

test('the alerts issue 10 asks for exist, and every alert has a test', () => {
  const names = alertRuleFiles().flatMap(alertNames);
  expect(names).toEqual(
    expect.arrayContaining([
      'CheckoutCompensationStuck',
      'CheckoutSlipsPastExpiry',
      'CheckoutFailureRatioHigh',
      'RestLatencyP99High',
      'KafkaConsumerLagHigh',
      'KafkaEventsDeadLettered',
      'TargetDown',
      'TemporalWorkflowTaskScheduleToStartHigh',
    ]),
  );
  const tested = fs
    .readdirSync(TESTS_DIR)
    .map((f) => fs.readFileSync(path.join(TESTS_DIR, f), 'utf8'))
    .join('\n');
  const untested = names.filter((n) => !new RegExp(`alertname: ${n}\\b`).test(tested));
  expect(untested).toEqual([]);
});
