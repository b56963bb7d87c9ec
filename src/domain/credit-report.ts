/**
 * Service credits in the review report (issue 14.4): per customer × service × month, the missed
 * requests as the report counts them (the monthly aggregates of src/domain/compliance.ts: the month
 * and grouping of each request's last resolution), priced by the terms in force that month, and the
 * credits CSV. The arithmetic and its rounding rule (half-even on minor units) are
 * src/domain/service-credits.ts; which terms apply is decided here:
 *
 * **The terms of a month.** For a customer × service × month, the terms are those of the first
 * contract version of the customer (contracts in database order, versions by start date) that is in
 * force during the month and covers the service, read on the month's first day — or on the version's
 * first day when it starts later in the month: the bespoke credit rule and price where the contract
 * has its own, else the credit rule and price of the level revision in force on that date. A month
 * without such a version, or whose terms carry no credit rule, earns no credit (the missed requests
 * stay in the report's other sections). Contract dates are local dates in the contract's zone; the
 * month is the report's (the zone of the calendar the target counted in), compared as written.
 *
 * Pure: no I/O, no clock, no Forge.
 */
import { NO_ENTITY_KEY, type ComplianceAggregate } from '../contract/compliance-aggregate';
import { CREDITS_CSV_COLUMNS, type CreditRow } from '../contract/compliance-api';
import {
  levelRevisionOn,
  PRIORITY_CLASSES,
  type Contract,
  type ContractDatabase,
  type ContractVersion,
  type CoveredService,
  type CreditRule,
  type PriorityClass,
} from '../contract/contract-database';
import { minorToDecimalString } from '../contract/money';
import type { ReportScope } from './compliance-report';
import { csvField } from './csv';
import { periodDates } from './report-period';
import { computeServiceCredit, type MissedByClass } from './service-credits';

/** The terms that price one customer × service × month. */
export interface CreditTerms {
  readonly contract: Contract;
  readonly version: ContractVersion;
  readonly covered: CoveredService;
  /** The date the level revision was read on. */
  readonly termsDate: string;
  readonly rule: CreditRule;
  /** Minor units; null when no price is agreed. */
  readonly monthlyPriceMinor: number | null;
  readonly currency: string;
  /** The rule or the price is the contract's own (bespoke). */
  readonly bespoke: boolean;
}

/**
 * The terms that price a customer's service in a month (see the header), or null when no version in
 * force that month covers the service or its terms have no credit rule.
 *
 * @example creditTermsFor(db, 'acme', 'email', '2026-08')?.rule // { perMissedRequest: { P1: 10, P2: 5, P3: 2.5 }, capPercent: 30 }
 */
export function creditTermsFor(db: ContractDatabase, customerId: string, serviceId: string, month: string): CreditTerms | null {
  const { start, end } = periodDates({ from: month, to: month });
  for (const contract of db.contracts) {
    if (contract.customer.id !== customerId) continue;
    const versions = contract.versions
      .filter((v) => v.effectiveFrom <= end && (v.effectiveTo === undefined || v.effectiveTo >= start))
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    for (const version of versions) {
      const covered = version.coveredServices.find((c) => c.serviceId === serviceId);
      if (covered === undefined) continue;
      const termsDate = version.effectiveFrom > start ? version.effectiveFrom : start;
      const level = db.levels.find((l) => l.id === covered.levelId);
      const revision = level === undefined ? undefined : levelRevisionOn(level, termsDate);
      const rule = covered.bespoke?.credits ?? revision?.credits;
      if (rule === undefined) return null;
      const bespokePrice = covered.bespoke?.monthlyPrice;
      const monthlyPriceMinor = bespokePrice ?? revision?.monthlyPrices[serviceId] ?? null;
      return {
        contract,
        version,
        covered,
        termsDate,
        rule,
        monthlyPriceMinor,
        // The database's rules hold a level's price in the contract's currency wherever it is used.
        currency: contract.currency ?? db.settings.currency,
        bespoke: covered.bespoke?.credits !== undefined || bespokePrice !== undefined,
      };
    }
  }
  return null;
}

/** Missed requests per customer × service × month in scope, per priority class (contract terms only). */
function missedInScope(aggregates: readonly ComplianceAggregate[], scope: ReportScope): Map<string, { customerId: string; serviceId: string; month: string; byClass: Partial<Record<PriorityClass, number>> }> {
  const out = new Map<string, { customerId: string; serviceId: string; month: string; byClass: Partial<Record<PriorityClass, number>> }>();
  for (const aggregate of aggregates) {
    if (aggregate.month < scope.period.from || aggregate.month > scope.period.to) continue;
    if (aggregate.customerId === NO_ENTITY_KEY) continue;
    if (scope.customerId !== null && aggregate.customerId !== scope.customerId) continue;
    for (const cell of aggregate.cells) {
      if (cell.breached === 0 || cell.serviceId === NO_ENTITY_KEY) continue;
      if (scope.serviceId !== null && cell.serviceId !== scope.serviceId) continue;
      if (scope.levelId !== null && cell.levelId !== scope.levelId) continue;
      const key = `${aggregate.customerId}\u0000${cell.serviceId}\u0000${aggregate.month}`;
      let entry = out.get(key);
      if (entry === undefined) {
        entry = { customerId: aggregate.customerId, serviceId: cell.serviceId, month: aggregate.month, byClass: {} };
        out.set(key, entry);
      }
      entry.byClass[cell.priorityClass] = (entry.byClass[cell.priorityClass] ?? 0) + cell.breached;
    }
  }
  return out;
}

