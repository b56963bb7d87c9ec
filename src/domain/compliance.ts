/**
 * Compliance (design §4): the outcome a resolved request contributes, the per-month and per-customer
 * aggregates of those outcomes, idempotent updates, rebuilds, and the report queries ("compliance per
 * customer / service / level / class for a period", "were all Gold agreements met?").
 *
 * Pure: no I/O, no clock, no Forge. Storage is the caller's: see src/contract/compliance-aggregate.ts
 * for what must be stored. The update protocol, per resolved (or reopened) issue:
 *   1. next = issueOutcomeOf(issueId, record)          // null while the request is not resolved
 *   2. previous = the stored IssueOutcome of the issue   // null if none
 *   3. plan = planOutcomeUpdate(previous, next)         // { unchanged: true } on a replay
 *   4. aggregates = applyOutcomeUpdate(loadedAggregates, plan)
 *   5. write the aggregates and the issue's outcome (or delete it when next is null) together.
 * A replay finds previous = next and changes nothing; a changed outcome (reopened, resolved again,
 * re-applied terms, another month) removes the old contribution and adds the new one.
 *
 * Compliance = met ÷ (met + breached) over requests resolved in the period; null when none were.
 *
 * The counting rules (README "Counting rules"; the gadget, the review report and its CSV all count
 * through this module):
 * - a request counts in the month that contains its (last) resolution instant, read as a local date
 *   in the time zone of the calendar its target counted in at that resolution (`countingCalendarOf`);
 *   a re-opened request leaves its old month and counts by its last resolution;
 * - it is grouped by the terms in force at resolution — the record's `target`: service, level and
 *   priority class after any service or priority change — and by the customer of its contract terms;
 * - requests without contract terms (state `uncovered`, or the settings' best-effort fallback level)
 *   are counted apart under the customer `~none` and never in a percentage.
 */
import {
  COMPLIANCE_SCHEMA_VERSION,
  NO_ENTITY_KEY,
  type ComplianceAggregate,
  type ComplianceCell,
  type ComplianceCounts,
  type IssueOutcome,
} from '../contract/compliance-aggregate';
import type { CalendarDefinition } from '../contract/calendar';
import type { ClockRecord, ServiceTerms } from '../contract/clock-record';
import { PRIORITY_CLASSES, type PriorityClass, type ServiceLevel } from '../contract/contract-database';
import { canonicalJson } from './calendar-cache';
import { localMonthOf } from './local-date';

/** An aggregate's identity: its month and customer. The storage layer builds its key from these. */
export interface AggregateKey {
  month: string;
  customerId: string;
}

/** The aggregate for an outcome and the aggregate were built for different months or customers. */
export class ComplianceKeyError extends Error {
  override readonly name = 'ComplianceKeyError';
}

/**
 * The outcome a request contributes to compliance, or null while it has none (open, uncovered, error).
 * The month is the resolution's month in the zone of the calendar the target counted in; service,
 * level and class are those in force at the resolution (after re-targets); the customer is the
 * contract's, or `~none` for best-effort (fallback) terms.
 *
 * @example issueOutcomeOf('10042', record) // { month: '2026-03', customerId: 'acme', outcome: 'met', … }
 */
export function issueOutcomeOf(issueId: string, record: ClockRecord): IssueOutcome | null {
  const { terms, target, outcome, resolvedAt } = record;
  if (terms === null || target === null || outcome === null || resolvedAt === null) return null;
  return {
    schemaVersion: COMPLIANCE_SCHEMA_VERSION,
    issueId,
    month: localMonthOf(new Date(resolvedAt), countingCalendarOf(record).timeZone),
    customerId: terms.coverage === 'contract' ? (terms.customer?.id ?? NO_ENTITY_KEY) : NO_ENTITY_KEY,
    serviceId: target.service?.id ?? NO_ENTITY_KEY,
    levelId: target.level.id,
    priorityClass: target.priorityClass,
    outcome,
    response: record.response?.outcome ?? 'none',
    extensions: target.extensions,
    resolvedAt,
  };
}

