import { DomainError } from '../../lib/errors';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => format.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export type SlotOpening = { open: true } | { open: false; reason: 'PAST' | 'CUTOFF' | 'WINDOW_STARTED' };

/**
 * Whether a slot can still be booked at `now`: never on a past day; on the zone's today only before
 * its cutoff (HH:MM, closed from that minute on) and before the window itself has started.
 */
export function slotOpening(
  slot: { date: string; windowStart: string },
  zone: { cutoffTime: string; timeZone: string },
  now: Date,
): SlotOpening {
  const local = localDateTime(now, zone.timeZone);
  // YYYY-MM-DD dates compare correctly as strings.
  if (slot.date < local.date) return { open: false, reason: 'PAST' };
  if (slot.date > local.date) return { open: true };
  const minute = minutesOfDay(local.time);
  if (minute >= minutesOfDay(zone.cutoffTime)) return { open: false, reason: 'CUTOFF' };
  if (minute >= minutesOfDay(slot.windowStart)) return { open: false, reason: 'WINDOW_STARTED' };
  return { open: true };
}

/** Minutes since midnight of an H:MM or HH:MM time. */
export function minutesOfDay(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  // Zone and slot times come from our own data, so a bad one is a defect to fix, not the caller's fault.
  if (!match) throw new DomainError('INTERNAL', `not an HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
