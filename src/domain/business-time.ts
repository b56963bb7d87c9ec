/**
 * The business-time engine (design §2): compile a calendar once, then turn "n business minutes after
 * this instant" into an instant, and measure the business time between two instants, in a few
 * hundred nanoseconds each, exactly.
 *
 * Semantics. An instant is business time when its local date (in the calendar's IANA zone) is not a
 * holiday and its local time of day lies in `[start, end)` of an interval of its local weekday; pauses
 * `[from, to)` are removed. `businessMinutesBetween` is the measure of `[from, to)`;
 * `addBusinessMinutes` is the smallest `d >= start` whose `[start, d)` holds exactly `n` minutes. So a
 * start outside business time waits for the next business instant, a deadline reached exactly at
 * closing time stays at closing time, wall times skipped by a DST change hold no instants and a
 * repeated hour counts twice.
 *
 * Algorithm. Compiling turns the definition into three tables:
 *  1. the week as sorted intervals in ms since Monday 00:00 with prefix sums of business ms, and the
 *     holidays as sorted day numbers with prefix sums of the business they remove. Together they give
 *     B(L), the business ms before a *local* time L, and its inverses, in O(log intervals + log
 *     holidays): whole weeks are skipped arithmetically, whatever the distance
 *     (business-time/local-business-time.ts);
 *  2. the zone's UTC-offset segments, found with `Intl` once per zone and shared by every calendar of
 *     that zone (time-zone-offsets.ts); no query calls `Intl` inside the range built at compile time;
 *  3. spans of three years or more without business time (years of back-to-back holidays), kept as
 *     pause-like spans so that the waiting limit below needs no scan.
 * A query then works per offset segment: inside one, business time in `[a, b)` is
 * `B(b + o) − B(a + o)` and a deadline is one inverse look-up (business-time/zoned-business-time.ts).
 * Pauses are sorted and merged, then removed piecewise: measure minus the measure of each pause, or
 * for a deadline, advance to the next pause, bank what was earned, resume at its end.
 *
 * Holidays are dates "YYYY-MM-DD" as design §2 documents them, optionally named (`{ date, name }`), or
 * yearly (`{ yearly: "12-25", name }`): yearly ones are expanded into dates when the calendar is
 * compiled (for the years 2000–2199, RECURRING_HOLIDAY_YEARS), so queries never see the difference.
 *
 * Limits. Instants from 1800-01-01T00:00Z to 2400-01-01T00:00Z. A deadline that would have to wait
 * three years (1096 days) or more without any business time (holidays, pauses or both) throws
 * `NoBusinessTimeError` instead of searching on. Time is counted in whole milliseconds: a fractional
 * `minutes` is rounded to the nearest millisecond.
 *
 * Pure: no I/O, no clock, no Forge imports (eslint enforces it); `Intl` only via the offset tables.
 */
import { calendarDefinitionSchema, type CalendarDefinition } from '../contract/calendar';
import { DAY_MS } from './business-time/civil-days';
import { LocalBusinessTime } from './business-time/local-business-time';
import { collectPauses as collectPauseSpans, dateValueOf as timeValueOf, type SpanList } from './business-time/pause-spans';
import { ZonedBusinessTime } from './business-time/zoned-business-time';
import { MAX_SUPPORTED_TIME as SUPPORTED_UNTIL, MIN_SUPPORTED_TIME as SUPPORTED_FROM, getZoneOffsets } from './time-zone-offsets';

export type { CalendarDefinition } from '../contract/calendar';
export { MAX_SUPPORTED_TIME, MIN_SUPPORTED_TIME } from './time-zone-offsets';

/** A span `[from, to)` during which the clock stands still (e.g. "waiting for customer"). */
export interface Pause {
  readonly from: Date;
  readonly to: Date;
}

/** How long a deadline may wait without finding business time: three years, 1096 days. */
export const NO_BUSINESS_TIME_HORIZON_DAYS = 1096;
const HORIZON_MS = NO_BUSINESS_TIME_HORIZON_DAYS * DAY_MS;
const NO_PAUSES: readonly Pause[] = [];
// Days a stretch without business time may exceed its run of idle local days (see CompiledCalendar).
const IDLE_SLACK_DAYS = 11;
const MINUTE_MS = 60_000;
// Module-local copies: some CommonJS transpilers turn imported bindings into getter calls (hot path).
const MIN_SUPPORTED_TIME = SUPPORTED_FROM;
const MAX_SUPPORTED_TIME = SUPPORTED_UNTIL;
const collectPauses = collectPauseSpans;
const dateValueOf = timeValueOf;

