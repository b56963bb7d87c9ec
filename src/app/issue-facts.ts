/**
 * Turns what Jira says about an issue into what the domain understands: the request facts for terms
 * resolution, the issue's status, clock facts from its changelog (status, resolution, priority and
 * service-relevant changes) — each with a stable id so re-reading the same changelog adds nothing —
 * and the first-response fact of a comment (one rule, whichever path the comment came by).
 *
 * Pure mapping: no I/O. The caller fetched the snapshot, the changelog entries it has not read
 * before, the status catalogue and (when a priority or service changed) the contract terms.
 */
import type { CommentSnapshot, FieldChange, IssueSnapshot } from './jira-ports';
import type { ClockFact, ClockRecord, IssueStatus, StatusCategory } from '../contract/clock-record';
import type { RequestFacts } from '../domain/resolve-terms';
import type { ContractTerms } from './contract-terms';

/** The request facts terms resolution needs, read from the issue's current fields. */
export function requestFactsOf(issue: IssueSnapshot): RequestFacts {
  return {
    organizations: issue.organizations.map((o) => ({ id: o.id, name: o.name })),
    requestTypeId: issue.requestType?.id ?? null,
    requestTypeName: issue.requestType?.name ?? null,
    components: issue.components.map((c) => c.name),
    labels: [...issue.labels],
    priority: issue.priority?.name ?? null,
  };
}

/** The issue's status now. */
export function currentStatusOf(issue: IssueSnapshot): IssueStatus {
  return { status: issue.status.name, statusCategory: issue.status.category, resolution: issue.resolution?.name ?? null };
}

/** Field ids whose change may change the service (components, labels, the JSM request type). */
export function serviceFieldIds(requestTypeFieldId: string | null): string[] {
  return ['components', 'labels', 'Component', ...(requestTypeFieldId === null ? [] : [requestTypeFieldId])];
}

const STATUS_FIELDS = new Set(['status', 'resolution']);

/**
 * The issue's status at creation: the `from` side of the first status / resolution change, or the
 * current status when nothing changed since.
 */
export function creationStatusOf(
  issue: IssueSnapshot,
  changes: readonly FieldChange[],
  categories: ReadonlyMap<string, StatusCategory>,
): IssueStatus {
  const firstStatus = changes.find((c) => c.fieldId === 'status');
  const firstResolution = changes.find((c) => c.fieldId === 'resolution');
  const current = currentStatusOf(issue);
  return {
    status: firstStatus?.fromText ?? current.status,
    statusCategory:
      firstStatus === undefined ? current.statusCategory : categoryOf(firstStatus.from, issue, categories),
    resolution: firstResolution === undefined ? current.resolution : firstResolution.fromText,
  };
}

function categoryOf(
  statusId: string | null,
  issue: IssueSnapshot,
  categories: ReadonlyMap<string, StatusCategory>,
): StatusCategory {
  if (statusId === null) return 'undefined';
  if (statusId === issue.status.id) return issue.status.category;
  return categories.get(statusId) ?? 'undefined';
}

/** What changelog translation needs besides the changes. */
export interface ChangelogContext {
  readonly issue: IssueSnapshot;
  readonly categories: ReadonlyMap<string, StatusCategory>;
  /** The contract terms; needed (non-null) only when `needsContractTerms(changes)` says so. */
  readonly contract: ContractTerms | null;
  /** The record the facts are for (service facts compare against its terms). */
  readonly record: ClockRecord;
  readonly requestTypeFieldId: string | null;
  /**
   * The issue's status before the first of `changes` (kept with the changelog cursor); default: its
   * status at creation (`changes` is then the whole changelog).
   */
  readonly statusBefore?: IssueStatus;
}

/** Facts from some changelog entries, and the issue's status after the last of them. */
export interface TranslatedChangelog {
  readonly facts: ClockFact[];
  readonly statusAfter: IssueStatus;
}

/** True when translating `changes` needs the contract terms (a priority or service-relevant change). */
export function needsContractTerms(changes: readonly FieldChange[], requestTypeFieldId: string | null): boolean {
  const relevant = new Set(['priority', ...serviceFieldIds(requestTypeFieldId)]);
  return changes.some((c) => relevant.has(c.fieldId));
}

/**
 * Clock facts from changelog entries: one `status` fact per change of status or resolution (the state
 * after it), one `priority` fact per priority change (mapped with the current priority map), and a
 * `service` fact when a service-relevant field changed and the request now falls under another
 * service of the same contract version. Ids are `changelog:<entry id>:<kind>`, so they dedupe
 * across deliveries. `changes` may be the whole changelog or only the entries not read before
 * (then `statusBefore` says where the status stood).
 *
 * Service facts use the issue's current field values: Jira's changelog holds display strings of
 * components and request types, not the rule inputs, so an intermediate service between two quick
 * changes is not reconstructed (the final one is exact).
 */
