/**
 * The managers' numbers, built from the monthly aggregates of src/domain/compliance.ts: per-customer
 * headlines, "all Gold agreements met", breakdowns by level / service / priority class, the monthly
 * trend, the volume rows of the review report and their CSV, and how far a missed request was past
 * its deadline in business time. The gadget, the report page and the CSV export all count through
 * here, so they can never disagree (README "Counting rules").
 *
 * Scope: a customer (or all), a period of whole months, an optional service and level. Requests
 * without contract terms (customer `~none`) are never in a figure or a percentage: they are counted
 * apart (`withoutContractCount`).
 *
 * Pure: no I/O, no Forge, no clock ("now" is a parameter where needed).
 */
import { NO_ENTITY_KEY, type ComplianceAggregate, type ComplianceCell, type ComplianceCounts } from '../contract/compliance-aggregate';
import {
  CSV_COLUMNS,
  type Breakdown,
  type BreakdownRow,
  type ComplianceFigures,
  type CustomerSummary,
  type HeadlineVerdict,
  type LevelVerdict,
  type NamedRef,
  type TrendPoint,
  type VolumeRow,
} from '../contract/compliance-api';
import type { ClockRecord } from '../contract/clock-record';
import { PRIORITY_CLASSES, type ContractDatabase, type PriorityClass } from '../contract/contract-database';
import type { ReportPeriod } from '../contract/report-period';
import { businessMinutesBetween } from './business-time';
import { compileCalendarOnce } from './calendar-cache';
import { countingCalendarOf, percentOf } from './compliance';
import { monthsOf, periodDates } from './report-period';

/** Which resolved requests a view counts. */
export interface ReportScope {
  readonly period: ReportPeriod;
  /** null: every customer. */
  readonly customerId: string | null;
  readonly serviceId: string | null;
  readonly levelId: string | null;
}

/** Names and objectives the numbers are shown with, from the contract database. */
export interface ReportCatalogue {
  readonly customers: ReadonlyMap<string, string>;
  readonly services: ReadonlyMap<string, string>;
  readonly levels: ReadonlyMap<string, { readonly name: string; readonly objectivePercent: number | null }>;
  /** Level ids of the headline ("Gold") levels. */
  readonly headlineLevelIds: ReadonlySet<string>;
}

/**
 * True for a level whose id or name starts with the word "Gold" ("Gold", "Gold (New York)", "gold-ny").
 *
 * @example isGoldLevel({ id: 'gold-ny', name: 'Gold (New York)' }) // true
 */
export function isGoldLevel(level: { readonly id: string; readonly name: string }): boolean {
  return /^gold(?![a-z])/i.test(level.name) || /^gold(?![a-z])/i.test(level.id);
}

/**
 * The names and objectives of a contract database. The headline levels are the Gold levels; a
 * database without one takes the levels with the highest objective instead.
 *
 * @example catalogueOf(db).headlineLevelIds // Set { 'gold', 'gold-ny' }
 */
export function catalogueOf(db: ContractDatabase): ReportCatalogue {
  const customers = new Map<string, string>();
  for (const contract of db.contracts) customers.set(contract.customer.id, contract.customer.name);
  const services = new Map(db.services.map((s) => [s.id, s.name] as const));
  const levels = new Map(db.levels.map((l) => [l.id, { name: l.name, objectivePercent: l.objectivePercent ?? null }] as const));
  let headline = db.levels.filter(isGoldLevel).map((l) => l.id);
  if (headline.length === 0 && db.levels.length > 0) {
    const highest = Math.max(...db.levels.map((l) => l.objectivePercent ?? 0));
    headline = db.levels.filter((l) => (l.objectivePercent ?? 0) === highest).map((l) => l.id);
  }
  return { customers, services, levels, headlineLevelIds: new Set(headline) };
}

function zeroCounts(): ComplianceCounts {
  return { met: 0, breached: 0, responseMet: 0, responseBreached: 0, extended: 0, extensions: 0 };
}

function add(target: ComplianceCounts, cell: ComplianceCounts): void {
  target.met += cell.met;
  target.breached += cell.breached;
  target.responseMet += cell.responseMet;
  target.responseBreached += cell.responseBreached;
  target.extended += cell.extended;
  target.extensions += cell.extensions;
}

/**
 * The figures of a set of counters: on time = met ÷ (met + missed), first response likewise.
 *
 * @example figuresOf({ met: 19, breached: 1, … }).onTimePercent // 95
 */
