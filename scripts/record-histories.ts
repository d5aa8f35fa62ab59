import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../lib/config';

/**
 * `npm run replay:record -- [namespace]`: saves one recent history per workflow outcome (from a
 * running Temporal server, e.g. after `npm test` or a session of `npm start`) into
 * test/replay/histories/, where the replay test checks that today's workflow code still replays
 * them. Re-record only together with a deliberate, versioned workflow change.
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
  const namespace = process.argv[2] ?? cfg.TEMPORAL_NAMESPACE;
  const dir = path.resolve(__dirname, '..', 'test', 'replay', 'histories');
  mkdirSync(dir, { recursive: true });
  const connection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace });
  try {
    for (const [name, query] of Object.entries(OUTCOMES)) {
      let found = false;
      for await (const wf of client.workflow.list({ query, pageSize: 1 })) {
        const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
        writeFileSync(path.join(dir, `${name}.json`), `${historyToJSON(history)}\n`);
        console.log(`${name}: ${wf.workflowId}`);
        found = true;
        break;
      }
      if (!found) console.log(`${name}: none found in ${namespace} (not recorded)`);
    }
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
