/**
 * Trigger `avi:jira:commented:issue`: the first public reply by an agent meets the response target.
 * The comment is read back from Jira (visibility and author type in the event are not reliable) and
 * judged by the one rule the panel's replies go through too (issue-facts.ts `commentFacts`).
 */
import { isServiceProjectEvent, issueCommentedEventSchema } from '../contract/forge-events';
import type { DepsSource } from '../app/deps';
import { reconcileClock } from '../app/reconcile-clock';
import { productionDeps } from './production-deps';
import { createTrigger, summarizeOutcome } from './run-trigger';

export function createOnIssueCommented(deps: DepsSource = productionDeps) {
  return createTrigger('issue-commented', issueCommentedEventSchema, deps, async (d, event) => {
    if (!isServiceProjectEvent(event)) return { issueId: event.issue.id, skipped: true };
    const outcome = await reconcileClock(d, event.issue.id, { trigger: 'commented', commentId: event.comment.id });
    return summarizeOutcome(event.issue.id, outcome);
  });
}

export const onIssueCommented = createOnIssueCommented();
