/**
 * Date formatting the way Jira Cloud writes it, for the Jira emulator: REST v3 instants
 * (`2026-04-01T09:30:00.000+0200`, offset without a colon, in the viewer's time zone), JSM's date
 * object (`{ iso8601, jira, friendly, epochMillis }`) and local wall times → instants for JQL dates.
 *
 * Pure functions of their arguments: no clock, no I/O. Time-zone offsets come from Intl, with one
 * formatter cached per zone (the emulator formats a few thousand dates at most).
 */

export interface JiraClock {
  /** The current instant; the sandbox passes its movable clock. */
  now(): Date;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The offset of `timeZone` from UTC at instant `ms`, in minutes (east positive).
 *
 * @example zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'Europe/Amsterdam') // 120
 */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const part = offsetFormatter(timeZone)
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  // "GMT" alone means +00:00; otherwise "GMT+05:45" / "GMT-03:00"
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(part ?? '');
  if (match === null) throw new RangeError(`Cannot read the UTC offset of time zone "${timeZone}".`);
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** True when Intl knows the zone (so formatting in it cannot throw). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneOffsetMinutes(0, timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function offsetText(minutes: number, withColon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${withColon ? ':' : ''}${pad(abs % 60)}`;
}

interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const offsetMinutes = zoneOffsetMinutes(ms, timeZone);
  const shifted = new Date(ms + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
  };
}

/**
 * A REST v3 date-time as Jira writes it: milliseconds and a colon-less offset, in `timeZone`.
 *
 * @example formatJiraDateTime(Date.UTC(2026, 3, 1, 7, 30), 'Europe/Amsterdam') // '2026-04-01T09:30:00.000+0200'
 */
export function formatJiraDateTime(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `.${pad(w.millisecond, 3)}${offsetText(w.offsetMinutes, false)}`
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function clockText(w: WallTime): string {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${hour12}:${pad(w.minute)} ${w.hour < 12 ? 'AM' : 'PM'}`;
}

/** JSM's date object (servicedeskapi `DateDTO`). */
export interface JsmDate {
  iso8601: string;
  jira: string;
  friendly: string;
  epochMillis: number;
}

/**
 * JSM's date object, with `friendly` relative to `nowMs` as the portal shows it
 * ("Today 9:30 AM", "Yesterday …", a weekday within the last week, else "01/Apr/26 9:30 AM").
 *
 * @example formatJsmDate(Date.UTC(2026, 3, 1, 7, 30), 'UTC', Date.UTC(2026, 3, 1, 12)).friendly // 'Today 7:30 AM'
 */
export function formatJsmDate(ms: number, timeZone: string, nowMs: number): JsmDate {
  const w = wallTime(ms, timeZone);
  const today = wallTime(nowMs, timeZone);
  const dayNumber = (t: WallTime): number => Math.floor(Date.UTC(t.year, t.month - 1, t.day) / 86_400_000);
  const daysAgo = dayNumber(today) - dayNumber(w);
  let friendly: string;
  if (daysAgo === 0) friendly = `Today ${clockText(w)}`;
  else if (daysAgo === 1) friendly = `Yesterday ${clockText(w)}`;
  else if (daysAgo > 1 && daysAgo < 7) friendly = `${WEEKDAYS[w.weekday] ?? ''} ${clockText(w)}`;
  else friendly = `${pad(w.day)}/${MONTHS[w.month - 1] ?? ''}/${pad(w.year % 100)} ${clockText(w)}`;
  return {
    iso8601: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offsetText(w.offsetMinutes, false)}`,
    jira: formatJiraDateTime(ms, timeZone),
    friendly,
    epochMillis: ms,
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time. A wall time that a
 * DST jump skips resolves to the instant with the offset before the jump (as Jira's JQL does).
 *
 * @example zonedWallTimeToMs({ year: 2026, month: 4, day: 1, hour: 9, minute: 30 }, 'Europe/Amsterdam') // Date.UTC(2026, 3, 1, 7, 30)
 */
export function zonedWallTimeToMs(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  // two passes: the offset at the first guess may differ from the offset at the answer near a DST change
  const first = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000;
  return asUtc - zoneOffsetMinutes(first, timeZone) * 60_000;
}

/**
 * The local calendar date (year, month, day) of an instant in `timeZone`.
 *
 * @example localDateOf(Date.UTC(2026, 3, 1, 23, 30), 'Europe/Amsterdam') // { year: 2026, month: 4, day: 2 }
 */
export function localDateOf(ms: number, timeZone: string): { year: number; month: number; day: number; weekday: number } {
  const w = wallTime(ms, timeZone);
  return { year: w.year, month: w.month, day: w.day, weekday: w.weekday };
}