export function figuresOf(counts: ComplianceCounts): ComplianceFigures {
  return {
    resolved: counts.met + counts.breached,
    met: counts.met,
    missed: counts.breached,
    onTimePercent: percentOf(counts.met, counts.met + counts.breached),
    responseMet: counts.responseMet,
    responseMissed: counts.responseBreached,
    responsePercent: percentOf(counts.responseMet, counts.responseMet + counts.responseBreached),
    extensions: counts.extensions,
  };
}

/** The figures of nothing resolved. */
export function emptyFigures(): ComplianceFigures {
  return figuresOf(zeroCounts());
}

/**
 * True when an agreement was kept: the share on time reaches the objective (compared exactly, not on
 * the rounded percentage), or — for a level without one — no request was late.
 *
 * @example agreementMet({ met: 19, breached: 1 }, 95) // true
 */
export function agreementMet(counts: Pick<ComplianceCounts, 'met' | 'breached'>, objectivePercent: number | null): boolean {
  if (objectivePercent === null) return counts.breached === 0;
  return counts.met * 100 >= objectivePercent * (counts.met + counts.breached);
}

/** Every cell of the scope, with its aggregate's month and customer; contract terms only. */
function* cellsInScope(
  aggregates: readonly ComplianceAggregate[],
  scope: ReportScope,
): Generator<{ month: string; customerId: string; cell: ComplianceCell }> {
  for (const aggregate of aggregates) {
    if (aggregate.month < scope.period.from || aggregate.month > scope.period.to) continue;
    if (aggregate.customerId === NO_ENTITY_KEY) continue;
    if (scope.customerId !== null && aggregate.customerId !== scope.customerId) continue;
    for (const cell of aggregate.cells) {
      if (scope.serviceId !== null && cell.serviceId !== scope.serviceId) continue;
      if (scope.levelId !== null && cell.levelId !== scope.levelId) continue;
      yield { month: aggregate.month, customerId: aggregate.customerId, cell };
    }
  }
}

/** Sums the cells of the scope by a key. */
function sumBy(aggregates: readonly ComplianceAggregate[], scope: ReportScope, keyOf: (month: string, customerId: string, cell: ComplianceCell) => string): Map<string, ComplianceCounts> {
  const sums = new Map<string, ComplianceCounts>();
  for (const { month, customerId, cell } of cellsInScope(aggregates, scope)) {
    const key = keyOf(month, customerId, cell);
    let counts = sums.get(key);
    if (counts === undefined) {
      counts = zeroCounts();
      sums.set(key, counts);
    }
    add(counts, cell);
  }
  return sums;
}

/** The figures of the whole scope. */
export function totalFigures(aggregates: readonly ComplianceAggregate[], scope: ReportScope): ComplianceFigures {
  return figuresOf(sumBy(aggregates, scope, () => '').get('') ?? zeroCounts());
}

/**
 * Requests resolved in the period without contract terms (best effort): counted apart, in no
 * percentage. A customer scope has none by definition.
 */
export function withoutContractCount(aggregates: readonly ComplianceAggregate[], scope: ReportScope): number {
  if (scope.customerId !== null) return 0;
  let count = 0;
  for (const aggregate of aggregates) {
    if (aggregate.customerId !== NO_ENTITY_KEY || aggregate.month < scope.period.from || aggregate.month > scope.period.to) continue;
    for (const cell of aggregate.cells) {
      if (scope.serviceId !== null && cell.serviceId !== scope.serviceId) continue;
      if (scope.levelId !== null && cell.levelId !== scope.levelId) continue;
      count += cell.met + cell.breached;
    }
  }
  return count;
}

function refOf(map: ReadonlyMap<string, string>, id: string): NamedRef {
  return { id, name: map.get(id) ?? id };
}

function levelRefOf(catalogue: ReportCatalogue, id: string): NamedRef {
  return { id, name: catalogue.levels.get(id)?.name ?? id };
}

function objectiveOf(catalogue: ReportCatalogue, levelId: string): number | null {
  return catalogue.levels.get(levelId)?.objectivePercent ?? null;
}

/** Orders by on-time percentage, worst first (nothing resolved last), then by name. */
function worstFirst<T>(items: readonly T[], percent: (item: T) => number | null, name: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const pa = percent(a);
    const pb = percent(b);
    if (pa !== pb) {
      if (pa === null) return 1;
      if (pb === null) return -1;
      return pa - pb;
    }
    return name(a).localeCompare(name(b));
  });
}

