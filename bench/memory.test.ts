import { memoryFigure, type HeapReading } from './memory';

const reading = (heapMb: number, cachedWorkflows: number): HeapReading => ({ heapUsed: heapMb * 2 ** 20, external: 0, arrayBuffers: 0, rss: 0, cachedWorkflows });

describe('memoryFigure: the heap per workflow the cache gained', () => {
  it('divides the heap added after GC by the workflows the cache gained', () => {
    expect(memoryFigure(100, reading(50, 0), reading(60, 100))).toEqual({
      workflows: 100,
      cachedBefore: 0,
      cachedAfter: 100,
      heapBeforeMb: 50,
      heapAfterMb: 60,
      kbPerWorkflow: 102.4,
    });
  });

  it('divides by the cache gained when other workflows joined it too', () => {
    expect(memoryFigure(100, reading(50, 2), reading(60, 202)).kbPerWorkflow).toBe(51.2);
  });

  it('refuses a figure when the cache gained fewer than were parked (an eviction would pass for free memory)', () => {
    expect(() => memoryFigure(100, reading(50, 0), reading(55, 60))).toThrow(/gained 60 workflows, not the 100 parked/);
  });
});
