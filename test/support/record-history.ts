import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const HISTORIES_DIR = path.resolve(__dirname, '..', 'replay', 'histories');

/**
 * Saves a time-skipping test's workflow history as test/replay/histories/<name>.json, where the
 * replay test keeps replaying it against every later version of the workflow code. It writes only
 * when asked (`RECORD_HISTORIES=1 npx jest <file> --selectProjects workflow`) and only a file that
 * does not exist yet: a recorded history is the old version that must keep replaying, and a test run
 * that quietly wrote a missing one would prove nothing about the code that ran before.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  if (existsSync(file)) return;
  writeFileSync(file, `${historyToJSON(await handle.fetchHistory())}\n`);
}
