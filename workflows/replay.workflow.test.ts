import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { config } from '../lib/config';
import { payloadDataConverter } from '../lib/payload-codec';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Replays histories recorded from earlier versions of the workflows (test/replay/histories, written
 * by `npm run replay:record`): a change that would break running workflows fails here with a
 * determinism error, before it is deployed.
 */
const DIR = path.resolve(__dirname, '..', 'test', 'replay', 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

interface RecordedHistory {
  events: { markerRecordedEventAttributes?: { markerName?: string; details?: Record<string, { payloads?: { data?: string }[] }> } }[];
}

/** The patch ids whose `patched()` markers a recorded history holds (the SDK's `core_patch` markers). */
function patchesTaken(history: RecordedHistory): string[] {
  return history.events.flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    return (marker.details?.['patch-data']?.payloads ?? []).map((p) => (JSON.parse(Buffer.from(p.data ?? '', 'base64').toString('utf8')) as { id: string }).id);
  });
}

/**
 * Every patch id the workflow code passes to `patched()` / `deprecatePatch()` (or checkout's `takes()`), as a string literal or
 * through a constant of the same file: a new code path behind a patch must come with a recorded
 * history that takes it, or nothing checks that the path replays.
 */
function patchesInCode(): string[] {
  const ids: string[] = [];
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = readFileSync(path.join(__dirname, file), 'utf8');
    // checkout.workflow.ts asks its older patches through `takes(id)` (see CHECKOUT_BASELINE_PATCH).
    for (const [, arg = ''] of source.matchAll(/\b(?:patched|deprecatePatch|takes)\(\s*([^)]+?)\s*\)/g)) {
      if (arg === 'patch' && source.includes('const takes = (patch: string) => baseline || patched(patch);')) continue;
      const literal = /^['"`]([^'"`]+)['"`]$/.exec(arg);
      const constant = literal ? undefined : new RegExp(`\\b${arg}\\s*=\\s*['"\`]([^'"\`]+)['"\`]`).exec(source);
      const id = literal?.[1] ?? constant?.[1];
      if (!id) throw new Error(`${file}: cannot read the patch id of patched(${arg})`);
      ids.push(id);
    }
  }
  return [...new Set(ids)].sort();
}

describe('replay of recorded histories', () => {
  it('has recorded histories of every outcome', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(
      [
        'checkout-baseline-b-card',
        'checkout-baseline-b-early-answer',
        'checkout-baseline-b-fulfilment-from-activity',
        'checkout-baseline-b-lost-task-cancelled',
        'checkout-baseline-b-lost-task-customer-cancel',
        'checkout-baseline-b-slip',
        'checkout-baseline-b-started-listed',
        'checkout-baseline-card',
        'checkout-baseline-early-answer',
        'checkout-baseline-lost-task-cancelled',
        'checkout-baseline-lost-task-customer-cancel',
        'checkout-baseline-slip',
        'checkout-cancel-rejected-while-undoing',
        'checkout-cancelled',
        'checkout-cancelled-while-booking',
        'checkout-card-cancelled-by-operator',
        'checkout-card-completed',
        'checkout-card-completed-encrypted',
        'checkout-compensation-stuck-resolved',
        'checkout-compensation-stuck-retried',
        'checkout-coupon-completed',
        'checkout-coupon-restored-after-decline',
        'checkout-early-answer-card',
        'checkout-failed',
        'checkout-fewer-status-upserts-card',
        'checkout-local-steps-card',
        'checkout-local-steps-early-answer',
        'checkout-local-steps-lost-task-cancelled',
        'checkout-local-steps-lost-task-customer-cancel',
        'checkout-local-steps-slip',
        'checkout-points-completed',
        'checkout-publish-and-fulfil-together',
        'checkout-slip-cancelled-by-operator',
        'checkout-slip-completed',
        'checkout-slip-early-confirmation',
        'checkout-slip-paid-and-cancelled',
        'checkout-starts-fulfilment',
        'fulfilment-continued-as-new',
        'fulfilment-delivered',
        'fulfilment-local-shipment-delivered',
        'fulfilment-redelivered-returned',
        'fulfilment-refunded-before-dispatch',
        'fulfilment-returned-unclaimed',
        'fulfilment-stall-after-redelivery-slot',
        'fulfilment-stalled-delivered',
        'fulfilment-baseline-b-delivered',
        'fulfilment-started-listed',
        'fulfilment-shipment-given',
        'ping-completed',
        'pos-sale-card-completed',
        'pos-sale-card-declined',
        'pos-refund-card-refunded',
        'pos-refund-provider-refused',
        'refund-completed',
        'refund-points-completed',
        'refund-revoke-points-completed',
        'refund-stops-fulfilment',
        'return-refunded',
      ].sort(),
    );
  });

  it('has, for every patch in the workflow code, a recorded history that took the patched path', () => {
    const taken = new Set(files.flatMap((f) => patchesTaken(JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as RecordedHistory)));
    expect(patchesInCode().filter((id) => !taken.has(id))).toEqual([]);
  });

  it('asks, in every checkout started on the baseline patch, no patch after its first local step (a replay could answer it differently)', () => {
    const baselined = files
      .map((f) => ({ f, events: (JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as RecordedHistory).events }))
      .filter(({ events }) => patchesTaken({ events }).some((id) => id.startsWith('checkout-baseline-')));
    expect(baselined.length).toBeGreaterThan(0);
    for (const { f, events } of baselined) {
      const names = events.map((e) => e.markerRecordedEventAttributes?.markerName);
      const firstStep = names.indexOf('core_local_activity');
      expect({ f, lastPatch: names.lastIndexOf('core_patch') < (firstStep < 0 ? Infinity : firstStep) }).toEqual({ f, lastPatch: true });
    }
  });

  it('replays every one with the current workflow code', async () => {
    const histories = files.map((f) => ({ workflowId: f, history: historyFromJSON(JSON.parse(readFileSync(path.join(DIR, f), 'utf8'))) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('./index'), replayName: 'recorded-histories', dataConverter: payloadDataConverter(config().PAYLOAD_KEYRING) }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
