/**
 * Business time on the *local* time line of a calendar: weekly intervals and holidays, with no time
 * zone yet. A local time is a number of milliseconds since 1970-01-01T00:00 wall-clock time ("local
 * ms"); day `floor(L / DAY_MS)` is its local date.
 *
 * The whole engine rests on one function and its two inverses:
 *   measureTo(L)     = business ms on the local line before L, counted from a fixed origin ("B(L)");
 *                      non-decreasing and continuous, flat outside business time;
 *   firstReaching(v) = smallest L with B(L) >= v  (where a deadline lands: an interval end stays an end);
 *   lastAt(v)        = largest L with B(L) <= v   (where business time next begins).
 * B(L) = weeks × weekly total + prefix sum inside the week − business lost to holidays before L. The
 * week part is arithmetic plus a scan of one day's intervals; holidays are a sorted array of day
 * numbers (with a bucket index) and prefix sums of the business they remove, so each function costs
 * a couple of short searches, whatever the distance.
 *
 * Pure arithmetic on numbers (all exact integers far below 2^53); touches nothing else.
 */
import { WEEKDAY_KEYS, holidayDates, parseTimeOfDay, type CalendarDefinition } from '../../contract/calendar';
import { DAY_MS as CIVIL_DAY_MS, daysFromCivil, weekdayOfDay } from './civil-days';

// Module-local copies: some CommonJS transpilers turn imported bindings into getter calls, and these
// constants sit on the hot path.
const DAY_MS = CIVIL_DAY_MS;
const WEEK_MS = 7 * DAY_MS;
// Day 0 (1970-01-01) is a Thursday; shifting by 3 days puts a Monday 00:00 at the origin of week 0.
const MONDAY_SHIFT_MS = 3 * DAY_MS;

/** Thrown when an internal table is read out of range: a broken invariant, never bad input. */
function brokenTable(): never {
  throw new Error('business-time table read out of range (internal error)');
}

/** A span of local days `[fromDay, toDay)` without any business time. */
export interface IdleDays {
  readonly fromDay: number;
  readonly toDay: number;
}

export class LocalBusinessTime {
  /** Business ms in one week without holidays. */
  readonly weekTotal: number;
  /** Business ms per weekday (Monday = 0). */
  readonly dayTotals: readonly number[];
  /** Local day numbers of holidays that fall on a day with working time, ascending, unique. */
  readonly holidayDays: Float64Array;

  // Working intervals of the week, in ms since Monday 00:00, sorted, touching ones merged.
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  // before[k] = business ms of the week before starts[k]; before[count] = weekTotal.
  private readonly before: Float64Array;
  private readonly count: number;
  // firstOfDay[d] = first interval whose end lies after the start of weekday d.
  private readonly firstOfDay: Int32Array;
  // holidayLoss[j] = business ms removed by the holidays before holidayDays[j]; length holidays + 1.
  private readonly holidayLoss: Float64Array;
  // holidayMeasure[j] = B at the start of holidayDays[j] (B is flat across the whole holiday).
  private readonly holidayMeasure: Float64Array;
  private readonly holidayCount: number;
  // Bucket index over the holiday days: bucketStart[b] = first holiday on or after day
  // firstHoliday + (b << bucketShift); narrows a holiday search to a bucket's few entries.
  private readonly firstHoliday: number;
  private readonly lastHoliday: number;
  private readonly bucketShift: number;
  private readonly bucketStart: Int32Array;

