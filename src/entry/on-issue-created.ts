/**
 * Trigger `avi:jira:created:issue`: works out the request's contract terms and attaches the clock
 * record and the Contract deadline in this one run.
 */
import { issueCreatedEventSchema } from '../contract/forge-events';
import type { DepsSource } from '../app/deps';
import { reconcileClock } from '../app/reconcile-clock';
import { productionDeps } from './production-deps';
import { createTrigger } from './run-trigger';

export function createOnIssueCreated(deps: DepsSource = productionDeps) {
  return createTrigger('issue-created', issueCreatedEventSchema, deps, async (d, event) => {
    const outcome = await reconcileClock(d, event.issue.id, { trigger: 'created' });
    return { issueId: event.issue.id, outcome: outcome.kind, state: outcome.save.record.state, written: outcome.save.written };
  });
}

export const onIssueCreated = createOnIssueCreated();
