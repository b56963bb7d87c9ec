/**
 * The one way the managers' views read contract details: the names and objectives the numbers are
 * shown with (the report catalogue), the customers a manager can pick, and — for the review report —
 * the contract versions in force during a period with their services, levels, targets, coverage
 * hours and monthly prices, mapped to the display shape of src/contract/contracts-in-force.ts.
 * A new contract database schema changes the mapping here, not the report.
 *
 * Uses the storage port (through contract-database-store.ts); no Forge imports, no Jira.
 */
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import type { NamedRef } from '../contract/compliance-api';
import type { Contract, ContractDatabase, ContractVersion, CoveredService, PriorityClass } from '../contract/contract-database';
import { levelRevisionOn, PRIORITY_CLASSES } from '../contract/contract-database';
import type { Holiday } from '../contract/calendar';
import { WEEKDAYS, type ContractInForce, type CoverageHours, type HolidayInForce, type ServiceTermsInForce, type VersionValue } from '../contract/contracts-in-force';
import type { ReportPeriod } from '../contract/report-period';
import type { ComplianceAggregate } from '../contract/compliance-aggregate';
import type { CreditRow } from '../contract/compliance-api';
import { RENEWALS_HORIZON_DAYS, type Renewal } from '../contract/renewals-api';
import { catalogueOf, type ReportCatalogue, type ReportScope } from '../domain/compliance-report';
import { creditRows } from '../domain/credit-report';
import { noticeReminders, upcomingRenewals, type NoticeReminder } from '../domain/renewals';
import { contractValue } from '../domain/contract-value';
import { periodDates } from '../domain/report-period';
import { customerRequestsJql } from './compliance-jql';
import { loadContractDatabase } from './contract-database-store';

export interface ReportContracts {
  readonly catalogue: ReportCatalogue;
  /** Every customer with a contract, by name. */
  readonly customers: NamedRef[];
  readonly services: NamedRef[];
  readonly levels: NamedRef[];
  /** The database holds at least one contract. */
  readonly hasContracts: boolean;
  /** The settings' best-effort level for requests without a contract; null when there is none. */
  readonly fallbackLevelName: string | null;
  /** The contract versions in force during the period (of the customer, or all), when asked for. */
  readonly inForce: ContractInForce[];
  /** The service credits due for aggregates in a scope, priced by the terms of each month (issue 14.4). */
  readonly credits: (aggregates: readonly ComplianceAggregate[], scope: ReportScope) => CreditRow[];
  /** The contract versions whose notice date or end of term falls within the next 90 days (issue 14.3). */
  readonly renewals: (now: Date, customerId: string | null) => Renewal[];
  /** The notice reminders of contracts that ask for one, whose notice date has not passed (issue 14.3). */
  readonly reminders: (now: Date) => NoticeReminder[];
  /** A contract's account manager (account id), or null. */
  readonly accountManagerOf: (contractId: string) => string | null;
}

/**
 * Reads the contract database once and answers what the managers' views need of it.
 *
 * @example const { catalogue, inForce } = await loadReportContracts(store, { period, customerId: 'acme', withTerms: true });
 */
export async function loadReportContracts(
  store: KeyValueStore,
  query: { readonly period: ReportPeriod; readonly customerId: string | null; readonly withTerms: boolean },
): Promise<ReportContracts> {
  const { database } = await loadContractDatabase(store);
  const catalogue = catalogueOf(database);
  const byName = (a: NamedRef, b: NamedRef): number => a.name.localeCompare(b.name);
  return {
    catalogue,
    customers: [...catalogue.customers].map(([id, name]) => ({ id, name })).sort(byName),
    services: database.services.map((s) => ({ id: s.id, name: s.name })),
    levels: database.levels.map((l) => ({ id: l.id, name: l.name })),
    hasContracts: database.contracts.length > 0,
    fallbackLevelName: database.levels.find((l) => l.id === database.settings.fallbackLevelId)?.name ?? null,
    inForce: query.withTerms ? contractsInForce(database, query.period, query.customerId) : [],
    credits: (aggregates, scope) => creditRows(aggregates, database, scope),
    ...renewalSourcesOf(database),
  };
}

/** What src/app/renewals-overview.ts needs of a contract database: the review page's and the settings page's renewals. */
export type RenewalSources = Pick<ReportContracts, 'renewals' | 'reminders' | 'accountManagerOf'>;

/**
 * The renewals, notice reminders and account managers of a contract database already read.
 *
 * @example const { renewals } = renewalSourcesOf(db); renewals(now, null) // every customer's
 */
export function renewalSourcesOf(database: ContractDatabase): RenewalSources {
  return {
    renewals: (now, customerId) =>
      upcomingRenewals(database, now, { horizonDays: RENEWALS_HORIZON_DAYS, customerId }).map((renewal) => ({ ...renewal, requestsJql: customerRequestsJql(renewal.customer.name) })),
    reminders: (now) => noticeReminders(database, now),
    accountManagerOf: (contractId) => database.contracts.find((c) => c.id === contractId)?.accountManagerAccountId ?? null,
  };
}

/**
 * The versions of each contract whose dates overlap the period (local dates compared as written: the
 * contract's dates in its zone, the period's in the report's), oldest first; contracts without such
 * a version are left out.
 */
