/**
 * Issue 9 §5: the emulator answers a Forge app's call with 403 when the manifest's scopes do not
 * grant it (scopes per operation from Atlassian's OpenAPI document, condensed in
 * sandbox/jira/openapi/jira-platform-operations.json; JSM from its REST reference), so a missing
 * scope fails here instead of on a customer's site.
 */
import { createFetchTransport } from '../../src/adapters/jira/fetch-transport';
import { createJiraClient } from '../../src/adapters/jira/jira-client';
import { isJiraError } from '../../src/app/jira-ports';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { createJiraModel } from '../../sandbox/jira/jira-model';
import { listEmulatedRoutes } from '../../sandbox/jira/jira-routes';
import { isGranted, requiredScopes } from '../../sandbox/jira/jira-scopes';
import { seedBaseSite } from '../../sandbox/jira/jira-seed';
import { installationOf } from '../../sandbox/runtime/app-wiring';
import { createInProcessFetch } from '../../sandbox/runtime/in-process-fetch';

function siteWithScopes(scopes?: readonly string[]) {
  const app = readJiraAppDefinition(scopes === undefined ? {} : { scopes });
  const model = createJiraModel({ clock: { now: () => new Date('2026-10-05T07:30:00Z') }, app, baseUrl: 'http://jira.test' });
  const site = seedBaseSite(model);
  const client = (headers: Record<string, string>) =>
    createJiraClient({
      transport: createFetchTransport({ baseUrl: 'http://jira.test', headers, fetch: createInProcessFetch(model) }),
      retry: { sleep: () => Promise.resolve() },
      installation: () => installationOf(model.app),
    });
  return {
    model,
    site,
    asApp: client({ Authorization: `Bearer ${model.appToken}` }),
    asUser: (accountId: string) => client({ Authorization: `Bearer ${model.appToken}`, 'X-Forge-As-User': accountId }),
    byUser: (email: string) => client({ Authorization: `Basic ${Buffer.from(`${email}:token`).toString('base64')}` }),
  };
}

describe('scope table', () => {
  it('knows the scopes of every route the emulator serves', () => {
    const unknown = listEmulatedRoutes().filter(([method, pattern]) => requiredScopes(method, pattern) === undefined);
    expect(unknown).toEqual([]);
  });

  it.each([
    ['GET', '/rest/api/3/myself', ['read:jira-user']],
    ['GET', '/rest/api/3/issue/{issueIdOrKey}', ['read:jira-work']],
    ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', ['write:jira-work']],
    ['POST', '/rest/api/3/issue/{issueIdOrKey}/notify', ['write:jira-work']],
    ['GET', '/rest/api/3/priority/search', ['manage:jira-configuration']],
    ['POST', '/rest/api/2/issue/{issueIdOrKey}/comment', ['write:jira-work']],
    ['POST', '/rest/servicedeskapi/request/{issueIdOrKey}/comment', ['write:servicedesk-request']],
  ] as const)('%s %s needs %j (classic)', (method, pattern, classic) => {
    expect(requiredScopes(method, pattern)?.classic).toEqual(classic);
  });

  it('a granular scope set grants a call as well as the classic one', () => {
    const requirement = requiredScopes('PUT', '/rest/api/3/app/field/{fieldIdOrKey}/value');
    expect(isGranted(requirement, [])).toBe(true); // only the app owning the field may write it: no scope needed
    const notify = requiredScopes('POST', '/rest/api/3/issue/{issueIdOrKey}/notify');
    expect(isGranted(notify, ['read:jira-work'])).toBe(false);
    expect(isGranted(notify, ['send:notification:jira'])).toBe(true);
  });
});

