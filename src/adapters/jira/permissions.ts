/**
 * Jira calls that tell what the calling user may do — the resolvers' authorization. Only
 * meaningful on the asUser transport.
 *
 * Endpoint: GET /rest/api/3/mypermissions, scope read:jira-work.
 * What this module may not do: log, or cache an answer across calls.
 */
import { jiraMyPermissionsSchema } from '../../contract/jira-api';
import type { GetMyPermissions, IsJiraAdmin } from '../../app/jira-ports';
import type { JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

function issueParamName(issueIdOrKey: string): 'issueId' | 'issueKey' {
  return /^\d+$/.test(issueIdOrKey) ? 'issueId' : 'issueKey';
}

/** @example const { isJiraAdmin } = createPermissionCalls(caller); */
export function createPermissionCalls(caller: JiraCaller): { getMyPermissions: GetMyPermissions; isJiraAdmin: IsJiraAdmin } {
  const getMyPermissions: GetMyPermissions = async (query) => {
    if (query.permissions.length === 0) throw new RangeError('getMyPermissions needs at least one permission key');
    const params: Record<string, string> = { permissions: query.permissions.join(',') };
    if (query.issueIdOrKey !== undefined) params[issueParamName(query.issueIdOrKey)] = query.issueIdOrKey;
    if (query.projectKey !== undefined) params.projectKey = query.projectKey;
    const answer = await caller.call({ method: 'GET', path: jiraPath`/rest/api/3/mypermissions`, query: params }, jiraMyPermissionsSchema);
    return Object.fromEntries(query.permissions.map((key) => [key, answer.permissions[key]?.havePermission === true] as const));
  };
  return {
    getMyPermissions,
    async isJiraAdmin() {
      const granted = await getMyPermissions({ permissions: ['ADMINISTER'] });
      return granted.ADMINISTER === true;
    },
  };
}
