import { createEnvelope, parseEnvelope } from './events';

describe('event envelopes', () => {
  it('round-trips through JSON and keeps a given id', () => {
    const event = createEnvelope({ id: 'wf-1:order.completed', type: 'order.completed', source: '/workflows/checkout', subject: 'o-1', data: { total: 1200 } });
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(parseEnvelope(Buffer.from(JSON.stringify(event)))).toEqual(event);
  });

  it('makes a fresh id when none is given', () => {
    const a = createEnvelope({ type: 't', source: 's', subject: 'x', data: null });
    const b = createEnvelope({ type: 't', source: 's', subject: 'x', data: null });
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    ['not JSON', 'hello'],
    ['a JSON scalar', '42'],
    ['missing fields', JSON.stringify({ id: '1', type: 't' })],
    ['no data', JSON.stringify({ id: '1', type: 't', source: 's', time: 'now', subject: 'x' })],
  ])('rejects %s', (_what, raw) => {
    expect(parseEnvelope(raw)).toBeUndefined();
  });
});
