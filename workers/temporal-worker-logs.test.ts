import { sdkLogFields } from './temporal-worker.run';

describe('sdkLogFields (the Temporal SDK log lines through pino)', () => {
  it('lifts the span ids the tracing interceptors add to the top level, where traced lines have them', () => {
    const meta = { trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331', trace_flags: '01', workflowId: 'checkout:o-1', activityType: 'chargeCard' };
    expect(sdkLogFields(meta)).toEqual({
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      temporal: { workflowId: 'checkout:o-1', activityType: 'chargeCard' },
    });
  });

  it('writes no trace fields for an entry outside a traced operation', () => {
    expect(sdkLogFields({ sdkComponent: 'worker', taskQueue: 'checkout' })).toEqual({ temporal: { sdkComponent: 'worker', taskQueue: 'checkout' } });
    expect(sdkLogFields(undefined)).toEqual({ temporal: {} });
  });
});
