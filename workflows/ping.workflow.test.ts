import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import type { PublishEventInput } from '../activities/events.activities';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { pingStatusQuery, pingWorkflowId, PING_WORKFLOW_TYPE, type PingResult } from './ping.contract';

const DAY_MS = 24 * 60 * 60 * 1000;
type PingActivities = Pick<Activities, 'recordPing' | 'publishEvent'>;

describe('pingWorkflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  /** Stub activities that record what the workflow asked for. */
  function stubActivities(overrides: Partial<PingActivities> = {}) {
    const calls: { name: string; input: unknown; at: number }[] = [];
    const activities: PingActivities = {
      recordPing: async (input) => {
        calls.push({ name: 'recordPing', input, at: Date.now() });
        return { pingId: input.pingId, message: input.message, recordedAt: new Date(0).toISOString() };
      },
      publishEvent: async (input: PublishEventInput) => {
        calls.push({ name: 'publishEvent', input, at: Date.now() });
      },
      ...overrides,
    };
    return { activities, calls };
  }

  async function run<T>(activities: PingActivities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `ping-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await testWorkflowBundle(),
      activities,
    });
    return worker.runUntil(fn(taskQueue));
  }

  it('records the ping with a workflow-scoped idempotency key, then publishes an event with a stable id', async () => {
    const { activities, calls } = stubActivities();
    const workflowId = pingWorkflowId('p-1');
    const result = await run(activities, (taskQueue) =>
      env.client.workflow.execute(PING_WORKFLOW_TYPE, { workflowId, taskQueue, args: [{ pingId: 'p-1', message: 'hi', delaySeconds: 0 }] }),
    );
    expect(calls.map((c) => c.name)).toEqual(['recordPing', 'publishEvent']);
    expect(calls[0]!.input).toEqual({ pingId: 'p-1', message: 'hi', idempotencyKey: `${workflowId}:record-ping` });
    const published = calls[1]!.input as PublishEventInput;
    expect(published.topic).toBe('system');
    expect(published.event).toMatchObject({ id: `${workflowId}:ping.completed`, type: 'system.ping.completed', subject: 'p-1' });
    expect(result as PingResult).toEqual({ pingId: 'p-1', recordedAt: new Date(0).toISOString(), eventId: `${workflowId}:ping.completed` });
  });

  it('sleeps three days on a durable timer, skipped by the test server', async () => {
    const { activities, calls } = stubActivities();
    const workflowId = pingWorkflowId('p-3d');
    const startedAt = await env.currentTimeMs();
    await run(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start(PING_WORKFLOW_TYPE, {
        workflowId,
        taskQueue,
        args: [{ pingId: 'p-3d', message: 'later', delaySeconds: 3 * 24 * 60 * 60 }],
      });
      await handle.result();
      const status = await handle.query(pingStatusQuery);
      expect(status.state).toBe('COMPLETED');
      const wait = status.timeline.filter((s) => s.step === 'wait');
      expect(wait.map((s) => s.status)).toEqual(['STARTED', 'COMPLETED']);
      expect(Date.parse(wait[1]!.at) - Date.parse(wait[0]!.at)).toBeGreaterThanOrEqual(3 * DAY_MS);
    });
    expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(calls.map((c) => c.name)).toEqual(['recordPing', 'publishEvent']);
  });

  it('fails without retrying when the service rejects the ping as invalid, and never publishes', async () => {
    let attempts = 0;
    const { activities, calls } = stubActivities({
      recordPing: async () => {
        attempts += 1;
        throw ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: 'message too long', nonRetryable: true });
      },
    });
    const err = await run(activities, (taskQueue) =>
      env.client.workflow.execute(PING_WORKFLOW_TYPE, { workflowId: pingWorkflowId('p-bad'), taskQueue, args: [{ pingId: 'p-bad', message: 'x', delaySeconds: 0 }] }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(attempts).toBe(1);
    expect(calls.filter((c) => c.name === 'publishEvent')).toHaveLength(0);
  });

  it('retries a transient publishing fault until Kafka is back', async () => {
    let failures = 0;
    const { activities, calls } = stubActivities({
      publishEvent: async (input) => {
        if (failures < 2) {
          failures += 1;
          throw new Error('KafkaJSConnectionError: broker unavailable');
        }
        calls.push({ name: 'publishEvent', input, at: Date.now() });
      },
    });
    await run(activities, (taskQueue) =>
      env.client.workflow.execute(PING_WORKFLOW_TYPE, { workflowId: pingWorkflowId('p-retry'), taskQueue, args: [{ pingId: 'p-retry', message: 'x', delaySeconds: 0 }] }),
    );
    expect(failures).toBe(2);
    expect(calls.filter((c) => c.name === 'publishEvent')).toHaveLength(1);
  });
});
