/**
 * Local dates and months of an instant in an IANA zone: which contract version is in force on the
 * day a request was created, and which report month an outcome belongs to.
 *
 * Pure: no I/O, no clock (the instant is a parameter). `Intl` formatters are built once per zone,
 * because building one costs far more than using it.
 */

import { getZoneOffsets } from './time-zone-offsets';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local date (`YYYY-MM-DD`) of an instant in a zone. Throws a RangeError for an unknown zone
 * (zones are validated where they enter the app, so that is a broken invariant here).
 *
 * @example
 * localDateOf(new Date('2026-03-31T22:30:00Z'), 'Europe/Amsterdam') // '2026-04-01'
 */
export function localDateOf(instant: Date, timeZone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/**
 * The local month (`YYYY-MM`) of an instant in a zone.
 *
 * @example
 * localMonthOf(new Date('2026-03-31T22:30:00Z'), 'Europe/Amsterdam') // '2026-04'
 */
export function localMonthOf(instant: Date, timeZone: string): string {
  return localDateOf(instant, timeZone).slice(0, 7);
}

/**
 * The instant at which a zone's clocks show a wall time (`YYYY-MM-DDTHH:mm`, as an
 * `<input type="datetime-local">` gives it). A wall time skipped by a DST change is moved forward by
 * the gap (as Temporal's "compatible" disambiguation does); a repeated one is its first occurrence. Null for text that is not such a
 * wall time (or a day that does not exist, such as 31 April).
 *
 * @example instantOfWallTime('2026-10-06T14:00', 'Europe/Amsterdam')?.toISOString() // '2026-10-06T12:00:00.000Z'
 * @example instantOfWallTime('2026-03-29T02:30', 'Europe/Amsterdam')?.toISOString() // '2026-03-29T01:30:00.000Z' (03:30, moved by the gap)
 */
export function instantOfWallTime(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (match === null) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return null;
  const zone = getZoneOffsets(timeZone);
  // The offsets in force half a day either side cover any DST change around the wall time.
  const candidates = [...new Set([-12, 12].map((hours) => wall - zone.offsetAt(wall + hours * 3_600_000)))];
  const matching = candidates.filter((instant) => instant + zone.offsetAt(instant) === wall);
  return new Date(matching.length > 0 ? Math.min(...matching) : Math.max(...candidates));
}

/**
 * The wall time of an instant in a zone, as an `<input type="datetime-local">` value (to the minute).
 *
 * @example wallTimeOf(new Date('2026-10-06T12:00:00Z'), 'Europe/Amsterdam') // '2026-10-06T14:00'
 */
export function wallTimeOf(instant: Date, timeZone: string): string {
  const shifted = instant.getTime() + getZoneOffsets(timeZone).offsetAt(instant.getTime());
  return new Date(shifted).toISOString().slice(0, 16);
}
