/**
 * Jira calls for the site's catalogues the app maps onto: priorities (the priority map of the
 * contract database), statuses with their categories (pause statuses, changelog history), and the
 * components and labels the service rules recognise (the admin page's pickers).
 *
 * Endpoints: GET /rest/api/3/priority, GET /rest/api/3/status, GET /rest/api/3/project/{projectIdOrKey}/components,
 * GET /rest/api/3/label (startAt / maxResults paging, at most 1000 a page), scope read:jira-work. Not
 * GET /priority/search: Atlassian's OpenAPI document gives it the scope manage:jira-configuration,
 * which an app that only reads priority names has no business asking for (issue 9).
 * What this module may not do: log, cache.
 */
import { z } from 'zod';
import { jiraComponentSchema, jiraLabelPageSchema, jiraPriorityDetailsSchema, jiraStatusListSchema } from '../../contract/jira-api';
import type { ListLabels, ListPriorities, ListProjectComponents, ListStatuses } from '../../app/jira-ports';
import type { JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/** @example const { listStatuses } = createSiteCatalogueCalls(caller); */
/** Labels per page: Jira's maximum for GET /rest/api/3/label. */
const LABEL_PAGE_SIZE = 1000;

export function createSiteCatalogueCalls(caller: JiraCaller): {
  listPriorities: ListPriorities;
  listStatuses: ListStatuses;
  listProjectComponents: ListProjectComponents;
  listLabels: ListLabels;
} {
  return {
    async listPriorities() {
      return caller.call({ method: 'GET', path: jiraPath`/rest/api/3/priority` }, z.array(jiraPriorityDetailsSchema));
    },
    async listStatuses() {
      const statuses = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/status` }, jiraStatusListSchema);
      return statuses.map((status) => ({ id: status.id, name: status.name, category: status.statusCategory.key }));
    },
    async listProjectComponents(projectIdOrKey) {
      const components = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/project/${projectIdOrKey}/components` }, z.array(jiraComponentSchema));
      return components.map((component) => ({ id: component.id, name: component.name }));
    },
    async listLabels(limit) {
      const labels: string[] = [];
      let startAt = 0;
      while (labels.length < limit) {
        const pageSize = Math.min(LABEL_PAGE_SIZE, limit - labels.length);
        const page = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/label`, query: { startAt: String(startAt), maxResults: String(pageSize) } }, jiraLabelPageSchema);
        labels.push(...page.values);
        if (page.isLast || page.values.length === 0) return { labels, complete: true };
        startAt = page.startAt + page.values.length;
      }
      return { labels, complete: false };
    },
  };
}
