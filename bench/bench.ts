import { Client, Connection } from '@temporalio/client';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { signAccessToken } from '../lib/access-token';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';
import { createPrisma } from '../lib/prisma';
import { B0_ACTIVITIES, B0_LOCAL_WORKFLOW_TYPE, B0_PARKED_WORKFLOW_TYPE, B0_WORKFLOW_TYPE, parkedQuery, releaseSignal } from './b0.contract';
import { htmlPage, lineChart, type Series } from './chart';
import { createFixtures, hotSkuOutcome, type BenchFixtures } from './fixtures';
import { addCpuDelta, cpuByPart, cpuPerWorkflow, settle } from './process-cpu';
import { burst, closedLoop, pool, roundOrder, roundShare, sequential, type LoadResult, type Measured, type Operation, type RoundFigures } from './load';
import { startChildWorker, stopChild } from './child-worker';
import { cancelCheckouts, memoryFigure, parkKonbiniCheckouts, startMemoryWorker } from './memory';
import { SagaClient } from './saga-client';
import { WORKER_TUNING } from '../workers/temporal-worker-tuning';
import { fulfilmentWorkflowId } from '../workflows/fulfilment.contract';
import { histogramDelta, summarize, histogramQuantileMs, histograms, parsePrometheus, type Histogram } from './stats';

/**
 * `npm run bench`: B0 (a bare workflow of eight no-op activities on the bench's own worker) and the
 * checkout saga (card, through the REST api of a running platform) side by side, on the same Temporal
 * server: sequential latency, closed-loop throughput and latency per client count, a hot SKU against
 * spread SKUs, each service's own time per call, worker memory per cached workflow, and the ratios of
 * issue 9. The sequential and closed-loop figures are measured in rounds (`--rounds`), the kinds in
 * turn, their order reversed every other round, and pooled per kind: the shared machine drifts over
 * minutes, and a ratio of two kinds measured one after the other once carried that drift. On Linux,
 * with the platform on the bench's machine, each round (and each hot-SKU burst) starts once the
 * platform is quiet (under a quarter of a core over a second, at most 30 s), and each closed-loop run
 * also gives the CPU per completed workflow of each platform part (from /proc: bench/process-cpu.ts). Writes
 * bench/results/<timestamp>.json and .html (latency against load). Never part of npm test.
 */
const USAGE = `npm run bench -- [flags]
  --kinds b0,b0-local,saga   what to measure: b0 = the issue's 8 no-op activities, b0-local = the saga's
                             shape (7 local + 1 regular no-op), saga needs a running platform (npm start)
  --phases sequential,closed-loop,hot-sku,memory
  --warmup 3                 unrecorded runs of each kind first
  --sequential 20            sequential runs of each kind (and of the saga's early answer), over all rounds
  --clients 1,4,16,64        closed-loop client counts
  --seconds 5                closed-loop duration per client count, kind and round (running ones are awaited)
  --rounds 2                 the kinds take turns this many times (A B C, C B A, ...), pooled per kind
  --hot-checkouts 200        concurrent checkouts on one SKU (and as many over spread SKUs, to compare) ...
  --hot-stock 20             ... that has this many units
  --memory-workflows 100     workflows parked on each memory worker (at most its cache, 500) to measure memory per cached workflow
  --api URL                  REST api (default http://API_HOST:API_PORT)
  --temporal HOST:PORT       Temporal frontend (default TEMPORAL_ADDRESS)
  --services-metrics URL     services' /metrics (default http://127.0.0.1:METRICS_PORT/metrics)
  --worker-metrics URL       Temporal worker's /metrics (default http://127.0.0.1:METRICS_PORT+1/metrics)
  --label TEXT               what this run is (stored in the JSON)
  --keep-fulfilments         leave running the fulfilments its checkouts started (ended by default)
  --out DIR                  default bench/results
The defaults are a quick run (a few minutes on 2 cores). Issue 9's sizes:
  npm run bench -- --sequential 100 --seconds 20 --hot-checkouts 1000 --hot-stock 100`;

/** The figure issue 9 started from: B0 sequential p50 on the embedded server as first configured. */
const ISSUE_B0_SEQUENTIAL_P50_MS = 849;

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const round2 = (x: number) => Math.round(x * 100) / 100;

