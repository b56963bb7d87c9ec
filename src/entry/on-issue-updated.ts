/**
 * Trigger `avi:jira:updated:issue`: pauses, resumes, re-targets and freezes the clock from the
 * issue's current state and changelog (never from the event's order). Changes the clock does not
 * react to are skipped without a Jira call.
 */
import { isServiceProjectEvent, issueUpdatedEventSchema } from '../contract/forge-events';
import type { DepsSource } from '../app/deps';
import { reconcileClock } from '../app/reconcile-clock';
import { productionDeps } from './production-deps';
import { createTrigger, summarizeOutcome } from './run-trigger';

/**
 * Changelog field ids (`fieldId`, never the display name, which is translated and renamed) the clock
 * never reacts to: an update touching only these is skipped. An item without a `fieldId` is never
 * skipped — reconciling once too often costs one read, missing a change costs a wrong deadline.
 * `assignee` is not among them: the triage view's "mine" filter reads it from the clock's triage
 * entry (triage-index.ts), which the reconciliation rewrites.
 */
export const IRRELEVANT_FIELD_IDS: ReadonlySet<string> = new Set([
  'summary',
  'description',
  'duedate',
  'environment',
  'attachment',
  'issuelinks',
  'comment',
  'timeestimate',
  'timeoriginalestimate',
  'timespent',
  'worklog',
  'watches',
]);

export function createOnIssueUpdated(deps: DepsSource = productionDeps) {
  return createTrigger('issue-updated', issueUpdatedEventSchema, deps, async (d, event) => {
    if (!isServiceProjectEvent(event)) return { issueId: event.issue.id, skipped: true };
    const items = event.changelog?.items ?? [];
    if (items.length > 0 && items.every((item) => item.fieldId !== undefined && IRRELEVANT_FIELD_IDS.has(item.fieldId))) {
      return { issueId: event.issue.id, skipped: true };
    }
    const outcome = await reconcileClock(d, event.issue.id, { trigger: 'updated' });
    return summarizeOutcome(event.issue.id, outcome);
  });
}

export const onIssueUpdated = createOnIssueUpdated();
