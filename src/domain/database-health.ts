/**
 * Health warnings of the contract database (issue 12.9): what an admin should fix before it costs a
 * deadline or an invoice, shown on the settings page's overview.
 *
 * - A calendar without holidays for a year that has begun or begins within HOLIDAY_LOOKAHEAD_DAYS (so
 *   from early October on, next year counts: "1 January 2027 counts as a business day"). Calendars
 *   that work around the clock every day have no holidays by design and are left out.
 * - A notice date that has passed while the term it belongs to still runs (and no later version is
 *   agreed), or that is near: within the contract's notice reminder days, else NOTICE_NEAR_DAYS.
 * - An expired contract (every version ended) whose organizations no other contract in force covers:
 *   their requests fall back to the fallback level or are not covered.
 * - A level without an objective: reports then demand that every request is on time.
 *
 * Pure: no I/O, no Forge; "now" is a parameter.
 */
import { holidayDates, parseTimeOfDay, WEEKDAY_KEYS } from '../contract/calendar';
import type { CalendarEntry, Contract, ContractDatabase, ContractVersion } from '../contract/contract-database';
import { localDateOf } from './local-date';
import { findVersionInForce } from './resolve-terms';

/** How far ahead a year without holidays is reported. */
export const HOLIDAY_LOOKAHEAD_DAYS = 92;
/** A notice date within this many days is near, unless the contract names its own reminder days. */
export const NOTICE_NEAR_DAYS = 30;

export type HealthWarning =
  | { readonly kind: 'calendar-without-holidays'; readonly calendarId: string; readonly calendarName: string; readonly year: number }
  | { readonly kind: 'notice-passed'; readonly contractId: string; readonly contractName: string; readonly version: number; readonly noticeDate: string; readonly endDate: string | null }
  | { readonly kind: 'notice-near'; readonly contractId: string; readonly contractName: string; readonly version: number; readonly noticeDate: string; readonly days: number }
  | { readonly kind: 'contract-expired'; readonly contractId: string; readonly contractName: string; readonly endedOn: string; readonly organizations: number }
  | { readonly kind: 'level-without-objective'; readonly levelId: string; readonly levelName: string };

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** True for a calendar whose every day is one interval 00:00–24:00. */
export function worksAroundTheClock(calendar: Pick<CalendarEntry, 'week'>): boolean {
  return WEEKDAY_KEYS.every((key) => {
    const day = calendar.week[key] ?? [];
    const only = day[0];
    return day.length === 1 && only !== undefined && parseTimeOfDay(only[0]) === 0 && parseTimeOfDay(only[1]) === 1440;
  });
}

function calendarWarnings(calendar: CalendarEntry, now: Date): HealthWarning[] {
  if (worksAroundTheClock(calendar)) return [];
  const today = localDateOf(now, calendar.timeZone);
  const first = Number(today.slice(0, 4));
  const last = Number(addDays(today, HOLIDAY_LOOKAHEAD_DAYS).slice(0, 4));
  const years = new Set(holidayDates(calendar.holidays ?? []).map((d) => d.year));
  const warnings: HealthWarning[] = [];
  for (let year = first; year <= last; year++) {
    if (!years.has(year)) warnings.push({ kind: 'calendar-without-holidays', calendarId: calendar.id, calendarName: calendar.name, year });
  }
  return warnings;
}

function noticeWarning(contract: Contract, version: ContractVersion, today: string): HealthWarning | null {
  const { noticeDate } = version;
  if (noticeDate === undefined) return null;
  // A later version already agreed: the notice of this one no longer decides anything.
  if (contract.versions.some((v) => v.effectiveFrom > version.effectiveFrom)) return null;
  const endDate = version.endDate ?? version.effectiveTo ?? null;
  if (noticeDate < today) {
    if (endDate !== null && endDate < today) return null;
    return { kind: 'notice-passed', contractId: contract.id, contractName: contract.name, version: version.version, noticeDate, endDate };
  }
  const days = dayNumber(noticeDate) - dayNumber(today);
  if (days <= (contract.noticeReminderDays ?? NOTICE_NEAR_DAYS)) {
    return { kind: 'notice-near', contractId: contract.id, contractName: contract.name, version: version.version, noticeDate, days };
  }
  return null;
}

/**
 * The health warnings of a database at `now`, calendars first, then contracts, then levels.
 *
 * @example checkDatabaseHealth(db, new Date('2026-10-05T07:30:00Z'))
 * // [{ kind: 'calendar-without-holidays', calendarId: 'nyc-office', calendarName: 'New York office hours', year: 2027 }, …]
 */
export function checkDatabaseHealth(db: ContractDatabase, now: Date): HealthWarning[] {
  const warnings: HealthWarning[] = db.calendars.flatMap((calendar) => calendarWarnings(calendar, now));
  const coveredToday = new Set<string>();
  const expired: { contract: Contract; endedOn: string }[] = [];
  for (const contract of db.contracts) {
    const today = localDateOf(now, contract.timeZone);
    const lookup = findVersionInForce(contract, today);
    if (lookup.kind === 'in-force') {
      for (const id of contract.customer.organizationIds) coveredToday.add(id);
      const warning = noticeWarning(contract, lookup.version, today);
      if (warning !== null) warnings.push(warning);
    } else if (lookup.kind === 'expired') {
      const endedOn = contract.versions.reduce((latest, v) => (v.effectiveTo !== undefined && v.effectiveTo > latest ? v.effectiveTo : latest), '');
      expired.push({ contract, endedOn });
    }
  }
  for (const { contract, endedOn } of expired) {
    const uncovered = contract.customer.organizationIds.filter((id) => !coveredToday.has(id));
    if (uncovered.length > 0) {
      warnings.push({ kind: 'contract-expired', contractId: contract.id, contractName: contract.name, endedOn, organizations: uncovered.length });
    }
  }
  for (const level of db.levels) {
    if (level.objectivePercent === undefined) warnings.push({ kind: 'level-without-objective', levelId: level.id, levelName: level.name });
  }
  return warnings;
}
