/**
 * "My contract" (the portal's profile panel, issue 13.2): per organization of the customer, the
 * contract in force with its period, renewal and notice dates, the covered services with their level
 * and targets per priority, the coverage hours and holidays, the monthly prices where the contract
 * allows showing them, and last quarter's on-time figures per service.
 *
 * Only contracts that name one of the caller's organizations are presented, whatever else the
 * database slice holds (a slice covers a bucket of organizations, not one). Prices are left out of
 * the answer altogether — not blanked — unless `showPricesToCustomer` is set.
 *
 * Pure: no I/O; `now` is a parameter.
 */
import { parseIsoDate } from '../contract/calendar';
import {
  PRIORITY_CLASSES,
  bespokeCalendarApplies,
  levelRevisionOn,
  type CalendarEntry,
  type Contract,
  type ContractDatabase,
  type ContractVersion,
  type PriorityClass,
} from '../contract/contract-database';
import type { ComplianceAggregate } from '../contract/compliance-aggregate';
import type { JsmOrganization } from '../contract/jira-api';
import type { ContractCard, CoverageCalendar, CoveredServiceView, MyContractView, OnTimeRow, Weekday } from '../contract/portal-api';
import { versionValueOn } from '../domain/contract-value';
import { localDateOf } from '../domain/local-date';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * The months of the last full calendar quarter before the local date `today` (`YYYY-MM-DD`).
 *
 * @example lastQuarterOf('2026-10-05') // { from: '2026-07', to: '2026-09', months: ['2026-07', '2026-08', '2026-09'] }
 * @example lastQuarterOf('2026-02-10') // { from: '2025-10', to: '2025-12', … }
 */
export function lastQuarterOf(today: string): { from: string; to: string; months: string[] } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const startYear = quarter === 0 ? year - 1 : year;
  const startMonth = quarter === 0 ? 10 : (quarter - 1) * 3 + 1;
  const months = [0, 1, 2].map((offset) => `${startYear}-${String(startMonth + offset).padStart(2, '0')}`);
  return { from: months[0] ?? '', to: months[2] ?? '', months };
}

/** The contracts among `db.contracts` that name any of the organizations (in database order). */
export function contractsOfOrganizations(db: ContractDatabase, organizationIds: ReadonlySet<string>): Contract[] {
  return db.contracts.filter((contract) => contract.customer.organizationIds.some((id) => organizationIds.has(id)));
}

/** The version to present on `today`: the one in force, else the next to start, else the last that ended. */
function presentedVersion(contract: Contract, today: string): { version: ContractVersion; status: ContractCard['status'] } | null {
  const sorted = [...contract.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  const inForce = sorted.find((v) => v.effectiveFrom <= today && (v.effectiveTo === undefined || v.effectiveTo >= today));
  if (inForce !== undefined) return { version: inForce, status: 'in-force' };
  const next = sorted.find((v) => v.effectiveFrom > today);
  if (next !== undefined) return { version: next, status: 'upcoming' };
  const last = sorted[sorted.length - 1];
  return last === undefined ? null : { version: last, status: 'ended' };
}

/** The Jira priorities (names as the settings map them) per class. */
function prioritiesByClass(db: ContractDatabase): Record<PriorityClass, string[]> {
  const out: Record<PriorityClass, string[]> = { P1: [], P2: [], P3: [], P4: [], P5: [] };
  for (const [name, priorityClass] of Object.entries(db.settings.priorities.byJiraPriority)) out[priorityClass].push(name);
  return out;
}

/**
 * A calendar's holidays from `today` through the day before the same date next year, with names,
 * sorted; yearly ones expanded for the two years concerned.
 */
export function upcomingHolidays(calendar: Pick<CalendarEntry, 'holidays'>, today: string): { date: string; name: string | null }[] {
  const year = Number(today.slice(0, 4));
  const until = `${year + 1}${today.slice(4)}`;
  const found = new Map<string, string | null>();
  const add = (date: string, name: string | null): void => {
    if (date >= today && date < until && parseIsoDate(date) !== undefined && (found.get(date) ?? null) === null) found.set(date, name);
  };
  for (const holiday of calendar.holidays ?? []) {
    if (typeof holiday === 'string') add(holiday, null);
    else if ('date' in holiday) add(holiday.date, holiday.name ?? null);
    else for (const y of [year, year + 1]) add(`${y}-${holiday.yearly}`, holiday.name ?? null);
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }));
}

function presentCalendar(calendar: CalendarEntry, today: string): CoverageCalendar {
  return {
    id: calendar.id,
    name: calendar.name,
    timeZone: calendar.timeZone,
    week: WEEKDAYS.map((day) => ({ day, intervals: (calendar.week[day] ?? []).map(([start, end]) => [start, end] as [string, string]) })),
    holidays: upcomingHolidays(calendar, today),
  };
}

/** On-time rows per service from the customer's aggregates of the period, services of the version first. */
function onTimeRows(db: ContractDatabase, aggregates: readonly ComplianceAggregate[], serviceOrder: readonly string[]): OnTimeRow[] {
  const rows = new Map<string, OnTimeRow>();
  const rowOf = (serviceId: string): OnTimeRow | undefined => {
    const existing = rows.get(serviceId);
    if (existing !== undefined) return existing;
    const name = db.services.find((s) => s.id === serviceId)?.name;
    if (name === undefined) return undefined;
    const row: OnTimeRow = { serviceId, name, resolved: 0, onTime: 0, responded: 0, respondedOnTime: 0 };
    rows.set(serviceId, row);
    return row;
  };
  for (const serviceId of serviceOrder) rowOf(serviceId);
  for (const aggregate of aggregates) {
    for (const cell of aggregate.cells) {
      const row = rowOf(cell.serviceId);
      if (row === undefined) continue;
      row.resolved += cell.met + cell.breached;
      row.onTime += cell.met;
      row.responded += cell.responseMet + cell.responseBreached;
      row.respondedOnTime += cell.responseMet;
    }
  }
  return [...rows.values()];
}