/** The level verdicts of one selection of cells (counts per level id). */
function verdictsOf(byLevel: ReadonlyMap<string, ComplianceCounts>, catalogue: ReportCatalogue): LevelVerdict[] {
  return [...byLevel.entries()]
    .map(([levelId, counts]): LevelVerdict => {
      const objectivePercent = objectiveOf(catalogue, levelId);
      return {
        level: levelRefOf(catalogue, levelId),
        objectivePercent,
        figures: figuresOf(counts),
        met: agreementMet(counts, objectivePercent),
        headline: catalogue.headlineLevelIds.has(levelId),
      };
    })
    .sort((a, b) => Number(b.headline) - Number(a.headline) || a.level.name.localeCompare(b.level.name));
}

/**
 * "All Gold agreements met" over level verdicts: every headline-level agreement reached its
 * objective. Not applicable when no headline-level request was resolved.
 */
export function headlineOf(verdicts: readonly LevelVerdict[], catalogue: ReportCatalogue): HeadlineVerdict {
  const headline = verdicts.filter((v) => v.headline && v.figures.resolved > 0);
  return {
    levels: [...catalogue.headlineLevelIds].map((id) => levelRefOf(catalogue, id)).sort((a, b) => a.name.localeCompare(b.name)),
    applicable: headline.length > 0,
    met: headline.every((v) => v.met),
    missedRequests: headline.reduce((sum, v) => sum + v.figures.missed, 0),
    missedAgreements: headline.filter((v) => !v.met).length,
  };
}

/** Combines the headline verdicts of several customers (the gadget's and report's totals). */
export function combineHeadlines(verdicts: readonly HeadlineVerdict[], catalogue: ReportCatalogue): HeadlineVerdict {
  const applicable = verdicts.filter((v) => v.applicable);
  return {
    levels: [...catalogue.headlineLevelIds].map((id) => levelRefOf(catalogue, id)).sort((a, b) => a.name.localeCompare(b.name)),
    applicable: applicable.length > 0,
    met: applicable.every((v) => v.met),
    missedRequests: applicable.reduce((sum, v) => sum + v.missedRequests, 0),
    missedAgreements: applicable.reduce((sum, v) => sum + v.missedAgreements, 0),
  };
}

/**
 * One summary per customer with requests resolved in scope: figures, the verdict per level (an
 * agreement is a customer at a level over the period) and the headline. Worst on time first.
 *
 * @example summarizeCustomers(aggregates, catalogue, scope)[0].headline.met // false: a Gold agreement was missed
 */
export function summarizeCustomers(aggregates: readonly ComplianceAggregate[], catalogue: ReportCatalogue, scope: ReportScope): CustomerSummary[] {
  const byCustomerLevel = sumBy(aggregates, scope, (_m, customerId, cell) => `${customerId}\u0000${cell.levelId}`);
  const perCustomer = new Map<string, Map<string, ComplianceCounts>>();
  for (const [key, counts] of byCustomerLevel) {
    const [customerId = '', levelId = ''] = key.split('\u0000');
    let levels = perCustomer.get(customerId);
    if (levels === undefined) {
      levels = new Map();
      perCustomer.set(customerId, levels);
    }
    levels.set(levelId, counts);
  }
  const summaries = [...perCustomer.entries()].map(([customerId, levels]): CustomerSummary => {
    const total = zeroCounts();
    for (const counts of levels.values()) add(total, counts);
    const verdicts = verdictsOf(levels, catalogue);
    return { customer: refOf(catalogue.customers, customerId), figures: figuresOf(total), headline: headlineOf(verdicts, catalogue), levels: verdicts };
  });
  return worstFirst(summaries, (s) => s.figures.onTimePercent, (s) => s.customer.name);
}

const CLASS_ORDER = (key: string): number => PRIORITY_CLASSES.indexOf(key as PriorityClass);

/**
 * The scope broken down by level, by service and by priority class.
 *
 * @example summarizeBreakdown(aggregates, catalogue, scope).priorityClass.map((r) => r.key) // ['P1', 'P2', …]
 */
export function summarizeBreakdown(aggregates: readonly ComplianceAggregate[], catalogue: ReportCatalogue, scope: ReportScope): Breakdown {
  const rows = (keyOf: (cell: ComplianceCell) => string, nameOf: (key: string) => string, objective: (key: string) => number | null): BreakdownRow[] =>
    [...sumBy(aggregates, scope, (_m, _c, cell) => keyOf(cell)).entries()].map(([key, counts]) => ({
      key,
      name: nameOf(key),
      objectivePercent: objective(key),
      figures: figuresOf(counts),
    }));
  const noService = (id: string): string => (id === NO_ENTITY_KEY ? '—' : (catalogue.services.get(id) ?? id));
  return {
    level: rows((c) => c.levelId, (id) => levelRefOf(catalogue, id).name, (id) => objectiveOf(catalogue, id)).sort((a, b) => a.name.localeCompare(b.name)),
    service: rows((c) => c.serviceId, noService, () => null).sort((a, b) => a.name.localeCompare(b.name)),
    priorityClass: rows((c) => c.priorityClass, (key) => key, () => null).sort((a, b) => CLASS_ORDER(a.key) - CLASS_ORDER(b.key)),
  };
}