/**
 * The calendar the record's target counted in at its resolution (or now, while open): the calendar of
 * the last service change before the resolution, else that of the terms. Its zone decides the local
 * date, and so the month and period, a resolution counts in.
 *
 * @example countingCalendarOf(record).timeZone // 'Europe/Amsterdam'
 */
export function countingCalendarOf(record: ClockRecord): CalendarDefinition {
  const terms = record.terms;
  if (terms === null) throw new ComplianceKeyError('A record without terms has no counting calendar.');
  const until = record.resolvedAt === null ? Number.POSITIVE_INFINITY : Date.parse(record.resolvedAt);
  let chosen: { at: number; terms: ServiceTerms } | null = null;
  for (const fact of record.history) {
    if (fact.kind !== 'service') continue;
    const at = Date.parse(fact.at);
    if (at <= until && (chosen === null || at >= chosen.at)) chosen = { at, terms: fact.terms };
  }
  if (chosen === null) {
    // Service changes older than the checkpoint live on in its variables.
    const variables = record.checkpoint?.variables;
    const folded = variables?.resolved?.serviceTerms ?? variables?.serviceTerms ?? null;
    if (folded !== null) return folded.calendar;
  }
  return (chosen?.terms ?? terms).calendar;
}

/** @example aggregateKeyOf(outcome) // { month: '2026-03', customerId: 'acme' } */
export function aggregateKeyOf(outcome: IssueOutcome): AggregateKey {
  return { month: outcome.month, customerId: outcome.customerId };
}

/** @example emptyAggregate({ month: '2026-03', customerId: 'acme' }) */
export function emptyAggregate(key: AggregateKey): ComplianceAggregate {
  return { schemaVersion: COMPLIANCE_SCHEMA_VERSION, month: key.month, customerId: key.customerId, cells: [] };
}

/**
 * Adds one outcome's contribution. Not idempotent by itself: use it through planOutcomeUpdate.
 *
 * @example applyOutcome(emptyAggregate(aggregateKeyOf(outcome)), outcome).cells[0].met // 1
 */
export function applyOutcome(aggregate: ComplianceAggregate, outcome: IssueOutcome): ComplianceAggregate {
  return changeCell(aggregate, outcome, 1);
}

/**
 * Removes one outcome's contribution (the inverse of applyOutcome). Counters never go below zero: an
 * aggregate that lost an update is corrected by a rebuild, not made negative.
 *
 * @example removeOutcome(applyOutcome(aggregate, outcome), outcome) // equals aggregate
 */
export function removeOutcome(aggregate: ComplianceAggregate, outcome: IssueOutcome): ComplianceAggregate {
  return changeCell(aggregate, outcome, -1);
}

/** What to change for one issue: nothing, or remove the old contribution and/or add the new one. */
export type OutcomeUpdate =
  | { unchanged: true }
  | { unchanged: false; remove: IssueOutcome | null; add: IssueOutcome | null };

/**
 * Compares the stored outcome of an issue with its current one.
 *
 * @example planOutcomeUpdate(stored, issueOutcomeOf(issueId, record)) // { unchanged: true } on a replay
 */
export function planOutcomeUpdate(previous: IssueOutcome | null, next: IssueOutcome | null): OutcomeUpdate {
  if (previous === null && next === null) return { unchanged: true };
  if (previous !== null && next !== null && canonicalJson(previous) === canonicalJson(next)) return { unchanged: true };
  return { unchanged: false, remove: previous, add: next };
}

/**
 * Applies a plan to the aggregates it touches (given or created empty) and answers the changed
 * aggregates (one or two) to store; [] for an unchanged plan.
 *
 * @example applyOutcomeUpdate([marchAcme], plan) // [updated marchAcme]
 */
