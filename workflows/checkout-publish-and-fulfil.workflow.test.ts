import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import { Context } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import { createEventActivities, startFulfilment, type StartFulfilmentAndPublishInput } from '../activities/events.activities';
import type { EventPublisher } from '../lib/kafka';
import type { DeliveryServiceClient } from '../proto/services';
import { checkoutInput, stubs } from '../test/support/checkout-stubs';
import { recordHistory } from '../test/support/record-history';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { CHECKOUT_WORKFLOW_TYPE, checkoutWorkflowId, type CheckoutInput, type CheckoutResult } from './checkout.contract';
import { fulfilmentStatusQuery, fulfilmentWorkflowId, recordTrackingUpdate, type FulfilmentInput } from './fulfilment.contract';

type HistoryEvents = NonNullable<Awaited<ReturnType<ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>['fetchHistory']>>['events']>;
const upsertedKeys = (events: HistoryEvents) =>
  events.flatMap((e) => Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}));

/**
 * The end of a completed checkout: one activity starts the order's fulfilment (with the worker's
 * client) and then publishes order.completed. Checkouts started before baseline B started the
 * fulfilment as a child in the same workflow task (their recorded histories replay so).
 */
describe('checkoutWorkflow starts the fulfilment from the activity that publishes (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (name: string, activities: ReturnType<typeof stubs>['activities'], fn: (taskQueue: string) => Promise<void>) => {
    const taskQueue = `${name}-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    await worker.runUntil(fn(taskQueue));
  };
  const start = (taskQueue: string, i: CheckoutInput) =>
    env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] });

  it('no child in the checkout: the fulfilment is started by the activity, listed under its order from its start, without an upsert of its own', async () => {
    const s = stubs();
    await run('fulfil-activity', s.activities, async (taskQueue) => {
      const i = checkoutInput('fulfil-activity-card');
      const handle = await start(taskQueue, i);
      expect(await handle.result()).toEqual({ orderId: 'fulfil-activity-card', outcome: 'COMPLETED', totalMinor: 2400, currency: 'JPY' });
      const events = (await handle.fetchHistory()).events ?? [];
      expect(events.filter((e) => e.startChildWorkflowExecutionInitiatedEventAttributes)).toEqual([]);
      const fulfilment = env.client.workflow.getHandle(fulfilmentWorkflowId(i.orderId));
      // Its first task ran (the shipment's tracking number is in its status).
      for (let n = 0; n < 100 && !(await fulfilment.query(fulfilmentStatusQuery)).trackingNumber; n += 1) await new Promise((r) => setTimeout(r, 20));
      expect(await fulfilment.query(fulfilmentStatusQuery)).toMatchObject({ orderId: i.orderId, customerId: i.customerId, trackingNumber: '412345678901' });
      const fulfilmentEvents = (await fulfilment.fetchHistory()).events ?? [];
      const startedWith = fulfilmentEvents[0]!.workflowExecutionStartedEventAttributes!.searchAttributes!.indexedFields ?? {};
      expect(Object.keys(startedWith).sort()).toEqual(['CustomerId', 'OrderId', 'OrderStatus']);
      // Listed by its start: no upsert of OrderId (its first task's listing); the test server's clock may
      // have run on to the stall escalation, which upserts OrderStatus alone.
      expect(upsertedKeys(fulfilmentEvents)).not.toContain('OrderId');
      expect(upsertedKeys(fulfilmentEvents)).toContain('TemporalChangeVersion');
      await recordHistory('checkout-baseline-b-fulfilment-from-activity', handle);
      await recordHistory('fulfilment-started-listed', fulfilment);
      await fulfilment.terminate('test over');
    });
    expect(s.names()).toEqual(['reserveStock', 'createOrder', 'chargeCard', 'transitionOrder', 'bookDelivery', 'commitStock', 'transitionOrder', 'startFulfilmentAndPublish']);
    expect(s.published()).toEqual(['order.completed']);
  });

  it('a retried attempt (Kafka refused the first, after the fulfilment started) finds the fulfilment started and completes the checkout: one fulfilment', async () => {
    const runIds: string[] = [];
    const s = stubs({
      startFulfilmentAndPublish: async (input: StartFulfilmentAndPublishInput) => {
        const { client, info } = Context.current();
        await startFulfilment(client, info.taskQueue, input.fulfilment);
        runIds.push((await client.workflow.getHandle(fulfilmentWorkflowId(input.fulfilment.orderId)).describe()).runId);
        if (runIds.length === 1) throw ApplicationFailure.create({ type: 'KafkaJSConnectionError', message: 'broker down' });
      },
    });
    await run('fulfil-retried', s.activities, async (taskQueue) => {
      const i = checkoutInput('fulfil-retried-card');
      const handle = await start(taskQueue, i);
      expect((await handle.result()).outcome).toBe('COMPLETED');
      await env.client.workflow.getHandle(fulfilmentWorkflowId(i.orderId)).terminate('test over');
    });
    expect(runIds).toHaveLength(2);
    expect(runIds[1]).toBe(runIds[0]);
  });
});

describe('checkoutWorkflow cancelled by an operator while its fulfilment starts (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('completes without undoing the order: the fulfilment it started keeps a paid order (a refund stops it)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const inActivity = new Promise<void>((resolve) => {
      started = resolve;
    });
    const s = stubs({
      startFulfilmentAndPublish: async (input: StartFulfilmentAndPublishInput) => {
        const { client, info } = Context.current();
        await startFulfilment(client, info.taskQueue, input.fulfilment);
        started();
        // Kafka is down: the publish waits (the activity is not told of the cancel, as none is sent).
        await held;
      },
    });
    const taskQueue = `fulfil-cancel-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities: s.activities });
    await worker.runUntil(async () => {
      const i = checkoutInput('fulfil-cancel-card');
      const handle = await env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(i.orderId), taskQueue, args: [i] });
      await inActivity;
      await handle.cancel();
      release();
      expect((await handle.result()).outcome).toBe('COMPLETED');
      const fulfilment = env.client.workflow.getHandle(fulfilmentWorkflowId(i.orderId));
      expect((await fulfilment.describe()).status.name).toBe('RUNNING');
      await fulfilment.terminate('test over');
    });
    expect(s.undone()).toEqual([]);
  });
});

