import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { setTimeout as delay } from 'node:timers/promises';
import type { Config } from '../../lib/config';
import { createKafka, kafkaSettings, topicName, TOPICS } from '../../lib/kafka';
import { createLogger } from '../../lib/logger';
import { payloadDataConverter } from '../../lib/payload-codec';
import { createPrisma } from '../../lib/prisma';
import { closeDomainClients, createDomainClients } from '../../proto/services';
import { createChaosFixtures, seedPoints, type FixtureSizes } from './chaos-fixtures';
import { faultSchedule, injectFaults, killProcess, type FaultCounts, type FaultKind, type FaultRecord } from './faults';
import { checkInvariants, readOrderEvents, waitForSagas, type InvariantResult } from './invariants';
import { runLoad, type JourneyRecord, type RetryCounts } from './load';

/** The running platform a chaos run loads and breaks. */
export interface ChaosTarget {
  /** The platform's config: database, Kafka brokers and topic prefix, Temporal address and namespace, secrets. */
  config: Config;
  /** Base URL of the REST api. */
  api: string;
  /** The current pid of a supervised platform process. */
  pidOf(role: string): number | undefined;
  /** Restarts / takes down a component, resolving once it is back. */
  componentFault(kind: Exclude<FaultKind, 'worker-kill' | 'services-kill'>): Promise<string>;
  /** The X-Checkout-Event-Id of every email received so far (one entry per message). */
  emailEventIds(): Promise<string[]>;
}

export interface ChaosPlan {
  durationMs: number;
  faults: FaultCounts;
  concurrency: number;
  sizes: FixtureSizes;
  /** The share of the run before the first fault (fault-free throughput is also measured there). */
  leadInFraction: number;
  /** How long after the load the sagas may take to end. */
  drainMs: number;
  /** How long the consumers (emails, analytics, points) may take to catch up once every saga ended. */
  settleMs: number;
  /** After a fault has recovered, how long its aftermath still counts as faulted for throughput. */
  faultTailMs: number;
}

export interface ChaosReport {
  runId: string;
  startedAt: number;
  loadEndedAt: number;
  faults: FaultRecord[];
  journeys: JourneyRecord[];
  retries: RetryCounts;
  throughput: {
    faultedPerMin: number;
    faultFreePerMin: number;
    faultedSeconds: number;
    faultFreeSeconds: number;
    /** faulted / fault-free windows. */
    ratio: number;
    /** Before the first fault: the clean baseline. */
    leadInPerMin: number;
    leadInSeconds: number;
    /** The whole load period, faults included. */
    overallPerMin: number;
    /** whole run / before the first fault: what the faults cost overall. */
    overallRatio: number;
  };
  invariants: InvariantResult[];
  /** Orders whose undo waits for an operator (COMPENSATION_STUCK): reported, not silent. */
  stuck: string[];
  ok: boolean;
}