export function translateChangelog(changes: readonly FieldChange[], context: ChangelogContext): TranslatedChangelog {
  const { issue, categories } = context;
  const facts: ClockFact[] = [];
  const entries = groupByEntry(changes);
  let status = context.statusBefore ?? creationStatusOf(issue, changes, categories);
  for (const entry of entries) {
    const at = entry.at.toISOString();
    const statusChange = entry.changes.find((c) => c.fieldId === 'status');
    const resolutionChange = entry.changes.find((c) => c.fieldId === 'resolution');
    if (statusChange !== undefined || resolutionChange !== undefined) {
      status = {
        status: statusChange?.toText ?? status.status,
        statusCategory: statusChange === undefined ? status.statusCategory : categoryOf(statusChange.to, issue, categories),
        resolution: resolutionChange === undefined ? status.resolution : resolutionChange.toText,
      };
      facts.push({ kind: 'status', id: `changelog:${entry.id}:status`, at, ...status });
    }
    const priorityChange = entry.changes.find((c) => c.fieldId === 'priority');
    if (priorityChange !== undefined) {
      const mapped = requireContract(context).priorityClassOf(priorityChange.toText);
      facts.push({
        kind: 'priority',
        id: `changelog:${entry.id}:priority`,
        at,
        jiraPriority: mapped.jiraPriority,
        priorityClass: mapped.priorityClass,
        // Who changed it: the history names them (a downgrade is a decision someone owns).
        by: priorityChange.authorAccountId,
      });
    }
  }
  const serviceFact = latestServiceFact(entries, context);
  if (serviceFact !== null) facts.push(serviceFact);
  return { facts, statusAfter: status };
}

/** The facts of `translateChangelog`. */
export function factsFromChangelog(changes: readonly FieldChange[], context: ChangelogContext): ClockFact[] {
  return translateChangelog(changes, context).facts;
}

function requireContract(context: ChangelogContext): ContractTerms {
  if (context.contract === null) throw new Error('A priority or service change needs the contract terms (see needsContractTerms).');
  return context.contract;
}

function latestServiceFact(entries: readonly ChangelogEntry[], context: ChangelogContext): ClockFact | null {
  const { record, issue } = context;
  const terms = record.terms;
  if (terms === null) return null;
  const relevant = new Set(serviceFieldIds(context.requestTypeFieldId));
  const last = [...entries].reverse().find((e) => e.changes.some((c) => relevant.has(c.fieldId)));
  if (last === undefined) return null;
  const resolved = requireContract(context).termsFor(issue, new Date(record.startedAt));
  if (resolved.status === 'uncovered') return null;
  const next = resolved.terms;
  // Only a service change within the same contract version re-targets; anything else needs an
  // explicit, previewed re-apply by an agent (design §1: versions, not edits).
  if (next.contract?.id !== terms.contract?.id || next.contractVersion !== terms.contractVersion) return null;
  return {
    kind: 'service',
    id: `changelog:${last.id}:service`,
    at: last.at.toISOString(),
    by: last.changes.find((c) => relevant.has(c.fieldId))?.authorAccountId ?? null,
    terms: {
      service: next.service,
      level: next.level,
      bespoke: next.bespoke,
      targets: next.targets,
      calendarRef: next.calendarRef,
      calendar: next.calendar,
      ...(next.otherClassCalendars === undefined ? {} : { otherClassCalendars: next.otherClassCalendars }),
    },
  };
}

/**
 * The first-response fact of a comment: only a public comment by an agent — an Atlassian account
 * (JSM's portal customers are `customer` accounts) that is not the request's reporter — meets the
 * response target. The comment trigger and the panel's "post a reply" both read the comment back
 * from Jira and go through this rule, so no path can record a customer's comment as the response.
 *
 * @example commentFacts(await jira.getComment(issue.id, commentId), issue) // [] for a customer's comment
 */
export function commentFacts(comment: CommentSnapshot, issue: IssueSnapshot): ClockFact[] {
  const byAgent = comment.authorAccountType === 'atlassian' && comment.authorAccountId !== null && comment.authorAccountId !== issue.reporter?.accountId;
  if (!comment.isPublic || !byAgent) return [];
  return [{ kind: 'public-comment', id: `comment:${comment.id}`, at: comment.createdAt.toISOString(), by: comment.authorAccountId }];
}

interface ChangelogEntry {
  readonly id: string;
  readonly at: Date;
  readonly changes: FieldChange[];
}

function groupByEntry(changes: readonly FieldChange[]): ChangelogEntry[] {
  const byId = new Map<string, ChangelogEntry>();
  for (const change of changes) {
    const entry = byId.get(change.changeId);
    if (entry === undefined) byId.set(change.changeId, { id: change.changeId, at: change.at, changes: [change] });
    else entry.changes.push(change);
  }
  return [...byId.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** True when a changelog touches anything the clock reacts to. */
export function touchesClock(changes: readonly FieldChange[], requestTypeFieldId: string | null): boolean {
  const relevant = new Set([...STATUS_FIELDS, 'priority', ...serviceFieldIds(requestTypeFieldId)]);
  return changes.some((c) => relevant.has(c.fieldId));
}
