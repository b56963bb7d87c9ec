/**
 * The individual requests behind the managers' numbers, read from their `contract-clock` records:
 * found through JQL on the indexed property as the app, then kept only when the counting rules put
 * them in the scope (src/domain/compliance.ts) and the caller may browse their project. Used for the
 * gadget's worst breaches and the review report's missed and uncovered requests.
 *
 * A search stops after `maxPages` pages of 100 and says so (`complete: false`), so one view never
 * turns into a scan of the site.
 */
import type { IssueDigest } from './jira-ports';
import type { Breach, MissedRequest, NamedRef, UncoveredRequest } from '../contract/compliance-api';
import type { ClockRecord } from '../contract/clock-record';
import type { ReportPeriod } from '../contract/report-period';
import { parseClockRecord } from '../domain/clock';
import { countingCalendarOf, issueOutcomeOf } from '../domain/compliance';
import { overdueMinutesOf } from '../domain/compliance-report';
import { localDateOf } from '../domain/local-date';
import { dateInPeriod } from '../domain/report-period';
import type { AppDeps } from './deps';
import { lookUpDisplayNames } from './display-names';

const PAGE_SIZE = 100;

/** The scope requests are kept for, by ids (the JQL narrows by names; this decides). */
export interface RecordScope {
  readonly period: ReportPeriod;
  readonly customerId: string | null;
  readonly serviceId: string | null;
  readonly levelId: string | null;
  /** Only requests of these projects are handed to the caller. */
  readonly browsableProjectIds: ReadonlySet<string>;
}

interface Found {
  readonly digest: IssueDigest;
  readonly record: ClockRecord | null;
}

/** Runs a search as the app, page by page, up to `maxPages`. */
async function search(deps: AppDeps, jql: string, maxPages: number): Promise<{ found: Found[]; complete: boolean }> {
  const found: Found[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await deps.jiraAsApp.searchIssueDigests(jql, { maxResults: PAGE_SIZE, ...(token === undefined ? {} : { nextPageToken: token }) });
    for (const digest of answer.issues) {
      const parsed = digest.contractClock === null ? null : parseClockRecord(digest.contractClock.value);
      found.push({ digest, record: parsed !== null && parsed.ok ? parsed.record : null });
    }
    if (answer.nextPageToken === null) return { found, complete: true };
    token = answer.nextPageToken;
  }
  return { found, complete: false };
}

function visible(digest: IssueDigest, scope: RecordScope): boolean {
  return digest.project !== null && scope.browsableProjectIds.has(digest.project.id);
}

function refOf(ref: { id: string; name: string } | null): NamedRef | null {
  return ref === null ? null : { id: ref.id, name: ref.name };
}

/** The record counted in scope as a late resolution (the counting rules), or false. */
function missedInScope(record: ClockRecord, issueId: string, scope: RecordScope): boolean {
  const outcome = issueOutcomeOf(issueId, record);
  if (outcome?.outcome !== 'breached') return false;
  if (outcome.month < scope.period.from || outcome.month > scope.period.to) return false;
  return matchesIds(outcome, scope);
}

function matchesIds(ids: { customerId: string; serviceId: string; levelId: string }, scope: RecordScope): boolean {
  if (ids.customerId === '~none') return false;
  if (scope.customerId !== null && ids.customerId !== scope.customerId) return false;
  if (scope.serviceId !== null && ids.serviceId !== scope.serviceId) return false;
  return scope.levelId === null || ids.levelId === scope.levelId;
}

/** An open request past its deadline within the period (the deadline's local date in the counting zone). */
function openBreachInScope(record: ClockRecord, scope: RecordScope): boolean {
  const { terms, target, deadline } = record;
  if (record.state !== 'breached' || terms === null || target === null || deadline === null) return false;
  if (!dateInPeriod(localDateOf(new Date(deadline), countingCalendarOf(record).timeZone), scope.period)) return false;
  return matchesIds(
    {
      customerId: terms.coverage === 'contract' ? (terms.customer?.id ?? '~none') : '~none',
      serviceId: target.service?.id ?? '~none',
      levelId: target.level.id,
    },
    scope,
  );
}

function breachOf(digest: IssueDigest, record: ClockRecord, now: Date): Breach | null {
  const { terms, target, deadline } = record;
  if (terms === null || target === null || deadline === null) return null;
  return {
    issueKey: digest.key,
    summary: digest.summary,
    customer: refOf(terms.customer),
    service: refOf(target.service),
    level: { id: target.level.id, name: target.level.name },
    priorityClass: target.priorityClass,
    deadline,
    resolvedAt: record.resolvedAt,
    overdueMinutes: overdueMinutesOf(record, now),
  };
}

/**
 * The worst breaches of the scope: resolved late in the period, or still open past a deadline in it,
 * longest overdue (business time) first.
 */