/**
 * The worker's own activity (createEventActivities, with fakes for Kafka and the delivery service's gRPC
 * client): it creates the carrier's shipment before it starts the fulfilment, and gives it to it.
 */
describe('startFulfilmentAndPublish gives the fulfilment its shipment (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  type ShipmentCall = { shipmentId: string; orderId: string; postalCode: string; idempotencyKey: string };
  /** The delivery service's client as the activity calls it (a unary method with a callback). */
  const delivery = (answer: (req: ShipmentCall) => { trackingNumber: string } | Error) => {
    const requests: ShipmentCall[] = [];
    const client = {
      createShipment(req: ShipmentCall, _options: unknown, callback: (err: unknown, res?: unknown) => void) {
        requests.push(req);
        const out = answer(req);
        if (out instanceof Error) callback(Object.assign(out, { code: 14, details: out.message, metadata: { get: () => [] } }));
        else callback(null, { shipmentId: req.shipmentId, orderId: req.orderId, status: 'LABEL_CREATED', events: [], ...out });
        return {};
      },
    };
    return { client: client as unknown as DeliveryServiceClient, requests };
  };
  const published: string[] = [];
  const publisher = { publish: async (_topic: string, envelope: { type: string }) => void published.push(envelope.type) } as unknown as EventPublisher;
  const run = async (orderId: string, d: ReturnType<typeof delivery>, then: (fulfilment: WorkflowHandle) => Promise<void>) => {
    const { startFulfilmentAndPublish } = createEventActivities({ publisher, delivery: d.client });
    const s = stubs({ startFulfilmentAndPublish: startFulfilmentAndPublish as never });
    const taskQueue = `fulfil-given-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities: s.activities });
    return worker.runUntil(async () => {
      const i = checkoutInput(orderId);
      const handle = await env.client.workflow.start<(input: CheckoutInput) => Promise<CheckoutResult>>(CHECKOUT_WORKFLOW_TYPE, { workflowId: checkoutWorkflowId(orderId), taskQueue, args: [i] });
      expect((await handle.result()).outcome).toBe('COMPLETED');
      const fulfilment = env.client.workflow.getHandle(fulfilmentWorkflowId(orderId));
      for (let n = 0; n < 100 && !(await fulfilment.query(fulfilmentStatusQuery)).trackingNumber; n += 1) await new Promise((r) => setTimeout(r, 20));
      const status = await fulfilment.query(fulfilmentStatusQuery);
      await then(fulfilment);
      const events = (await fulfilment.fetchHistory()).events ?? [];
      await fulfilment.terminate('test over');
      return { s, status, events, input: events[0]!.workflowExecutionStartedEventAttributes!.input };
    });
  };

  it('creates the shipment under the fulfilment\'s own key first: the fulfilment\'s first task runs no step and records no marker and no upsert', async () => {
    const d = delivery(() => ({ trackingNumber: '498765432109' }));
    const { s, status, events } = await run('fulfil-given-card', d, async (fulfilment) => {
      await fulfilment.executeUpdate(recordTrackingUpdate, { args: [{ eventId: 'given-1', status: 'DISPATCHED', occurredAt: new Date().toISOString(), reportedBy: 'carrier' }] });
      expect(await fulfilment.query(fulfilmentStatusQuery)).toMatchObject({ state: 'DISPATCHED', trackingNumber: '498765432109' });
      await recordHistory('fulfilment-shipment-given', fulfilment);
    });
    expect(d.requests).toEqual([{ shipmentId: 'fulfil-given-card', orderId: 'fulfil-given-card', postalCode: '150-0001', idempotencyKey: 'fulfilment:fulfil-given-card:create-shipment' }]);
    expect(status).toMatchObject({ orderId: 'fulfil-given-card', state: 'PICKING', trackingNumber: '498765432109', deliveredBy: 'carrier' });
    // Its first task's commands: the stall timer alone (the stubs' own createShipment never ran). The test
    // server's clock may run on to the stall escalation (an OrderStatus upsert and a publish, in a later task).
    const firstDone = events.findIndex((e) => e.workflowTaskCompletedEventAttributes);
    const command = (e: HistoryEvents[number]) =>
      e.timerStartedEventAttributes ? 'timer' : e.markerRecordedEventAttributes ? 'marker' : e.upsertWorkflowSearchAttributesEventAttributes ? 'upsert' : e.activityTaskScheduledEventAttributes ? 'activity' : undefined;
    const after = events.slice(firstDone + 1).map(command);
    expect(after.slice(0, after.indexOf(undefined))).toEqual(['timer']);
    expect(events.filter((e) => e.markerRecordedEventAttributes)).toEqual([]);
    expect(upsertedKeys(events)).not.toContain('OrderId');
    expect(upsertedKeys(events)).not.toContain('TemporalChangeVersion');
    expect(s.names()).not.toContain('createShipment');
    expect(published).toContain('order.completed');
  });

  it('a shipment the delivery service cannot create now is left to the fulfilment, which creates it itself: the checkout completes all the same', async () => {
    const d = delivery(() => new Error('connect ECONNREFUSED 127.0.0.1:50051'));
    const { s, status, input } = await run('fulfil-given-down', d, async () => undefined);
    expect(d.requests).toHaveLength(1);
    expect(defaultPayloadConverter.fromPayload<FulfilmentInput>(input!.payloads![0]!)).not.toHaveProperty('shipment');
    // The stubs answer the fulfilment's own createShipment with their tracking number.
    expect(status).toMatchObject({ orderId: 'fulfil-given-down', state: 'PICKING', trackingNumber: '412345678901' });
    expect(s.names()).toContain('startFulfilmentAndPublish');
  });
});

/** Like the worker's fulfilment starts, a second start of a closed fulfilment is refused quietly too. */
describe('startFulfilment', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('starts the order fulfilment once: a second start, while it runs or after it closed, changes nothing', async () => {
    const taskQueue = `start-fulfilment-${Math.random().toString(36).slice(2)}`;
    const input = { orderId: 'start-once', customerId: 'cust-1', customerEmail: 'c@example.com', postalCode: '150-0001' };
    await startFulfilment(env.client, taskQueue, input);
    const first = await env.client.workflow.getHandle(fulfilmentWorkflowId(input.orderId)).describe();
    await startFulfilment(env.client, taskQueue, input);
    await env.client.workflow.getHandle(fulfilmentWorkflowId(input.orderId)).terminate('closed');
    await startFulfilment(env.client, taskQueue, input);
    const last = await env.client.workflow.getHandle(fulfilmentWorkflowId(input.orderId)).describe();
    expect(last.runId).toBe(first.runId);
    expect(last.status.name).toBe('TERMINATED');
    expect(first.searchAttributes).toMatchObject({ OrderId: ['start-once'], CustomerId: ['cust-1'], OrderStatus: ['FULFILMENT_PICKING'] });
  });
});