export function applyOutcomeUpdate(aggregates: readonly ComplianceAggregate[], update: OutcomeUpdate): ComplianceAggregate[] {
  if (update.unchanged) return [];
  const touched = new Map<string, ComplianceAggregate>();
  const load = (key: AggregateKey): ComplianceAggregate => {
    const id = keyText(key);
    return touched.get(id) ?? aggregates.find((a) => keyText(a) === id) ?? emptyAggregate(key);
  };
  if (update.remove !== null) {
    const key = aggregateKeyOf(update.remove);
    touched.set(keyText(key), removeOutcome(load(key), update.remove));
  }
  if (update.add !== null) {
    const key = aggregateKeyOf(update.add);
    touched.set(keyText(key), applyOutcome(load(key), update.add));
  }
  return [...touched.values()];
}

/**
 * Builds the aggregates from scratch from the outcomes of every resolved request (a rebuild job reads
 * the records, maps them with issueOutcomeOf, and calls this). One outcome per issue id: should an id
 * appear twice, the later resolution counts. Sorted by month, then customer.
 *
 * @example rebuildAggregates(records.map((r) => issueOutcomeOf(r.issueId, r.record)).filter(isPresent))
 */
export function rebuildAggregates(outcomes: Iterable<IssueOutcome>): ComplianceAggregate[] {
  const latest = new Map<string, IssueOutcome>();
  for (const outcome of outcomes) {
    const known = latest.get(outcome.issueId);
    if (known === undefined || Date.parse(outcome.resolvedAt) > Date.parse(known.resolvedAt)) latest.set(outcome.issueId, outcome);
  }
  const byKey = new Map<string, ComplianceAggregate>();
  for (const outcome of latest.values()) {
    const key = aggregateKeyOf(outcome);
    const id = keyText(key);
    byKey.set(id, applyOutcome(byKey.get(id) ?? emptyAggregate(key), outcome));
  }
  return [...byKey.values()].sort((a, b) => compareText(a.month, b.month) || compareText(a.customerId, b.customerId));
}

// ---------------------------------------------------------------------------------------------
// Reports

/** A dimension of a report. */
export type ComplianceDimension = 'month' | 'customer' | 'service' | 'level' | 'priorityClass';

/** Which resolved requests to count and how to group them. `from`/`to` are months, both inclusive. */
export interface ComplianceQuery {
  from: string;
  to: string;
  customerId?: string;
  serviceId?: string;
  levelId?: string;
  priorityClass?: PriorityClass;
  groupBy: readonly ComplianceDimension[];
}

/** One row of a report: counters, and compliance in percent (null when nothing was resolved). */
export interface ComplianceRow extends ComplianceCounts {
  /** The row's value per grouped dimension (ids; `~none` for no customer / service). */
  group: Partial<Record<ComplianceDimension, string>>;
  resolved: number;
  compliancePercent: number | null;
  responseCompliancePercent: number | null;
}

/**
 * Compliance of the requests resolved in a period, filtered and grouped. With an empty `groupBy` the
 * answer is one row for the whole selection (also when it is empty). Rows are sorted by group values.
 *
 * @example
 * summarizeCompliance(aggregates, { from: '2026-01', to: '2026-03', customerId: 'acme', groupBy: ['service'] })
 * // [{ group: { service: 'email' }, met: 40, breached: 2, resolved: 42, compliancePercent: 95.2, … }, …]
 */
