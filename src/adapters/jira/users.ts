/**
 * Jira calls about accounts: the calling user's own zone and locale, another account's display
 * name (for the panel's history), locale (notes and drafts in the reader's language) and zone (the
 * customer portal shows times in the customer's own zone).
 *
 * Endpoints: GET /rest/api/3/myself, GET /rest/api/3/user?accountId=…, scope read:jira-user.
 * What this module may not do: log personal data.
 */
import { jiraMyselfSchema } from '../../contract/jira-api';
import type { GetMyself, GetUserDisplayName, GetUserLocale, GetUserTimeZone } from '../../app/jira-ports';
import { httpError, isSuccess, parseJsonBody, parseWith, type JiraCaller } from './jira-call';
import { jiraPath, type JiraRequest } from './jira-transport';

/** @example const { getMyself } = createUserCalls(caller); */
export function createUserCalls(caller: JiraCaller): {
  getMyself: GetMyself;
  getUserDisplayName: GetUserDisplayName;
  getUserLocale: GetUserLocale;
  getUserTimeZone: GetUserTimeZone;
} {
  /** GET /rest/api/3/user?accountId=…; null for an unknown account (404). */
  const readUser = async (accountId: string) => {
    const request: JiraRequest = { method: 'GET', path: jiraPath`/rest/api/3/user`, query: { accountId } };
    const response = await caller.exchange(request);
    if (response.status === 404) return null;
    if (!isSuccess(response.status)) throw httpError(request, response);
    return parseWith(request, response.status, jiraMyselfSchema, parseJsonBody(request, response));
  };
  return {
    async getMyself() {
      const me = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/myself` }, jiraMyselfSchema);
      return { accountId: me.accountId, accountType: me.accountType ?? null, timeZone: me.timeZone ?? null, locale: me.locale ?? null };
    },
    async getUserDisplayName(accountId) {
      return (await readUser(accountId))?.displayName ?? null;
    },
    async getUserLocale(accountId) {
      return (await readUser(accountId))?.locale ?? null;
    },
    async getUserTimeZone(accountId) {
      return (await readUser(accountId))?.timeZone ?? null;
    },
  };
}