/**
 * Figures per month of the period (every month, also those without resolved requests).
 *
 * @example summarizeTrend(aggregates, scope).map((p) => p.month) // ['2026-07', '2026-08', '2026-09']
 */
export function summarizeTrend(aggregates: readonly ComplianceAggregate[], scope: ReportScope): TrendPoint[] {
  const byMonth = sumBy(aggregates, scope, (month) => month);
  return monthsOf(scope.period).map((month) => ({ month, figures: figuresOf(byMonth.get(month) ?? zeroCounts()) }));
}

/**
 * The review report's volume: one row per customer × service × level × priority class with requests
 * resolved in scope, ordered by customer, service, level and class — also the CSV's rows.
 */
export function volumeRows(aggregates: readonly ComplianceAggregate[], catalogue: ReportCatalogue, scope: ReportScope): VolumeRow[] {
  const sums = sumBy(aggregates, scope, (_m, customerId, cell) => [customerId, cell.serviceId, cell.levelId, cell.priorityClass].join('\u0000'));
  return [...sums.entries()]
    .map(([key, counts]): VolumeRow => {
      const [customerId = '', serviceId = '', levelId = '', priorityClass = 'P3'] = key.split('\u0000');
      return {
        customer: refOf(catalogue.customers, customerId),
        service: serviceId === NO_ENTITY_KEY ? { id: NO_ENTITY_KEY, name: '' } : refOf(catalogue.services, serviceId),
        level: levelRefOf(catalogue, levelId),
        priorityClass: priorityClass as PriorityClass,
        objectivePercent: objectiveOf(catalogue, levelId),
        figures: figuresOf(counts),
      };
    })
    .sort(
      (a, b) =>
        a.customer.name.localeCompare(b.customer.name) ||
        a.service.name.localeCompare(b.service.name) ||
        a.level.name.localeCompare(b.level.name) ||
        CLASS_ORDER(a.priorityClass) - CLASS_ORDER(b.priorityClass),
    );
}

/** A CSV field (RFC 4180), with text that a spreadsheet would run as a formula made inert. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // OWASP "CSV injection": a cell starting with = + - @ (or a tab / CR) is read as a formula.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV of volume rows (RFC 4180, CRLF line ends): the header row of CSV_COLUMNS, then one line per
 * row. Percentages carry one decimal with a point; a missing percentage is an empty field.
 *
 * @example formatCsv(rows, { from: '2026-07', to: '2026-09' }).split('\r\n')[0] // 'customer,service,level,priority,…'
 */
export function formatCsv(rows: readonly VolumeRow[], period: ReportPeriod): string {
  const { start, end } = periodDates(period);
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const f = row.figures;
    const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      customer: row.customer.name,
      service: row.service.name,
      level: row.level.name,
      priority: row.priorityClass,
      period_start: start,
      period_end: end,
      resolved: f.resolved,
      met: f.met,
      missed: f.missed,
      on_time_percent: f.onTimePercent === null ? null : f.onTimePercent.toFixed(1),
      objective_percent: row.objectivePercent,
      response_met: f.responseMet,
      response_missed: f.responseMissed,
      extensions: f.extensions,
    };
    lines.push(CSV_COLUMNS.map((column) => csvField(values[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * How far a request was past its resolution deadline, in business minutes of the calendar its target
 * counted in, not counting pauses: up to its resolution, or up to `now` while it is open. 0 when it
 * was on time (or has no deadline).
 *
 * @example overdueMinutesOf(missedRecord, now) // 135
 */
export function overdueMinutesOf(record: ClockRecord, now: Date): number {
  if (record.terms === null || record.deadline === null) return 0;
  const deadline = new Date(record.deadline);
  const end = record.resolvedAt === null ? now : new Date(record.resolvedAt);
  if (end.getTime() <= deadline.getTime()) return 0;
  const pauses = record.pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? end : new Date(p.to) }));
  const calendar = compileCalendarOnce(countingCalendarOf(record));
  return Math.round(businessMinutesBetween(calendar, deadline, end, pauses));
}
