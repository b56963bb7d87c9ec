/**
 * Terms resolution (design §3): which contract, service, level, target and calendar apply to a
 * request, decided from the contract database, the request's facts and its creation instant — with an
 * explanation of every step.
 *
 * Pure: no I/O, no clock (the creation instant is a parameter), no Forge. Expected outcomes (no
 * organization, no contract, expired contract, service not covered) are values, never exceptions;
 * only a database that skipped validation (an id pointing nowhere) throws TermsResolutionError.
 *
 * Decisions:
 * - A version is in force when the creation date, read in the contract's `timeZone`, lies within
 *   `effectiveFrom` .. `effectiveTo` (both inclusive). The level's terms are those of its revision in
 *   force on that same local date (the earliest revision for a date before all of them).
 * - Bespoke terms may give a calendar to some priority classes only (a 24x7 calendar for P1
 *   outages): the terms then carry the calendars of the other classes too (`otherClassCalendars`),
 *   so a later priority change counts on in the right calendar without the database.
 * - The service is the first catalogue service whose rule matches (request type id exactly; component
 *   or label case-insensitively). A recognised service the contract does not cover makes that contract
 *   not apply (`service-not-covered`) rather than silently counting it as the default service: the
 *   request is about something the customer does not buy. No match at all: the default service.
 * - Several organizations with applicable contracts: the strictest wins — smallest resolution target
 *   for the request's class, then smallest response target (none counts as infinite), then the
 *   contract listed first.
 * - No applicable contract: the settings' fallback level if configured (the terms then say
 *   `coverage: 'fallback'` and why), else `uncovered`. When several contracts were rejected, the reason
 *   reported is the most specific: service-not-covered, then contract-expired, then
 *   contract-not-in-force.
 * - The priority class comes from the settings' map; a missing or unmapped priority gets the map's
 *   default class (see priority-class.ts).
 */
import { holidaysWithoutNames, type CalendarDefinition } from '../contract/calendar';
import {
  bespokeCalendarApplies,
  levelRevisionOn,
  PRIORITY_CLASSES,
  type CalendarEntry,
  type Contract,
  type ContractDatabase,
  type ContractVersion,
  type CoveredService,
  type LevelRevision,
  type PriorityClass,
  type Service,
  type ServiceLevel,
  type Target,
  type TargetTable,
} from '../contract/contract-database';
import type { ExplanationStep, Ref, ServiceMatch, Terms, UncoveredReason } from '../contract/clock-record';
import { localDateOf } from './local-date';
import { mapJiraPriority, type PriorityMapping } from './priority-class';

/** What terms resolution needs to know about a request (read from Jira by the caller). */
export interface RequestFacts {
  /** The request's JSM organizations; empty when it has none. */
  organizations: readonly Ref[];
  requestTypeId: string | null;
  /** Only used to explain a match ("request type 'E-mail problem'"). */
  requestTypeName?: string | null;
  components: readonly string[];
  labels: readonly string[];
  /** The Jira priority name; null when the request has none. */
  priority: string | null;
}

/** The outcome of terms resolution: a value for every expected case. */
export type TermsResolution =
  | { status: 'covered'; terms: Terms }
  | { status: 'fallback'; reason: UncoveredReason; terms: Terms }
  | {
      status: 'uncovered';
      reason: UncoveredReason;
      priorityClass: PriorityClass;
      jiraPriority: string | null;
      explanation: ExplanationStep[];
      summary: string;
    };

/** The database references something that does not exist: it was not validated. */
export class TermsResolutionError extends Error {
  override readonly name = 'TermsResolutionError';
}

/** A service recognised by its catalogue rule. */
export interface ServiceRecognition {
  service: Service;
  matchedBy: Exclude<ServiceMatch, 'default'>;
  /** The request type name (or id), component or label that matched. */
  value: string;
}

/** Which version of a contract is in force on a date. */
export type VersionLookup =
  | { kind: 'in-force'; version: ContractVersion }
  | { kind: 'expired' }
  | { kind: 'not-in-force' };

