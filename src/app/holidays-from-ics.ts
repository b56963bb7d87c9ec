/**
 * Holidays from an iCalendar (.ics) file, for the calendar form's "import holidays" (issue 12.1): the
 * file is read with ical.js (Mozilla's RFC 5545 parser, kept by the Thunderbird team) on the backend,
 * so the settings pages carry no parser (ADR 0026). Each all-day event becomes a named holiday on its
 * date (an event of several days, one holiday per day); an event that repeats every year on the same
 * day (RRULE FREQ=YEARLY without an end) becomes a yearly holiday "MM-DD". Events with a time of day
 * are no holidays and are counted as skipped, as are dates the calendar schema would refuse.
 *
 * Pure: no I/O, no Forge.
 */
import ICAL from 'ical.js';
import type { Holiday } from '../contract/calendar';
import { parseIsoDate } from '../contract/calendar';

/** Days one event may span (a two-week works holiday at most); longer events are skipped. */
const MAX_EVENT_DAYS = 31;
/** Holidays one file may give (a calendar holds at most 1000). */
const MAX_HOLIDAYS = 1000;

export type IcsHolidays = { ok: true; holidays: Holiday[]; skipped: number } | { ok: false; message: string };

function isoDate(time: ICAL.Time): string {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

function nameOf(event: ICAL.Event): string | undefined {
  const summary = typeof event.summary === 'string' ? event.summary.trim().slice(0, 120) : '';
  return summary === '' ? undefined : summary;
}

/**
 * The holidays of an .ics text, or why it is not one.
 *
 * @example holidaysFromIcs(text) // { ok: true, holidays: [{ date: '2027-04-27', name: "King's Day" }, { yearly: '12-25', name: 'Christmas' }], skipped: 0 }
 */
export function holidaysFromIcs(text: string): IcsHolidays {
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(text);
    if (!Array.isArray(parsed)) return { ok: false, message: 'The file is not an iCalendar file: it holds more than one calendar.' };
    root = new ICAL.Component(parsed);
  } catch (error) {
    return { ok: false, message: `The file is not an iCalendar file: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (root.name !== 'vcalendar') return { ok: false, message: 'The file is not an iCalendar file: it has no VCALENDAR.' };
  const holidays: Holiday[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const add = (holiday: Holiday): void => {
    const key = typeof holiday === 'string' ? holiday : 'date' in holiday ? holiday.date : `yearly:${holiday.yearly}`;
    if (seen.has(key) || holidays.length >= MAX_HOLIDAYS) return;
    seen.add(key);
    holidays.push(holiday);
  };
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const start = event.startDate as ICAL.Time | null;
    if (start === null || !start.isDate) {
      skipped += 1;
      continue;
    }
    const name = nameOf(event);
    const rule = component.getFirstPropertyValue('rrule');
    if (rule instanceof ICAL.Recur) {
      const yearly = rule.freq === 'YEARLY' && rule.until === null && rule.count === null && rule.interval === 1;
      const sameDay = Object.keys(rule.parts).every((part) => part === 'BYMONTH' || part === 'BYMONTHDAY');
      if (yearly && sameDay) {
        add(name === undefined ? { yearly: isoDate(start).slice(5) } : { yearly: isoDate(start).slice(5), name });
      } else {
        skipped += 1;
      }
      continue;
    }
    const end = event.endDate as ICAL.Time | null;
    const days = end === null ? 1 : Math.max(1, Math.round((end.toUnixTime() - start.toUnixTime()) / 86_400));
    if (days > MAX_EVENT_DAYS) {
      skipped += 1;
      continue;
    }
    for (let offset = 0; offset < days; offset++) {
      const day = start.clone();
      day.adjust(offset, 0, 0, 0);
      const date = isoDate(day);
      if (parseIsoDate(date) === undefined) {
        skipped += 1;
        continue;
      }
      add(name === undefined ? date : { date, name });
    }
  }
  return { ok: true, holidays, skipped };
}
