/**
 * Dutch public holidays ("feestdagen") for the benchmark calendar, computed for any year.
 * Bench-only helper; touches nothing else.
 */

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

/**
 * Nieuwjaarsdag, (optionally Goede Vrijdag), Eerste en Tweede Paasdag, Koningsdag (27 April, 26 April
 * when the 27th is a Sunday), Bevrijdingsdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag and
 * Eerste en Tweede Kerstdag of the given years, as sorted "YYYY-MM-DD" local dates.
 *
 * @example dutchPublicHolidays([2026]).includes('2026-04-06') // true (Tweede Paasdag)
 */
export function dutchPublicHolidays(years: readonly number[], options: { goodFriday?: boolean } = {}): string[] {
  const dates: string[] = [];
  for (const year of years) {
    const easter = easterSunday(year);
    const easterUtc = Date.UTC(year, easter.month - 1, easter.day);
    const afterEaster = (days: number): string => isoDate(easterUtc + days * 86_400_000);
    const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? 26 : 27;
    dates.push(
      `${year}-01-01`,
      ...(options.goodFriday === true ? [afterEaster(-2)] : []),
      afterEaster(0),
      afterEaster(1),
      `${year}-04-${kingsDay}`,
      `${year}-05-05`,
      afterEaster(39),
      afterEaster(49),
      afterEaster(50),
      `${year}-12-25`,
      `${year}-12-26`,
    );
  }
  return dates.sort();
}
