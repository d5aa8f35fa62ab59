import type { Client } from '@temporalio/client';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  cancelCheckoutUpdate,
  CHECKOUT_WORKFLOW_TYPE,
  checkoutStatusQuery,
  checkoutWorkflowId,
  SEARCH_ATTRIBUTES,
  type CheckoutInput,
} from '../workflows/checkout.contract';
import { startChildWorker } from './child-worker';
import { BENCH_POSTAL_CODE } from './fixtures';

/** What the memory worker answers on GET /heap, after collecting all garbage. */
export interface HeapReading {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  cachedWorkflows: number;
}

/**
 * One kind's figure: the V8 heap (after a full GC) per workflow held in the worker's cache, as the
 * slope over the second half parked (what one more cached workflow costs), and as the average from an
 * empty cache, which also carries what the first workflows cost once (code, shared structures: about
 * 2-4 MB, so 20 parked read twice the slope).
 */
export interface MemoryFigure {
  workflows: number;
  cachedBefore: number;
  cachedAfter: number;
  heapBeforeMb: number;
  heapHalfMb: number;
  heapAfterMb: number;
  kbPerWorkflow: number;
  kbPerWorkflowFromEmpty: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * From the readings before, after the first half and after all `workflows` were parked: the heap per
 * workflow the cache gained (never per workflow started: one evicted would count as free memory).
 */
export function memoryFigure(workflows: number, before: HeapReading, half: HeapReading, after: HeapReading): MemoryFigure {
  const gained = after.cachedWorkflows - before.cachedWorkflows;
  const gainedSecondHalf = after.cachedWorkflows - half.cachedWorkflows;
  if (gained < workflows || gainedSecondHalf < 1) throw new Error(`the memory worker's cache gained ${gained} workflows, not the ${workflows} parked: the figure would be wrong`);
  return {
    workflows,
    cachedBefore: before.cachedWorkflows,
    cachedAfter: after.cachedWorkflows,
    heapBeforeMb: round2(before.heapUsed / 2 ** 20),
    heapHalfMb: round2(half.heapUsed / 2 ** 20),
    heapAfterMb: round2(after.heapUsed / 2 ** 20),
    kbPerWorkflow: round2((after.heapUsed - half.heapUsed) / gainedSecondHalf / 1024),
    kbPerWorkflowFromEmpty: round2((after.heapUsed - before.heapUsed) / gained / 1024),
  };
}

/** The memory worker (bench/memory-worker.ts) in a child process started with --expose-gc. */
export async function startMemoryWorker(
  kind: 'b0' | 'saga',
  temporal: string,
  namespace: string,
  taskQueue: string,
): Promise<{ child: ChildProcess; heap: () => Promise<HeapReading> }> {
  const { child, ready } = await startChildWorker<{ heapPort: number }>(
    'memory-worker.ts',
    ['--kind', kind, '--address', temporal, '--namespace', namespace, '--task-queue', taskQueue],
    ['--expose-gc'],
  );
  const heap = async (): Promise<HeapReading> => {
    const res = await fetch(`http://127.0.0.1:${ready.heapPort}/heap`);
    if (!res.ok) throw new Error(`the memory worker's /heap answered ${res.status}`);
    return (await res.json()) as HeapReading;
  };
  return { child, heap };
}

/**
 * Starts `n` konbini checkouts on the memory worker's task queue (the platform's workflow and
 * activities against the real services, started as the api starts them) and resolves with their
 * order ids once each awaits its slip's payment: a checkout parked in the cache, as a shop has many.
 */
export async function parkKonbiniCheckouts(temporal: Client, taskQueue: string, n: number, skus: string[], slotIds: string[]): Promise<string[]> {
  const orderIds: string[] = [];
  for (let i = 0; i < n; i += 16) {
    const chunk = Array.from({ length: Math.min(16, n - i) }, (_, j) => {
      const orderId = randomUUID();
      const customerId = `bench-memory-${randomUUID()}`;
      const input: CheckoutInput = {
        orderId,
        customerId,
        customerEmail: `${customerId}@example.com`,
        lines: [{ sku: skus[(i + j) % skus.length]!, quantity: 1 }],
        address: { name: 'Bench Customer', postalCode: BENCH_POSTAL_CODE, prefecture: 'Tokyo', city: 'Bench', line1: '1-1' },
        payment: { type: 'konbini' },
        deliverySlotId: slotIds[(i + j) % slotIds.length]!,
      };
      return temporal.workflow
        .start(CHECKOUT_WORKFLOW_TYPE, {
          workflowId: checkoutWorkflowId(orderId),
          taskQueue,
          args: [input],
          typedSearchAttributes: [
            { key: SEARCH_ATTRIBUTES.OrderId, value: orderId },
            { key: SEARCH_ATTRIBUTES.CustomerId, value: customerId },
            { key: SEARCH_ATTRIBUTES.PaymentMethod, value: 'konbini' },
            { key: SEARCH_ATTRIBUTES.OrderStatus, value: 'RESERVING_STOCK' },
          ],
        })
        .then(() => orderId);
    });
    orderIds.push(...(await Promise.all(chunk)));
  }
  const deadline = Date.now() + 120_000;
  const pending = new Set(orderIds);
  while (pending.size > 0) {
    await Promise.all(
      [...pending].map(async (orderId) => {
        const status = await temporal.workflow.getHandle(checkoutWorkflowId(orderId)).query(checkoutStatusQuery).catch(() => undefined);
        if (status?.state === 'AWAITING_PAYMENT') pending.delete(orderId);
        else if (status && ['FAILED', 'CANCELLED', 'COMPLETED'].includes(status.state)) throw new Error(`konbini checkout ${orderId} ended ${status.state} before awaiting payment`);
      }),
    );
    if (pending.size === 0) break;
    if (Date.now() > deadline) throw new Error(`${pending.size} konbini checkouts were not awaiting payment after 120 s`);
    await delay(200);
  }
  return orderIds;
}

/** Cancels parked checkouts (each undoes its steps on the memory worker: stock released, slip voided). */
export async function cancelCheckouts(temporal: Client, orderIds: string[]): Promise<void> {
  for (let i = 0; i < orderIds.length; i += 16) {
    await Promise.all(
      orderIds.slice(i, i + 16).map(async (orderId) => {
        const after = await temporal.workflow.getHandle(checkoutWorkflowId(orderId)).executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'bench done' }] });
        if (after.state !== 'CANCELLED') throw new Error(`cancel of ${orderId} left it ${after.state}`);
      }),
    );
  }
}
