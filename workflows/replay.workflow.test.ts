import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Replays histories recorded from earlier versions of the workflows (test/replay/histories, written
 * by `npm run replay:record`): a change that would break running workflows fails here with a
 * determinism error, before it is deployed.
 */
const DIR = path.resolve(__dirname, '..', 'test', 'replay', 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('replay of recorded histories', () => {
  it('has recorded histories of every outcome', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(
      ['checkout-cancelled', 'checkout-card-completed', 'checkout-failed', 'checkout-points-completed', 'checkout-slip-completed', 'ping-completed', 'refund-completed', 'refund-points-completed', 'refund-revoke-points-completed'].sort(),
    );
  });

  it('replays every one with the current workflow code', async () => {
    const histories = files.map((f) => ({ workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(path.join(DIR, f), 'utf8'))) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('./index'), replayName: 'recorded-histories' }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
