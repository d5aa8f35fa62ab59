import { FAULT_KINDS } from './faults';
import type { ChaosReport } from './chaos-run';

/** The chaos run's tables: faults injected, orders by outcome, throughput, and each invariant with its violations. */
export function formatReport(report: ChaosReport): string {
  const out: string[] = [];
  const table = (title: string, header: string[], rows: (string | number)[][]) => {
    const cells = [header, ...rows.map((r) => r.map(String))];
    const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
    const line = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
    out.push('', title, line(header), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...cells.slice(1).map(line));
  };
  const secs = (ms: number) => (ms / 1000).toFixed(1);

  out.push(`chaos run ${report.runId}: load ${secs(report.loadEndedAt - report.startedAt)}s, ${report.journeys.length} checkouts`);
  table(
    'Faults injected',
    ['fault', 'count', 'failed', 'total s', 'longest s'],
    FAULT_KINDS.map((kind) => {
      const mine = report.faults.filter((f) => f.kind === kind);
      const durations = mine.map((f) => f.recoveredAt - f.startedAt);
      return [kind, mine.length, mine.filter((f) => f.detail.startsWith('FAILED')).length, secs(durations.reduce((a, b) => a + b, 0)), secs(Math.max(0, ...durations))];
    }),
  );
  for (const f of report.faults.filter((f) => f.detail.startsWith('FAILED'))) out.push(`  ! ${f.kind}: ${f.detail}`);

  const outcomes = new Map<string, number>();
  for (const j of report.journeys) {
    const key = j.outcome?.startsWith('GAVE_UP') ? 'GAVE_UP' : (j.outcome ?? 'none');
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  table('Orders by outcome', ['outcome', 'orders'], [...outcomes].sort((a, b) => b[1] - a[1]));
  const kinds = new Map<string, Map<string, number>>();
  for (const j of report.journeys) {
    const byOutcome = kinds.get(j.kind) ?? new Map<string, number>();
    const key = j.outcome?.startsWith('GAVE_UP') ? 'GAVE_UP' : (j.outcome ?? 'none');
    byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    kinds.set(j.kind, byOutcome);
  }
  table(
    'Journeys',
    ['journey', 'count', 'outcomes'],
    [...kinds].map(([kind, byOutcome]) => [kind, [...byOutcome.values()].reduce((a, b) => a + b, 0), [...byOutcome].map(([o, n]) => `${o}×${n}`).join(' ')]),
  );

  const t = report.throughput;
  table(
    'Throughput (checkouts finished per minute)',
    ['period', 'seconds', 'per min'],
    [
      ['before the first fault', t.leadInSeconds.toFixed(0), t.leadInPerMin.toFixed(1)],
      ['fault-free (outside fault windows)', t.faultFreeSeconds.toFixed(0), t.faultFreePerMin.toFixed(1)],
      ['with faults (injection to recovery + tail)', t.faultedSeconds.toFixed(0), t.faultedPerMin.toFixed(1)],
      ['whole run', (t.faultFreeSeconds + t.faultedSeconds).toFixed(0), t.overallPerMin.toFixed(1)],
    ],
  );
  out.push(`  ratio with faults / fault-free: ${t.ratio.toFixed(2)}; whole run / before the first fault: ${t.overallRatio.toFixed(2)}`);
  out.push('  (a saga cannot finish while Kafka is down: it waits at publish-event, and finishes in a burst once Kafka is back)');
  const retried = Object.entries(report.retries);
  out.push(`  requests retried by the customers: ${retried.length ? retried.map(([why, n]) => `${why}×${n}`).join(', ') : 'none'}`);

  table('Invariants', ['invariant', 'checked', 'violations'], report.invariants.map((i) => [i.name, i.checked, i.violations]));
  for (const i of report.invariants.filter((i) => i.violations > 0)) for (const e of i.examples) out.push(`  ! ${i.name}: ${e}`);
  out.push(`  stuck, reported (COMPENSATION_STUCK, waiting for an operator): ${report.stuck.length}${report.stuck.length ? ` (${report.stuck.slice(0, 5).join(', ')})` : ''}`);
  out.push('', report.ok ? 'RESULT: every saga terminal, 0 violations' : 'RESULT: VIOLATIONS (see above)');
  return out.join('\n');
}
