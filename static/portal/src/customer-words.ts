/**
 * How the portal words what the backend decided, for a customer: an expectation as one sentence,
 * an instant as people say it ("Tuesday 2 December, 14:00", the year only when it is not this
 * year's), business hours grouped by runs of days ("Mon – Fri 08:30–17:30"), months and shares.
 * Formatting only: every state and instant comes from the backend (conventions §9).
 *
 * Pure: no React, no Forge bridge, no DOM.
 */
import type { CoverageCalendar, CustomerExpectation, Weekday } from '../../../src/contract/portal-api';
import type { PortalTranslate } from './messages';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * An instant as a customer reads it in their zone: weekday, day, month and time, with the year only
 * when it differs from the year of `now` there.
 *
 * @example formatCustomerInstant('2026-12-01T13:00:00Z', 'Europe/Amsterdam', 'en-GB', now) // 'Tuesday 1 December, 14:00'
 */
export function formatCustomerInstant(iso: string, timeZone: string, locale: string, now: Date): string {
  const date = new Date(iso);
  const year = (d: Date) => formatter(locale, { timeZone, year: 'numeric' }).format(d);
  const sameYear = year(date) === year(now);
  return formatter(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The sentence for one target's expectation, with `time` formatting the instants it names. */
export function wordExpectation(t: PortalTranslate, target: 'resolution' | 'response', expectation: CustomerExpectation, time: (iso: string) => string): string {
  switch (expectation.kind) {
    case 'expected':
      return target === 'resolution' ? t('resolution.expected', { time: time(expectation.by) }) : t('response.expected', { time: time(expectation.by) });
    case 'on-hold':
      if (expectation.cause === 'your-reply') return target === 'resolution' ? t('resolution.yourReply') : t('response.yourReply');
      return target === 'resolution' ? t('resolution.paused') : t('response.paused');
    case 'running-late':
      if (expectation.estimate !== null) {
        return target === 'resolution'
          ? t('resolution.lateEstimate', { time: time(expectation.estimate) })
          : t('response.lateEstimate', { time: time(expectation.estimate) });
      }
      return target === 'resolution' ? t('resolution.late', { time: time(expectation.expectedBy) }) : t('response.late', { time: time(expectation.expectedBy) });
    case 'done-on-time':
      return target === 'resolution' ? t('resolution.onTime', { time: time(expectation.at) }) : t('response.onTime', { time: time(expectation.at) });
    case 'done-late':
      return target === 'resolution' ? t('resolution.doneLate', { time: time(expectation.at) }) : t('response.doneLate', { time: time(expectation.at) });
  }
}

/** The instant an expectation names as its time, if any (the one to show in a second zone too). */
export function instantOf(expectation: CustomerExpectation): string | null {
  switch (expectation.kind) {
    case 'expected':
      return expectation.by;
    case 'running-late':
      return expectation.estimate ?? expectation.expectedBy;
    case 'done-on-time':
    case 'done-late':
      return expectation.at;
    case 'on-hold':
      return null;
  }
}

/** A run of consecutive weekdays with the same working intervals. */
export interface DayRun {
  readonly from: Weekday;
  readonly to: Weekday;
  readonly intervals: readonly (readonly [string, string])[];
}

/**
 * The week as runs of consecutive days with equal hours, Monday first.
 *
 * @example groupWeek(calendar.week) // [{ from: 'mon', to: 'fri', intervals: [['08:30', '17:30']] }, { from: 'sat', to: 'sun', intervals: [] }]
 */
export function groupWeek(week: CoverageCalendar['week']): DayRun[] {
  const runs: { from: Weekday; to: Weekday; intervals: (readonly [string, string])[]; key: string }[] = [];
  for (const { day, intervals } of week) {
    const key = JSON.stringify(intervals);
    const last = runs[runs.length - 1];
    if (last?.key === key) last.to = day;
    else runs.push({ from: day, to: day, intervals, key });
  }
  return runs.map(({ from, to, intervals }) => ({ from, to, intervals }));
}

/** 5 January 2026 was a Monday: the reference week for weekday names. */
const MONDAY_UTC = Date.UTC(2026, 0, 5, 12);
const DAY_INDEX: Readonly<Record<Weekday, number>> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

/** A weekday's short name in the locale (`Mon`, `ma`). */
export function weekdayName(day: Weekday, locale: string): string {
  return formatter(locale, { timeZone: 'UTC', weekday: 'short' }).format(new Date(MONDAY_UTC + DAY_INDEX[day] * 86_400_000));
}

/** A month `YYYY-MM` as `July 2026` / `juli 2026`. */
export function formatMonth(month: string, locale: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return formatter(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, number - 1, 15)));
}

/** A local date `YYYY-MM-DD` written out: `31 October 2026`, `31 oktober 2026`. */
export function formatLongDate(isoDate: string, locale: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return formatter(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** A holiday's day: `Fri 25 Dec`. */
export function formatHolidayDate(isoDate: string, locale: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return formatter(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}
