import { fixKafkaRequestQueueIdleLoop, kafkaRequestQueueClass, type KafkaRequestQueue } from './kafkajs-request-queue';

type Queue = KafkaRequestQueue & {
  push(request: { entry: Record<string, unknown>; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
};

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function queue(maxInFlightRequests: number | null = null): Queue {
  const RequestQueue = kafkaRequestQueueClass();
  return new RequestQueue({ maxInFlightRequests, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'b:9092', logger: silent }) as unknown as Queue;
}

/** Pushes a request and answers whether (and when) the queue put it on the wire. */
function request(q: Queue, correlationId: number): { sent: () => boolean; answered: Promise<unknown> } {
  let sent = false;
  const answered = new Promise((resolve, reject) => {
    q.push({ entry: { correlationId, apiName: 'Fetch', apiKey: 1, apiVersion: 11, resolve, reject }, expectResponse: true, sendRequest: () => (sent = true) });
  });
  return { sent: () => sent, answered };
}

describe('KafkaJS request queue fix', () => {
  beforeAll(() => fixKafkaRequestQueueIdleLoop());
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps no timer running on an idle connection (KafkaJS 2.2.4 re-checked its empty queue every millisecond)', async () => {
    const q = queue();
    const check = jest.spyOn(q, 'checkPendingRequests');
    const fetch = request(q, 1);
    expect(fetch.sent()).toBe(true);
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    await fetch.answered;
    check.mockClear();
    jest.advanceTimersByTime(1_000);
    expect(check).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
    q.destroy();
  });

  it('still sends a request that waited for a client-side throttle once the throttle ends', async () => {
    const q = queue();
    q.maybeThrottle(500);
    const fetch = request(q, 1);
    expect(fetch.sent()).toBe(false);
    jest.advanceTimersByTime(499);
    expect(fetch.sent()).toBe(false);
    jest.advanceTimersByTime(2);
    expect(fetch.sent()).toBe(true);
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    await expect(fetch.answered).resolves.toMatchObject({ correlationId: 1 });
    jest.advanceTimersByTime(1_000);
    expect(jest.getTimerCount()).toBe(0);
    q.destroy();
  });

  it('sends a request that waited for an in-flight slot as soon as the slot frees', async () => {
    const q = queue(1);
    const first = request(q, 1);
    const second = request(q, 2);
    expect([first.sent(), second.sent()]).toEqual([true, false]);
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(second.sent()).toBe(true);
    q.fulfillRequest({ correlationId: 2, payload: Buffer.alloc(0), size: 0 });
    await Promise.all([first.answered, second.answered]);
    jest.advanceTimersByTime(1_000);
    expect(jest.getTimerCount()).toBe(0);
    q.destroy();
  });
});
