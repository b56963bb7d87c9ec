/**
 * Jira calls for the site's catalogues the app maps onto: priorities (the priority map of the
 * contract database) and statuses with their categories (pause statuses, changelog history).
 *
 * Endpoints: GET /rest/api/3/priority, GET /rest/api/3/status, scope read:jira-work. Not
 * GET /priority/search: Atlassian's OpenAPI document gives it the scope manage:jira-configuration,
 * which an app that only reads priority names has no business asking for (issue 9).
 * What this module may not do: log, cache.
 */
import { z } from 'zod';
import { jiraPriorityDetailsSchema, jiraStatusListSchema } from '../../contract/jira-api';
import type { ListPriorities, ListStatuses } from '../../app/jira-ports';
import type { JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/** @example const { listStatuses } = createSiteCatalogueCalls(caller); */
export function createSiteCatalogueCalls(caller: JiraCaller): { listPriorities: ListPriorities; listStatuses: ListStatuses } {
  return {
    async listPriorities() {
      return caller.call({ method: 'GET', path: jiraPath`/rest/api/3/priority` }, z.array(jiraPriorityDetailsSchema));
    },
    async listStatuses() {
      const statuses = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/status` }, jiraStatusListSchema);
      return statuses.map((status) => ({ id: status.id, name: status.name, category: status.statusCategory.key }));
    },
  };
}