function flags() {
  const { values } = parseArgs({
    options: {
      kinds: { type: 'string', default: 'b0,b0-local,saga' },
      phases: { type: 'string', default: 'sequential,closed-loop,hot-sku,memory' },
      warmup: { type: 'string', default: '3' },
      sequential: { type: 'string', default: '20' },
      clients: { type: 'string', default: '1,4,16,64' },
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '2' },
      'hot-checkouts': { type: 'string', default: '200' },
      'hot-stock': { type: 'string', default: '20' },
      'memory-workflows': { type: 'string', default: '100' },
      api: { type: 'string' },
      temporal: { type: 'string' },
      'services-metrics': { type: 'string' },
      'worker-metrics': { type: 'string' },
      label: { type: 'string', default: '' },
      'keep-fulfilments': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(__dirname, 'results') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: keyof typeof values, min: number, max: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer ${min}-${max}\n${USAGE}`);
    return n;
  };
  const cfg = config();
  const metricsUrl = (port: number) => `http://127.0.0.1:${port}/metrics`;
  const clients = list(values.clients).map(Number);
  if (clients.some((c) => !Number.isInteger(c) || c < 1 || c > 256)) throw new Error('--clients must be integers 1-256');
  const opts = {
    kinds: new Set(list(values.kinds)),
    phases: new Set(list(values.phases)),
    warmup: int('warmup', 0, 100),
    sequential: int('sequential', 1, 10_000),
    clients,
    seconds: int('seconds', 1, 600),
    rounds: int('rounds', 1, 20),
    hotCheckouts: int('hot-checkouts', 1, 10_000),
    hotStock: int('hot-stock', 1, 10_000),
    memoryWorkflows: int('memory-workflows', 2, WORKER_TUNING.maxCachedWorkflows),
    api: values.api ?? `http://${cfg.API_HOST}:${cfg.API_PORT}`,
    temporal: values.temporal ?? cfg.TEMPORAL_ADDRESS,
    namespace: cfg.TEMPORAL_NAMESPACE,
    servicesMetrics: values['services-metrics'] ?? metricsUrl(cfg.METRICS_PORT),
    workerMetrics: values['worker-metrics'] ?? metricsUrl(cfg.METRICS_PORT + 1),
    label: values.label,
    keepFulfilments: values['keep-fulfilments'],
    out: values.out,
  };
  if (opts.hotStock > opts.hotCheckouts) throw new Error('--hot-stock must not exceed --hot-checkouts');
  return { opts, cfg };
}

async function scrape(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return parsePrometheus(await res.text());
}

/** The bench worker (bench/b0-worker.ts), in a child process of its own like the platform's worker. */
async function startBenchWorker(temporal: string, namespace: string, taskQueue: string): Promise<{ child: ChildProcess; metrics: string }> {
  const { child, ready } = await startChildWorker<{ metricsPort: number }>('b0-worker.ts', ['--address', temporal, '--namespace', namespace, '--task-queue', taskQueue]);
  return { child, metrics: `http://127.0.0.1:${ready.metricsPort}/metrics` };
}

/** Service time per gRPC method between two scrapes of the services' histograms. */
function serviceTimes(before: ReturnType<typeof parsePrometheus>, after: ReturnType<typeof parsePrometheus>, kind: 'grpc' | 'activity') {
  const b = histograms(before, 'request_duration_seconds', 'operation', { kind });
  const a = histograms(after, 'request_duration_seconds', 'operation', { kind });
  const out: Record<string, { calls: number; meanMs: number; p50Ms: number; p99Ms: number; shareUnder5ms: number }> = {};
  for (const [op, h] of a) {
    const d: Histogram = histogramDelta(h, b.get(op));
    if (d.count <= 0) continue;
    const under5 = d.buckets.find((x) => x.le === 0.005)?.count ?? 0;
    out[op] = {
      calls: d.count,
      meanMs: round2((d.sum / d.count) * 1000),
      p50Ms: round2(histogramQuantileMs(d, 0.5)),
      p99Ms: round2(histogramQuantileMs(d, 0.99)),
      shareUnder5ms: round2(under5 / d.count),
    };
  }
  return out;
}

async function main(): Promise<void> {
  const { opts, cfg } = flags();
  const began = Date.now();
  const run = new Date(began).toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const runId = `${run}-${randomUUID().slice(0, 4)}`;
  const wantB0Local = opts.kinds.has('b0-local');
  const wantB0 = opts.kinds.has('b0') || wantB0Local;
  const wantSaga = opts.kinds.has('saga');
  say(`run ${runId}: kinds ${[...opts.kinds].join(',')}, phases ${[...opts.phases].join(',')}; Temporal ${opts.temporal} (${opts.namespace})${wantSaga ? `, api ${opts.api}` : ''}`);

  const connection = await Connection.connect({ address: opts.temporal });
  const temporal = new Client({ connection, namespace: opts.namespace, dataConverter: payloadDataConverter(config().PAYLOAD_KEYRING) });
  const taskQueue = `bench-b0-${runId}`;
  const benchWorker = wantB0 ? await startBenchWorker(opts.temporal, opts.namespace, taskQueue) : undefined;
  if (benchWorker) say(`bench worker up on task queue ${taskQueue}`);

  const prisma = createPrisma(cfg.DATABASE_URL);
  let fixtures: BenchFixtures | undefined;
  let saga: SagaClient | undefined;
  const maxClients = Math.max(...opts.clients, 1);
  if (wantSaga) {
    const ready = await fetch(`${opts.api}/readyz`).catch(() => undefined);
    if (!ready?.ok) throw new Error(`the platform's api does not answer at ${opts.api}/readyz: start it (npm start) or pass --api`);
    const spreadSkus = Math.min(opts.hotCheckouts, 100);
    fixtures = await createFixtures(prisma, runId, {
      clients: maxClients,
      stockPerSku: 1_000_000,
      hotStock: opts.hotStock,
      spreadSkus,
      spreadStock: Math.ceil(opts.hotCheckouts / spreadSkus),
    });
    say(`bench shop: ${fixtures.clientSkus.length + 1 + fixtures.spreadSkus.length} SKUs and ${fixtures.slotIds.length} slots under BENCH-${runId}`);
    const tokenFor = (id: string) => signAccessToken({ id, email: `${id}@bench.example`, role: 'customer' }, { secret: cfg.JWT_SECRET, ttlSeconds: 6 * 3600, now: new Date() }).token;
    saga = new SagaClient(opts.api, tokenFor, runId, temporal);
  }

  const b0: Operation = async () => {
    await temporal.workflow.execute(B0_WORKFLOW_TYPE, { taskQueue, workflowId: `bench-b0-${randomUUID()}`, args: [B0_ACTIVITIES] });
  };
  const b0Local: Operation = async () => {
    await temporal.workflow.execute(B0_LOCAL_WORKFLOW_TYPE, { taskQueue, workflowId: `bench-b0-local-${randomUUID()}`, args: [B0_ACTIVITIES] });
  };
  const sagaOp: Operation = async (client) => {
    const f = fixtures!;
    const i = client % f.clientSkus.length;
    const outcome = await saga!.checkout(f.clientSkus[i]!, f.slotIds[i]!);
    if (outcome.state !== 'COMPLETED') throw new Error(`checkout ${outcome.orderId} ended ${outcome.state} ${outcome.failureCode ?? ''}`);
  };
  const kinds: Array<{ name: 'b0' | 'b0-local' | 'saga'; op: Operation }> = [
    ...(opts.kinds.has('b0') ? [{ name: 'b0' as const, op: b0 }] : []),
    ...(wantB0Local ? [{ name: 'b0-local' as const, op: b0Local }] : []),
    ...(wantSaga ? [{ name: 'saga' as const, op: sagaOp }] : []),
  ];

  const results: Record<string, unknown> = {};
  const seq: Record<string, LoadResult> = {};
  const loops: Record<string, LoadResult[]> = { b0: [], 'b0-local': [], saga: [] };
  const failures = (r: LoadResult) => (r.failed ? `, ${r.failed} FAILED (${r.failures[0]})` : '');
  /**
   * Writes bench/results/<run>.json and .html with the figures so far: after each phase, so a run stopped
   * (Ctrl-C, or a phase that cannot finish on a saturated machine) keeps what it measured.
   */
  const writeReport = (complete: boolean): string => {
    const ratios = computeRatios(seq, loops, results.hotSku as HotResult | undefined, opts.clients);
    results.ratios = ratios;
    if (saga) results.sagaRequestRetries = saga.retries;
    const report = {
      run: runId,
      label: opts.label,
      complete,
      startedAt: new Date(began).toISOString(),
      durationSeconds: Math.round((Date.now() - began) / 1000),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round2(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg().map(round2) },
      commit: gitCommit(),
      target: { temporal: opts.temporal, namespace: opts.namespace, api: wantSaga ? opts.api : undefined },
      sizes: { warmup: opts.warmup, sequential: opts.sequential, clients: opts.clients, seconds: opts.seconds, rounds: opts.rounds, hotCheckouts: opts.hotCheckouts, hotStock: opts.hotStock, memoryWorkflows: opts.memoryWorkflows },
      ...results,
    };
    mkdirSync(opts.out, { recursive: true });
    const file = path.join(opts.out, `${run}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(file.replace(/\.json$/, '.html'), chartPage(report.run, opts.label, seq, loops, ratios));
    return file;
  };
  process.once('SIGINT', () => {
    say(`stopped: figures so far in ${writeReport(false)}`);
    process.exit(130);
  });

  try {
    if (opts.warmup > 0) {
      for (const k of kinds) {
        say(`warm-up: ${opts.warmup} × ${k.name}`);
        const { result: r } = await sequential(opts.warmup, k.op);
        if (r.failed) throw new Error(`warm-up of ${k.name} failed: ${r.failures.join('; ')}`);
      }
    }

    const roundNote = (round: number) => (opts.rounds > 1 ? ` (round ${round + 1}/${opts.rounds})` : '');

    if (opts.phases.has('sequential')) {
      // The early answer, one checkout at a time like the saga's and the same checkout (the SKU and slot
      // of the saga's sequential runs: only the Prefer header differs): timed until the api answered
      // "charged"; the saga behind it is awaited (untimed) before the next one starts.
      const early: Operation = async () => {
        const f = fixtures!;
        const t0 = performance.now();
        const { finished } = await saga!.checkoutEarly(f.clientSkus[0]!, f.slotIds[0]!);
        const answeredMs = performance.now() - t0;
        const o = await finished;
        if (o.state !== 'COMPLETED') throw new Error(`checkout ${o.orderId} answered early ended ${o.state} ${o.failureCode ?? ''}`);
        return answeredMs;
      };
      const seqKinds: Array<{ name: string; title: string; op: Operation }> = [
        ...kinds.map((k) => ({ ...k, title: k.name })),
        ...(wantSaga ? [{ name: 'early', title: 'saga with the early answer (Prefer: until=payment)', op: early }] : []),
      ];
      // The services and the platform's worker only serve the saga (with or without its early answer).
      const before = wantSaga ? await Promise.all([scrape(opts.servicesMetrics), scrape(opts.workerMetrics)]) : undefined;
      const blocks = new Map<string, Measured[]>(seqKinds.map((k) => [k.name, []]));
      for (let round = 0; round < opts.rounds; round += 1) {
        const n = roundShare(opts.sequential, opts.rounds, round);
        if (n === 0) continue;
        for (const k of roundOrder(seqKinds, round)) {
          say(`sequential${roundNote(round)}: ${n} × ${k.title}${quietNote(await settle())}`);
          const m = await sequential(n, k.op, (done) => {
            if (done % 10 === 0 && done < n) say(`  ${k.name} ${done}/${n}`);
          });
          blocks.get(k.name)!.push(m);
          if (opts.rounds > 1) say(`  ${k.name}: p50 ${m.result.latencyMs.p50} ms, p99 ${m.result.latencyMs.p99} ms${failures(m.result)}`);
        }
      }
      for (const k of seqKinds) {
        const r = pool(blocks.get(k.name)!);
        seq[k.name] = r;
        say(`sequential ${k.name}${opts.rounds > 1 ? `, ${opts.rounds} rounds` : ''}: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms${failures(r)}`);
      }
      if (before) {
        const after = await Promise.all([scrape(opts.servicesMetrics), scrape(opts.workerMetrics)]);
        results.serviceTimes = {
          note: "From the services' own request_duration_seconds histograms (gRPC methods) and the worker's (activities, gRPC included) over the sequential phase (the saga's checkouts, with and without the early answer: nothing else calls them); p50/p99 are interpolated within buckets (bounds 1, 2.5, 4, 5, 7.5, 10, 25 ms... since session 12, 1, 2.5, 5, 10, 25 ms before; before 2026-12-02's session 6 the first bound was 5 ms, so a p50 under 5 ms was a linear guess); shareUnder5ms is the share of calls within 5 ms.",
          services: serviceTimes(before[0], after[0], 'grpc'),
          activities: serviceTimes(before[1], after[1], 'activity'),
        };
        for (const [op, t] of Object.entries((results.serviceTimes as { services: Record<string, { meanMs: number; p50Ms: number }> }).services)) {
          say(`  service ${op}: mean ${t.meanMs} ms, p50 ≈ ${t.p50Ms} ms`);
        }
      }
      results.sequential = seq;
      writeReport(false);
    }

    if (opts.phases.has('closed-loop')) {
      for (const clients of opts.clients) {
        const runs = new Map(kinds.map((k) => [k.name, { rounds: [] as Measured[], cpu: new Map<string, number>(), perRound: [] as RoundFigures[] }]));
        let cpuRead = true;
        for (let round = 0; round < opts.rounds; round += 1) {
          for (const k of roundOrder(kinds, round)) {
            const settled = await settle();
            say(`closed loop${roundNote(round)}: ${clients} client(s) × ${k.name} for ${opts.seconds}s${quietNote(settled)}`);
            const cpuBefore = cpuByPart();
            const m = await closedLoop(clients, opts.seconds, k.op);
            const cpuAfter = cpuByPart();
            const acc = runs.get(k.name)!;
            acc.rounds.push(m);
            if (cpuBefore && cpuAfter) addCpuDelta(acc.cpu, cpuBefore, cpuAfter);
            else cpuRead = false;
            const cpu = cpuBefore && cpuAfter ? cpuPerWorkflow(cpuBefore, cpuAfter, m.result.completed) : undefined;
            const r = m.result;
            acc.perRound.push({ throughput: r.throughput, completed: r.completed, p50: r.latencyMs.p50, p99: r.latencyMs.p99, ...(cpu ? { cpuMsPerWorkflow: cpu } : {}), ...(settled.share === undefined ? {} : { settled }) });
            say(`  ${k.name} @${clients}: ${r.throughput}/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms (${r.completed} done)${failures(r)}${cpu ? `, CPU ${cpu.totalMs} ms per workflow (${Object.entries(cpu.byPart).slice(0, 4).map(([part, ms]) => `${part} ${ms}`).join(', ')}...)` : ''}`);
          }
        }
        for (const k of kinds) {
          const acc = runs.get(k.name)!;
          const r = pool(acc.rounds);
          const cpu = cpuRead ? cpuPerWorkflow(new Map(), acc.cpu, r.completed) : undefined;
          loops[k.name]!.push({ ...r, ...(cpu ? { cpuMsPerWorkflow: cpu } : {}), rounds: acc.perRound });
          say(`${k.name} @${clients}${opts.rounds > 1 ? `, ${opts.rounds} rounds` : ''}: ${r.throughput}/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms (${r.completed} done)${failures(r)}`);
          if (cpu) say(`  CPU per ${k.name}: ${cpu.totalMs} ms (${Object.entries(cpu.byPart).map(([part, ms]) => `${part} ${ms}`).join(', ')})`);
        }
      }
      results.closedLoop = loops;
      writeReport(false);
    }

    if (opts.phases.has('hot-sku') && wantSaga) await recordFailure(results, 'hot-sku', async () => {
      const f = fixtures!;
      const n = opts.hotCheckouts;
      const outcomes = { spread: new Map<string, number>(), hot: new Map<string, number>() };
      const batch = (which: 'spread' | 'hot', sku: (i: number) => string): Operation => async (_c, i) => {
        const o = await saga!.checkout(sku(i), f.slotIds[i % f.slotIds.length]!);
        const key = o.failureCode ? `${o.state}:${o.failureCode}` : o.state;
        outcomes[which].set(key, (outcomes[which].get(key) ?? 0) + 1);
        // Progress every tenth of the burst: 1000 concurrent checkouts drain for minutes under load.
        const done = [...outcomes[which].values()].reduce((a, b) => a + b, 0);
        if (done % Math.max(1, Math.floor(n / 10)) === 0 && done < n) say(`  ${which} ${done}/${n} done`);
        if (!(o.state === 'COMPLETED' || (which === 'hot' && o.failureCode === 'OUT_OF_STOCK'))) throw new Error(`checkout ${o.orderId} ended ${key}`);
      };
      say(`spread SKUs: ${n} concurrent checkouts over ${f.spreadSkus.length} SKUs${quietNote(await settle())}`);
      const spread = (await burst(n, batch('spread', (i) => f.spreadSkus[i % f.spreadSkus.length]!))).result;
      say(`  spread: ${spread.throughput} checkouts/s, p50 ${spread.latencyMs.p50} ms, p99 ${spread.latencyMs.p99} ms${failures(spread)}`);
      say(`hot SKU: ${n} concurrent checkouts on ${opts.hotStock} units of ${f.hotSku}${quietNote(await settle())}`);
      const hot = (await burst(n, batch('hot', () => f.hotSku))).result;
      const db = await hotSkuOutcome(prisma, f.hotSku);
      const completed = outcomes.hot.get('COMPLETED') ?? 0;
      const exact = completed === opts.hotStock && db.confirmedOrders === opts.hotStock && db.orderLines === opts.hotStock && db.onHand === 0 && db.reserved === 0;
      say(`  hot: ${hot.throughput} checkouts/s, p50 ${hot.latencyMs.p50} ms, p99 ${hot.latencyMs.p99} ms; ${completed} COMPLETED, ${db.confirmedOrders} orders CONFIRMED, stock on hand ${db.onHand}, reserved ${db.reserved}: ${exact ? 'exactly' : 'NOT'} ${opts.hotStock}${failures(hot)}`);
      results.hotSku = {
        checkouts: n,
        units: opts.hotStock,
        spread: { ...spread, outcomes: Object.fromEntries(outcomes.spread) },
        hot: { ...hot, outcomes: Object.fromEntries(outcomes.hot), database: db, exactlyUnitsSold: exact },
        note: 'Throughput counts checkouts decided per second (completed, or refused OUT_OF_STOCK on the hot SKU).',
      };
    });

    if (results.hotSku) writeReport(false);

    if (opts.phases.has('memory')) await recordFailure(results, 'memory', async () => {
      // Each kind on a memory worker of its own (bench/memory-worker.ts): its workflows on the main
      // thread of a process started with --expose-gc, so the heap is read after a full GC. An RSS
      // reading of the platform's worker carried whatever garbage the phases before had left.
      const memory: Record<string, unknown> = {};
      const n = opts.memoryWorkflows;
      const measure = async (kind: 'b0' | 'saga', title: string, park: (queue: string, count: number) => Promise<() => Promise<void>>) => {
        say(`memory: ${n} ${title} on a memory worker of the bench's, in two halves`);
        const queue = `${taskQueue}-memory-${kind}`;
        const worker = await startMemoryWorker(kind, opts.temporal, opts.namespace, queue);
        try {
          const before = await worker.heap();
          const releaseFirst = await park(queue, Math.floor(n / 2));
          const half = await worker.heap();
          const releaseSecond = await park(queue, n - Math.floor(n / 2));
          const figure = memoryFigure(n, before, half, await worker.heap());
          say(
            `  ${kind}: ${figure.kbPerWorkflow} kB of V8 heap per cached workflow over the second half (${figure.kbPerWorkflowFromEmpty} from empty; ` +
              `${figure.heapBeforeMb} → ${figure.heapHalfMb} → ${figure.heapAfterMb} MB after GC, ${figure.cachedAfter} cached)`,
          );
          memory[kind] = figure;
          await releaseFirst();
          await releaseSecond();
        } finally {
          await stopChild(worker.child);
        }
      };
      if (wantB0) {
        await measure('b0', 'parked B0 workflows (4 activities each, then awaiting a signal)', async (queue, count) => {
          const ids = Array.from({ length: count }, () => `bench-b0-parked-${randomUUID()}`);
          await Promise.all(ids.map((workflowId) => temporal.workflow.start(B0_PARKED_WORKFLOW_TYPE, { taskQueue: queue, workflowId, args: [4] })));
          await waitUntilParked(temporal, ids);
          return async () => {
            await Promise.all(ids.map((id) => temporal.workflow.getHandle(id).signal(releaseSignal)));
            await Promise.all(ids.map((id) => temporal.workflow.getHandle(id).result()));
          };
        });
      }
      if (wantSaga) {
        const f = fixtures!;
        await measure('saga', 'konbini checkouts parked awaiting payment', async (queue, count) => {
          const orderIds = await parkKonbiniCheckouts(temporal, queue, count, f.clientSkus, f.slotIds);
          return () => cancelCheckouts(temporal, orderIds);
        });
      }
      memory.note =
        'V8 heap (after a full GC) that workflows open in the worker\'s cache add, per workflow: kbPerWorkflow over the second half parked ' +
        '(what one more costs), kbPerWorkflowFromEmpty over all N (with what the first ones cost once). On a worker of the bench\'s own ' +
        '(bench/memory-worker.ts: the platform\'s workflows and activities, or B0\'s, run on the main thread so one GC reaches them). ' +
        'Not counted: the native side (the SDK core\'s copy of each history), which RSS would show with all the garbage around it.';
      results.memory = memory;
    });
  } finally {
    if (saga && !opts.keepFulfilments) await endFulfilments(temporal, saga.completed);
    if (benchWorker) await stopChild(benchWorker.child);
    await prisma.$disconnect();
    await connection.close();
  }

  const file = writeReport(true);
  printSummary(seq, loops, computeRatios(seq, loops, results.hotSku as HotResult | undefined, opts.clients));
  say(`done in ${Math.round((Date.now() - began) / 1000)}s: ${file} and ${path.basename(file, '.json')}.html`);
}

