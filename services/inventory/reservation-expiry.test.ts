import type { Logger } from '../../lib/logger';
import type { PrismaClient } from '../../lib/prisma';
import { startReservationExpiry } from './reservation-expiry';

/** A Prisma stand-in whose transactions answer with the scripted batches of expired ids. */
function fakePrisma(answers: (() => Promise<string[]>)[]) {
  const $transaction = jest.fn(() => (answers.shift() ?? (async () => []))());
  return { prisma: { $transaction } as unknown as PrismaClient, $transaction };
}

function fakeLogger() {
  const info = jest.fn();
  const error = jest.fn();
  return { logger: { info, error } as unknown as Logger, info, error };
}

const now = () => new Date('2026-01-01T00:00:00Z');

describe('startReservationExpiry', () => {
  afterEach(() => jest.useRealTimers());

  it('sweeps on every tick, draining full batches until one comes back short', async () => {
    jest.useFakeTimers();
    const { prisma, $transaction } = fakePrisma([async () => ['r1', 'r2'], async () => ['r3'], async () => ['r4']]);
    const { logger, info } = fakeLogger();
    const stop = startReservationExpiry({ prisma, logger, now }, 1_000, 2);

    await jest.advanceTimersByTimeAsync(999);
    expect($transaction).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect($transaction).toHaveBeenCalledTimes(2);
    expect(info.mock.calls.map(([fields]) => fields)).toEqual([{ count: 2 }, { count: 1 }]);

    await jest.advanceTimersByTimeAsync(1_000);
    expect($transaction).toHaveBeenCalledTimes(3);
    await stop();
  });

  it('never starts a sweep while one is under way, and stop waits for it', async () => {
    jest.useFakeTimers();
    let finish!: (ids: string[]) => void;
    const { prisma, $transaction } = fakePrisma([() => new Promise<string[]>((resolve) => (finish = resolve))]);
    const stop = startReservationExpiry({ prisma, logger: fakeLogger().logger, now }, 1_000);

    await jest.advanceTimersByTimeAsync(5_000);
    expect($transaction).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish([]);
    await stopping;
    expect(stopped).toBe(true);

    await jest.advanceTimersByTimeAsync(5_000);
    expect($transaction).toHaveBeenCalledTimes(1);
  });

  it('logs a failed sweep and tries again on the next tick', async () => {
    jest.useFakeTimers();
    const { prisma, $transaction } = fakePrisma([() => Promise.reject(new Error('connection reset')), async () => ['r1']]);
    const { logger, error, info } = fakeLogger();
    const stop = startReservationExpiry({ prisma, logger, now }, 1_000);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(error).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect($transaction).toHaveBeenCalledTimes(2);
    expect(info).toHaveBeenCalledWith({ count: 1 }, expect.any(String));
    await stop();
  });

  it('does not keep the process alive: its timer is unref\'d', async () => {
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    const stop = startReservationExpiry({ prisma: fakePrisma([]).prisma, logger: fakeLogger().logger, now }, 60_000);
    try {
      const timer = setIntervalSpy.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
    } finally {
      await stop();
      setIntervalSpy.mockRestore();
    }
  });
});
