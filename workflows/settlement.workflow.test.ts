import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../activities';
import { posStubs } from '../test/support/pos-stubs';
import { createTimeSkippingEnv, testWorkflowBundle } from '../test/support/time-skipping';
import { SETTLEMENT_WORKFLOW_TYPE, type SettlementResult } from './pos-sale.contract';
import { previousTokyoDay } from './settlement.workflow';

const settlement = (merchantId: string, created: boolean) => ({
  merchantId,
  businessDate: '2026-11-30',
  paidMinor: 3600,
  refundedMinor: 1200,
  feesMinor: 39,
  netMinor: 2361,
  entries: 4,
  currency: 'JPY',
  settledAt: '2026-11-30T15:30:00.000Z',
  created,
});

/** The daily settlement on the time-skipping server: what it settles, what it announces, and that a re-run announces nothing. */
describe('settlementWorkflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function run(activities: Activities, args: unknown[]): Promise<SettlementResult> {
    const taskQueue = `settle-${Math.random().toString(36).slice(2)}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await testWorkflowBundle(), activities });
    return worker.runUntil(env.client.workflow.execute(SETTLEMENT_WORKFLOW_TYPE, { workflowId: `settlement-${taskQueue}`, taskQueue, args }) as Promise<SettlementResult>);
  }

  it('settles the given day and publishes merchant.settled once per settlement this run wrote, keyed by merchant and day', async () => {
    const s = posStubs({ settleMerchantsDay: async () => ({ settlements: [settlement('m-1', true), settlement('m-2', false)] }) });
    const result = await run(s.activities, [{ businessDate: '2026-11-30' }]);
    expect(s.calls.find((c) => c.name === 'settleMerchantsDay')?.input).toEqual({ businessDate: '2026-11-30' });
    const { created: _c1, ...m1 } = settlement('m-1', true);
    const { created: _c2, ...m2 } = settlement('m-2', false);
    expect(result).toEqual({ businessDate: '2026-11-30', created: [m1], settlements: [m1, m2] });
    const published = s.calls.filter((c) => c.name === 'publishEvent').map((c) => c.input);
    expect(published).toEqual([
      { topic: 'orders', event: { id: 'merchant.settled:m-1:2026-11-30', type: 'merchant.settled', source: '/workflows/settlement', subject: 'm-1', data: m1 } },
    ]);
  });

  it('a second run of a settled day (the service answers created: false) publishes nothing', async () => {
    const s = posStubs({ settleMerchantsDay: async () => ({ settlements: [settlement('m-1', false)] }) });
    const result = await run(s.activities, [{ businessDate: '2026-11-30' }]);
    expect(result.created).toEqual([]);
    expect(s.names()).toEqual(['settleMerchantsDay']);
  });

  it('without a day (the schedule’s run), settles the Tokyo day before the start', async () => {
    const s = posStubs();
    const result = await run(s.activities, [{}]);
    expect(result.businessDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.calls[0]?.input).toEqual({ businessDate: result.businessDate });
  });
});

describe('previousTokyoDay', () => {
  it('is the Tokyo calendar day before, across the UTC date line', () => {
    // 00:30 in Tokyo on 1 December is 15:30 UTC on 30 November: the day that ended is 30 November.
    expect(previousTokyoDay(new Date('2026-11-30T15:30:00Z'))).toBe('2026-11-30');
    expect(previousTokyoDay(new Date('2026-12-01T14:59:59Z'))).toBe('2026-11-30');
    expect(previousTokyoDay(new Date('2026-12-01T15:00:00Z'))).toBe('2026-12-01');
  });
});
