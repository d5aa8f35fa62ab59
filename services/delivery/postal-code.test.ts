import { DomainError } from '../../lib/errors';
import { matchZone, normalisePostalCode } from './postal-code';

describe('normalisePostalCode', () => {
  it.each([
    ['100-0001', '1000001'],
    ['1000001', '1000001'],
    [' 530-0001 ', '5300001'],
    ['１００－０００１', '1000001'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normalisePostalCode(raw)).toBe(expected);
  });

  it.each(['', '100-001', '10000011', '100-000A', '100 0001', '〒100-0001'])('rejects %p as VALIDATION_FAILED', (raw) => {
    expect(() => normalisePostalCode(raw)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }) as unknown as DomainError);
  });
});

describe('matchZone', () => {
  const zones = [
    { id: 'tokyo-23', postalPrefixes: ['10', '11', '12', '13', '14', '15', '16', '17'] },
    { id: 'chiyoda-express', postalPrefixes: ['100'] },
    { id: 'osaka', postalPrefixes: ['53', '54', '55'] },
  ];

  it('picks the zone with the longest matching prefix', () => {
    expect(matchZone(zones, '1000001')?.id).toBe('chiyoda-express');
    expect(matchZone(zones, '1010001')?.id).toBe('tokyo-23');
    expect(matchZone(zones, '5300001')?.id).toBe('osaka');
  });

  it('answers undefined when no prefix matches', () => {
    expect(matchZone(zones, '1800001')).toBeUndefined();
    expect(matchZone(zones, '0600001')).toBeUndefined();
    expect(matchZone([], '1000001')).toBeUndefined();
  });

  it('breaks a tie between equally long prefixes by zone id, whatever the row order', () => {
    const a = { id: 'a', postalPrefixes: ['10'] };
    const b = { id: 'b', postalPrefixes: ['10'] };
    expect(matchZone([b, a], '1000001')?.id).toBe('a');
    expect(matchZone([a, b], '1000001')?.id).toBe('a');
  });

  it('ignores empty prefixes', () => {
    expect(matchZone([{ id: 'everywhere', postalPrefixes: [''] }], '1000001')).toBeUndefined();
  });
});
