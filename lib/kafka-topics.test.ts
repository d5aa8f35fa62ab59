import type { Kafka } from 'kafkajs';
import { ensureTopics } from './kafka';

/** A fake admin client: `created` topics exist from then on; `failures` are thrown by the first createTopics calls. */
function fakeKafka(failures: Error[]) {
  const created = new Set<string>();
  const createCalls: string[][] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => [...created],
    createTopics: async ({ topics }: { topics: { topic: string }[] }) => {
      createCalls.push(topics.map((t) => t.topic));
      // A broker that created the topics but answered the leader check with an error.
      for (const t of topics) created.add(t.topic);
      const failure = failures.shift();
      if (failure) throw failure;
      return true;
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, created, createCalls };
}

const retriable = () => Object.assign(new Error('This server does not host this topic-partition'), { retriable: true });

describe('ensureTopics', () => {
  it('tries again after a retriable answer from a broker that has just started, creating only what is still missing', async () => {
    const { kafka, created, createCalls } = fakeKafka([retriable()]);
    await ensureTopics(kafka, { topicPrefix: 't.' });
    expect(createCalls).toHaveLength(1);
    expect(created.has('t.orders')).toBe(true);
    expect(created.has('t.orders.dlq')).toBe(true);
  });

  it('gives up on an error that is not retriable, and after the last attempt', async () => {
    await expect(ensureTopics(fakeKafka([new Error('authorization failed')]).kafka, { topicPrefix: 't.' })).rejects.toThrow('authorization failed');
    await expect(ensureTopics(fakeKafka([retriable(), retriable()]).kafka, { topicPrefix: 't.' }, 3, 1)).rejects.toThrow('does not host');
  });
});