/**
 * Resolves the terms of a request created at `createdAt`.
 *
 * @example
 * const result = resolveTerms(db, {
 *   organizations: [{ id: '17', name: 'ACME' }], requestTypeId: '12', requestTypeName: 'E-mail problem',
 *   components: [], labels: [], priority: 'Highest',
 * }, new Date('2026-03-02T09:30:00Z'));
 * if (result.status !== 'uncovered') result.terms.summary;
 * // "ACME → contract ACME 2026 v3 → E-mail (request type 'E-mail problem') → Gold → P1 → 4 h in 'ACME office hours, Europe/Amsterdam'"
 */
export function resolveTerms(db: ContractDatabase, facts: RequestFacts, createdAt: Date): TermsResolution {
  const priority = mapJiraPriority(db.settings.priorities, facts.priority);
  const recognition = recognizeService(db.services, facts);
  // Sorted by id: Jira lists organizations in no promised order, and the terms must not depend on it.
  const organizations = facts.organizations.map(toRef).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const steps: ExplanationStep[] = [{ kind: 'organizations', organizations }];
  const context: ResolutionContext = { db, facts, priority, recognition, steps, createdAt };

  const organizationIds = new Set(facts.organizations.map((o) => o.id));
  if (organizationIds.size === 0) return resolveWithoutContract(context, 'no-organization', null);

  const contracts = db.contracts.filter((c) => c.customer.organizationIds.some((id) => organizationIds.has(id)));
  if (contracts.length === 0) return resolveWithoutContract(context, 'unknown-organization', null);

  const candidates: Candidate[] = [];
  const rejections: Rejection[] = [];
  for (const contract of contracts) {
    const outcome = evaluateContract(db, contract, recognition, createdAt);
    if (outcome.kind === 'candidate') candidates.push(outcome.candidate);
    else rejections.push(outcome.rejection);
  }
  for (const rejection of rejections) {
    steps.push({
      kind: 'contract-rejected',
      contract: toRef(rejection.contract),
      customer: toRef(rejection.contract.customer),
      reason: rejection.reason,
      date: rejection.date,
      service: rejection.service === null ? null : toRef(rejection.service),
    });
  }

  const chosen = pickStrictest(candidates, priority.priorityClass);
  if (chosen === undefined) {
    const rejection = mostSpecificRejection(rejections);
    return resolveWithoutContract(context, rejection.reason, rejection.contract);
  }
  return { status: 'covered', terms: buildContractTerms(context, chosen, candidates) };
}

/**
 * The first catalogue service whose rule matches the request, or null. Within one rule a request type
 * hit is reported before a component hit before a label hit.
 *
 * @example recognizeService(db.services, { requestTypeId: '12', components: [], labels: [], … })
 */
export function recognizeService(
  services: readonly Service[],
  facts: Pick<RequestFacts, 'requestTypeId' | 'requestTypeName' | 'components' | 'labels'>,
): ServiceRecognition | null {
  const components = new Map(facts.components.map((c) => [fold(c), c]));
  const labels = new Map(facts.labels.map((l) => [fold(l), l]));
  for (const service of services) {
    const { requestTypeIds, components: ruleComponents, labels: ruleLabels } = service.rule;
    if (facts.requestTypeId !== null && requestTypeIds.includes(facts.requestTypeId)) {
      const name = facts.requestTypeName ?? null;
      return { service, matchedBy: 'request-type', value: name === null || name === '' ? facts.requestTypeId : name };
    }
    for (const wanted of ruleComponents) {
      const hit = components.get(fold(wanted));
      if (hit !== undefined) return { service, matchedBy: 'component', value: hit };
    }
    for (const wanted of ruleLabels) {
      const hit = labels.get(fold(wanted));
      if (hit !== undefined) return { service, matchedBy: 'label', value: hit };
    }
  }
  return null;
}

/**
 * The version of a contract in force on a local date (`YYYY-MM-DD` in the contract's zone); when none
 * is, whether the contract has expired (every version ended before the date) or is not in force
 * (the date is before the first version or in a gap between versions).
 *
 * @example findVersionInForce(contract, '2026-03-02') // { kind: 'in-force', version: { version: 3, … } }
 */
export function findVersionInForce(contract: Contract, date: string): VersionLookup {
  let expired = true;
  for (const version of contract.versions) {
    const ended = version.effectiveTo !== undefined && version.effectiveTo < date;
    if (!ended) expired = false;
    if (version.effectiveFrom <= date && !ended) return { kind: 'in-force', version };
  }
  return expired ? { kind: 'expired' } : { kind: 'not-in-force' };
}

