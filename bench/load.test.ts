import { burst, pool, roundOrder, roundShare, sequential } from './load';

describe('load patterns measured in rounds', () => {
  it('reverses the order of the kinds every other round, so a drift weighs on each alike', () => {
    const kinds = ['b0', 'b0-local', 'saga'];
    expect([0, 1, 2, 3].map((round) => roundOrder(kinds, round))).toEqual([
      ['b0', 'b0-local', 'saga'],
      ['saga', 'b0-local', 'b0'],
      ['b0', 'b0-local', 'saga'],
      ['saga', 'b0-local', 'b0'],
    ]);
    expect(kinds).toEqual(['b0', 'b0-local', 'saga']);
  });

  it('shares a count over the rounds as evenly as it can, every operation in one round', () => {
    expect([0, 1, 2].map((round) => roundShare(100, 3, round))).toEqual([34, 33, 33]);
    expect([0, 1].map((round) => roundShare(100, 2, round))).toEqual([50, 50]);
    expect([0, 1, 2, 3].map((round) => roundShare(2, 4, round))).toEqual([1, 1, 0, 0]);
  });

  it('pools rounds: latencies together, throughput over the time they ran, failures summed', async () => {
    let n = 0;
    const op = async () => {
      n += 1;
      if (n === 3) throw new Error('refused');
      // Its own latency: the pooled percentiles come from these, not from the clock.
      return n * 10;
    };
    const first = await sequential(2, op);
    const second = await sequential(3, op);
    expect(first.durations).toEqual([10, 20]);
    expect(second.durations).toEqual([40, 50]);
    const pooled = pool([{ ...first, elapsedMs: 1000 }, { ...second, elapsedMs: 3000 }]);
    expect(pooled.completed).toBe(4);
    expect(pooled.failed).toBe(1);
    expect(pooled.failures).toEqual(['refused']);
    expect(pooled.elapsedSeconds).toBe(4);
    expect(pooled.throughput).toBe(1);
    expect(pooled.latencyMs).toMatchObject({ count: 4, min: 10, p50: 20, max: 50, mean: 30 });
    expect(() => pool([])).toThrow('nothing to pool');
  });

  it('times an operation from its call to its answer when it gives no latency of its own', async () => {
    const m = await burst(3, () => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    expect(m.result.completed).toBe(3);
    for (const ms of m.durations) expect(ms).toBeGreaterThanOrEqual(15);
    expect(pool([m])).toEqual(m.result);
  });
});
