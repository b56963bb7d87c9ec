/**
 * Report periods as month arithmetic: presets ("last quarter") resolved against a local date, the
 * months of a period, the previous period of the same length, and the local dates a period spans.
 * Quarters are calendar quarters (Jan–Mar, …); a year is a calendar year.
 *
 * Pure: no I/O, no clock — "today" is a parameter (a local date in the reader's zone).
 */
import type { PeriodChoice, PeriodPreset, ReportPeriod } from '../contract/report-period';

function split(month: string): { year: number; month: number } {
  const [year, m] = month.split('-').map(Number);
  return { year: year ?? 0, month: m ?? 1 };
}

function join(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * The month `delta` months after `month` (before, when negative).
 *
 * @example addMonths('2026-01', -1) // '2025-12'
 */
export function addMonths(month: string, delta: number): string {
  const { year, month: m } = split(month);
  const index = year * 12 + (m - 1) + delta;
  return join(Math.floor(index / 12), (index % 12) + 1);
}

/**
 * Every month of a period, in order.
 *
 * @example monthsOf({ from: '2026-07', to: '2026-09' }) // ['2026-07', '2026-08', '2026-09']
 */
export function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  for (let month = period.from; month <= period.to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * The period a preset means on a local date.
 *
 * @example resolvePreset('last-quarter', '2026-10-05') // { from: '2026-07', to: '2026-09' }
 */
export function resolvePreset(preset: PeriodPreset, today: string): ReportPeriod {
  const month = today.slice(0, 7);
  const { year, month: m } = split(month);
  const quarterStart = join(year, Math.floor((m - 1) / 3) * 3 + 1);
  switch (preset) {
    case 'this-month':
      return { from: month, to: month };
    case 'last-month': {
      const last = addMonths(month, -1);
      return { from: last, to: last };
    }
    case 'this-quarter':
      return { from: quarterStart, to: addMonths(quarterStart, 2) };
    case 'last-quarter': {
      const start = addMonths(quarterStart, -3);
      return { from: start, to: addMonths(start, 2) };
    }
    case 'this-year':
      return { from: join(year, 1), to: join(year, 12) };
    case 'last-year':
      return { from: join(year - 1, 1), to: join(year - 1, 12) };
  }
}

/** The period a choice means on a local date. */
export function resolvePeriodChoice(choice: PeriodChoice, today: string): ReportPeriod {
  return choice.kind === 'preset' ? resolvePreset(choice.preset, today) : choice.period;
}

/**
 * The period of the same length just before this one (Q3 → Q2, a year → the year before).
 *
 * @example previousPeriod({ from: '2026-07', to: '2026-09' }) // { from: '2026-04', to: '2026-06' }
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const length = monthsOf(period).length;
  return { from: addMonths(period.from, -length), to: addMonths(period.from, -1) };
}

/**
 * The first and last local date of a period, both inclusive.
 *
 * @example periodDates({ from: '2026-07', to: '2026-09' }) // { start: '2026-07-01', end: '2026-09-30' }
 */
export function periodDates(period: ReportPeriod): { start: string; end: string } {
  const next = split(addMonths(period.to, 1));
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(next.year, next.month - 1, 0)).getUTCDate();
  return { start: `${period.from}-01`, end: `${period.to}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * True when the local date lies in the period.
 *
 * @example dateInPeriod('2026-09-30', { from: '2026-07', to: '2026-09' }) // true
 */
export function dateInPeriod(localDate: string, period: ReportPeriod): boolean {
  const month = localDate.slice(0, 7);
  return month >= period.from && month <= period.to;
}