/**
 * The plain-English one-line summary of an explanation, e.g.
 * "ACME → contract ACME 2026 v3 → E-mail (request type 'E-mail problem') → Gold → P1 → 4 h in
 * 'ACME office hours, Europe/Amsterdam'". The UI renders the structured steps in its own language;
 * this line is for logs, comments and JQL-friendly text.
 *
 * @example summarizeExplanation(terms.explanation)
 */
export function summarizeExplanation(steps: readonly ExplanationStep[]): string {
  const parts: string[] = [];
  const hasContract = steps.some((s) => s.kind === 'contract');
  const uncovered = steps.some((s) => s.kind === 'uncovered');
  // "Printing not covered by contract X" already names the service.
  const serviceRejected = !hasContract && steps.some((s) => s.kind === 'contract-rejected' && s.reason === 'service-not-covered');
  const organizations = steps.find((s) => s.kind === 'organizations');
  const firstRejection = steps.find((s) => s.kind === 'contract-rejected');
  if (!hasContract) {
    if (firstRejection !== undefined) parts.push(firstRejection.customer.name);
    else if (organizations !== undefined && organizations.organizations.length > 0) {
      parts.push(organizations.organizations.map((o) => o.name).join(', '));
    }
  }
  let target: Extract<ExplanationStep, { kind: 'target' }> | undefined;
  for (const step of steps) {
    switch (step.kind) {
      case 'organizations':
        break;
      case 'contract-rejected':
        if (!hasContract) parts.push(describeRejection(step));
        break;
      case 'contract':
        parts.push(step.customer.name, `contract ${step.contract.name} v${step.version}`);
        break;
      case 'strictest':
        parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} (strictest of ${step.candidates.length})`;
        break;
      case 'service':
        if (serviceRejected) break;
        parts.push(`${step.service.name} (${describeServiceMatch(step.matchedBy, step.value)})`);
        break;
      case 'level':
        parts.push(step.bespoke ? `${step.level.name} (bespoke)` : step.level.name);
        break;
      case 'fallback':
        if (firstRejection === undefined) parts.push(describeReason(step.reason));
        parts.push(`fallback level ${step.level.name}`);
        break;
      case 'uncovered':
        if (firstRejection === undefined) parts.push(describeReason(step.reason));
        parts.push('uncovered');
        break;
      case 'priority':
        // An uncovered request has a class but no target: the class says nothing there.
        if (uncovered) break;
        parts.push(
          step.source === 'mapped'
            ? step.priorityClass
            : step.source === 'missing'
              ? `${step.priorityClass} (no priority)`
              : `${step.priorityClass} (priority '${step.jiraPriority ?? ''}' not mapped)`,
        );
        break;
      case 'target':
        target = step;
        break;
      case 'calendar':
        if (target !== undefined) {
          parts.push(`${formatBusinessMinutes(target.resolutionMinutes)} in '${step.calendar.name}, ${step.timeZone}'`);
          target = undefined;
        } else {
          parts.push(`'${step.calendar.name}, ${step.timeZone}'`);
        }
        break;
    }
  }
  if (target !== undefined) parts.push(formatBusinessMinutes(target.resolutionMinutes));
  return parts.join(' → ');
}

/**
 * Business minutes as hours and minutes, e.g. `4 h`, `1 h 30 min`, `45 min`. Days are not used:
 * a business "day" depends on the calendar.
 *
 * @example formatBusinessMinutes(90) // '1 h 30 min'
 */
export function formatBusinessMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

// ---------------------------------------------------------------------------------------------
// Internals

interface ResolutionContext {
  db: ContractDatabase;
  facts: RequestFacts;
  priority: PriorityMapping;
  recognition: ServiceRecognition | null;
  steps: ExplanationStep[];
  createdAt: Date;
}

interface Candidate {
  contract: Contract;
  contractIndex: number;
  version: ContractVersion;
  date: string;
  service: Service;
  matchedBy: ServiceMatch;
  matchValue: string | null;
  covered: CoveredService;
  level: ServiceLevel;
  /** The level's revision in force on `date`. */
  revision: LevelRevision;
  targets: TargetTable;
  /** The calendar each class counts in (a bespoke calendar may apply to some classes only). */
  calendars: Readonly<Record<PriorityClass, CalendarEntry>>;
}

interface Rejection {
  contract: Contract;
  reason: UncoveredReason;
  date: string;
  service: Service | null;
}

type ContractOutcome = { kind: 'candidate'; candidate: Candidate } | { kind: 'rejection'; rejection: Rejection };

function evaluateContract(
  db: ContractDatabase,
  contract: Contract,
  recognition: ServiceRecognition | null,
  createdAt: Date,
): ContractOutcome {
  const date = localDateOf(createdAt, contract.timeZone);
  const lookup = findVersionInForce(contract, date);
  if (lookup.kind !== 'in-force') {
    return {
      kind: 'rejection',
      rejection: { contract, reason: lookup.kind === 'expired' ? 'contract-expired' : 'contract-not-in-force', date, service: null },
    };
  }
  const version = lookup.version;
  const serviceId = recognition === null ? version.defaultServiceId : recognition.service.id;
  const covered = version.coveredServices.find((c) => c.serviceId === serviceId);
  if (covered === undefined) {
    // Only reachable for a recognised service: the default service is validated to be covered.
    return { kind: 'rejection', rejection: { contract, reason: 'service-not-covered', date, service: recognition?.service ?? null } };
  }
  const service = recognition?.service ?? requireById(db.services, serviceId, 'service');
  const level = requireById(db.levels, covered.levelId, 'level');
  const revision = levelRevisionOn(level, date);
  const levelCalendar = requireById(db.calendars, revision.calendarId, 'calendar');
  const bespokeCalendarId = covered.bespoke?.calendarId;
  const bespokeCalendar = bespokeCalendarId === undefined ? levelCalendar : requireById(db.calendars, bespokeCalendarId, 'calendar');
  const calendarOfClass = (c: PriorityClass): CalendarEntry => (bespokeCalendarApplies(covered.bespoke, c) ? bespokeCalendar : levelCalendar);
  const candidate: Candidate = {
    contract,
    contractIndex: db.contracts.indexOf(contract),
    version,
    date,
    service,
    matchedBy: recognition?.matchedBy ?? 'default',
    matchValue: recognition?.value ?? null,
    covered,
    level,
    revision,
    targets: applyOverrides(revision.targets, covered),
    calendars: { P1: calendarOfClass('P1'), P2: calendarOfClass('P2'), P3: calendarOfClass('P3'), P4: calendarOfClass('P4'), P5: calendarOfClass('P5') },
  };
  return { kind: 'candidate', candidate };
}

function applyOverrides(targets: TargetTable, covered: CoveredService): TargetTable {
  const overrides = covered.bespoke?.targets ?? {};
  const pick = (c: PriorityClass): Target => overrides[c] ?? targets[c];
  return { P1: pick('P1'), P2: pick('P2'), P3: pick('P3'), P4: pick('P4'), P5: pick('P5') };
}

function pickStrictest(candidates: readonly Candidate[], priorityClass: PriorityClass): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined || compareStrictness(candidate, best, priorityClass) < 0) best = candidate;
  }
  return best;
}

function compareStrictness(a: Candidate, b: Candidate, priorityClass: PriorityClass): number {
  const ta = a.targets[priorityClass];
  const tb = b.targets[priorityClass];
  return (
    ta.resolutionMinutes - tb.resolutionMinutes ||
    (ta.responseMinutes ?? Infinity) - (tb.responseMinutes ?? Infinity) ||
    a.contractIndex - b.contractIndex
  );
}

const REJECTION_SPECIFICITY: readonly UncoveredReason[] = ['service-not-covered', 'contract-expired', 'contract-not-in-force'];

function mostSpecificRejection(rejections: readonly Rejection[]): Rejection {
  for (const reason of REJECTION_SPECIFICITY) {
    const hit = rejections.find((r) => r.reason === reason);
    if (hit !== undefined) return hit;
  }
  // Unreachable: resolveTerms only calls this when every matching contract was rejected.
  throw new TermsResolutionError('No contract was evaluated.');
}

function buildContractTerms(context: ResolutionContext, chosen: Candidate, candidates: readonly Candidate[]): Terms {
  const { db, priority, steps } = context;
  const bespoke = chosen.covered.bespoke !== undefined;
  const target = chosen.targets[priority.priorityClass];
  const bespokeTarget = chosen.covered.bespoke?.targets[priority.priorityClass] !== undefined;
  const bespokeCalendar = bespokeCalendarApplies(chosen.covered.bespoke, priority.priorityClass);
  const calendar = chosen.calendars[priority.priorityClass];
  steps.push({
    kind: 'contract',
    customer: toRef(chosen.contract.customer),
    contract: toRef(chosen.contract),
    version: chosen.version.version,
    effectiveFrom: chosen.version.effectiveFrom,
    effectiveTo: chosen.version.effectiveTo ?? null,
    date: chosen.date,
    timeZone: chosen.contract.timeZone,
  });
  if (candidates.length > 1) {
    steps.push({ kind: 'strictest', candidates: candidates.map((c) => toRef(c.contract)), chosen: toRef(chosen.contract) });
  }
  steps.push(
    { kind: 'service', service: toRef(chosen.service), matchedBy: chosen.matchedBy, value: chosen.matchValue },
    { kind: 'level', level: toRef(chosen.level), bespoke, revisionFrom: chosen.revision.effectiveFrom },
    priorityStep(priority),
    targetStep(target, bespokeTarget),
    { kind: 'calendar', calendar: toRef(calendar), timeZone: calendar.timeZone, bespoke: bespokeCalendar },
  );
  return {
    coverage: 'contract',
    fallbackReason: null,
    customer: toRef(chosen.contract.customer),
    contract: toRef(chosen.contract),
    contractVersion: chosen.version.version,
    service: toRef(chosen.service),
    level: toRef(chosen.level),
    bespoke,
    targets: chosen.targets,
    calendarRef: toRef(calendar),
    calendar: toCalendarDefinition(calendar),
    ...otherClassCalendars(chosen.calendars, calendar),
    priorityClass: priority.priorityClass,
    jiraPriority: priority.jiraPriority,
    resolutionMinutes: target.resolutionMinutes,
    ...(target.responseMinutes === undefined ? {} : { responseMinutes: target.responseMinutes }),
    timeZone: chosen.contract.timeZone,
    pauseStatuses: [...(chosen.version.pauseStatuses ?? db.settings.pauseStatuses)],
    atRiskPercent: db.settings.atRiskThresholdPercent,
    explanation: steps,
    summary: summarizeExplanation(steps),
  };
}

function resolveWithoutContract(context: ResolutionContext, reason: UncoveredReason, contract: Contract | null): TermsResolution {
  const { db, priority, recognition, steps } = context;
  const fallbackId = db.settings.fallbackLevelId;
  if (fallbackId === null) {
    steps.push(priorityStep(priority), { kind: 'uncovered', reason });
    return {
      status: 'uncovered',
      reason,
      priorityClass: priority.priorityClass,
      jiraPriority: priority.jiraPriority,
      explanation: steps,
      summary: summarizeExplanation(steps),
    };
  }
  const level = requireById(db.levels, fallbackId, 'level');
  // The revision in force on the creation date, read in the rejected contract's zone, else in the zone
  // of the level's own calendar.
  const zone = contract?.timeZone ?? requireById(db.calendars, levelRevisionOn(level, context.createdAt.toISOString().slice(0, 10)).calendarId, 'calendar').timeZone;
  const revision = levelRevisionOn(level, localDateOf(context.createdAt, zone));
  const calendar = requireById(db.calendars, revision.calendarId, 'calendar');
  const target = revision.targets[priority.priorityClass];
  if (recognition !== null) {
    steps.push({ kind: 'service', service: toRef(recognition.service), matchedBy: recognition.matchedBy, value: recognition.value });
  }
  steps.push(
    { kind: 'fallback', reason, level: toRef(level), revisionFrom: revision.effectiveFrom },
    priorityStep(priority),
    targetStep(target, false),
    { kind: 'calendar', calendar: toRef(calendar), timeZone: calendar.timeZone, bespoke: false },
  );
  const terms: Terms = {
    coverage: 'fallback',
    fallbackReason: reason,
    customer: contract === null ? null : toRef(contract.customer),
    contract: null,
    contractVersion: null,
    service: recognition === null ? null : toRef(recognition.service),
    level: toRef(level),
    bespoke: false,
    targets: revision.targets,
    calendarRef: toRef(calendar),
    calendar: toCalendarDefinition(calendar),
    priorityClass: priority.priorityClass,
    jiraPriority: priority.jiraPriority,
    resolutionMinutes: target.resolutionMinutes,
    ...(target.responseMinutes === undefined ? {} : { responseMinutes: target.responseMinutes }),
    timeZone: contract?.timeZone ?? calendar.timeZone,
    pauseStatuses: [...db.settings.pauseStatuses],
    atRiskPercent: db.settings.atRiskThresholdPercent,
    explanation: steps,
    summary: summarizeExplanation(steps),
  };
  return { status: 'fallback', reason, terms };
}

function priorityStep(priority: PriorityMapping): ExplanationStep {
  return { kind: 'priority', jiraPriority: priority.jiraPriority, priorityClass: priority.priorityClass, source: priority.source };
}

function targetStep(target: Target, bespoke: boolean): ExplanationStep {
  return { kind: 'target', resolutionMinutes: target.resolutionMinutes, responseMinutes: target.responseMinutes ?? null, bespoke };
}

/** The design §2 definition of a calendar entry (without the entry's id and name, nor the holidays' names). */
export function toCalendarDefinition(entry: CalendarEntry): CalendarDefinition {
  return entry.holidays === undefined
    ? { timeZone: entry.timeZone, week: entry.week }
    : { timeZone: entry.timeZone, week: entry.week, holidays: holidaysWithoutNames(entry.holidays) };
}

/** The calendars of the classes that do not count in `calendar`, grouped by calendar; nothing when every class does. */
function otherClassCalendars(
  calendars: Readonly<Record<PriorityClass, CalendarEntry>>,
  calendar: CalendarEntry,
): { otherClassCalendars?: { classes: PriorityClass[]; calendarRef: Ref; calendar: CalendarDefinition }[] } {
  const groups = new Map<CalendarEntry, PriorityClass[]>();
  for (const priorityClass of PRIORITY_CLASSES) {
    const entry = calendars[priorityClass];
    if (entry === calendar) continue;
    const classes = groups.get(entry) ?? [];
    classes.push(priorityClass);
    groups.set(entry, classes);
  }
  if (groups.size === 0) return {};
  return {
    otherClassCalendars: [...groups].map(([entry, classes]) => ({ classes, calendarRef: toRef(entry), calendar: toCalendarDefinition(entry) })),
  };
}

function requireById<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  const hit = items.find((item) => item.id === id);
  if (hit === undefined) throw new TermsResolutionError(`Unknown ${what} '${id}': validate the contract database first.`);
  return hit;
}

function toRef(item: { id: string; name: string }): Ref {
  return { id: item.id, name: item.name };
}

function fold(text: string): string {
  return text.trim().toLowerCase();
}

function describeServiceMatch(matchedBy: ServiceMatch, value: string | null): string {
  switch (matchedBy) {
    case 'request-type':
      return `request type '${value ?? ''}'`;
    case 'component':
      return `component '${value ?? ''}'`;
    case 'label':
      return `label '${value ?? ''}'`;
    case 'default':
      return 'default service';
  }
}

function describeRejection(step: Extract<ExplanationStep, { kind: 'contract-rejected' }>): string {
  switch (step.reason) {
    case 'contract-expired':
      return `contract ${step.contract.name} expired before ${step.date}`;
    case 'contract-not-in-force':
      return `contract ${step.contract.name} not in force on ${step.date}`;
    case 'service-not-covered':
      return `${step.service?.name ?? 'service'} not covered by contract ${step.contract.name}`;
    case 'no-organization':
    case 'unknown-organization':
      return describeReason(step.reason);
  }
}

function describeReason(reason: UncoveredReason): string {
  switch (reason) {
    case 'no-organization':
      return 'no organization';
    case 'unknown-organization':
      return 'no contract';
    case 'contract-expired':
      return 'contract expired';
    case 'contract-not-in-force':
      return 'no contract version in force';
    case 'service-not-covered':
      return 'service not covered';
  }
}