/** What `presentMyContract` needs. */
export interface MyContractInput {
  /** The caller's organizations (asked for the invoking account). */
  readonly organizations: readonly JsmOrganization[];
  /** The database slice of those organizations (may hold contracts of other organizations too). */
  readonly database: ContractDatabase;
  /** Compliance aggregates (at least those of each contract's last quarter), per contract customer id. */
  readonly aggregates: ReadonlyMap<string, readonly ComplianceAggregate[]>;
  readonly now: Date;
}

function presentContract(db: ContractDatabase, contract: Contract, input: MyContractInput, callerOrganizations: readonly JsmOrganization[]): ContractCard | null {
  const today = localDateOf(input.now, contract.timeZone);
  const presented = presentedVersion(contract, today);
  if (presented === null) return null;
  const { version, status } = presented;
  const priorities = prioritiesByClass(db);
  const calendars = new Map<string, CalendarEntry>();
  const showPrices = contract.showPricesToCustomer && status !== 'ended';
  // Terms are those a request created today would get (or on the first day of an upcoming version).
  const termsDate = status === 'upcoming' ? version.effectiveFrom : today;
  const value = showPrices ? versionValueOn(db, version, termsDate) : null;
  const services: CoveredServiceView[] = [];
  if (status !== 'ended') {
    for (const covered of version.coveredServices) {
      const service = db.services.find((s) => s.id === covered.serviceId);
      const level = db.levels.find((l) => l.id === covered.levelId);
      if (service === undefined || level === undefined) continue;
      const revision = levelRevisionOn(level, termsDate);
      const calendarOf = (priorityClass: PriorityClass): CalendarEntry | undefined => {
        const id = bespokeCalendarApplies(covered.bespoke, priorityClass) ? covered.bespoke?.calendarId : revision.calendarId;
        return db.calendars.find((c) => c.id === id);
      };
      const targets = PRIORITY_CLASSES.map((priorityClass) => {
        const target = covered.bespoke?.targets[priorityClass] ?? revision.targets[priorityClass];
        const calendar = calendarOf(priorityClass);
        if (calendar !== undefined) calendars.set(calendar.id, calendar);
        return {
          priorityClass,
          priorities: priorities[priorityClass],
          resolutionMinutes: target.resolutionMinutes,
          responseMinutes: target.responseMinutes ?? null,
          calendarId: calendar?.id ?? revision.calendarId,
        };
      });
      const price = value?.services.find((s) => s.serviceId === covered.serviceId);
      services.push({
        id: service.id,
        name: service.name,
        description: service.description ?? null,
        level: { name: level.name, colour: level.colour },
        bespoke: covered.bespoke !== undefined,
        targets,
        ...(value === null ? {} : { monthlyPriceMinor: price?.monthlyMinor ?? null }),
      });
    }
  }
  const quarter = lastQuarterOf(today);
  return {
    id: contract.id,
    name: contract.name,
    customerName: contract.customer.name,
    organizations: callerOrganizations.map((o) => o.name),
    timeZone: contract.timeZone,
    status,
    term: {
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo ?? null,
      endDate: version.endDate ?? null,
      noticeDate: version.noticeDate ?? null,
    },
    services,
    calendars: [...calendars.values()].map((calendar) => presentCalendar(calendar, today)),
    ...(value === null
      ? {}
      : {
          prices: {
            currency: contract.currency ?? db.settings.currency,
            feeMinor: version.monthlyFee ?? null,
            totalMonthlyMinor: value.monthlyMinor,
            incomplete: value.services.some((s) => s.monthlyMinor === null),
          },
        }),
    onTime: {
      from: quarter.from,
      to: quarter.to,
      rows: onTimeRows(
        db,
        (input.aggregates.get(contract.customer.id) ?? []).filter((a) => a.month >= quarter.from && a.month <= quarter.to),
        services.map((s) => s.id),
      ),
    },
  };
}

/**
 * The profile panel's view for the caller's organizations.
 *
 * @example presentMyContract({ organizations: [{ id: '10001', name: 'Acme Logistics' }], database, aggregates, now })
 */
export function presentMyContract(input: MyContractInput): MyContractView {
  const organizations = [...input.organizations].sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  const mine = new Set(organizations.map((o) => o.id));
  const contracts: ContractCard[] = [];
  for (const contract of contractsOfOrganizations(input.database, mine)) {
    const covers = organizations.filter((o) => contract.customer.organizationIds.includes(o.id));
    const card = presentContract(input.database, contract, input, covers);
    if (card !== null) contracts.push(card);
  }
  // In force first, then upcoming, then ended; within each, the database's order.
  const rank: Record<ContractCard['status'], number> = { 'in-force': 0, upcoming: 1, ended: 2 };
  contracts.sort((a, b) => rank[a.status] - rank[b.status]);
  return {
    organizations: organizations.map((o) => ({
      id: o.id,
      name: o.name,
      contractIds: contracts.filter((c) => input.database.contracts.some((k) => k.id === c.id && k.customer.organizationIds.includes(o.id))).map((c) => c.id),
    })),
    contracts,
  };
}