export function summarizeCompliance(aggregates: readonly ComplianceAggregate[], query: ComplianceQuery): ComplianceRow[] {
  const rows = new Map<string, { group: Partial<Record<ComplianceDimension, string>>; counts: ComplianceCounts }>();
  if (query.groupBy.length === 0) rows.set('', { group: {}, counts: zeroCounts() });
  for (const aggregate of aggregates) {
    if (aggregate.month < query.from || aggregate.month > query.to) continue;
    if (query.customerId !== undefined && aggregate.customerId !== query.customerId) continue;
    for (const cell of aggregate.cells) {
      if (query.serviceId !== undefined && cell.serviceId !== query.serviceId) continue;
      if (query.levelId !== undefined && cell.levelId !== query.levelId) continue;
      if (query.priorityClass !== undefined && cell.priorityClass !== query.priorityClass) continue;
      const group: Partial<Record<ComplianceDimension, string>> = {};
      for (const dimension of query.groupBy) group[dimension] = dimensionValue(aggregate, cell, dimension);
      const id = query.groupBy.map((d) => group[d] ?? '').join('|');
      const row = rows.get(id) ?? { group, counts: zeroCounts() };
      addCounts(row.counts, cell, 1);
      rows.set(id, row);
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, row]) => ({ group: row.group, ...withPercentages(row.counts) }));
}

/** The verdict for one customer's agreement at one level. */
export interface AgreementVerdict {
  customerId: string;
  resolved: number;
  met: number;
  breached: number;
  compliancePercent: number | null;
  /** Every resolved request met its target. */
  everyRequestMet: boolean;
  /** Compliance reached the level's objective; null when the level has none. */
  objectiveMet: boolean | null;
  /** The agreement was kept: the objective where the level sets one, else every request on time. */
  agreementMet: boolean;
}

/** The verdict for one level over a period, and per customer. */
export interface LevelVerdict {
  levelId: string;
  levelName: string;
  objectivePercent: number | null;
  resolved: number;
  met: number;
  breached: number;
  compliancePercent: number | null;
  /** True when every customer's agreement at this level was kept (vacuously true with none resolved). */
  allAgreementsMet: boolean;
  customers: AgreementVerdict[];
}

/**
 * "Were all Gold agreements met?" for every given level over a period: per customer, an agreement is
 * kept when its compliance reaches the level's objective (e.g. 95 %) — or, for a level without an
 * objective, when every resolved request met its target. A customer without resolved requests at a
 * level does not appear (nothing to judge).
 *
 * @example
 * checkLevelAgreements(aggregates, db.levels, { from: '2026-01', to: '2026-03' })
 *   .find((v) => v.levelId === 'gold')?.allAgreementsMet
 */
export function checkLevelAgreements(
  aggregates: readonly ComplianceAggregate[],
  levels: readonly Pick<ServiceLevel, 'id' | 'name' | 'objectivePercent'>[],
  period: { from: string; to: string; customerId?: string },
): LevelVerdict[] {
  const rows = summarizeCompliance(aggregates, {
    from: period.from,
    to: period.to,
    ...(period.customerId === undefined ? {} : { customerId: period.customerId }),
    groupBy: ['level', 'customer'],
  });
  return levels.map((level) => {
    const objective = level.objectivePercent ?? null;
    const customers = rows
      .filter((row) => row.group.level === level.id && row.resolved > 0)
      .map((row): AgreementVerdict => {
        const everyRequestMet = row.breached === 0;
        const objectiveMet = objective === null ? null : meetsObjective(row.met, row.resolved, objective);
        return {
          customerId: row.group.customer ?? NO_ENTITY_KEY,
          resolved: row.resolved,
          met: row.met,
          breached: row.breached,
          compliancePercent: row.compliancePercent,
          everyRequestMet,
          objectiveMet,
          agreementMet: objectiveMet ?? everyRequestMet,
        };
      });
    const met = customers.reduce((sum, c) => sum + c.met, 0);
    const breached = customers.reduce((sum, c) => sum + c.breached, 0);
    return {
      levelId: level.id,
      levelName: level.name,
      objectivePercent: objective,
      resolved: met + breached,
      met,
      breached,
      compliancePercent: percentOf(met, met + breached),
      allAgreementsMet: customers.every((c) => c.agreementMet),
      customers,
    };
  });
}