/** How long a run waited for a quiet platform, for its progress line (nothing without a /proc). */
function quietNote(settled: Awaited<ReturnType<typeof settle>>): string {
  return settled.share === undefined ? '' : ` (platform quiet after ${settled.waitedMs / 1000}s: ${settled.share} of a core)`;
}

/**
 * Terminates the fulfilments of the bench's completed checkouts: each parks for days waiting for its
 * parcel, so every run would leave a few thousand running workflows on the server (the dev server's
 * SQLite file had grown to 3.1 GB by session 7). `--keep-fulfilments` leaves them.
 */
async function endFulfilments(temporal: Client, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  say(`ending the ${orderIds.length} fulfilments the bench's checkouts started (--keep-fulfilments leaves them)`);
  let ended = 0;
  let failed = 0;
  for (let i = 0; i < orderIds.length; i += 32) {
    await Promise.all(
      orderIds.slice(i, i + 32).map((id) =>
        temporal.workflow
          .getHandle(fulfilmentWorkflowId(id))
          .terminate('bench run over')
          .then(() => ended++)
          // Already closed (or never started): nothing to end.
          .catch(() => failed++),
      ),
    );
    if ((i / 32) % 25 === 24) say(`  ${i + 32}/${orderIds.length}`);
  }
  say(`  ended ${ended}${failed ? `, ${failed} already closed` : ''}`);
}

