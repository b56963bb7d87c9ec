/**
 * The clock of one request, brought up to date with Jira: the use case behind the created, updated
 * and commented triggers. It reads the current issue (with its changelog and its stored record)
 * instead of trusting the event, derives facts with stable ids, merges them into the record and
 * stores the record only when it changed — so late, duplicated and reordered events all converge on
 * the same record.
 *
 * Steady state of a created event: 3 Jira calls (issue, property, deadline field) and 3 storage
 * operations (site cache, the terms slice of the request's organizations, open-clock index).
 */
import type { CommentSnapshot, IssueSnapshot } from './jira-ports';
import type { ClockFact, ClockRecord } from '../contract/clock-record';
import { applyFacts, parseClockRecord, rebuildClockRecord, startClock } from '../domain/clock';
import { resolveTerms } from '../domain/resolve-terms';
import { saveClock, type SaveResult } from './clock-store';
import { loadTermsDatabase } from './contract-database-store';
import type { AppDeps } from './deps';
import { isServiceRequest } from './jira-ports';
import { creationStatusOf, factsFromChangelog, requestFactsOf } from './issue-facts';
import { loadSiteFacts } from './site-cache';

/** What reconciling did. */
export type ReconcileOutcome =
  | { kind: 'not-a-request' }
  | { kind: 'started'; save: SaveResult }
  | { kind: 'rebuilt'; save: SaveResult; reason: string }
  | { kind: 'updated'; save: SaveResult };

/** Extra facts the event itself carries (a comment), besides what the issue says. */
export interface ReconcileHints {
  readonly commentId?: string;
}

/**
 * Starts the request's clock if it has none, otherwise merges what changed since; stores the result
 * when it differs from the stored record.
 *
 * @example await reconcileClock(deps, '10042');
 */
export async function reconcileClock(deps: AppDeps, issueIdOrKey: string, hints: ReconcileHints = {}): Promise<ReconcileOutcome> {
  const now = deps.now();
  const site = await loadSiteFacts(deps.store, deps.jiraAsApp, now);
  const issue = await deps.jiraAsApp.getIssue(issueIdOrKey, { fieldIds: site.fieldIds, includeChangelog: true });
  // Not a customer request (a Jira Software or business project): no clock, no property, no field,
  // no storage entry. The manifest's filters keep such events away; this keeps any caller honest.
  if (!isServiceRequest(issue)) return { kind: 'not-a-request' };
  const changes =
    issue.changelog === null || issue.changelog.complete
      ? (issue.changelog?.changes ?? [])
      : await deps.jiraAsApp.getChangelog(issue.id);
  const { database } = await loadTermsDatabase(deps.store, issue.organizations.map((o) => o.id));
  // The status catalogue is needed only to read historical statuses out of a changelog.
  const statusIds = changes.filter((c) => c.fieldId === 'status').flatMap((c) => [c.from, c.to]).filter((id): id is string => id !== null);
  const categories = statusIds.length > 0 ? await site.statusCategories(statusIds) : new Map<string, never>();
  const extra = hints.commentId === undefined ? [] : commentFacts(await deps.jiraAsApp.getComment(issue.id, hints.commentId), issue);

  const parsed = issue.contractClock === null ? null : parseClockRecord(issue.contractClock.value);
  const previous = parsed?.ok === true ? parsed.record : null;
  const startInput = () => ({
    termsResolution: resolveTerms(database, requestFactsOf(issue), issue.createdAt),
    createdAt: issue.createdAt,
    status: creationStatusOf(issue, changes, categories),
    now,
  });
  const ref = { id: issue.id, key: issue.key };

  if (previous === null) {
    const base = startInput();
    const seed: ClockRecord =
      parsed === null || parsed.ok
        ? startClock(base)
        : rebuildClockRecord({ ...base, problem: { reason: parsed.reason, detail: parsed.detail } });
    const facts = [...factsFromChangelog(changes, { issue, categories, database, record: seed, requestTypeFieldId: site.fieldIds.requestType }), ...extra];
    const record = applyFacts(seed, facts, now);
    const save = await saveClock(deps.store, deps.jiraAsApp, site.fieldIds, ref, null, record);
    if (parsed !== null && !parsed.ok) {
      deps.log.warn('contract-clock property was unusable and has been rebuilt', { issueId: issue.id, reason: parsed.reason });
      return { kind: 'rebuilt', save, reason: parsed.reason };
    }
    return { kind: 'started', save };
  }

  const facts = [...factsFromChangelog(changes, { issue, categories, database, record: previous, requestTypeFieldId: site.fieldIds.requestType }), ...extra];
  const record = applyFacts(previous, facts, now);
  return { kind: 'updated', save: await saveClock(deps.store, deps.jiraAsApp, site.fieldIds, ref, previous, record) };
}

/**
 * The first public comment by an agent (an Atlassian account that is not the reporter) meets the
 * response target; customers' comments and internal notes do not.
 */
export function commentFacts(comment: CommentSnapshot, issue: IssueSnapshot): ClockFact[] {
  const byAgent = comment.authorAccountType === 'atlassian' && comment.authorAccountId !== issue.reporter?.accountId;
  if (!comment.isPublic || !byAgent) return [];
  return [{ kind: 'public-comment', id: `comment:${comment.id}`, at: comment.createdAt.toISOString(), by: comment.authorAccountId }];
}
