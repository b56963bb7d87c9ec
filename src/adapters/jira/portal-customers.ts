/**
 * Jira calls about portal customers, made as the app for the customer portal's resolvers (ADR
 * 0024): the JSM organizations an account is a member of, and who raised and participates in a
 * customer request. The resolvers call them only for the invoking account and decide themselves
 * what that account may see; nothing read here is handed to anyone unchecked.
 *
 * Endpoints (Jira Service Management Cloud REST reference):
 * - GET /rest/servicedeskapi/organization?accountId=… — scope read:organization:jira-service-management
 *   (the classic manage:servicedesk-customer also grants it);
 * - GET /rest/servicedeskapi/request/{issueIdOrKey}?expand=participant and, beyond the first page of
 *   participants, GET /rest/servicedeskapi/request/{issueIdOrKey}/participant — scope read:servicedesk-request.
 *
 * What this module may not do: log (account ids are personal data), cache, or decide access.
 */
import { jsmCustomerRequestSchema, jsmOrganizationSchema, jsmUserSchema } from '../../contract/jira-api';
import type { GetCustomerRequestPeople, ListOrganizationsOf } from '../../app/jira-ports';
import { httpError, isSuccess, parseJsonBody, parseWith, type JiraCaller } from './jira-call';
import { jiraPath, type JiraRequest } from './jira-transport';

/** servicedeskapi's largest page (`limit` is capped at 100); organizations and participants are few. */
const PAGE_SIZE = 50;

/** @example const { listOrganizationsOf } = createPortalCustomerCalls(caller); */
export function createPortalCustomerCalls(caller: JiraCaller): {
  listOrganizationsOf: ListOrganizationsOf;
  getCustomerRequestPeople: GetCustomerRequestPeople;
} {
  return {
    async listOrganizationsOf(accountId) {
      const organizations = await caller.collectJsmPages(jiraPath`/rest/servicedeskapi/organization`, { accountId }, jsmOrganizationSchema, PAGE_SIZE);
      return organizations.map((organization) => ({ id: organization.id, name: organization.name }));
    },
    async getCustomerRequestPeople(issueIdOrKey) {
      const request: JiraRequest = {
        method: 'GET',
        path: jiraPath`/rest/servicedeskapi/request/${issueIdOrKey}`,
        query: { expand: 'participant' },
      };
      const response = await caller.exchange(request);
      // servicedeskapi answers 404 for a key that is no customer request as for one that does not exist
      if (response.status === 404) return null;
      if (!isSuccess(response.status)) throw httpError(request, response);
      const found = parseWith(request, response.status, jsmCustomerRequestSchema, parseJsonBody(request, response));
      let participants = found.participants?.values ?? [];
      if (found.participants !== undefined && !found.participants.isLastPage) {
        // More participants than the expansion carries: read them all from their own list.
        participants = await caller.collectJsmPages(jiraPath`/rest/servicedeskapi/request/${found.issueId}/participant`, {}, jsmUserSchema, PAGE_SIZE);
      }
      return {
        issueId: found.issueId,
        issueKey: found.issueKey,
        serviceDeskId: found.serviceDeskId,
        reporterAccountId: found.reporter?.accountId ?? null,
        participantAccountIds: participants.map((user) => user.accountId),
      };
    },
  };
}