/** Runs a phase; if it fails, records why in `results.failures` and goes on, so the figures so far are still written. */
async function recordFailure(results: Record<string, unknown>, phase: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    say(`phase ${phase} failed: ${message}`);
    results.failures = { ...(results.failures as Record<string, string> | undefined), [phase]: message };
  }
}

async function waitUntilParked(temporal: Client, ids: string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(ids);
  while (pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`${pending.size} parked workflows did not finish their activities in time`);
    await Promise.all(
      [...pending].map(async (id) => {
        // A query fails while the worker is too busy to answer in time: asked again on the next round.
        const parked = await temporal.workflow.getHandle(id).query(parkedQuery).catch(() => false);
        if (parked) pending.delete(id);
      }),
    );
    if (pending.size > 0) await delay(200);
  }
}

interface HotResult {
  spread: LoadResult;
  hot: LoadResult;
}

function computeRatios(seq: Record<string, LoadResult>, loops: Record<string, LoadResult[]>, hotSku: HotResult | undefined, clients: number[]) {
  const at = (kind: string, c: number) => loops[kind]?.find((r) => r.clients === c);
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? round2(a / b) : null);
  const c16 = clients.includes(16) ? 16 : clients.at(-1);
  return {
    sagaSequentialP50OverB0: { value: ratio(seq.saga?.latencyMs.p50, seq.b0?.latencyMs.p50), target: '≤ 1.5' },
    sagaThroughputOverB0: { clients: c16, value: ratio(at('saga', c16 ?? 0)?.throughput, at('b0', c16 ?? 0)?.throughput), target: '≥ 0.8 (at 16 clients)' },
    hotOverSpreadThroughput: { value: ratio(hotSku?.hot.throughput, hotSku?.spread.throughput), target: '≥ 0.9' },
    b0SpeedupOverIssueBaseline: { baselineMs: ISSUE_B0_SEQUENTIAL_P50_MS, value: ratio(ISSUE_B0_SEQUENTIAL_P50_MS, seq.b0?.latencyMs.p50), target: '≥ 4' },
    sagaSequentialP50OverB0Local: {
      value: ratio(seq.saga?.latencyMs.p50, seq['b0-local']?.latencyMs.p50),
      target: '— (not the issue\'s: against B0 in the saga\'s own shape, 7 local + 1 regular activity)',
    },
    sagaThroughputOverB0Local: {
      clients: c16,
      value: ratio(at('saga', c16 ?? 0)?.throughput, at('b0-local', c16 ?? 0)?.throughput),
      target: '— (not the issue\'s: against B0 in the saga\'s own shape)',
    },
    cpuPerB0OverCpuPerSaga: {
      clients: c16,
      value: ratio(at('b0', c16 ?? 0)?.cpuMsPerWorkflow?.totalMs, at('saga', c16 ?? 0)?.cpuMsPerWorkflow?.totalMs),
      target: '— (explains sagaThroughputOverB0: on a saturated machine throughput goes as 1 / CPU per workflow)',
    },
    earlyAnswerP99OverFullSagaP99: {
      value: ratio(seq.early?.latencyMs.p99, seq.saga?.latencyMs.p99),
      target: '≤ 0.5',
      note: 'sequential card checkouts: POST with Prefer: until=payment answered (card charged) against the full saga with Prefer: wait',
    },
  };
}