/**
 * Compliance in percent with one decimal, or null when nothing was resolved.
 *
 * @example percentOf(19, 20) // 95
 */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

// ---------------------------------------------------------------------------------------------
// Internals

function keyText(key: AggregateKey): string {
  return `${key.month}|${key.customerId}`;
}

function changeCell(aggregate: ComplianceAggregate, outcome: IssueOutcome, sign: 1 | -1): ComplianceAggregate {
  if (aggregate.month !== outcome.month || aggregate.customerId !== outcome.customerId) {
    throw new ComplianceKeyError(
      `Outcome of ${outcome.month}/${outcome.customerId} applied to the aggregate of ${aggregate.month}/${aggregate.customerId}.`,
    );
  }
  const index = aggregate.cells.findIndex(
    (c) => c.serviceId === outcome.serviceId && c.levelId === outcome.levelId && c.priorityClass === outcome.priorityClass,
  );
  const existing = index === -1 ? undefined : aggregate.cells[index];
  const cell: ComplianceCell = existing === undefined
    ? { serviceId: outcome.serviceId, levelId: outcome.levelId, priorityClass: outcome.priorityClass, ...zeroCounts() }
    : { ...existing };
  addCounts(cell, contributionOf(outcome), sign);
  const others = aggregate.cells.filter((_, i) => i !== index);
  const cells = isEmptyCounts(cell) ? others : [...others, cell];
  return { ...aggregate, cells: cells.sort(compareCells) };
}

function contributionOf(outcome: IssueOutcome): ComplianceCounts {
  return {
    met: outcome.outcome === 'met' ? 1 : 0,
    breached: outcome.outcome === 'breached' ? 1 : 0,
    responseMet: outcome.response === 'met' ? 1 : 0,
    responseBreached: outcome.response === 'breached' ? 1 : 0,
    extended: outcome.extensions > 0 ? 1 : 0,
    extensions: outcome.extensions,
  };
}

const COUNT_KEYS = ['met', 'breached', 'responseMet', 'responseBreached', 'extended', 'extensions'] as const;

function zeroCounts(): ComplianceCounts {
  return { met: 0, breached: 0, responseMet: 0, responseBreached: 0, extended: 0, extensions: 0 };
}

function addCounts(target: ComplianceCounts, delta: ComplianceCounts, sign: 1 | -1): void {
  for (const key of COUNT_KEYS) target[key] = Math.max(0, target[key] + sign * delta[key]);
}

function isEmptyCounts(counts: ComplianceCounts): boolean {
  return COUNT_KEYS.every((key) => counts[key] === 0);
}

function withPercentages(counts: ComplianceCounts): Omit<ComplianceRow, 'group'> {
  const resolved = counts.met + counts.breached;
  return {
    ...counts,
    resolved,
    compliancePercent: percentOf(counts.met, resolved),
    responseCompliancePercent: percentOf(counts.responseMet, counts.responseMet + counts.responseBreached),
  };
}

/** Compares exactly (met/resolved ≥ objective/100) instead of the rounded percentage. */
function meetsObjective(met: number, resolved: number, objectivePercent: number): boolean {
  return met * 100 >= objectivePercent * resolved;
}

function dimensionValue(aggregate: ComplianceAggregate, cell: ComplianceCell, dimension: ComplianceDimension): string {
  switch (dimension) {
    case 'month':
      return aggregate.month;
    case 'customer':
      return aggregate.customerId;
    case 'service':
      return cell.serviceId;
    case 'level':
      return cell.levelId;
    case 'priorityClass':
      return cell.priorityClass;
  }
}

function compareCells(a: ComplianceCell, b: ComplianceCell): number {
  return (
    compareText(a.serviceId, b.serviceId) ||
    compareText(a.levelId, b.levelId) ||
    PRIORITY_CLASSES.indexOf(a.priorityClass) - PRIORITY_CLASSES.indexOf(b.priorityClass)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
