import { EventEmitter } from 'node:events';
import type { Kafka } from 'kafkajs';
import { createEventConsumer } from './event-consumer';
import { createLogger } from './logger';
import { createMetrics } from './metrics';

/** A KafkaJS consumer stand-in: records calls, and lets the test crash it like KafkaJS does. */
class FakeConsumer extends EventEmitter {
  readonly events = { CRASH: 'consumer.crash' } as const;
  readonly calls: string[] = [];
  /** When set, connect waits until the test resolves it. */
  connecting?: Promise<void>;
  async connect() {
    this.calls.push('connect');
    await this.connecting;
  }
  async subscribe() {
    this.calls.push('subscribe');
  }
  async run() {
    this.calls.push('run');
  }
  async disconnect() {
    this.calls.push('disconnect');
  }
  crash(restart: boolean) {
    this.emit(this.events.CRASH, { payload: { error: new Error('KafkaJSNonRetriableError: broker said no'), groupId: 'g', restart } });
  }
}

describe('createEventConsumer after a crash', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup(connecting?: Promise<void>) {
    const consumers: FakeConsumer[] = [];
    const kafka = {
      consumer: () => {
        const c = new FakeConsumer();
        c.connecting = connecting;
        consumers.push(c);
        return c;
      },
    } as unknown as Kafka;
    const consumer = createEventConsumer({ kafka, settings: { topicPrefix: '' }, group: 'g', topics: ['orders'], handle: async () => undefined, logger: createLogger('test', 'silent'), metrics: createMetrics('test') });
    return { consumer, consumers };
  }

  it('starts a new consumer when KafkaJS will not restart the crashed one', async () => {
    const { consumer, consumers } = setup();
    await consumer.start();
    consumers[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(consumers).toHaveLength(2);
    expect(consumers[1]!.calls).toEqual(['connect', 'subscribe', 'run']);
    await consumer.stop();
  });

  it('leaves a crash KafkaJS restarts itself to KafkaJS, and restarts nothing once stopped', async () => {
    const { consumer, consumers } = setup();
    await consumer.start();
    consumers[0]!.crash(true);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(consumers).toHaveLength(1);
    await consumer.stop();
    consumers[0]!.crash(false);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(consumers).toHaveLength(1);
  });

  it('runs no consumer when stopped while it was connecting, and closes the connection that came after the stop', async () => {
    let connected!: () => void;
    const { consumer, consumers } = setup(new Promise<void>((resolve) => (connected = resolve)));
    const started = consumer.start();
    await jest.advanceTimersByTimeAsync(0);
    await consumer.stop();
    connected();
    await started;
    await jest.advanceTimersByTimeAsync(60_000);
    expect(consumers).toHaveLength(1);
    expect(consumers[0]!.calls).toEqual(['connect', 'disconnect', 'subscribe', 'disconnect']);
  });
});
