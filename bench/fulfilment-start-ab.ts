import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';
import { FULFILMENT_WORKFLOW_TYPE, fulfilmentSearchAttributes, fulfilmentWorkflowId, type FulfilmentInput } from '../workflows/fulfilment.contract';

/**
 * What starting one fulfilment costs, A/B on the real Temporal server (never part of `npm test`): the
 * fulfilment every completed checkout starts, from an older checkout's workflow code (`--old DIR`, with
 * node_modules) and this one, each on a worker of its own in this process with stub activities and the
 * platform's encrypting data converter. Rounds alternate the variants; each round starts `--batch`
 * fulfilments at once and waits until each has created its shipment and gone quiet (parked on its stall
 * timer), then reads the CPU the Temporal server (utime+stime of its process) and this process (both
 * workers, the client) spent on that batch. The fulfilments are terminated at the end.
 *
 *   npx tsx bench/fulfilment-start-ab.ts --old /tmp/checkout-old --batch 50 --rounds 6
 *
 * `--shipment-given` starts both listed (as the checkout's activity does) and gives this code's fulfilment
 * its shipment (FulfilmentInput.shipment, created by that activity since session 13): old code creating
 * it in its first task against this code given it.
 *
 * `--eager` compares two ways of starting this code's fulfilment, both listed and given its shipment, with
 * the worker's own client (on its NativeConnection, as the checkout's activity starts it): a plain start,
 * whose first workflow task the server hands to a poller through matching, against `requestEagerStart`,
 * whose first task comes back in the start's own answer to the worker beside the client.
 *
 * `--parents` compares instead how this code's fulfilment is started: by a parent workflow with
 * `startChild`, as the checkout does, or by a client beside a parent that does nothing else (as an
 * activity or a consumer of `order.completed` would): CPU per parent and fulfilment.
 */
const HZ = 100;

function serverPid(): number {
  const out = execFileSync('pgrep', ['-f', 'temporal server start-dev'], { encoding: 'utf8' }).trim().split('\n')[0];
  if (!out) throw new Error('no Temporal dev server process found');
  return Number(out);
}

