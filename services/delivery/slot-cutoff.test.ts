import { addDays, localDateTime, minutesOfDay, slotOpening } from './slot-cutoff';

const tokyo = { cutoffTime: '14:00', timeZone: 'Asia/Tokyo' };
/** An instant given as Tokyo wall-clock time (JST is UTC+9 all year). */
const jst = (local: string) => new Date(`${local}+09:00`);

describe('localDateTime', () => {
  it('reads the wall clock of the zone, not of UTC', () => {
    expect(localDateTime(new Date('2026-11-22T14:59:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-11-22', time: '23:59' });
    expect(localDateTime(new Date('2026-11-22T15:00:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-11-23', time: '00:00' });
    expect(localDateTime(new Date('2026-11-22T15:00:00Z'), 'UTC')).toEqual({ date: '2026-11-22', time: '15:00' });
  });
});

describe('slotOpening', () => {
  const afternoon = { date: '2026-11-22', windowStart: '18:00' };

  it('keeps a same-day slot open before the cutoff', () => {
    expect(slotOpening(afternoon, tokyo, jst('2026-11-22T13:59:00'))).toEqual({ open: true });
  });

  it('closes a same-day slot from the cutoff minute on', () => {
    expect(slotOpening(afternoon, tokyo, jst('2026-11-22T14:00:00'))).toEqual({ open: false, reason: 'CUTOFF' });
    expect(slotOpening(afternoon, tokyo, jst('2026-11-22T16:30:00'))).toEqual({ open: false, reason: 'CUTOFF' });
  });

  it('closes a same-day window that has already started, even before the cutoff', () => {
    expect(slotOpening({ date: '2026-11-22', windowStart: '09:00' }, tokyo, jst('2026-11-22T10:00:00'))).toEqual({ open: false, reason: 'WINDOW_STARTED' });
  });

  it('keeps slots of later days open after the cutoff', () => {
    expect(slotOpening({ date: '2026-11-23', windowStart: '09:00' }, tokyo, jst('2026-11-22T20:00:00'))).toEqual({ open: true });
  });

  it('closes slots of past days', () => {
    expect(slotOpening({ date: '2026-11-21', windowStart: '18:00' }, tokyo, jst('2026-11-22T08:00:00'))).toEqual({ open: false, reason: 'PAST' });
  });

  it('uses the zone day around midnight JST, when UTC is still on the day before', () => {
    // 00:30 JST on the 23rd is 15:30 UTC on the 22nd: the 22nd is over, the 23rd is before its cutoff.
    const justAfterMidnight = new Date('2026-11-22T15:30:00Z');
    expect(slotOpening({ date: '2026-11-22', windowStart: '18:00' }, tokyo, justAfterMidnight)).toEqual({ open: false, reason: 'PAST' });
    expect(slotOpening({ date: '2026-11-23', windowStart: '09:00' }, tokyo, justAfterMidnight)).toEqual({ open: true });
    // 23:59 JST on the 22nd is 14:59 UTC: after the 22nd's cutoff, the 23rd is a later day.
    const justBeforeMidnight = new Date('2026-11-22T14:59:00Z');
    expect(slotOpening({ date: '2026-11-22', windowStart: '18:00' }, tokyo, justBeforeMidnight)).toEqual({ open: false, reason: 'CUTOFF' });
    expect(slotOpening({ date: '2026-11-23', windowStart: '09:00' }, tokyo, justBeforeMidnight)).toEqual({ open: true });
  });

  it('compares times by value, so an unpadded cutoff works', () => {
    expect(slotOpening({ date: '2026-11-22', windowStart: '18:00' }, { cutoffTime: '9:30', timeZone: 'Asia/Tokyo' }, jst('2026-11-22T10:00:00'))).toEqual({
      open: false,
      reason: 'CUTOFF',
    });
  });
});

describe('addDays and minutesOfDay', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads HH:MM and rejects anything else', () => {
    expect(minutesOfDay('14:00')).toBe(840);
    expect(minutesOfDay('9:05')).toBe(545);
    expect(() => minutesOfDay('14h00')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});
