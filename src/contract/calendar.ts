/**
 * The business-calendar definition as it travels and is stored: an IANA time zone, working intervals
 * per weekday and holidays as local dates (design §1, §2). A holiday is a date `"2026-12-25"` (the
 * design §2 format, accepted exactly as documented), the same with a name
 * `{ "date": "2026-12-26", "name": "Boxing Day" }`, or a yearly one `{ "yearly": "12-25", "name":
 * "Christmas Day" }` that the engine expands at compile time for the years RECURRING_HOLIDAY_YEARS. This zod schema is the single source of the
 * `CalendarDefinition` type; the contract database schema embeds it, and the business-time engine
 * (src/domain/business-time.ts) compiles only what passed it.
 *
 * Pure: no I/O, no Forge imports, no clock. `Intl` is used only to check that a time zone exists.
 *
 * @example
 * calendarDefinitionSchema.parse({
 *   timeZone: 'Europe/Amsterdam',
 *   week: { mon: [['09:00', '17:00']], tue: [['08:00', '12:00'], ['13:00', '17:30']], sat: [] },
 *   holidays: ['2026-12-25', '2026-12-26'],
 * });
 */
import { z } from 'zod';
import { vt } from './validation-message';

/** Weekday keys in ISO order (Monday first); index 0..6 is the engine's weekday number. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const TIME_OF_DAY = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Minutes since local midnight of an "HH:MM" time ("24:00" = 1440), or `undefined` when the text is
 * not such a time.
 *
 * @example parseTimeOfDay('17:30') // 1050
 */
export function parseTimeOfDay(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text);
  if (match === null) return undefined;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/**
 * Year, month (1–12) and day of a real "YYYY-MM-DD" date of the proleptic Gregorian calendar, or
 * `undefined` for malformed text or an impossible date such as 2026-02-30.
 *
 * @example parseIsoDate('2028-02-29') // { year: 2028, month: 2, day: 29 }
 */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Zones already proven to exist; a calendar is validated far more often than a new zone appears.
const knownTimeZones = new Set<string>();

/**
 * Whether `Intl` knows this IANA time zone name. Offset-style names ("+05:30") are refused even where
 * the runtime accepts them: Node 20 does not, and a calendar must mean the same on every runtime.
 *
 * @example isKnownTimeZone('Asia/Kathmandu') // true
 */
