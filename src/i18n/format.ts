/**
 * Formatting for a reader, shared by the backend and the Custom UI apps: instants in an explicit
 * IANA zone, local dates, percentages and business durations, all with `Intl` in the reader's locale
 * (durations through the `common` catalogue's units). Formatting only — nothing here computes
 * deadlines or business time (conventions §9).
 *
 * Pure: no React, no Forge bridge, no DOM, no clock. An invalid instant or zone throws a RangeError
 * (from `Intl`); the zod schemas of src/contract keep such values out.
 */
import { commonEn } from './catalogues/common.en';
import { commonNl } from './catalogues/common.nl';
import { createTranslator, defineMessages, type Translator } from './messages';

/** Formatters are cached per locale and zone: creating an `Intl.DateTimeFormat` is costly. */
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function getFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatterCache.get(cacheKey);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(cacheKey, formatter);
  }
  return formatter;
}

function toDate(iso: string | Date): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO instant: ${String(iso)}`);
  return date;
}

/**
 * Formats an instant as weekday, date and time in the given zone and locale.
 *
 * @example formatInstant('2026-12-01T13:00:00Z', 'Europe/Amsterdam', 'en-GB') // 'Tue, 1 Dec 2026, 14:00'
 */
export function formatInstant(iso: string | Date, timeZone: string, locale: string): string {
  return getFormatter(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(iso));
}

/**
 * Formats an instant in full, as a message to a person states it: weekday and month written out,
 * the hour without a leading zero (`9:05`, `2:00 PM` in the United States).
 *
 * @example formatInstantLong('2026-12-01T13:00:00Z', 'Europe/Amsterdam', 'nl-NL') // 'dinsdag 1 december 2026 om 14:00'
 */
export function formatInstantLong(iso: string | Date, timeZone: string, locale: string): string {
  return getFormatter(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(toDate(iso));
}

/**
 * Formats a local calendar date (`YYYY-MM-DD`, no zone: e.g. a contract's effective date).
 *
 * @example formatLocalDate('2026-01-01', 'nl-NL') // '1 jan 2026'
 */
export function formatLocalDate(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new RangeError(`Not an ISO date: ${isoDate}`);
  // A local date is formatted as that date at noon UTC, read back in UTC: no zone can shift it.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return getFormatter(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/**
 * The zone's name plus its abbreviation or offset at that instant (CET in winter, CEST in summer).
 *
 * @example formatZoneLabel('2026-07-01T12:00:00Z', 'Asia/Kathmandu', 'en-GB') // 'Asia/Kathmandu, GMT+5:45'
 */
export function formatZoneLabel(iso: string, timeZone: string, locale: string): string {
  const parts = getFormatter(locale, { timeZone, timeZoneName: 'short' }).formatToParts(toDate(iso));
  const abbreviation = parts.find((part) => part.type === 'timeZoneName')?.value;
  return abbreviation === undefined ? timeZone : `${timeZone}, ${abbreviation}`;
}

/**
 * True when two zones show the same wall-clock time at the instant, so one deadline line suffices.
 *
 * @example zonesShowSameTime('2026-01-05T09:00:00Z', 'Europe/Amsterdam', 'Europe/Paris') // true
 */
export function zonesShowSameTime(iso: string, zoneA: string, zoneB: string): boolean {
  if (zoneA === zoneB) return true;
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  const date = toDate(iso);
  return (
    getFormatter('en-GB', { ...options, timeZone: zoneA }).format(date) ===
    getFormatter('en-GB', { ...options, timeZone: zoneB }).format(date)
  );
}

/**
 * Formats a percentage given as 0–100+ (not as a fraction), without decimals.
 *
 * @example formatPercent(62.4, 'en-GB') // '62%'
 */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/**
 * Splits a number of minutes into whole hours and remaining minutes, ignoring the sign (the
 * caller words "left" or "overdue"). Business time is never shown in days: a business day's
 * length depends on the calendar.
 *
 * @example splitMinutes(-135) // { hours: 2, minutes: 15 }
 */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const absolute = Math.round(Math.abs(total));
  return { hours: Math.floor(absolute / 60), minutes: absolute % 60 };
}

const commonMessages = defineMessages({ en: commonEn, nl: commonNl });
const unitTranslators = new Map<string, Translator<typeof commonEn>>();

/**
 * Words business minutes with the units of the reader's language, e.g. `3 h 20 min`, `45 min`,
 * `2 h` (Dutch: `3 u 20 min`); the sign is ignored (the caller words "left" or "overdue").
 *
 * @example formatDuration(200, 'nl-NL') // '3 u 20 min'
 */
export function formatDuration(totalMinutes: number, locale: string): string {
  let translator = unitTranslators.get(locale);
  if (translator === undefined) {
    translator = createTranslator(commonMessages, locale);
    unitTranslators.set(locale, translator);
  }
  const { t } = translator;
  const { hours, minutes } = splitMinutes(totalMinutes);
  if (hours === 0) return t('duration.minutes', { minutes });
  if (minutes === 0) return t('duration.hours', { hours });
  return t('duration.hoursMinutes', { hours, minutes });
}
