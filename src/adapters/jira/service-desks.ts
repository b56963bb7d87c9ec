/**
 * JSM calls for the admin page's pickers: the service desks the user sees and their request types.
 *
 * Endpoints: GET /rest/servicedeskapi/servicedesk, GET /rest/servicedeskapi/servicedesk/{id}/requesttype,
 * scope read:servicedesk-request. What this module may not do: log, cache.
 */
import { jsmRequestTypeSchema, jsmServiceDeskSchema } from '../../contract/jira-api';
import type { ListRequestTypes, ListServiceDesks } from '../../app/jira-ports';
import type { JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

const PAGE_SIZE = 50;

/** @example const { listServiceDesks } = createServiceDeskCalls(caller); */
export function createServiceDeskCalls(caller: JiraCaller): { listServiceDesks: ListServiceDesks; listRequestTypes: ListRequestTypes } {
  return {
    async listServiceDesks() {
      return caller.collectJsmPages(jiraPath`/rest/servicedeskapi/servicedesk`, {}, jsmServiceDeskSchema, PAGE_SIZE);
    },
    async listRequestTypes(serviceDeskId) {
      return caller.collectJsmPages(jiraPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype`, {}, jsmRequestTypeSchema, PAGE_SIZE);
    },
  };
}