describe('app calls against the scopes', () => {
  it("with the manifest's scopes, every call the app makes is granted", async () => {
    const { asApp, asUser, site } = siteWithScopes();
    await expect(asUser(site.users.sanne.accountId).getMyself()).resolves.toMatchObject({ accountId: site.users.sanne.accountId });
    await expect(asUser(site.users.admin.accountId).listPriorities()).resolves.toHaveLength(5);
    await expect(asApp.discoverFieldIds()).resolves.toMatchObject({ contractDeadline: expect.stringMatching(/^customfield_/) });
    await expect(asUser(site.users.admin.accountId).listServiceDesks()).resolves.toHaveLength(1);
  });

  it('without read:jira-user, asUser().getMyself() fails with 403 — the missing scope fails a test, not an install', async () => {
    const scopes = readJiraAppDefinition().scopes.filter((scope) => scope !== 'read:jira-user');
    const { asUser, site } = siteWithScopes(scopes);
    const error: unknown = await asUser(site.users.sanne.accountId).getMyself().then(() => null, (e: unknown) => e);
    expect(isJiraError(error) && error.status).toBe(403);
    expect(isJiraError(error) && error.errorMessages).toEqual(['Unauthorized; scope does not match']);
  });

  it('without write:servicedesk-request, the app cannot post a reply, though the user could', async () => {
    const scopes = readJiraAppDefinition().scopes.filter((scope) => scope !== 'write:servicedesk-request');
    const { model, asUser, byUser, site } = siteWithScopes(scopes);
    const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'x' });
    const viaApp: unknown = await asUser(site.users.sanne.accountId).addRequestComment(issue.key, { body: 'Hi', isPublic: true }).then(() => null, (e: unknown) => e);
    expect(isJiraError(viaApp) && viaApp.status).toBe(403);
    // the same call by the user's own client (not through the app) is not limited by the app's scopes
    await expect(byUser(site.users.sanne.emailAddress ?? '').addRequestComment(issue.key, { body: 'Hi', isPublic: true })).resolves.toMatchObject({ isPublic: true });
  });

  it('grants the customer portal its calls: organizations with the read-only granular scope, requests and participants with read:servicedesk-request', async () => {
    const { model, asApp, site } = siteWithScopes();
    expect(readJiraAppDefinition().scopes).not.toContain('manage:servicedesk-customer');
    const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'x', participants: [site.users.bob.accountId] });
    await expect(asApp.listOrganizationsOf(site.users.pat.accountId)).resolves.toEqual([
      { id: site.organizations.globex.id, name: 'Globex Retail' },
      { id: site.organizations.initech.id, name: 'Initech Finance' },
    ]);
    await expect(asApp.getCustomerRequestPeople(issue.key)).resolves.toMatchObject({ reporterAccountId: site.users.alice.accountId, participantAccountIds: [site.users.bob.accountId] });
    expect(requiredScopes('GET', '/rest/servicedeskapi/organization')).toMatchObject({ classic: ['manage:servicedesk-customer'], granular: ['read:organization:jira-service-management'] });
    const without = siteWithScopes(readJiraAppDefinition().scopes.filter((scope) => scope !== 'read:organization:jira-service-management'));
    const refused: unknown = await without.asApp.listOrganizationsOf(without.site.users.pat.accountId).then(() => null, (e: unknown) => e);
    expect(isJiraError(refused) && refused.status).toBe(403);
  });

  it('refuses an app acting as a customer (Forge gives unlicensed users no asUser), but not as an agent', async () => {
    const { asUser, site } = siteWithScopes();
    const refused: unknown = await asUser(site.users.alice.accountId).getMyself().then(() => null, (e: unknown) => e);
    expect(isJiraError(refused) && refused.status).toBe(401);
    await expect(asUser(site.users.sanne.accountId).getMyself()).resolves.toMatchObject({ accountId: site.users.sanne.accountId });
  });

  it('the old GET /priority/search would fail on a real site: it needs manage:jira-configuration', async () => {
    const { model } = siteWithScopes();
    const fetchJira = createInProcessFetch(model);
    const response = await fetchJira('http://jira.test/rest/api/3/priority/search', { headers: { Authorization: `Bearer ${model.appToken}` } });
    expect(response.status).toBe(403);
  });
});