export function isKnownTimeZone(name: string): boolean {
  if (knownTimeZones.has(name)) return true;
  if (!/^[A-Za-z]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  knownTimeZones.add(name);
  return true;
}

const timeOfDaySchema = z
  .string()
  .refine((text) => parseTimeOfDay(text) !== undefined, {
    error: vt('validation.calendar.time'),
  });

const intervalSchema = z.tuple([timeOfDaySchema, timeOfDaySchema]).superRefine(([start, end], ctx) => {
  const from = parseTimeOfDay(start);
  const to = parseTimeOfDay(end);
  if (from !== undefined && to !== undefined && from >= to) {
    ctx.addIssue({ code: 'custom', message: vt('validation.calendar.intervalOrder', { start, end }) });
  }
});

const daySchema = z.array(intervalSchema).superRefine((intervals, ctx) => {
  // Sort by start, remembering positions, so the issue names the interval that overlaps an earlier one.
  const spans = intervals
    .map(([start, end], index) => ({ start, end, index, from: parseTimeOfDay(start), to: parseTimeOfDay(end) }))
    .filter((span): span is typeof span & { from: number; to: number } => span.from !== undefined && span.to !== undefined)
    .sort((a, b) => a.from - b.from || a.index - b.index);
  for (let k = 1; k < spans.length; k++) {
    const previous = spans[k - 1];
    const current = spans[k];
    if (previous !== undefined && current !== undefined && current.from < previous.to) {
      const later = current.index > previous.index ? current : previous;
      const other = later === current ? previous : current;
      ctx.addIssue({
        code: 'custom',
        path: [later.index],
        message: vt('validation.calendar.overlap', { start: later.start, end: later.end, otherStart: other.start, otherEnd: other.end }),
      });
    }
  }
});

const weekSchema = z
  .strictObject({
    mon: daySchema.optional(),
    tue: daySchema.optional(),
    wed: daySchema.optional(),
    thu: daySchema.optional(),
    fri: daySchema.optional(),
    sat: daySchema.optional(),
    sun: daySchema.optional(),
  })
  .superRefine((week, ctx) => {
    const working = WEEKDAY_KEYS.some((key) => (week[key] ?? []).length > 0);
    if (!working) ctx.addIssue({ code: 'custom', message: vt('validation.calendar.noWorkingTime') });
  });

/**
 * Month and day of a "MM-DD" day of the year (`02-29` included: a yearly holiday on 29 February
 * falls in leap years only), or `undefined`.
 *
 * @example parseMonthDay('12-25') // { month: 12, day: 25 }
 */
export function parseMonthDay(text: string): { month: number; day: number } | undefined {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return undefined;
  return { month, day };
}

/**
 * The years for which yearly holidays are expanded into dates when a calendar is compiled: two
 * centuries around today, far beyond any deadline or report the app computes. Outside them a yearly
 * holiday is a working day (dated holidays apply in any year).
 */
export const RECURRING_HOLIDAY_YEARS: { readonly from: number; readonly to: number } = { from: 2000, to: 2199 };

/** A holiday's name as people read it ("Christmas Day"). */
export const holidayNameSchema = z.string().trim().min(1, vt('validation.name.empty')).max(120, vt('validation.text.tooLong', { max: 120 }));

const holidayDateSchema = z.string().refine((text) => parseIsoDate(text) !== undefined, {
  error: vt('validation.localDate'),
});

/** A dated holiday with a name: `{ "date": "2026-12-26", "name": "Boxing Day" }`. */
export const namedHolidaySchema = z.strictObject({ date: holidayDateSchema, name: holidayNameSchema.optional() });

/** A holiday on the same day every year: `{ "yearly": "12-25", "name": "Christmas Day" }`. */
export const yearlyHolidaySchema = z.strictObject({
  yearly: z.string().refine((text) => parseMonthDay(text) !== undefined, {
    error: vt('validation.calendar.yearly'),
  }),
  name: holidayNameSchema.optional(),
});

/** One holiday: a date "YYYY-MM-DD", `{ date, name }` or `{ yearly: "MM-DD", name }`. */
export const holidaySchema = z.union([holidayDateSchema, namedHolidaySchema, yearlyHolidaySchema], {
  // Only when no form fits at all; a value of one form gets that form's own, precise issue.
  error: vt('validation.calendar.holiday'),
});
export type Holiday = z.infer<typeof holidaySchema>;

/**
 * The local dates a holiday list stands for: dated holidays as they are, yearly ones in every year
 * of RECURRING_HOLIDAY_YEARS where that day exists. Unsorted, duplicates possible.
 *
 * @example holidayDates(['2026-12-26', { yearly: '12-25' }]).length // 1 + 200
 */
export function holidayDates(holidays: readonly Holiday[]): { year: number; month: number; day: number }[] {
  const dates: { year: number; month: number; day: number }[] = [];
  for (const holiday of holidays) {
    if (typeof holiday === 'string' || 'date' in holiday) {
      const date = parseIsoDate(typeof holiday === 'string' ? holiday : holiday.date);
      if (date !== undefined) dates.push(date);
      continue;
    }
    const monthDay = parseMonthDay(holiday.yearly);
    if (monthDay === undefined) continue;
    for (let year = RECURRING_HOLIDAY_YEARS.from; year <= RECURRING_HOLIDAY_YEARS.to; year++) {
      if (monthDay.day <= daysInMonth(year, monthDay.month)) dates.push({ year, month: monthDay.month, day: monthDay.day });
    }
  }
  return dates;
}

/**
 * The holidays without their names, as the engine and the records need them (names are for people;
 * two calendars that differ only in names compile to the same thing).
 *
 * @example holidaysWithoutNames([{ date: '2026-12-26', name: 'Boxing Day' }, { yearly: '12-25' }]) // ['2026-12-26', { yearly: '12-25' }]
 */
export function holidaysWithoutNames(holidays: readonly Holiday[]): Holiday[] {
  return holidays.map((holiday) => (typeof holiday === 'string' ? holiday : 'date' in holiday ? holiday.date : { yearly: holiday.yearly }));
}

/**
 * A business calendar: `timeZone` (IANA name), `week` (per weekday key `mon`..`sun` a list of
 * `[start, end)` local times "HH:MM", end may be "24:00"; missing days have no working time) and
 * optional `holidays` (days without working time: local dates "YYYY-MM-DD", optionally named as
 * `{ date, name }`, or yearly `{ yearly: "MM-DD", name }`). Unknown keys are refused.
 */
export const calendarDefinitionSchema = z.strictObject({
  timeZone: z.string().refine(isKnownTimeZone, {
    error: vt('validation.calendar.zone'),
  }),
  week: weekSchema,
  holidays: z.array(holidaySchema).optional(),
});

export type CalendarDefinition = z.infer<typeof calendarDefinitionSchema>;