export function contractsInForce(db: ContractDatabase, period: ReportPeriod, customerId: string | null): ContractInForce[] {
  const { start, end } = periodDates(period);
  const out: ContractInForce[] = [];
  for (const contract of db.contracts) {
    if (customerId !== null && contract.customer.id !== customerId) continue;
    const versions = contract.versions
      .filter((v) => v.effectiveFrom <= end && (v.effectiveTo === undefined || v.effectiveTo >= start))
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    if (versions.length === 0) continue;
    const currency = contract.currency ?? db.settings.currency;
    const value = contractValue(db, contract);
    out.push({
      customer: { id: contract.customer.id, name: contract.customer.name },
      contract: { id: contract.id, name: contract.name },
      timeZone: contract.timeZone,
      versions: versions.map((version) => {
        // The level terms shown: those in force when this version's overlap with the period starts.
        const termsDate = version.effectiveFrom > start ? version.effectiveFrom : start;
        return {
          version: version.version,
          effectiveFrom: version.effectiveFrom,
          effectiveTo: version.effectiveTo ?? null,
          monthlyFee: version.monthlyFee === undefined ? null : { amountMinor: version.monthlyFee, currency },
          noticeDate: version.noticeDate ?? null,
          endDate: version.endDate ?? null,
          note: version.note ?? null,
          services: version.coveredServices.map((covered) => serviceTermsOf(db, contract, version, covered, termsDate)),
          value: valueOf(db, value.versions.find((v) => v.version === version.version), currency),
        };
      }),
    });
  }
  return out.sort((a, b) => a.customer.name.localeCompare(b.customer.name) || a.contract.name.localeCompare(b.contract.name));
}

/** A version's value in the report's shape: amounts with their currency, unpriced services named. */
function valueOf(db: ContractDatabase, value: ReturnType<typeof contractValue>['versions'][number] | undefined, currency: string): VersionValue {
  if (value === undefined) return { periods: [], unpricedServices: [] };
  return {
    periods: value.periods.map((period) => ({
      from: period.from,
      to: period.to,
      monthly: { amountMinor: period.monthlyMinor, currency },
      yearly: { amountMinor: period.yearlyMinor, currency },
    })),
    unpricedServices: value.unpricedServiceIds.map((id) => ({ id, name: db.services.find((s) => s.id === id)?.name ?? id })),
  };
}

function weekOf(week: Partial<Record<(typeof WEEKDAYS)[number], [string, string][] | undefined>> | undefined): CoverageHours['week'] {
  const out: CoverageHours['week'] = {};
  for (const day of WEEKDAYS) {
    const intervals = week?.[day];
    if (intervals !== undefined && intervals.length > 0) out[day] = intervals;
  }
  return out;
}

function holidaysOf(holidays: readonly Holiday[] | undefined): HolidayInForce[] {
  return (holidays ?? []).map((holiday) =>
    typeof holiday === 'string'
      ? { when: holiday, yearly: false, name: null }
      : 'date' in holiday
        ? { when: holiday.date, yearly: false, name: holiday.name ?? null }
        : { when: holiday.yearly, yearly: true, name: holiday.name ?? null },
  );
}

function serviceTermsOf(db: ContractDatabase, contract: Contract, version: ContractVersion, covered: CoveredService, termsDate: string): ServiceTermsInForce {
  const service = db.services.find((s) => s.id === covered.serviceId);
  const level = db.levels.find((l) => l.id === covered.levelId);
  const revision = level === undefined ? undefined : levelRevisionOn(level, termsDate);
  const bespoke = covered.bespoke;
  const calendarId = bespoke?.calendarId ?? revision?.calendarId ?? '';
  const calendar = db.calendars.find((c) => c.id === calendarId);
  const overrides = bespoke?.targets ?? {};
  const targets = PRIORITY_CLASSES.flatMap((priorityClass: PriorityClass) => {
    const override = overrides[priorityClass];
    const target = override ?? revision?.targets[priorityClass];
    if (target === undefined) return [];
    return [{ priorityClass, resolutionMinutes: target.resolutionMinutes, responseMinutes: target.responseMinutes ?? null, bespoke: override !== undefined }];
  });
  const currency = contract.currency ?? db.settings.currency;
  const levelPrice = revision?.monthlyPrices[covered.serviceId];
  const bespokePrice = bespoke?.monthlyPrice;
  const price = bespokePrice ?? levelPrice;
  const calendarBespoke = bespoke?.calendarId !== undefined;
  return {
    service: { id: covered.serviceId, name: service?.name ?? covered.serviceId },
    level: { id: covered.levelId, name: level?.name ?? covered.levelId },
    levelRevisionFrom: revision?.effectiveFrom ?? termsDate,
    objectivePercent: level?.objectivePercent ?? null,
    bespoke: bespoke !== undefined && (Object.keys(overrides).length > 0 || calendarBespoke || bespokePrice !== undefined),
    bespokeNote: bespoke?.note ?? null,
    targets,
    calendar: {
      id: calendarId,
      name: calendar?.name ?? calendarId,
      hours: { timeZone: calendar?.timeZone ?? 'UTC', week: weekOf(calendar?.week), holidays: holidaysOf(calendar?.holidays) },
      bespoke: calendarBespoke,
    },
    monthlyPrice: price === undefined ? null : { amountMinor: price, currency: bespokePrice !== undefined ? currency : (level?.currency ?? currency) },
    priceBespoke: bespokePrice !== undefined,
    isDefault: version.defaultServiceId === covered.serviceId,
  };
}