  constructor(definition: CalendarDefinition) {
    const raw: [number, number][] = [];
    const dayTotals = [0, 0, 0, 0, 0, 0, 0];
    WEEKDAY_KEYS.forEach((key, weekday) => {
      for (const [start, end] of definition.week[key] ?? []) {
        const from = weekday * DAY_MS + (parseTimeOfDay(start) ?? brokenTable()) * 60_000;
        const to = weekday * DAY_MS + (parseTimeOfDay(end) ?? brokenTable()) * 60_000;
        raw.push([from, to]);
        dayTotals[weekday] = (dayTotals[weekday] ?? 0) + (to - from);
      }
    });
    raw.sort((a, b) => a[0] - b[0]);
    // Merge intervals that touch (a night shift 22:00–24:00 + 00:00–06:00 becomes one run).
    const merged: [number, number][] = [];
    for (const [from, to] of raw) {
      const last = merged[merged.length - 1];
      if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    this.count = merged.length;
    this.starts = Float64Array.from(merged, (interval) => interval[0]);
    this.ends = Float64Array.from(merged, (interval) => interval[1]);
    this.before = new Float64Array(this.count + 1);
    for (let k = 0; k < this.count; k++) {
      this.before[k + 1] = (this.before[k] ?? 0) + (this.ends[k] ?? 0) - (this.starts[k] ?? 0);
    }
    this.weekTotal = this.before[this.count] ?? 0;
    if (!(this.weekTotal > 0)) throw new Error('a calendar week without working time cannot be compiled');
    this.dayTotals = dayTotals;
    this.firstOfDay = new Int32Array(7);
    for (let weekday = 0, k = 0; weekday < 7; weekday++) {
      while (k < this.count && (this.ends[k] ?? 0) <= weekday * DAY_MS) k++;
      this.firstOfDay[weekday] = k;
    }

    // Yearly holidays arrive here already expanded into dates (RECURRING_HOLIDAY_YEARS): queries see
    // one sorted table whatever the mix, so they cost the same as before.
    const days = new Set<number>();
    for (const date of holidayDates(definition.holidays ?? [])) {
      const day = daysFromCivil(date.year, date.month, date.day);
      if ((dayTotals[weekdayOfDay(day)] ?? 0) > 0) days.add(day);
    }
    this.holidayDays = Float64Array.from(days).sort();
    this.holidayCount = this.holidayDays.length;
    this.firstHoliday = this.holidayDays[0] ?? 0;
    this.lastHoliday = this.holidayDays[this.holidayCount - 1] ?? 0;
    // Buckets of 32 days, or wider when holidays are few and far apart (at most ~4 per holiday).
    const span = this.lastHoliday - this.firstHoliday + 1;
    let shift = 5;
    while (span >> shift > 4 * this.holidayCount + 16) shift++;
    this.bucketShift = shift;
    this.bucketStart = new Int32Array((span >> shift) + 2);
    for (let b = 0, k = 0; b < this.bucketStart.length; b++) {
      const bucketDay = this.firstHoliday + b * 2 ** shift;
      while (k < this.holidayCount && (this.holidayDays[k] ?? brokenTable()) < bucketDay) k++;
      this.bucketStart[b] = k;
    }
    this.holidayLoss = new Float64Array(this.holidayCount + 1);
    this.holidayMeasure = new Float64Array(this.holidayCount);
    for (let j = 0; j < this.holidayCount; j++) {
      const day = this.holidayDays[j] ?? brokenTable();
      const loss = this.holidayLoss[j] ?? brokenTable();
      this.holidayLoss[j + 1] = loss + (dayTotals[weekdayOfDay(day)] ?? 0);
      this.holidayMeasure[j] = this.weekMeasureTo(day * DAY_MS, day) - loss;
    }
  }

  /**
   * B(L): business ms before local time `L` (from a fixed origin; only differences mean anything).
   *
   * @example
   * // Mon–Fri 09:00–17:00: Monday 2026-01-05 12:00 local lies 3 h after Monday 09:00
   * local.measureTo(Date.UTC(2026, 0, 5, 12)) - local.measureTo(Date.UTC(2026, 0, 5)) // 10_800_000
   */
  measureTo(local: number): number {
    const day = Math.floor(local / DAY_MS);
    if (this.holidayCount === 0) return this.weekMeasureTo(local, day);
    const j = this.countHolidaysBefore(day);
    // On a holiday B stays where the day began.
    if (j < this.holidayCount && this.holidayDays[j] === day) {
      return this.weekMeasureTo(day * DAY_MS, day) - (this.holidayLoss[j] ?? brokenTable());
    }
    return this.weekMeasureTo(local, day) - (this.holidayLoss[j] ?? brokenTable());
  }

  /**
   * `measureTo(to) - measureTo(from)` for `from <= to`, sharing the holiday search: the holidays
   * before `to` are those before `from` plus the few after it (a short scan, then a binary search).
   */
  measureSpan(from: number, to: number): number {
    const fromDay = Math.floor(from / DAY_MS);
    const toDay = Math.floor(to / DAY_MS);
    const count = this.holidayCount;
    if (count === 0) return this.weekMeasureTo(to, toDay) - this.weekMeasureTo(from, fromDay);
    let k = this.countHolidaysBefore(fromDay);
    const fromMeasure =
      k < count && this.holidayDays[k] === fromDay
        ? this.weekMeasureTo(fromDay * DAY_MS, fromDay) - (this.holidayLoss[k] ?? brokenTable())
        : this.weekMeasureTo(from, fromDay) - (this.holidayLoss[k] ?? brokenTable());
    const scanEnd = k + 8 < count ? k + 8 : count;
    while (k < scanEnd && (this.holidayDays[k] ?? brokenTable()) < toDay) k++;
    if (k === scanEnd && k < count) {
      let high = count;
      while (k < high) {
        const middle = (k + high) >>> 1;
        if ((this.holidayDays[middle] ?? brokenTable()) < toDay) k = middle + 1;
        else high = middle;
      }
    }
    const toMeasure =
      k < count && this.holidayDays[k] === toDay
        ? this.weekMeasureTo(toDay * DAY_MS, toDay) - (this.holidayLoss[k] ?? brokenTable())
        : this.weekMeasureTo(to, toDay) - (this.holidayLoss[k] ?? brokenTable());
    return toMeasure - fromMeasure;
  }

  /**
   * Smallest local time `L` with B(L) >= `value`: where a running total reaches `value`. When it is
   * reached exactly at the end of an interval, that end is returned (not the next opening).
   */
  firstReaching(value: number): number {
    // Holidays whose start is already below `value` lie wholly before the answer (B is flat on them).
    let low = 0;
    let high = this.holidayCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.holidayMeasure[middle] ?? brokenTable()) < value) low = middle + 1;
      else high = middle;
    }
    return this.weekFirstReaching(value + (this.holidayLoss[low] ?? brokenTable()));
  }

  /** B at the `local` of the last `advanceFrom` call, so that a caller need not compute it again. */
  startMeasure = 0;

  /**
   * `firstReaching(measureTo(local) + amount)` for `amount > 0`, sharing one holiday search: the
   * holidays before the answer are those before `local`, plus the few that follow (a short scan,
   * then a binary search for long distances). This is the hot path of every deadline.
   */
  advanceFrom(local: number, amount: number): number {
    const count = this.holidayCount;
    const day = Math.floor(local / DAY_MS);
    if (count === 0) {
      this.startMeasure = this.weekMeasureTo(local, day);
      return this.weekFirstReaching(this.startMeasure + amount);
    }
    let k = this.countHolidaysBefore(day);
    const lossBefore = this.holidayLoss[k] ?? brokenTable();
    const onHoliday = k < count && this.holidayDays[k] === day;
    this.startMeasure = this.weekMeasureTo(onHoliday ? day * DAY_MS : local, day) - lossBefore;
    const value = this.startMeasure + amount;
    // Holidays from index k on: count those whose start lies below `value`.
    const scanEnd = k + 8 < count ? k + 8 : count;
    while (k < scanEnd && (this.holidayMeasure[k] ?? brokenTable()) < value) k++;
    if (k === scanEnd && k < count) {
      let high = count;
      while (k < high) {
        const middle = (k + high) >>> 1;
        if ((this.holidayMeasure[middle] ?? brokenTable()) < value) k = middle + 1;
        else high = middle;
      }
    }
    return this.weekFirstReaching(value + (this.holidayLoss[k] ?? brokenTable()));
  }

  /**
   * Largest local time `L` with B(L) <= `value`: from a local time with B = `value`, the instant where
   * business time next begins (itself when it is business time).
   */
  lastAt(value: number): number {
    let low = 0;
    let high = this.holidayCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.holidayMeasure[middle] ?? brokenTable()) <= value) low = middle + 1;
      else high = middle;
    }
    const target = value + (this.holidayLoss[low] ?? brokenTable());
    // Week w holds B in [w·total, (w+1)·total).
    let week = Math.floor(target / this.weekTotal);
    let rest = target - week * this.weekTotal;
    if (rest < 0) {
      week -= 1;
      rest += this.weekTotal;
    } else if (rest >= this.weekTotal) {
      week += 1;
      rest -= this.weekTotal;
    }
    // First interval whose cumulative end exceeds `rest`.
    let k = 0;
    let last = this.count - 1;
    while (k < last) {
      const middle = (k + last) >>> 1;
      if ((this.before[middle + 1] ?? brokenTable()) > rest) last = middle;
      else k = middle + 1;
    }
    const inWeek = (this.starts[k] ?? brokenTable()) + rest - (this.before[k] ?? brokenTable());
    return week * WEEK_MS + inWeek - MONDAY_SHIFT_MS;
  }

  /**
   * Runs of local days without business time that are at least `minDays` long (holidays back to
   * back, with the non-working weekdays around them). Only calendars with years of holidays have any.
   */
  idleRuns(minDays: number): IdleDays[] {
    const runs: IdleDays[] = [];
    const isWorkingWeekday = (day: number): boolean => (this.dayTotals[weekdayOfDay(day)] ?? 0) > 0;
    let j = 0;
    while (j < this.holidayCount) {
      let e = j;
      for (;;) {
        const current = this.holidayDays[e] ?? brokenTable();
        const next = this.holidayDays[e + 1];
        if (next === undefined) break;
        let workingDayBetween = next - current - 1 >= 7;
        for (let day = current + 1; !workingDayBetween && day < next; day++) workingDayBetween = isWorkingWeekday(day);
        if (workingDayBetween) break;
        e++;
      }
      // At most six non-working weekdays on either side, as the week has working time.
      let fromDay = this.holidayDays[j] ?? brokenTable();
      while (!isWorkingWeekday(fromDay - 1)) fromDay--;
      let toDay = (this.holidayDays[e] ?? brokenTable()) + 1;
      while (!isWorkingWeekday(toDay)) toDay++;
      if (toDay - fromDay >= minDays) runs.push({ fromDay, toDay });
      j = e + 1;
    }
    return runs;
  }

  /** Bytes held in typed arrays (for memory reports). */
  tableBytes(): number {
    return (
      this.starts.byteLength +
      this.ends.byteLength +
      this.before.byteLength +
      this.firstOfDay.byteLength +
      this.holidayDays.byteLength +
      this.holidayLoss.byteLength +
      this.holidayMeasure.byteLength +
      this.bucketStart.byteLength
    );
  }

  /** Smallest local time with B-without-holidays >= `target`: whole weeks, then the week's prefix sums. */
  private weekFirstReaching(target: number): number {
    // Week w holds values in (w·total, (w+1)·total]; the guards correct a division rounded across a boundary.
    let week = Math.ceil(target / this.weekTotal) - 1;
    let rest = target - week * this.weekTotal;
    if (rest <= 0) {
      week -= 1;
      rest += this.weekTotal;
    } else if (rest > this.weekTotal) {
      week += 1;
      rest -= this.weekTotal;
    }
    // First interval whose cumulative end reaches `rest`.
    let k = 0;
    let last = this.count - 1;
    while (k < last) {
      const middle = (k + last) >>> 1;
      if ((this.before[middle + 1] ?? brokenTable()) >= rest) last = middle;
      else k = middle + 1;
    }
    const inWeek = (this.starts[k] ?? brokenTable()) + rest - (this.before[k] ?? brokenTable());
    return week * WEEK_MS + inWeek - MONDAY_SHIFT_MS;
  }

  /**
   * B without holidays at `local`, whose day number `day = floor(local / DAY_MS)` the caller has
   * already computed: whole weeks arithmetically, then the prefix sum inside the week.
   */
  private weekMeasureTo(local: number, day: number): number {
    // Day -3 (1969-12-29) was a Monday, so day + 3 counts from a week start; dividing these small
    // integers by 7 and flooring is exact.
    const week = Math.floor((day + 3) / 7);
    const weekday = day + 3 - week * 7;
    const inWeek = local + MONDAY_SHIFT_MS - week * WEEK_MS;
    // Start at the first interval of this weekday; a day holds only a few.
    let k = this.firstOfDay[weekday] ?? brokenTable();
    while (k < this.count && (this.ends[k] ?? brokenTable()) <= inWeek) k++;
    let within = this.before[k] ?? brokenTable();
    if (k < this.count) {
      const start = this.starts[k] ?? brokenTable();
      if (start < inWeek) within += inWeek - start;
    }
    return week * this.weekTotal + within;
  }

  /** Number of holidays on days before `day`: a bucket look-up, then a search among its few entries. */
  private countHolidaysBefore(day: number): number {
    if (day <= this.firstHoliday) return 0;
    if (day > this.lastHoliday) return this.holidayCount;
    const bucket = (day - this.firstHoliday) >> this.bucketShift;
    let low = this.bucketStart[bucket] ?? brokenTable();
    let high = this.bucketStart[bucket + 1] ?? brokenTable();
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.holidayDays[middle] ?? brokenTable()) < day) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
