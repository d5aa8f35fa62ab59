/** Latency summary of one series of measurements, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** The nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    p50: round1(percentile(sorted, 50)),
    p90: round1(percentile(sorted, 90)),
    p99: round1(percentile(sorted, 99)),
    min: round1(sorted[0] ?? NaN),
    max: round1(sorted.at(-1) ?? NaN),
    mean: round1(mean),
  };
}

/** One sample line of the Prometheus text format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (what prom-client serves on /metrics). */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const l of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** A histogram of one label set: cumulative counts per upper bound (seconds), sum and count. */
export interface Histogram {
  buckets: Array<{ le: number; count: number }>;
  sum: number;
  count: number;
}

/**
 * The histograms of metric `name` selected by `match`, keyed by the value of label `by` (outcomes
 * and other labels merged).
 */
export function histograms(samples: readonly Sample[], name: string, by: string, match: Record<string, string> = {}): Map<string, Histogram> {
  const out = new Map<string, Histogram>();
  const matches = (s: Sample) => Object.entries(match).every(([k, v]) => s.labels[k] === v);
  const of = (key: string) => {
    let h = out.get(key);
    if (!h) out.set(key, (h = { buckets: [], sum: 0, count: 0 }));
    return h;
  };
  for (const s of samples) {
    if (!matches(s)) continue;
    const key = s.labels[by];
    if (key === undefined) continue;
    if (s.name === `${name}_bucket`) {
      const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
      const h = of(key);
      const bucket = h.buckets.find((b) => b.le === le);
      if (bucket) bucket.count += s.value;
      else h.buckets.push({ le, count: s.value });
    } else if (s.name === `${name}_sum`) of(key).sum += s.value;
    else if (s.name === `${name}_count`) of(key).count += s.value;
  }
  for (const h of out.values()) h.buckets.sort((a, b) => a.le - b.le);
  return out;
}

/** What was observed between two scrapes of the same histogram. */
export function histogramDelta(after: Histogram, before: Histogram | undefined): Histogram {
  return {
    buckets: after.buckets.map((b) => ({ le: b.le, count: b.count - (before?.buckets.find((x) => x.le === b.le)?.count ?? 0) })),
    sum: after.sum - (before?.sum ?? 0),
    count: after.count - (before?.count ?? 0),
  };
}

/**
 * A quantile of a histogram in milliseconds, interpolated linearly inside its bucket (as PromQL's
 * histogram_quantile does), so only as precise as the buckets: below the first bound it is a share of it.
 */
export function histogramQuantileMs(h: Histogram, q: number): number {
  if (h.count <= 0) return NaN;
  const rank = q * h.count;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const b of h.buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return lowerBound * 1000;
      const inBucket = b.count - lowerCount;
      const share = inBucket > 0 ? (rank - lowerCount) / inBucket : 0;
      return (lowerBound + (b.le - lowerBound) * share) * 1000;
    }
    lowerBound = b.le;
    lowerCount = b.count;
  }
  return lowerBound * 1000;
}

/** The value of a gauge (the first sample named `name`), or undefined. */
export function gauge(samples: readonly Sample[], name: string): number | undefined {
  return samples.find((s) => s.name === name)?.value;
}
