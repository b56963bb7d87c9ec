/**
 * Brute-force oracle for the business-time engine: design §2 read literally, slow and obviously right.
 *
 * It walks the time line in pieces of at most one minute, cut at every whole UTC minute and at every
 * pause edge, asks `Intl` for the wall-clock time of each piece, and counts the piece when that local
 * date is no holiday, the local time lies in an interval of that weekday, and no pause covers it.
 * Business status is constant on such a piece as long as UTC offsets are whole minutes and change on
 * whole minutes, which holds for every zone since 1972; the oracle checks the first half and throws
 * otherwise. It shares no code with the engine (not even the schema parser).
 *
 * Used by the property tests and the benchmark; never by production code.
 */

export interface OracleCalendar {
  readonly timeZone: string;
  readonly week: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', readonly (readonly [string, string])[]>>;
  readonly holidays?: readonly string[];
}

export interface OraclePause {
  readonly from: Date;
  readonly to: Date;
}

const MINUTE = 60_000;
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const; // Date#getUTCDay order

interface PreparedCalendar {
  readonly formatter: Intl.DateTimeFormat;
  readonly holidays: ReadonlySet<string>;
  /** Per getUTCDay() weekday: [startMinute, endMinute) pairs. */
  readonly days: readonly (readonly [number, number])[][];
}

const prepared = new WeakMap<OracleCalendar, PreparedCalendar>();

function prepare(calendar: OracleCalendar): PreparedCalendar {
  let ready = prepared.get(calendar);
  if (ready === undefined) {
    const toMinutes = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
    ready = {
      formatter: new Intl.DateTimeFormat('en-US', {
        timeZone: calendar.timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
      holidays: new Set(calendar.holidays ?? []),
      days: DAY_KEYS.map((key) => (calendar.week[key] ?? []).map(([s, e]) => [toMinutes(s), toMinutes(e)] as const)),
    };
    prepared.set(calendar, ready);
  }
  return ready;
}

/** Whether instant `t` (ms) is business time of the calendar, pauses aside. */
export function isBusinessInstant(calendar: OracleCalendar, t: number): boolean {
  const { formatter, holidays, days } = prepare(calendar);
  // "MM/DD/YYYY, HH:MM:SS"
  const [month, day, year, hour, minute, second] = (formatter.format(t).match(/\d+/g) ?? []).map(Number);
  if (month === undefined || day === undefined || year === undefined || hour === undefined || minute === undefined || second === undefined) {
    throw new Error('oracle: unexpected Intl output');
  }
  if (second !== new Date(t).getUTCSeconds()) {
    throw new Error(`oracle: ${calendar.timeZone} has an offset that is not whole minutes at ${new Date(t).toISOString()}`);
  }
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (holidays.has(date)) return false;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // years here are >= 1972
  const timeOfDay = hour * 60 + minute;
  return (days[weekday] ?? []).some(([start, end]) => start <= timeOfDay && timeOfDay < end);
}

/** Sorted list of pause edges, for cutting pieces. */
function pauseEdges(pauses: readonly OraclePause[]): number[] {
  return pauses.flatMap((p) => [p.from.getTime(), p.to.getTime()]).sort((a, b) => a - b);
}

function isPaused(pauses: readonly OraclePause[], t: number): boolean {
  return pauses.some((p) => p.from.getTime() <= t && t < p.to.getTime());
}

/** End of the piece that starts at `t`: the next whole UTC minute or pause edge after `t`. */
function pieceEnd(t: number, edges: readonly number[]): number {
  let end = Math.floor(t / MINUTE) * MINUTE + MINUTE;
  for (const edge of edges) {
    if (edge > t && edge < end) end = edge;
  }
  return end;
}

/** Business minutes in [from, to) minus pauses, by walking every minute. */
export function bruteBusinessMinutesBetween(
  calendar: OracleCalendar,
  from: Date,
  to: Date,
  pauses: readonly OraclePause[] = [],
): number {
  const edges = pauseEdges(pauses);
  let total = 0;
  for (let t = from.getTime(); t < to.getTime(); ) {
    const end = Math.min(pieceEnd(t, edges), to.getTime());
    if (!isPaused(pauses, t) && isBusinessInstant(calendar, t)) total += end - t;
    t = end;
  }
  return total / MINUTE;
}

/**
 * The smallest instant d >= start with `minutes` business minutes in [start, d), by walking every
 * minute. Gives up (throws) after `maxDays` days of walking.
 */
export function bruteAddBusinessMinutes(
  calendar: OracleCalendar,
  start: Date,
  minutes: number,
  pauses: readonly OraclePause[] = [],
  maxDays = 1200,
): Date {
  const wanted = Math.round(minutes * MINUTE);
  if (wanted === 0) return new Date(start.getTime());
  const edges = pauseEdges(pauses);
  const giveUp = start.getTime() + maxDays * 86_400_000;
  let earned = 0;
  for (let t = start.getTime(); t < giveUp; ) {
    const end = pieceEnd(t, edges);
    if (!isPaused(pauses, t) && isBusinessInstant(calendar, t)) {
      if (earned + (end - t) >= wanted) return new Date(t + (wanted - earned));
      earned += end - t;
    }
    t = end;
  }
  throw new Error(`oracle: no deadline within ${maxDays} days`);
}
