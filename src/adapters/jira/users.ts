/**
 * Jira calls about accounts: the calling user's own zone and locale, another account's display
 * name, several accounts' display names at once (the admin page's audit log, the panel's history),
 * locale (notes and drafts in the reader's language) and zone (the customer portal shows
 * times in the customer's own zone).
 *
 * Endpoints: GET /rest/api/3/myself, GET /rest/api/3/user?accountId=…, GET /rest/api/3/user/bulk
 * (`accountId` repeated, startAt / maxResults paging), scope read:jira-user.
 * What this module may not do: log personal data.
 */
import { jiraMyselfSchema, jiraUserPageSchema } from '../../contract/jira-api';
import type { GetMyself, GetUserDisplayName, GetUserDisplayNames, GetUserLocale, GetUserTimeZone } from '../../app/jira-ports';
import { httpError, isSuccess, parseJsonBody, parseWith, type JiraCaller } from './jira-call';
import { jiraPath, type JiraRequest } from './jira-transport';

/**
 * Account ids per GET /rest/api/3/user/bulk: the page size asked for too, so one batch is one page
 * (Jira's default page is 10), and the URL stays short (an account id is at most 128 characters).
 */
export const USER_BULK_BATCH = 50;

/** @example const { getMyself } = createUserCalls(caller); */
export function createUserCalls(caller: JiraCaller): {
  getMyself: GetMyself;
  getUserDisplayName: GetUserDisplayName;
  getUserDisplayNames: GetUserDisplayNames;
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
    async getUserDisplayNames(accountIds) {
      const unique = [...new Set(accountIds)];
      const names = new Map<string, string>();
      for (let from = 0; from < unique.length; from += USER_BULK_BATCH) {
        const batch = unique.slice(from, from + USER_BULK_BATCH);
        const users = await caller.collectPlatformPages(jiraPath`/rest/api/3/user/bulk`, { accountId: batch }, USER_BULK_BATCH, async (request) => {
          const page = await caller.call(request, jiraUserPageSchema);
          return { startAt: page.startAt, isLast: page.isLast ?? page.values.length < USER_BULK_BATCH, values: page.values };
        });
        for (const user of users) if (user.displayName !== undefined && batch.includes(user.accountId)) names.set(user.accountId, user.displayName);
      }
      return names;
    },
    async getUserLocale(accountId) {
      return (await readUser(accountId))?.locale ?? null;
    },
    async getUserTimeZone(accountId) {
      return (await readUser(accountId))?.timeZone ?? null;
    },
  };
}