/** Runs the load, injects the faults, waits for every saga to end and checks every invariant. */
export async function runChaos(target: ChaosTarget, plan: ChaosPlan, log: (line: string) => void): Promise<ChaosReport> {
  const { config } = target;
  const runId = new Date().toISOString().replace(/[-:T]/g, '').slice(2, 14) + Math.random().toString(36).slice(2, 5);
  const clients = createDomainClients(config.GRPC_SERVICES_ADDRESS);
  const prisma = createPrisma(config.DATABASE_URL);
  try {
    log(`run ${runId}: creating its SKUs (CHAOS-${runId}-…), delivery zone and slots`);
    const fixtures = await createChaosFixtures(clients, prisma, runId, plan.sizes);
    await prisma.$disconnect();

    const startedAt = Date.now();
    const loadEndsAt = startedAt + plan.durationMs;
    const giveUpAt = loadEndsAt + plan.drainMs;
    const retries: RetryCounts = {};
    log(`load: ${plan.concurrency} concurrent customers for ${Math.round(plan.durationMs / 1000)}s`);
    const load = runLoad(
      {
        api: target.api,
        jwtSecret: config.JWT_SECRET,
        webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
        runId,
        fixtures,
        concurrency: plan.concurrency,
        stopStartingAt: loadEndsAt,
        giveUpAt,
        seedPoints: (customerId, points) => seedPoints(clients, customerId, points, giveUpAt),
      },
      retries,
    );
    const inject = (kind: FaultKind): Promise<string> =>
      kind === 'worker-kill' ? killProcess('temporal-worker', target.pidOf) : kind === 'services-kill' ? killProcess('services', target.pidOf) : target.componentFault(kind);
    const faults = await injectFaults(faultSchedule(plan.faults), inject, startedAt + plan.leadInFraction * plan.durationMs, startedAt + 0.85 * plan.durationMs, log);
    const journeys = await load;
    const loadEndedAt = Math.max(loadEndsAt, ...journeys.map((j) => j.finishedAt ?? 0));
    log(`load ended: ${journeys.length} checkouts`);

    const orderIds = journeys.flatMap((j) => (j.orderId ? [j.orderId] : []));
    const temporal = await connectTemporal(config, giveUpAt + 60_000);
    const sagas = await waitForSagas(temporal, orderIds, Date.now() + plan.drainMs, log).finally(() => temporal.connection.close());
    log('reading the orders topic back from Kafka');
    const settings = kafkaSettings(config, 'chaos-reader');
    const events = await readOrderEvents(createKafka(settings, createLogger('chaos-reader', 'error')), topicName(settings, TOPICS.orders), new Set(orderIds));
    log(`checking the invariants (${events.length} events of this run's orders)`);
    const db = new PgClient({ connectionString: config.DATABASE_URL });
    await db.connect();
    const invariants = await checkInvariants(
      {
        db,
        runId,
        orderIds,
        gaveUp: journeys.filter((j) => j.outcome?.startsWith('GAVE_UP')).map((j) => `${j.kind} ${j.orderId ?? '(no order id)'}: ${j.outcome}`),
        sagas,
        events,
        emailEventIds: target.emailEventIds,
      },
      plan.settleMs,
    ).finally(() => db.end());
    const stuck = [...sagas.states].filter(([, s]) => s === 'COMPENSATION_STUCK').map(([id]) => id);
    return {
      runId,
      startedAt,
      loadEndedAt,
      faults,
      journeys,
      retries,
      throughput: throughput(journeys, faults, startedAt, loadEndsAt, plan.faultTailMs),
      invariants,
      stuck,
      ok: invariants.every((i) => i.violations === 0) && faults.every((f) => !f.detail.startsWith('FAILED')),
    };
  } finally {
    closeDomainClients(clients);
    await prisma.$disconnect();
  }
}

/** A Temporal client once the server answers (it may just have been restarted). */
async function connectTemporal(config: Config, deadline: number): Promise<Client> {
  for (;;) {
    try {
      const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, connectTimeout: 5_000 });
      return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(config.PAYLOAD_KEYRING) });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await delay(1_000);
    }
  }
}

/**
 * Checkouts finished per minute while a fault was in effect (from its injection to its recovery plus
 * `tailMs`) and outside those windows, over the load period.
 */
export function throughput(journeys: readonly JourneyRecord[], faults: readonly FaultRecord[], from: number, to: number, tailMs: number): ChaosReport['throughput'] {
  const windows = faults
    .map((f) => [Math.max(from, f.startedAt), Math.min(to, f.recoveredAt + tailMs)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([...w]);
  }
  const faultedMs = merged.reduce((sum, [a, b]) => sum + (b - a), 0);
  const freeMs = to - from - faultedMs;
  const finished = journeys.filter((j) => j.finishedAt !== undefined && j.finishedAt <= to && !j.outcome?.startsWith('GAVE_UP'));
  const inFault = finished.filter((j) => merged.some(([a, b]) => j.finishedAt! >= a && j.finishedAt! < b)).length;
  const perMin = (n: number, ms: number) => (ms > 0 ? (n * 60_000) / ms : 0);
  const faultedPerMin = perMin(inFault, faultedMs);
  const faultFreePerMin = perMin(finished.length - inFault, freeMs);
  const firstFault = Math.min(to, ...faults.map((f) => f.startedAt));
  const leadInPerMin = perMin(finished.filter((j) => j.finishedAt! < firstFault).length, firstFault - from);
  const overallPerMin = perMin(finished.length, to - from);
  return {
    faultedPerMin,
    faultFreePerMin,
    faultedSeconds: faultedMs / 1000,
    faultFreeSeconds: freeMs / 1000,
    ratio: faultFreePerMin > 0 ? faultedPerMin / faultFreePerMin : 0,
    leadInPerMin,
    leadInSeconds: (firstFault - from) / 1000,
    overallPerMin,
    overallRatio: leadInPerMin > 0 ? overallPerMin / leadInPerMin : 0,
  };
}
