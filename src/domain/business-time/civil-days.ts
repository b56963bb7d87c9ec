/**
 * Day numbers of the proleptic Gregorian calendar (day 0 = 1970-01-01), by arithmetic only.
 *
 * Why not `Date.UTC`: it maps years 0–99 to 1900–1999, and the engine must not depend on such quirks.
 * Pure arithmetic; touches nothing else.
 */

/** Milliseconds in a civil day (local days always have 24 h of wall-clock time). */
export const DAY_MS = 86_400_000;

/**
 * Number of days from 1970-01-01 to the given date (month 1–12), negative before 1970.
 * Algorithm "days_from_civil" by Howard Hinnant (exact for every Gregorian date).
 *
 * @example daysFromCivil(2026, 12, 25) // 20812
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * ISO weekday of a day number, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
 *
 * @example weekdayOfDay(0) // 3 (Thursday)
 */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
