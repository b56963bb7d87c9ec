/**
 * Trigger `avi:jira:commented:issue`: the first public reply by an agent meets the response target.
 * The comment is read back from Jira (visibility and author type in the event are not reliable) and
 * judged by the one rule the panel's replies go through too (issue-facts.ts `commentFacts`).
 */
import { issueCommentedEventSchema } from '../contract/forge-events';
import type { DepsSource } from '../app/deps';
import { reconcileClock } from '../app/reconcile-clock';
import { productionDeps } from './production-deps';
import { createTrigger } from './run-trigger';

export function createOnIssueCommented(deps: DepsSource = productionDeps) {
  return createTrigger('issue-commented', issueCommentedEventSchema, deps, async (d, event) => {
    // The manifest filters these out (ignoreSelf); this keeps other hosts of the handler honest too.
    if (event.selfGenerated === true) return { issueId: event.issue.id, skipped: true };
    const outcome = await reconcileClock(d, event.issue.id, { trigger: 'commented', commentId: event.comment.id });
    return { issueId: event.issue.id, outcome: outcome.kind, state: outcome.save.record.state, written: outcome.save.written };
  });
}

export const onIssueCommented = createOnIssueCommented();
