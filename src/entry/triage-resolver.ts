/**
 * Resolvers of the triage view (`jiraServiceManagement:queuePage`, issue 11 item 1), one per key of
 * src/contract/triage-api.ts. The project is the one Jira renders the queue page in (the context's
 * `extension.project`), never the payload; the caller is checked on every call (agents of that
 * project and Jira administrators).
 */
import type { DepsSource } from '../app/deps';
import { loadTriageView } from '../app/triage-service';
import { fail } from '../contract/envelope';
import { TRIAGE_RESOLVER_KEYS, triageQuerySchema } from '../contract/triage-api';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver } from './resolver-kit';

export function createTriageResolver(deps: DepsSource = productionDeps) {
  return buildResolver('triage', deps, {
    [TRIAGE_RESOLVER_KEYS.get]: defineResolver({
      payload: triageQuerySchema,
      run: async (call) => {
        const project = call.context.extension.project;
        if (project === undefined) return fail('not-found', 'The triage view opens in a service project (the queue page has no project).');
        return loadTriageView(call.deps, { accountId: call.accountId, project: { id: project.id, key: project.key } }, call.payload);
      },
    }),
  });
}

export const triageResolver = createTriageResolver();
