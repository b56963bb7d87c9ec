/**
 * Trigger `avi:jira:updated:issue`: pauses, resumes, re-targets and freezes the clock from the
 * issue's current state and changelog (never from the event's order). Changes the clock does not
 * react to are skipped without a Jira call.
 */
import { issueUpdatedEventSchema } from '../contract/forge-events';
import type { DepsSource } from '../app/deps';
import { reconcileClock } from '../app/reconcile-clock';
import { productionDeps } from './production-deps';
import { createTrigger } from './run-trigger';

/** Changelog fields the clock never reacts to: an update touching only these is skipped. */
const IRRELEVANT_FIELDS = new Set(['summary', 'description', 'assignee', 'Rank', 'duedate', 'environment', 'Attachment', 'Link', 'Comment', 'timeestimate', 'timespent', 'WorklogId']);

export function createOnIssueUpdated(deps: DepsSource = productionDeps) {
  return createTrigger('issue-updated', issueUpdatedEventSchema, deps, async (d, event) => {
    // The manifest filters these out (ignoreSelf); this keeps other hosts of the handler honest too.
    if (event.selfGenerated === true) return { issueId: event.issue.id, skipped: true };
    const items = event.changelog?.items ?? [];
    if (items.length > 0 && items.every((item) => IRRELEVANT_FIELDS.has(item.fieldId ?? item.field))) {
      return { issueId: event.issue.id, skipped: true };
    }
    const outcome = await reconcileClock(d, event.issue.id, { trigger: 'updated' });
    return { issueId: event.issue.id, outcome: outcome.kind, state: outcome.save.record.state, written: outcome.save.written };
  });
}

export const onIssueUpdated = createOnIssueUpdated();
