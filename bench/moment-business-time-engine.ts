/**
 * moment-business-time (+ moment-timezone) configured with the benchmark calendar, behind the same
 * small interface as the other benchmark engines. It has no pauses: with pauses it is given what it
 * supports — plain working-time calls — and the pauses are handled around it (a deadline advances to
 * the next pause, banks what it earned and resumes after it; a measure subtracts each pause's
 * working time). Bench-only; touches nothing else.
 */
import moment from 'moment-timezone';
import 'moment-business-time';
import { mergeSpans, type Span } from './bench-queries';

declare module 'moment' {
  interface Moment {
    addWorkingTime(amount: number, unit: 'minutes'): Moment;
    workingDiff(other: Moment, unit: 'minutes', detail: true): number;
  }
}

export interface MomentCalendar {
  readonly timeZone: string;
  /** Working hours "HH:MM" per weekday (0 = Sunday), one interval per day, null when closed. */
  readonly hours: readonly (readonly [string, string] | null)[];
  readonly holidays: readonly string[];
}

export class MomentBusinessTimeEngine {
  private readonly timeZone: string;

  constructor(calendar: MomentCalendar) {
    this.timeZone = calendar.timeZone;
    const workinghours: Record<number, string[] | null> = {};
    calendar.hours.forEach((interval, weekday) => {
      workinghours[weekday] = interval === null ? null : [`${interval[0]}:00`, `${interval[1]}:00`];
    });
    // moment-business-time reads its configuration from the current moment locale.
    moment.updateLocale(moment.locale(), { workinghours, holidays: [...calendar.holidays] });
  }

  /** Deadline (ms) `minutes` working minutes after `start` (ms). */
  add(start: number, minutes: number): number {
    return moment.tz(start, this.timeZone).addWorkingTime(minutes, 'minutes').valueOf();
  }

  /** Working minutes between `from` and `to` (ms), `from <= to`. */
  between(from: number, to: number): number {
    if (to <= from) return 0;
    return moment.tz(to, this.timeZone).workingDiff(moment.tz(from, this.timeZone), 'minutes', true);
  }

  /** Deadline with pauses handled around the library (it has none of its own). */
  addWithPauses(start: number, minutes: number, pauses: readonly Span[]): number {
    let t = start;
    let remaining = minutes;
    for (const pause of mergeSpans(pauses)) {
      if (pause.to <= t) continue;
      if (pause.from > t) {
        const deadline = this.add(t, remaining);
        if (deadline <= pause.from) return deadline;
        remaining -= this.between(t, pause.from);
      }
      t = pause.to;
    }
    return remaining === 0 ? t : this.add(t, remaining);
  }

  /** Measure with each pause's working time subtracted. */
  betweenWithPauses(from: number, to: number, pauses: readonly Span[]): number {
    let total = this.between(from, to);
    for (const pause of mergeSpans(pauses)) {
      const a = Math.max(from, pause.from);
      const b = Math.min(to, pause.to);
      if (a < b) total -= this.between(a, b);
    }
    return total;
  }
}
