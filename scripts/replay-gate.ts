import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';
import { describeTemporalConnection, temporalConnectionOptions } from '../lib/temporal-connection';

/**
 * `npm run deploy:replay-gate -- [--limit N] [--query '<visibility query>']`: the pre-deploy gate's
 * second half (README, Deploying to Kubernetes > Safe rollouts). Fetches the histories of the most
 * recent workflows of the cluster at TEMPORAL_ADDRESS (running ones first: they are the ones the new
 * code would meet), with the platform's connection options and payload keys, and replays them
 * against the workflow code of this checkout. Exits 1 on any non-determinism, so a release whose
 * workflow change breaks sagas in flight stops before it reaches the cluster. The first half,
 * `npm run deploy:replay-recorded`, replays the histories recorded in test/replay/histories.
 */
function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<number> {
  const cfg = config();
  const limit = Number(option('limit', '200'));
  const query = option('query', 'ExecutionStatus = "Running"');
  const options = temporalConnectionOptions(cfg);
  console.log(`replay gate: ${JSON.stringify(describeTemporalConnection(options))}, namespace ${cfg.TEMPORAL_NAMESPACE}, query ${query}, at most ${limit}`);
  const connection = await Connection.connect(options);
  try {
    // Fetches raw histories only, so no data converter here: the replay below decodes them with the payload keys.
    const client = new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE });
    const histories = client.workflow.list({ query }).intoHistories({ bufferLimit: 10 });
    const failures: string[] = [];
    let replayed = 0;
    const limited = (async function* () {
      for await (const h of histories) {
        if (replayed >= limit) return;
        replayed++;
        yield h;
      }
    })();
    const replayOptions = { workflowsPath: require.resolve('../workflows'), replayName: 'replay-gate', dataConverter: payloadDataConverter(cfg.PAYLOAD_KEYRING) };
    for await (const result of Worker.runReplayHistories(replayOptions, limited)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    console.log(`replay gate: ${replayed} histories replayed, ${failures.length} failed`);
    for (const f of failures) console.error(`  ${f}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`replay gate failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
