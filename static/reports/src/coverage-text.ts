/**
 * Coverage hours in words for the contract section: consecutive weekdays with the same hours are
 * joined (`Mon–Fri 08:30–17:30`), 24-hour days read as such, the zone follows. Weekday names come from
 * `Intl` in the reader's locale. Pure: no React, no bridge.
 */
import { WEEKDAYS, type CoverageHours } from '../../../src/contract/contracts-in-force';

function weekdayName(locale: string, index: number): string {
  // 5 January 2026 is a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 5 + index)));
}

/**
 * @example coverageRuns('en-GB', { timeZone: 'Europe/Amsterdam', week: { mon: [['08:30', '17:30']], … fri: … }, holidays: [] })
 * // ['Mon–Fri 08:30–17:30']
 */
export function coverageRuns(locale: string, hours: CoverageHours): string[] {
  const runs: { from: number; to: number; text: string }[] = [];
  WEEKDAYS.forEach((day, index) => {
    const intervals = hours.week[day] ?? [];
    if (intervals.length === 0) return;
    const text = intervals.map(([start, end]) => `${start}–${end}`).join(', ');
    const last = runs[runs.length - 1];
    if (last !== undefined && last.to === index - 1 && last.text === text) last.to = index;
    else runs.push({ from: index, to: index, text });
  });
  return runs.map((run) => {
    const days = run.from === run.to ? weekdayName(locale, run.from) : `${weekdayName(locale, run.from)}–${weekdayName(locale, run.to)}`;
    return `${days} ${run.text}`;
  });
}
