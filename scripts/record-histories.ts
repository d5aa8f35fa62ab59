import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';

/**
 * `npm run replay:record`: saves one recent history per workflow outcome (from the running Temporal
 * server of `npm start`) into test/replay/histories/, where the replay test checks that today's
 * workflow code still replays them. `npm run replay:record -- <name>=<workflowId> …` saves the named
 * workflows instead (e.g. a new code path behind a `patched()` marker). Recorded files are never
 * re-recorded: they are the versions that must keep replaying.
 */
const OUTCOMES: Record<string, string> = {
  'checkout-card-completed': `WorkflowType = "checkoutWorkflow" AND OrderStatus = "COMPLETED" AND PaymentMethod = "card"`,
  'checkout-slip-completed': `WorkflowType = "checkoutWorkflow" AND OrderStatus = "COMPLETED" AND PaymentMethod = "konbini"`,
  'checkout-failed': `WorkflowType = "checkoutWorkflow" AND OrderStatus = "FAILED"`,
  'checkout-cancelled': `WorkflowType = "checkoutWorkflow" AND OrderStatus = "CANCELLED"`,
  'refund-completed': `WorkflowType = "refundOrderWorkflow" AND ExecutionStatus = "Completed"`,
  'ping-completed': `WorkflowType = "pingWorkflow" AND ExecutionStatus = "Completed"`,
};

async function main(): Promise<void> {
  const cfg = config();
  const chosen = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=', 2) as [string, string]));
  const dir = path.resolve(__dirname, '..', 'test', 'replay', 'histories');
  mkdirSync(dir, { recursive: true });
  const connection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(cfg.PAYLOAD_KEYRING) });
  const save = async (name: string, workflowId: string, runId?: string) => {
    const file = path.join(dir, `${name}.json`);
    if (existsSync(file)) return console.log(`${name}: already recorded, kept`);
    writeFileSync(file, `${historyToJSON(await client.workflow.getHandle(workflowId, runId).fetchHistory())}\n`);
    console.log(`${name}: ${workflowId}`);
  };
  try {
    if (Object.keys(chosen).length > 0) {
      for (const [name, workflowId] of Object.entries(chosen)) await save(name, workflowId);
      return;
    }
    for (const [name, query] of Object.entries(OUTCOMES)) {
      let found = false;
      for await (const wf of client.workflow.list({ query, pageSize: 1 })) {
        await save(name, wf.workflowId, wf.runId);
        found = true;
        break;
      }
      if (!found) console.log(`${name}: none found in ${cfg.TEMPORAL_NAMESPACE} (not recorded)`);
    }
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