function chartPage(run: string, label: string, seq: Record<string, LoadResult>, loops: Record<string, LoadResult[]>, ratios: ReturnType<typeof computeRatios>): string {
  const colours = { b0: '#1f77b4', 'b0-local': '#2ca02c', saga: '#d62728' } as const;
  const latency: Series[] = [];
  const throughput: Series[] = [];
  for (const kind of ['b0', 'b0-local', 'saga'] as const) {
    const rs = loops[kind] ?? [];
    if (rs.length === 0) continue;
    latency.push({ name: `${kind} p50`, colour: colours[kind], points: rs.map((r) => ({ x: r.clients, y: r.latencyMs.p50 })) });
    latency.push({ name: `${kind} p99`, colour: colours[kind], dashed: true, points: rs.map((r) => ({ x: r.clients, y: r.latencyMs.p99 })) });
    throughput.push({ name: kind, colour: colours[kind], points: rs.map((r) => ({ x: r.clients, y: r.throughput })) });
  }
  const rows = (['b0', 'b0-local', 'saga', 'early'] as const).flatMap((kind) => [
    ...(seq[kind] ? [[kind, 'sequential', seq[kind]!.throughput, seq[kind]!.latencyMs.p50, seq[kind]!.latencyMs.p99, seq[kind]!.completed, seq[kind]!.failed, '—']] : []),
    ...(loops[kind] ?? []).map((r) => [kind, `${r.clients} clients`, r.throughput, r.latencyMs.p50, r.latencyMs.p99, r.completed, r.failed, r.cpuMsPerWorkflow ? `${r.cpuMsPerWorkflow.totalMs} (${Object.entries(r.cpuMsPerWorkflow.byPart).map(([part, ms]) => `${part} ${ms}`).join(', ')})` : '—']),
  ]);
  return htmlPage(
    `Checkout bench ${run}`,
    `${label ? `${label}. ` : ''}B0 = a bare workflow of ${B0_ACTIVITIES} no-op activities; b0-local = ${B0_ACTIVITIES - 1} local and 1 regular no-op (the saga's shape); saga = a card checkout through the REST api. Closed loop: each client starts its next run when the last one answered.`,
    [
      lineChart('Latency against load', 'concurrent clients', 'latency (ms)', latency),
      lineChart('Throughput against load', 'concurrent clients', 'completed per second', throughput),
    ],
    [
      { caption: 'Runs', head: ['kind', 'load', 'per second', 'p50 ms', 'p99 ms', 'completed', 'failed', 'CPU ms per workflow (closed loop, by part)'], rows },
      { caption: 'Ratios (issue 9)', head: ['ratio', 'value', 'target'], rows: Object.entries(ratios).map(([k, v]) => [k, v.value ?? '—', v.target]) },
    ],
  );
}

