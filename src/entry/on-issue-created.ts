/**
 * Trigger `avi:jira:created:issue`: works out the request's contract terms and attaches the clock
 * record and the Contract deadline in this one run.
 */
import { isServiceProjectEvent, issueCreatedEventSchema } from '../contract/forge-events';
import type { DepsSource } from '../app/deps';
import { reconcileClock } from '../app/reconcile-clock';
import { productionDeps } from './production-deps';
import { createTrigger, summarizeOutcome } from './run-trigger';

export function createOnIssueCreated(deps: DepsSource = productionDeps) {
  return createTrigger('issue-created', issueCreatedEventSchema, deps, async (d, event) => {
    if (!isServiceProjectEvent(event)) return { issueId: event.issue.id, skipped: true };
    const outcome = await reconcileClock(d, event.issue.id, { trigger: 'created' });
    return summarizeOutcome(event.issue.id, outcome);
  });
}

export const onIssueCreated = createOnIssueCreated();
