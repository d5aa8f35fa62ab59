import * as grpc from '@grpc/grpc-js';
import { createMetrics } from '../lib/metrics';
import type { InventoryServiceClient, OrdersServiceClient } from '../proto/services';
import { createInventoryActivities } from './inventory.activities';
import { createOrdersActivities } from './orders.activities';

/** A unary method of a fake client: answers `response`, or fails like a service answering a DomainError code. */
function unary(name: string, outcome: { response: unknown } | { domainError: string } | { error: Error }) {
  const method = (_request: unknown, _options: unknown, callback: (err: unknown, response?: unknown) => void) => {
    if ('response' in outcome) return callback(null, outcome.response);
    if ('error' in outcome) return callback(Object.assign(outcome.error, { code: grpc.status.UNAVAILABLE, details: outcome.error.message, metadata: new grpc.Metadata() }));
    const metadata = new grpc.Metadata();
    metadata.set('error-code', outcome.domainError);
    return callback(Object.assign(new Error(outcome.domainError), { code: grpc.status.FAILED_PRECONDITION, details: outcome.domainError, metadata }));
  };
  Object.defineProperty(method, 'name', { value: name });
  return method;
}

/** The business counters the worker's activities keep, read back from the process's registry. */
describe('business metrics counted by activities', () => {
  const metrics = createMetrics('temporal-worker');
  const value = async (name: string, labels: Record<string, string> = {}) => {
    const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
    const sample = (metric?.values ?? []).find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
    return sample?.value ?? 0;
  };
  const order = { orderId: 'o-1' };
  const ref = { reservationId: 'o-1', idempotencyKey: 'k' };

  it('a reserve that runs counts a checkout started; an OUT_OF_STOCK rejection counts it failed by that code', async () => {
    const ok = createInventoryActivities({ inventory: { reserve: unary('reserve', { response: {} }) } as unknown as InventoryServiceClient });
    await ok.reserveStock({ ...ref, orderId: 'o-1', lines: [], ttlSeconds: 60 });
    expect(await value('checkouts_started_total')).toBe(1);

    const rejected = createInventoryActivities({ inventory: { reserve: unary('reserve', { domainError: 'OUT_OF_STOCK' }) } as unknown as InventoryServiceClient });
    await expect(rejected.reserveStock({ ...ref, orderId: 'o-2', lines: [], ttlSeconds: 60 })).rejects.toMatchObject({ type: 'OUT_OF_STOCK', nonRetryable: true });
    expect(await value('checkouts_failed_total', { reason: 'OUT_OF_STOCK' })).toBe(1);
    expect(await value('checkouts_started_total')).toBe(2);
  });

  it('confirming an order counts a checkout completed; failOrder counts it failed by reason, CANCELLED for a cancel', async () => {
    const orders = createOrdersActivities({ orders: { transitionOrder: unary('transitionOrder', { response: order }) } as unknown as OrdersServiceClient });
    await orders.transitionOrder({ orderId: 'o-1', toStatus: 'PAID', idempotencyKey: 'k1' });
    expect(await value('checkouts_completed_total')).toBe(0);
    await orders.transitionOrder({ orderId: 'o-1', toStatus: 'CONFIRMED', idempotencyKey: 'k2' });
    expect(await value('checkouts_completed_total')).toBe(1);

    await orders.failOrder({ orderId: 'o-3', toStatus: 'FAILED', reason: 'CARD_DECLINED', idempotencyKey: 'k3' });
    await orders.failOrder({ orderId: 'o-4', toStatus: 'CANCELLED', reason: 'customer changed their mind', idempotencyKey: 'k4' });
    expect(await value('checkouts_failed_total', { reason: 'CARD_DECLINED' })).toBe(1);
    expect(await value('checkouts_failed_total', { reason: 'CANCELLED' })).toBe(1);
    expect(await value('saga_undo_attempts_total', { step: 'transitionOrder', outcome: 'ok' })).toBe(2);
  });

  it('each undo attempt is counted with its outcome; an undo that finds nothing to undo is ok', async () => {
    const failing = createInventoryActivities({ inventory: { release: unary('release', { error: new Error('connection refused') }) } as unknown as InventoryServiceClient });
    await expect(failing.releaseStock(ref)).rejects.toBeDefined();
    await expect(failing.releaseStock(ref)).rejects.toBeDefined();
    const nothing = createInventoryActivities({ inventory: { release: unary('release', { domainError: 'NOT_FOUND' }) } as unknown as InventoryServiceClient });
    await nothing.releaseStock(ref);
    expect(await value('saga_undo_attempts_total', { step: 'release', outcome: 'error' })).toBe(2);
    expect(await value('saga_undo_attempts_total', { step: 'release', outcome: 'ok' })).toBe(1);
  });
});