// Offset tables of these years are built when a calendar is compiled, so that queries there never call
// Intl; outside them a query builds what it needs once (about 1 ms per year).
const PREPARED_FROM = Date.UTC(2015, 0, 1);
const PREPARED_TO = Date.UTC(2045, 0, 1);

/** One problem of a calendar definition: the field (e.g. `week.tue[1]`) and what is wrong with it. */
export interface CalendarIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * A calendar definition was rejected. `field` names the first bad field in the notation
 * `week.tue[1]`, `holidays[2]`, `timeZone` ("(root)" for the definition itself); `issues` lists all.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly field: string;
  readonly issues: readonly CalendarIssue[];

  constructor(issues: readonly CalendarIssue[]) {
    const first = issues[0] ?? { field: '(root)', message: 'invalid calendar' };
    super(`invalid calendar: ${first.field}: ${first.message}`);
    this.field = first.field;
    this.issues = issues;
  }
}

/**
 * A deadline cannot be found: from `since` on there is no business time for three years (1096 days),
 * because of holidays, pauses or both.
 */
export class NoBusinessTimeError extends Error {
  override readonly name = 'NoBusinessTimeError';

  constructor(
    /** The instant after which no business time was found. */
    readonly since: Date,
    readonly timeZone: string,
  ) {
    super(
      `no business time within ${NO_BUSINESS_TIME_HORIZON_DAYS} days (3 years) after ${since.toISOString()} ` +
        `in calendar zone ${timeZone}: check its holidays and the pauses`,
    );
  }
}

// Internals live under a module-private symbol: only this module can reach them.
const INTERNALS: unique symbol = Symbol('business-time internals');

/** What queries need of a compiled calendar. */
interface CalendarInternals {
  readonly engine: ZonedBusinessTime;
  /** Pause-like spans `[from, to)` (ms) inside runs of 3 years without business time; usually none. */
  readonly idleFrom: readonly number[];
  readonly idleTo: readonly number[];
  readonly hasIdleSpans: boolean;
  /** An upper bound (ms) of any stretch without business time, pauses aside. */
  readonly maxIdleMs: number;
}

/**
 * A validated calendar with its look-up tables, ready for fast queries. Immutable; build it with
 * `compileCalendar` (the constructor is the same thing) and reuse it: compiling takes well under a
 * millisecond once the zone is known, a query a fraction of a microsecond.
 */
export class CompiledCalendar {
  /** IANA zone name as given in the definition. */
  readonly timeZone: string;
  /** The validated definition (deeply frozen). */
  readonly definition: Readonly<CalendarDefinition>;
  /** Business minutes in a week without holidays. */
  readonly weeklyBusinessMinutes: number;
  readonly [INTERNALS]: CalendarInternals;

  /** Validates `definition` and compiles it; see `compileCalendar`. */
  constructor(definition: unknown) {
    const parsed = calendarDefinitionSchema.safeParse(definition);
    if (!parsed.success) {
      throw new CalendarError(
        parsed.error.issues.map((issue) => ({
          field: fieldName(issue.path, issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined),
          message: issue.message,
        })),
      );
    }
    const valid = deepFreeze(parsed.data);
    const zone = getZoneOffsets(valid.timeZone);
    zone.prepareRange(PREPARED_FROM, PREPARED_TO);
    const local = new LocalBusinessTime(valid);
    this.timeZone = valid.timeZone;
    this.definition = valid;
    this.weeklyBusinessMinutes = local.weekTotal / MINUTE_MS;
    // A stretch without business time is at most a run of idle days (holidays and the weekdays without
    // work around them, or a plain week) plus the partial days at its ends (< 2 days), a change of UTC
    // offset (< 2 days) and a week whose only working time a DST change skipped (7 days).
    const allRuns = local.idleRuns(0);
    const runs = allRuns.filter((run) => run.toDay - run.fromDay + IDLE_SLACK_DAYS >= NO_BUSINESS_TIME_HORIZON_DAYS);
    const longestRun = allRuns.reduce((longest, run) => Math.max(longest, run.toDay - run.fromDay), 7);
    this[INTERNALS] = {
      engine: new ZonedBusinessTime(local, zone),
      // Inside a run of idle local days, instants 2 days in from either edge are idle in any zone
      // (offsets stay within ±26 h); the walk finds the exact edges itself.
      idleFrom: runs.map((run) => (run.fromDay + 2) * DAY_MS),
      idleTo: runs.map((run) => (run.toDay - 2) * DAY_MS),
      hasIdleSpans: runs.length > 0,
      maxIdleMs: (longestRun + IDLE_SLACK_DAYS) * DAY_MS,
    };
    Object.freeze(this);
  }
}