/** CPU ms of a process so far (/proc/<pid>/stat utime+stime). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / HZ;
}

const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { old: { type: 'string' }, batch: { type: 'string', default: '50' }, rounds: { type: 'string', default: '6' }, settle: { type: 'string', default: '3000' }, parents: { type: 'boolean', default: false }, eager: { type: 'boolean', default: false }, 'shipment-given': { type: 'boolean', default: false } } });
  if (!values.old && !values.parents && !values.eager) throw new Error('usage: fulfilment-start-ab.ts --old DIR | --parents | --eager [--batch 50] [--rounds 6]');
  const batch = Number(values.batch);
  const rounds = Number(values.rounds);
  const settleMs = Number(values.settle);
  const cfg = config();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataConverter = payloadDataConverter(cfg.PAYLOAD_KEYRING);
  const nativeConnection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const connection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE, dataConverter });
  const logger = new DefaultLogger('WARN');
  const server = serverPid();
  const run = randomUUID().slice(0, 8);
  // --parents: this code's fulfilment behind a parent that ends at once (`client`: the bench's client starts
  // the fulfilment beside it) or starts it as the checkout does (`child`: startChild, abandoned).
  const parentsPath = require.resolve('./fulfilment-parent.workflow');
  const variants: { name: string; workflowsPath: string; parent?: 'client' | 'child'; eager?: boolean }[] = values.eager
    ? [
        { name: 'plain', workflowsPath: require.resolve('../workflows'), eager: false },
        { name: 'eager', workflowsPath: require.resolve('../workflows'), eager: true },
      ]
    : values.parents
    ? [
        { name: 'client', workflowsPath: parentsPath, parent: 'client' },
        { name: 'child', workflowsPath: parentsPath, parent: 'child' },
      ]
    : [
        { name: 'old', workflowsPath: path.resolve(values.old!, 'workflows', 'index.ts') },
        { name: 'now', workflowsPath: require.resolve('../workflows') },
      ];
  const workers = await Promise.all(
    variants.map(async (v) => {
      const shipments = { count: 0 };
      const taskQueue = `bench-fulfilment-ab-${run}-${v.name}`;
      const worker = await Worker.create({
        connection: nativeConnection,
        namespace: cfg.TEMPORAL_NAMESPACE,
        taskQueue,
        workflowBundle: await bundleWorkflowCode({ workflowsPath: v.workflowsPath, logger }),
        dataConverter,
        activities: {
          createShipment: async (i: { shipmentId: string; orderId: string; postalCode: string }) => {
            shipments.count += 1;
            return { ...i, trackingNumber: '412345678901', status: 'LABEL_CREATED', events: [] };
          },
          publishEvent: async () => undefined,
        },
      });
      return { ...v, taskQueue, worker, shipments, running: worker.run(), serverMs: [] as number[], selfMs: [] as number[] };
    }),
  );
  const ids: string[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < workers.length; j++) {
      const w = workers[(r + j) % workers.length]!;
      const target = w.shipments.count + batch;
      const s0 = processCpuMs(server);
      const c0 = selfCpuMs();
      await Promise.all(
        Array.from({ length: batch }, () => {
          const orderId = `bench-fab-${run}-${ids.length}`;
          ids.push(orderId);
          const input: FulfilmentInput = { orderId, customerId: 'bench', customerEmail: 'bench@example.com', postalCode: '999-9999' };
          // --shipment-given: started as the checkout's activity starts it, listed, and this code given its shipment.
          const given = (values['shipment-given'] && w.name === 'now') || w.eager !== undefined;
          const args = [given ? { ...input, shipment: { trackingNumber: '412345678901' } } : input];
          const listed = values['shipment-given'] || w.eager !== undefined ? { typedSearchAttributes: fulfilmentSearchAttributes(input) } : {};
          if (given) w.shipments.count += 1;
          // --eager: the worker's own client (its NativeConnection), as the checkout's activity has.
          const starter = w.eager === undefined ? client : w.worker.client;
          if (!starter) throw new Error("--eager needs the worker's own client (Worker.client)");
          const fulfilment = () => starter.workflow.start(FULFILMENT_WORKFLOW_TYPE, { workflowId: fulfilmentWorkflowId(orderId), taskQueue: w.taskQueue, args, ...listed, ...(w.eager ? { requestEagerStart: true } : {}) });
          if (!w.parent) return fulfilment();
          const parent = client.workflow.execute('fulfilmentParentWorkflow', { workflowId: `bench-fab-parent-${orderId}`, taskQueue: w.taskQueue, args: [input, w.parent === 'child'] });
          return w.parent === 'child' ? parent : Promise.all([parent, fulfilment()]);
        }),
      );
      while (w.shipments.count < target) await sleep(20);
      // The tasks after the shipment (the old code's second workflow task) and the server's visibility writes.
      await sleep(settleMs);
      w.serverMs.push((processCpuMs(server) - s0) / batch);
      w.selfMs.push((selfCpuMs() - c0) / batch);
      process.stderr.write(`[fulfilment-ab] round ${r + 1} ${w.name}: server ${w.serverMs.at(-1)!.toFixed(1)} ms, worker+client ${w.selfMs.at(-1)!.toFixed(1)} ms per fulfilment\n`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const results = Object.fromEntries(workers.map((w) => [w.name, { serverMsMedian: Math.round(median(w.serverMs) * 10) / 10, workerMsMedian: Math.round(median(w.selfMs) * 10) / 10, serverMs: w.serverMs.map((x) => Math.round(x * 10) / 10), workerMs: w.selfMs.map((x) => Math.round(x * 10) / 10) }]));
  console.log(JSON.stringify({ run, batch, rounds, settleMs, results }, null, 2));
  for (const id of ids) await client.workflow.getHandle(fulfilmentWorkflowId(id)).terminate('bench done').catch(() => undefined);
  for (const w of workers) w.worker.shutdown();
  await Promise.all(workers.map((w) => w.running));
  await nativeConnection.close();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