function printSummary(seq: Record<string, LoadResult>, loops: Record<string, LoadResult[]>, ratios: ReturnType<typeof computeRatios>): void {
  const lines = ['', 'kind     load          per s    p50 ms    p99 ms  CPU ms/workflow'];
  for (const kind of ['b0', 'b0-local', 'saga', 'early']) {
    const s = seq[kind];
    if (s) lines.push(`${kind.padEnd(8)} ${'sequential'.padEnd(12)} ${String(s.throughput).padStart(6)} ${String(s.latencyMs.p50).padStart(9)} ${String(s.latencyMs.p99).padStart(9)}`);
    for (const r of loops[kind] ?? []) lines.push(`${kind.padEnd(8)} ${`${r.clients} clients`.padEnd(12)} ${String(r.throughput).padStart(6)} ${String(r.latencyMs.p50).padStart(9)} ${String(r.latencyMs.p99).padStart(9)} ${String(r.cpuMsPerWorkflow?.totalMs ?? '—').padStart(16)}`);
  }
  lines.push('', 'ratios:');
  for (const [k, v] of Object.entries(ratios)) lines.push(`  ${k}: ${v.value ?? '—'} (target ${v.target})`);
  console.log(lines.join('\n'));
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: path.join(__dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

main().catch((err: unknown) => {
  say(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