/**
 * Validates a calendar definition (see `calendarDefinitionSchema`) and compiles it for fast queries.
 *
 * @throws CalendarError naming the bad field: unknown time zone (`timeZone`), a bad time such as
 *   "25:00" (`week.mon[0][1]`), start not before end or overlapping intervals (`week.tue[1]`), an
 *   unknown weekday key (`week.xyz`), a malformed or impossible holiday (`holidays[2]`, also
 *   `holidays[3].yearly` for a yearly one), a week without working time (`week`), or wrong types.
 *
 * @example
 * const office = compileCalendar({
 *   timeZone: 'Europe/Amsterdam',
 *   week: { mon: [['09:00', '17:00']], tue: [['08:00', '12:00'], ['13:00', '17:30']] },
 *   holidays: ['2026-12-25', '2026-12-26'],
 * });
 * // Named and yearly holidays too:
 * compileCalendar({ timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] },
 *   holidays: [{ date: '2027-04-27', name: "King's Day" }, { yearly: '12-25', name: 'Christmas Day' }] });
 */
export function compileCalendar(definition: unknown): CompiledCalendar {
  return new CompiledCalendar(definition);
}

/**
 * The deadline `minutes` business minutes after `start`: the smallest instant `d >= start` such that
 * `[start, d)` minus the pauses holds exactly that much business time. A start outside business time
 * (night, weekend, holiday, inside a pause) waits for the next business instant; a deadline reached
 * exactly at closing time is that closing time. `minutes` 0 gives `start` itself.
 *
 * @param pauses spans `[from, to)` that do not count; they may overlap, lie partly before `start`,
 *   and spans with `to <= from` are empty.
 * @throws TypeError for arguments of the wrong type; RangeError for negative, NaN or infinite
 *   `minutes`, an invalid Date, or instants outside 1800–2400; NoBusinessTimeError when the clock
 *   would wait three years or more for business time.
 *
 * @example
 * // Mon–Fri 09:00–17:00 Amsterdam: Friday 16:30 + 60 min → Monday 09:30
 * addBusinessMinutes(office, new Date('2026-03-06T16:30:00+01:00'), 60).toISOString()
 * // '2026-03-09T08:30:00.000Z'
 */
export function addBusinessMinutes(
  cal: CompiledCalendar,
  start: Date,
  minutes: number,
  pauses?: readonly Pause[],
): Date {
  const internals = internalsOf(cal);
  const engine = internals.engine;
  const from = instantOf(start, 'start');
  const amount = millisecondsOf(minutes);
  const spans = pauses === undefined ? undefined : collectPauses(pauses, from, MAX_SUPPORTED_TIME);
  if (amount === 0) return new Date(from);
  // Business time never runs faster than real time: a deadline past the range is known at once.
  if (amount > MAX_SUPPORTED_TIME - from) beyondRange();
  if ((spans === undefined || spans.count === 0) && !internals.hasIdleSpans) {
    // No pauses and no idle span of 3 years: the waiting limit cannot be reached.
    return resultDate(engine.advance(from, amount));
  }
  const list = spans ?? collectPauses(NO_PAUSES, from, MAX_SUPPORTED_TIME);
  for (let k = 0; k < internals.idleFrom.length; k++) {
    const idleFrom = internals.idleFrom[k] ?? from;
    list.add(Math.max(idleFrom, from), internals.idleTo[k] ?? idleFrom);
  }
  // The clock can only stand still for 3 years if the pauses and the idle stretches between them
  // (each shorter than `maxIdleMs` here) can add up to that; otherwise skip the bookkeeping.
  const watchHorizon =
    internals.hasIdleSpans || list.totalLength() + (list.count + 1) * internals.maxIdleMs >= HORIZON_MS;
  return resultDate(advanceAroundPauses(engine, cal.timeZone, from, amount, list, watchHorizon));
}

/**
 * Business minutes in `[from, to)` minus the pauses; 0 when `to <= from`. Fractional when an
 * end point is not on a whole minute of business time (whole milliseconds / 60 000).
 *
 * @param pauses spans `[from, to)` that do not count; they may overlap one another.
 * @throws TypeError for arguments of the wrong type; RangeError for an invalid Date or instants
 *   outside 1800–2400.
 *
 * @example
 * // Mon–Fri 09:00–17:00 Amsterdam, from Friday 16:00 to Monday 10:00 → 120
 * businessMinutesBetween(office, new Date('2026-03-06T16:00:00+01:00'), new Date('2026-03-09T10:00:00+01:00'))
 */