export async function findWorstBreaches(
  deps: AppDeps,
  jql: string,
  scope: RecordScope,
  options: { readonly limit: number; readonly maxPages: number },
): Promise<{ breaches: Breach[]; complete: boolean }> {
  const now = deps.now();
  const { found, complete } = await search(deps, jql, options.maxPages);
  const breaches: Breach[] = [];
  for (const { digest, record } of found) {
    if (record === null || !visible(digest, scope)) continue;
    if (!missedInScope(record, digest.id, scope) && !openBreachInScope(record, scope)) continue;
    const breach = breachOf(digest, record, now);
    if (breach !== null) breaches.push(breach);
  }
  breaches.sort((a, b) => b.overdueMinutes - a.overdueMinutes || a.issueKey.localeCompare(b.issueKey));
  return { breaches: breaches.slice(0, options.limit), complete };
}

/**
 * Every request resolved late in the scope, by resolution, with the extensions its record lists.
 * `counted` is how many records the counting rules put in the scope before the visibility filter
 * (to compare with the aggregates).
 */
export async function findMissedRequests(
  deps: AppDeps,
  jql: string,
  scope: RecordScope,
  options: { readonly maxPages: number },
): Promise<{ missed: MissedRequest[]; counted: number; complete: boolean }> {
  const now = deps.now();
  const { found, complete } = await search(deps, jql, options.maxPages);
  const missed: MissedRequest[] = [];
  let counted = 0;
  for (const { digest, record } of found) {
    if (record === null || record.resolvedAt === null || !missedInScope(record, digest.id, scope)) continue;
    counted += 1;
    if (!visible(digest, scope)) continue;
    const breach = breachOf(digest, record, now);
    if (breach === null) continue;
    const extensions = record.history.flatMap((fact) =>
      fact.kind === 'extension' ? [{ at: fact.at, minutes: fact.minutes, reason: fact.reason, by: fact.by }] : [],
    );
    missed.push({ ...breach, resolvedAt: record.resolvedAt, extensions });
  }
  missed.sort((a, b) => Date.parse(a.resolvedAt) - Date.parse(b.resolvedAt) || a.issueKey.localeCompare(b.issueKey));
  return { missed, counted, complete };
}

/**
 * Requests resolved in the period without contract terms: `uncovered` records (by Jira's resolution
 * date in the reader's zone: they have no calendar) and best-effort ones (by the counting rules).
 */
export async function findUncoveredRequests(
  deps: AppDeps,
  jql: string,
  scope: RecordScope,
  options: { readonly maxPages: number; readonly readerTimeZone: string },
): Promise<{ uncovered: UncoveredRequest[]; complete: boolean }> {
  const { found, complete } = await search(deps, jql, options.maxPages);
  const uncovered: UncoveredRequest[] = [];
  for (const { digest, record } of found) {
    if (record === null || !visible(digest, scope)) continue;
    if (record.terms === null) {
      if (record.uncovered === null || digest.resolvedAt === null) continue;
      if (!dateInPeriod(localDateOf(digest.resolvedAt, options.readerTimeZone), scope.period)) continue;
      uncovered.push({ issueKey: digest.key, summary: digest.summary, resolvedAt: digest.resolvedAt.toISOString(), reason: record.uncovered.reason });
    } else if (record.terms.coverage === 'fallback') {
      const outcome = issueOutcomeOf(digest.id, record);
      if (outcome === null || outcome.month < scope.period.from || outcome.month > scope.period.to) continue;
      uncovered.push({ issueKey: digest.key, summary: digest.summary, resolvedAt: outcome.resolvedAt, reason: 'fallback' });
    }
  }
  uncovered.sort((a, b) => (a.resolvedAt ?? '').localeCompare(b.resolvedAt ?? '') || a.issueKey.localeCompare(b.issueKey));
  return { uncovered, complete };
}

/**
 * The missed requests with their extensions' authors by display name, as the caller sees them: one
 * batched look-up for all distinct authors (⌈N / 50⌉ Jira requests, ADR 0033). An author Jira gives
 * no name for — or every author, when Jira refuses — keeps the account id; Forge's consent error
 * passes through.
 */
export async function nameExtensionAuthors(deps: AppDeps, accountId: string, missed: readonly MissedRequest[]): Promise<MissedRequest[]> {
  const ids = missed.flatMap((m) => m.extensions.flatMap((e) => (e.by === null ? [] : [e.by])));
  const names = await lookUpDisplayNames(deps.jiraAsUser(accountId), ids, deps.log);
  return missed.map((m) => ({ ...m, extensions: m.extensions.map((e) => ({ ...e, by: e.by === null ? null : (names.get(e.by) ?? e.by) })) }));
}