/**
 * The credits due in scope: one row per customer × service × month with a missed request under terms
 * that carry a credit rule, ordered by customer, service and month.
 *
 * @example creditRows(aggregates, db, { period: { from: '2026-07', to: '2026-09' }, customerId: 'acme', serviceId: null, levelId: null })
 * // [{ customer: { id: 'acme', … }, service: { id: 'email', … }, month: '2026-08', missed: 4, creditPercent: 20, credit: { amountMinor: 9000, currency: 'EUR' }, … }]
 */
export function creditRows(aggregates: readonly ComplianceAggregate[], db: ContractDatabase, scope: ReportScope): CreditRow[] {
  const rows: CreditRow[] = [];
  for (const entry of missedInScope(aggregates, scope).values()) {
    const terms = creditTermsFor(db, entry.customerId, entry.serviceId, entry.month);
    if (terms === null) continue;
    const missed: MissedByClass = entry.byClass;
    const credit = computeServiceCredit({ rule: terms.rule, monthlyPriceMinor: terms.monthlyPriceMinor ?? 0, missed });
    const level = db.levels.find((l) => l.id === terms.covered.levelId);
    const missedByClass: Partial<Record<PriorityClass, number>> = {};
    for (const priorityClass of PRIORITY_CLASSES) {
      const n = entry.byClass[priorityClass];
      if (n !== undefined && n > 0) missedByClass[priorityClass] = n;
    }
    rows.push({
      customer: { id: entry.customerId, name: terms.contract.customer.name },
      service: { id: entry.serviceId, name: db.services.find((s) => s.id === entry.serviceId)?.name ?? entry.serviceId },
      month: entry.month,
      contract: { id: terms.contract.id, name: terms.contract.name },
      version: terms.version.version,
      level: { id: terms.covered.levelId, name: level?.name ?? terms.covered.levelId },
      bespoke: terms.bespoke,
      missed: credit.missed,
      missedByClass,
      creditPercent: credit.creditPercent,
      capPercent: terms.rule.capPercent,
      capped: credit.capped,
      monthlyPrice: terms.monthlyPriceMinor === null ? null : { amountMinor: terms.monthlyPriceMinor, currency: terms.currency },
      credit: terms.monthlyPriceMinor === null ? null : { amountMinor: credit.amountMinor, currency: terms.currency },
    });
  }
  return rows.sort(
    (a, b) => a.customer.name.localeCompare(b.customer.name) || a.service.name.localeCompare(b.service.name) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0),
  );
}

/**
 * The credits per currency, largest first (then by code): what the report's total line shows.
 *
 * @example creditTotals(rows) // [{ amountMinor: 19500, currency: 'EUR' }, { amountMinor: 5200, currency: 'USD' }]
 */
export function creditTotals(rows: readonly CreditRow[]): { amountMinor: number; currency: string }[] {
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (row.credit === null) continue;
    sums.set(row.credit.currency, (sums.get(row.credit.currency) ?? 0) + row.credit.amountMinor);
  }
  return [...sums.entries()]
    .map(([currency, amountMinor]) => ({ amountMinor, currency }))
    .sort((a, b) => b.amountMinor - a.amountMinor || (a.currency < b.currency ? -1 : 1));
}

/**
 * A percentage of exact hundredths as a decimal string with two decimals, without float formatting.
 *
 * @example percentDecimalString(12.5) // '12.50'
 */
export function percentDecimalString(percent: number): string {
  const basisPoints = Math.round(percent * 100);
  return `${String(Math.trunc(basisPoints / 100))}.${String(basisPoints % 100).padStart(2, '0')}`;
}

/**
 * The credits CSV (RFC 4180, CRLF line ends): the header row of CREDITS_CSV_COLUMNS, then one line
 * per customer × service × month. `month` is `YYYY-MM`; `credit_percent` has two decimals; amounts
 * are decimal strings with the currency's minor-unit digits (`minorToDecimalString`: `67.50`, `500`
 * for JPY); an unpriced service leaves `monthly_price` and `credit_amount` empty.
 *
 * @example formatCreditsCsv(rows).split('\r\n')[1] // 'Acme Logistics,E-mail,2026-08,4,20.00,450.00,90.00,EUR'
 */
export function formatCreditsCsv(rows: readonly CreditRow[]): string {
  const lines = [CREDITS_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const currency = row.monthlyPrice?.currency ?? row.credit?.currency ?? null;
    const values: Record<(typeof CREDITS_CSV_COLUMNS)[number], string | number | null> = {
      customer: row.customer.name,
      service: row.service.name,
      month: row.month,
      missed: row.missed,
      credit_percent: percentDecimalString(row.creditPercent),
      monthly_price: row.monthlyPrice === null ? null : minorToDecimalString(row.monthlyPrice.amountMinor, row.monthlyPrice.currency),
      credit_amount: row.credit === null ? null : minorToDecimalString(row.credit.amountMinor, row.credit.currency),
      currency,
    };
    lines.push(CREDITS_CSV_COLUMNS.map((column) => csvField(values[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