export function businessMinutesBetween(
  cal: CompiledCalendar,
  from: Date,
  to: Date,
  pauses?: readonly Pause[],
): number {
  const engine = internalsOf(cal).engine;
  const a = instantOf(from, 'from');
  const b = instantOf(to, 'to');
  const spans = pauses === undefined ? undefined : collectPauses(pauses, a, b);
  if (b <= a) return 0;
  if (spans === undefined || spans.count === 0) return engine.measure(a, b) / MINUTE_MS;
  return engine.measureOutside(a, b, spans.from, spans.to, spans.count) / MINUTE_MS;
}

/**
 * Walks from `start` through the merged, sorted, disjoint pauses:
 * between two pauses the engine runs freely; what it earns is banked at the next pause, and the walk
 * resumes where that pause ends. With `watchHorizon`, `idleSince` tracks where business time last
 * ran, so a stretch of 3 years without it, however built from holidays and pauses, throws.
 */
function advanceAroundPauses(
  engine: ZonedBusinessTime,
  timeZone: string,
  start: number,
  amount: number,
  pauses: SpanList,
  watchHorizon: boolean,
): number {
  const { from: pauseFrom, to: pauseTo, count } = pauses;
  let remaining = amount;
  let t = start;
  let idleSince = start;
  let p = 0;
  for (;;) {
    while (p < count && (pauseTo[p] ?? Infinity) <= t) p++;
    const pauseStart = p < count ? (pauseFrom[p] ?? Infinity) : Infinity;
    if (pauseStart <= t) {
      t = pauseTo[p] ?? Infinity; // inside a pause: resume at its end
      p++;
      continue;
    }
    let from = t;
    if (watchHorizon) {
      const horizon = idleSince + HORIZON_MS;
      const bound = pauseStart < horizon ? pauseStart : horizon;
      from = engine.nextBusiness(t, bound);
      if (from >= bound) {
        if (bound === horizon) throw new NoBusinessTimeError(new Date(idleSince), timeZone);
        t = pauseStart;
        continue;
      }
    }
    if (pauseStart === Infinity) return engine.advance(from, remaining);
    const deadline = engine.advanceBefore(from, remaining, pauseStart);
    if (!Number.isNaN(deadline)) return deadline;
    remaining -= engine.earned;
    if (watchHorizon) idleSince = engine.lastBusinessEnd(pauseStart, from);
    t = pauseStart;
  }
}

function internalsOf(cal: unknown): CalendarInternals {
  if (!(cal instanceof CompiledCalendar)) {
    throw new TypeError('cal must be a CompiledCalendar returned by compileCalendar()');
  }
  return cal[INTERNALS];
}

/** Like `dateValueOf`, and within the supported range. */
function instantOf(value: unknown, name: string): number {
  const time = dateValueOf(value, name);
  if (time < MIN_SUPPORTED_TIME || time > MAX_SUPPORTED_TIME) {
    throw new RangeError(`${name} must lie between 1800-01-01T00:00Z and 2400-01-01T00:00Z`);
  }
  return time;
}

function millisecondsOf(minutes: unknown): number {
  if (typeof minutes !== 'number') throw new TypeError('minutes must be a number');
  if (Number.isNaN(minutes)) throw new RangeError('minutes must be a number, not NaN');
  if (minutes < 0) throw new RangeError(`minutes must not be negative (got ${minutes})`);
  if (minutes === Infinity) throw new RangeError('minutes must be finite');
  return Math.round(minutes * MINUTE_MS);
}

function resultDate(time: number): Date {
  if (time > MAX_SUPPORTED_TIME) beyondRange();
  return new Date(time);
}

function beyondRange(): never {
  throw new RangeError('the deadline lies beyond the supported range (after 2400-01-01T00:00Z)');
}

/** `week.tue[1]` notation for a zod issue path (plus the unknown key of an unrecognized-keys issue). */
function fieldName(path: readonly PropertyKey[], unknownKey: string | undefined): string {
  let name = '';
  for (const key of unknownKey === undefined ? path : [...path, unknownKey]) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name === '' ? String(key) : `.${String(key)}`;
  }
  return name === '' ? '(root)' : name;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
