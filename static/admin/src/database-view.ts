/**
 * Read-only views of the contract database for the admin overview and the "Jira names" helper:
 * working hours per weekday, versions newest first, which services a request type feeds, how a
 * Jira priority maps to a class, filtering contracts. What is shown is what the admin stored;
 * nothing here computes deadlines or asks the time (conventions §9: which version is in force is
 * the backend's business, and the sandbox's movable clock is not the browser's).
 *
 * Pure: no React, no DOM, no Forge bridge, no clock.
 */
import { parseTimeOfDay, WEEKDAY_KEYS, type WeekdayKey } from '../../../src/contract/calendar';
import type {
  CalendarEntry,
  Contract,
  ContractDatabase,
  ContractVersion,
  PriorityClass,
  PriorityMap,
  Service,
  Settings,
} from '../../../src/contract/contract-database-shape';

export interface WeekdayHours {
  day: WeekdayKey;
  /** "09:00–17:00" per interval, in the stored order. */
  intervals: string[];
  minutes: number;
}

/**
 * The working intervals and business minutes of each weekday, Monday first.
 *
 * @example weekdayHours({ week: { mon: [['09:00', '17:00']] }, … })[0] // { day: 'mon', intervals: ['09:00–17:00'], minutes: 480 }
 */
export function weekdayHours(calendar: Pick<CalendarEntry, 'week'>): WeekdayHours[] {
  return WEEKDAY_KEYS.map((day) => {
    const intervals = calendar.week[day] ?? [];
    let minutes = 0;
    for (const [start, end] of intervals) {
      const from = parseTimeOfDay(start);
      const to = parseTimeOfDay(end);
      if (from !== undefined && to !== undefined && to > from) minutes += to - from;
    }
    return { day, intervals: intervals.map(([start, end]) => `${start}–${end}`), minutes };
  });
}

/**
 * The business minutes of a whole week (holidays aside).
 *
 * @example weeklyMinutes(officeHours) // 2400
 */
export function weeklyMinutes(calendar: Pick<CalendarEntry, 'week'>): number {
  return weekdayHours(calendar).reduce((sum, day) => sum + day.minutes, 0);
}

/**
 * True when every weekday is open around the clock (a 24x7 calendar).
 *
 * @example isAroundTheClock(twentyFourSeven) // true
 */
export function isAroundTheClock(calendar: Pick<CalendarEntry, 'week'>): boolean {
  return weekdayHours(calendar).every((day) => day.minutes === 24 * 60);
}

/**
 * The versions of a contract, latest start first: how people read a contract's history.
 *
 * @example sortVersionsNewestFirst(contract.versions).map((v) => v.version) // [3, 2, 1]
 */
export function sortVersionsNewestFirst(versions: readonly ContractVersion[]): ContractVersion[] {
  return [...versions].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1,
  );
}

/**
 * The services whose recognition rule lists a JSM request type id, in catalogue order (the first
 * one wins on a request).
 *
 * @example servicesForRequestType(db.services, '12').map((s) => s.id) // ['email']
 */
export function servicesForRequestType(services: readonly Service[], requestTypeId: string): Service[] {
  return services.filter((service) => service.rule.requestTypeIds.includes(requestTypeId));
}

/**
 * The class a Jira priority gets: from the map (names compared case-insensitively, trimmed), or
 * the map's default class, with `mapped` saying which.
 *
 * @example classOfPriority({ byJiraPriority: { Highest: 'P1' }, defaultClass: 'P3' }, 'highest') // { priorityClass: 'P1', mapped: true }
 */
export function classOfPriority(map: PriorityMap, jiraPriority: string): { priorityClass: PriorityClass; mapped: boolean } {
  const wanted = jiraPriority.trim().toLowerCase();
  for (const [name, priorityClass] of Object.entries(map.byJiraPriority)) {
    if (name.trim().toLowerCase() === wanted) return { priorityClass, mapped: true };
  }
  return { priorityClass: map.defaultClass, mapped: false };
}

/**
 * True when the settings pause the clock in this Jira status (case-insensitive).
 *
 * @example isPauseStatus({ pauseStatuses: ['Waiting for customer'] }, 'waiting for customer') // true
 */
export function isPauseStatus(settings: Pick<Settings, 'pauseStatuses'>, status: string): boolean {
  const wanted = status.trim().toLowerCase();
  return settings.pauseStatuses.some((name) => name.trim().toLowerCase() === wanted);
}

/**
 * The contracts whose id, name, customer (id or name) or one of the JSM organization ids contain
 * the query (case-insensitive). An empty query keeps all.
 *
 * @example filterContracts(db.contracts, 'acme').map((c) => c.id) // ['acme-2026']
 */
export function filterContracts(contracts: readonly Contract[], query: string): Contract[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [...contracts];
  return contracts.filter((contract) =>
    [contract.id, contract.name, contract.customer.id, contract.customer.name, ...contract.customer.organizationIds].some((text) =>
      text.toLowerCase().includes(wanted),
    ),
  );
}

/**
 * Names by id, to show "Gold" where the document stores `gold`; unknown ids show as themselves.
 *
 * @example nameOf(indexNames(db.levels), 'gold') // 'Gold'
 */
export function indexNames(items: readonly { id: string; name: string }[]): ReadonlyMap<string, string> {
  return new Map(items.map((item) => [item.id, item.name]));
}

export function nameOf(names: ReadonlyMap<string, string>, id: string): string {
  return names.get(id) ?? id;
}

/**
 * True when nothing at all is stored in the catalogue (a fresh install).
 *
 * @example isEmptyDatabase(emptyDatabase) // true
 */
export function isEmptyDatabase(db: Pick<ContractDatabase, 'calendars' | 'services' | 'levels' | 'contracts'>): boolean {
  return db.calendars.length + db.services.length + db.levels.length + db.contracts.length === 0;
}

/**
 * The file size as people read it, in the locale: "820 B", "12.4 kB", "1.1 MB" (1 kB = 1000 B).
 *
 * @example formatBytes(12_400, 'en-GB') // '12.4 kB'
 */
export function formatBytes(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1000) return `${number.format(bytes)} B`;
  if (bytes < 1_000_000) return `${number.format(bytes / 1000)} kB`;
  return `${number.format(bytes / 1_000_000)} MB`;
}

/**
 * An amount in minor units (cents) in its currency, e.g. "€1,250.00": src/contract/money.ts, which
 * knows each currency's digits.
 *
 * @example formatMoney(125000, 'EUR', 'en-GB') // '€1,250.00'
 */
export { formatMoney } from '../../../src/contract/money';

/**
 * The UTF-8 size of a text: what the import limit counts.
 *
 * @example utf8Bytes('€') // 3
 */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
