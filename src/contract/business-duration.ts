/**
 * Targets typed the way people say them: `30m`, `1h 30m`, `4h`, `3d` (issue 12.3), where a day is the
 * calendar's business day — its working minutes per working day on average (9 h for 08:30–17:30
 * Monday to Friday, 24 h for 24x7). The forms parse what is typed and show the minutes back; the
 * database stores business minutes.
 *
 * Pure: no I/O; bundled into the browser.
 */
import { parseTimeOfDay, WEEKDAY_KEYS, type CalendarDefinition } from './calendar';

/**
 * Minutes of the calendar's business day: its weekly working minutes over its working days, rounded
 * to the minute (1440 for a calendar without working days, which the schema refuses anyway).
 *
 * @example businessDayMinutes({ week: { mon: [['08:30', '17:30']], tue: [['08:30', '17:30']] } }) // 540
 */
export function businessDayMinutes(calendar: Pick<CalendarDefinition, 'week'>): number {
  let total = 0;
  let days = 0;
  for (const key of WEEKDAY_KEYS) {
    let day = 0;
    for (const [start, end] of calendar.week[key] ?? []) {
      const from = parseTimeOfDay(start);
      const to = parseTimeOfDay(end);
      if (from !== undefined && to !== undefined && to > from) day += to - from;
    }
    if (day > 0) {
      total += day;
      days += 1;
    }
  }
  return days === 0 ? 1440 : Math.round(total / days);
}

const PART = /(\d+(?:[.,]\d+)?)\s*(d|h|m)/gy;

/**
 * Business minutes of a text such as `1h 30m`, `90m`, `2d 4h` or `1,5h` (d = `dayMinutes`), or
 * undefined when it is not such a text. Plain digits are minutes.
 *
 * @example parseBusinessDuration('1h 30m', 540) // 90
 * @example parseBusinessDuration('3d', 540) // 1620
 */
export function parseBusinessDuration(text: string, dayMinutes: number): number | undefined {
  const compact = text.trim().toLowerCase();
  if (compact === '') return undefined;
  if (/^\d+$/.test(compact)) return Number(compact);
  const units = { d: dayMinutes, h: 60, m: 1 } as const;
  let total = 0;
  let rest = compact.replace(/\s+/g, '');
  PART.lastIndex = 0;
  let matched = 0;
  for (let match = PART.exec(rest); match !== null; match = PART.exec(rest)) {
    total += Number((match[1] ?? '0').replace(',', '.')) * units[(match[2] ?? 'm') as keyof typeof units];
    matched = PART.lastIndex;
  }
  rest = rest.slice(matched);
  if (matched === 0 || rest !== '') return undefined;
  return Math.round(total);
}

/**
 * Business minutes in the notation the forms accept, largest units first: `1d 2h 30m`, `45m`.
 *
 * @example formatBusinessDuration(1650, 540) // '3d 30m'
 */
export function formatBusinessDuration(minutes: number, dayMinutes: number): string {
  const parts: string[] = [];
  let rest = Math.round(minutes);
  const days = dayMinutes > 0 ? Math.floor(rest / dayMinutes) : 0;
  if (days > 0) {
    parts.push(`${days}d`);
    rest -= days * dayMinutes;
  }
  const hours = Math.floor(rest / 60);
  if (hours > 0) parts.push(`${hours}h`);
  if (rest % 60 > 0 || parts.length === 0) parts.push(`${rest % 60}m`);
  return parts.join(' ');
}
