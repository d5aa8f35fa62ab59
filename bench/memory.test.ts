import { memoryFigure, type HeapReading } from './memory';

const reading = (heapMb: number, cachedWorkflows: number): HeapReading => ({ heapUsed: heapMb * 2 ** 20, external: 0, arrayBuffers: 0, rss: 0, cachedWorkflows });

describe('memoryFigure: the heap per workflow the cache gained', () => {
  it('takes the slope over the second half, and the average from empty with what the first ones cost once', () => {
    // 2 MB for the first workflows, then 100 kB each.
    const figure = memoryFigure(100, reading(50, 0), reading(52 + (50 * 100) / 1024, 50), reading(52 + (100 * 100) / 1024, 100));
    expect(figure).toMatchObject({ workflows: 100, cachedBefore: 0, cachedAfter: 100, heapBeforeMb: 50, kbPerWorkflow: 100 });
    expect(figure.kbPerWorkflowFromEmpty).toBeCloseTo(120.48, 2);
  });

  it('divides by the cache gained when other workflows joined it too', () => {
    const figure = memoryFigure(100, reading(50, 2), reading(55, 102), reading(60, 202));
    expect(figure.kbPerWorkflow).toBe(51.2);
    expect(figure.kbPerWorkflowFromEmpty).toBe(51.2);
  });

  it('refuses a figure when the cache gained fewer than were parked (an eviction would pass for free memory)', () => {
    expect(() => memoryFigure(100, reading(50, 0), reading(52, 40), reading(55, 60))).toThrow(/gained 60 workflows, not the 100 parked/);
  });
});
