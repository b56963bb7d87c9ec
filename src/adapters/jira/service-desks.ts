/**
 * JSM calls for the admin page's pickers: the service desks the user sees, their request types, and
 * the site's customer organizations (the contract form's customer picker).
 *
 * Endpoints: GET /rest/servicedeskapi/servicedesk, GET /rest/servicedeskapi/servicedesk/{id}/requesttype,
 * scope read:servicedesk-request; GET /rest/servicedeskapi/organization, scope read:organization:jira-service-management
 * (the only scope Atlassian's JSM REST reference gives the organization list). What this module may
 * not do: log, cache.
 */
import { jsmOrganizationSchema, jsmRequestTypeSchema, jsmServiceDeskSchema } from '../../contract/jira-api';
import type { ListOrganizations, ListRequestTypes, ListServiceDesks } from '../../app/jira-ports';
import type { JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

const PAGE_SIZE = 50;

/** @example const { listServiceDesks } = createServiceDeskCalls(caller); */
export function createServiceDeskCalls(caller: JiraCaller): { listServiceDesks: ListServiceDesks; listRequestTypes: ListRequestTypes; listOrganizations: ListOrganizations } {
  return {
    async listServiceDesks() {
      return caller.collectJsmPages(jiraPath`/rest/servicedeskapi/servicedesk`, {}, jsmServiceDeskSchema, PAGE_SIZE);
    },
    async listRequestTypes(serviceDeskId) {
      return caller.collectJsmPages(jiraPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype`, {}, jsmRequestTypeSchema, PAGE_SIZE);
    },
    async listOrganizations() {
      return caller.collectJsmPages(jiraPath`/rest/servicedeskapi/organization`, {}, jsmOrganizationSchema, PAGE_SIZE);
    },
  };
}
