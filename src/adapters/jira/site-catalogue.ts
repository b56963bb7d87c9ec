/**
 * Jira calls for the site's catalogues the app maps onto: priorities (the priority map of the
 * contract database) and statuses with their categories (pause statuses, changelog history).
 *
 * Endpoints: GET /rest/api/3/priority/search, GET /rest/api/3/status, scope read:jira-work.
 * What this module may not do: log, cache.
 */
import { jiraPriorityPageSchema, jiraStatusListSchema } from '../../contract/jira-api';
import type { ListPriorities, ListStatuses } from '../../app/jira-ports';
import type { JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

const PAGE_SIZE = 50;

/** @example const { listStatuses } = createSiteCatalogueCalls(caller); */
export function createSiteCatalogueCalls(caller: JiraCaller): { listPriorities: ListPriorities; listStatuses: ListStatuses } {
  return {
    async listPriorities() {
      return caller.collectPlatformPages(jiraPath`/rest/api/3/priority/search`, {}, PAGE_SIZE, (request) => caller.call(request, jiraPriorityPageSchema));
    },
    async listStatuses() {
      const statuses = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/status` }, jiraStatusListSchema);
      return statuses.map((status) => ({ id: status.id, name: status.name, category: status.statusCategory.key }));
    },
  };
}
