/**
 * Issue 9 §8: every Jira Cloud platform call the client makes and every platform route the
 * emulator serves, checked against Atlassian's OpenAPI document of the platform REST API (facts
 * condensed in sandbox/jira/openapi/jira-platform-operations.json, source and date inside): path and
 * method exist, query parameters are documented ones, request bodies and 2xx answers have the
 * documented shape. The JSM servicedeskapi has no mirrored OpenAPI document here; its calls are
 * covered by the emulator tests against jira.js and Atlassian's JSM reference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createFetchTransport } from '../../src/adapters/jira/fetch-transport';
import { createJiraClient } from '../../src/adapters/jira/jira-client';
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { createJiraModel } from '../../sandbox/jira/jira-model';
import { listEmulatedRoutes } from '../../sandbox/jira/jira-routes';
import { seedBaseSite } from '../../sandbox/jira/jira-seed';
import { installationOf } from '../../sandbox/runtime/app-wiring';
import { createInProcessFetch } from '../../sandbox/runtime/in-process-fetch';
import { checkShape, findOperation, platformFacts } from './openapi-facts';

interface Exchange {
  method: string;
  path: string;
  query: string[];
  body: unknown;
  status: number;
  answer: unknown;
}

function emulatedSite() {
  const model = createJiraModel({ clock: { now: () => new Date('2026-10-05T07:30:00Z') }, app: readJiraAppDefinition(), baseUrl: 'http://jira.test' });
  const site = seedBaseSite(model);
  const exchanges: Exchange[] = [];
  const inProcess = createInProcessFetch(model);
  const recording: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const response = await inProcess(input, init);
    const text = await response.clone().text();
    exchanges.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: [...url.searchParams.keys()],
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      status: response.status,
      answer: text === '' ? undefined : (JSON.parse(text) as unknown),
    });
    return response;
  };
  const client = (headers: Record<string, string>) =>
    createJiraClient({
      transport: createFetchTransport({ baseUrl: 'http://jira.test', headers, fetch: recording }),
      installation: () => installationOf(model.app),
    });
  return {
    model,
    site,
    exchanges,
    fetch: recording,
    asApp: client({ Authorization: `Bearer ${model.appToken}` }),
    asUser: (accountId: string) => client({ Authorization: `Bearer ${model.appToken}`, 'X-Forge-As-User': accountId }),
  };
}

function checkExchange(exchange: Exchange): string[] {
  const operation = findOperation(exchange.method, exchange.path);
  if (operation === undefined) return [`${exchange.method} ${exchange.path}: not a documented operation`];
  const issues: string[] = [];
  const documented = new Set(operation.query.map((q) => q.name));
  for (const name of exchange.query) if (!documented.has(name)) issues.push(`query parameter ${name} is not documented`);
  if (exchange.body !== undefined && operation.requestBody !== null) issues.push(...checkShape(exchange.body, operation.requestBody, 'body'));
  const answerShape = operation.responses[String(exchange.status)];
  if (!(String(exchange.status) in operation.responses)) issues.push(`status ${exchange.status} is not a documented 2xx answer (${Object.keys(operation.responses).join(', ')})`);
  else if (exchange.answer !== undefined) issues.push(...checkShape(exchange.answer, answerShape ?? null, 'answer'));
  return issues.map((issue) => `${exchange.method} ${operation.path} (${exchange.path}): ${issue}`);
}

describe('the source of the facts', () => {
  it('names the mirror, the commit and the date of the OpenAPI document', () => {
    expect(platformFacts.source).toMatchObject({ repository: expect.any(String), path: 'swagger-v3.v3.json', committedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});

describe('the emulator serves documented operations only', () => {
  it.each(listEmulatedRoutes().filter(([, pattern]) => pattern.startsWith('/rest/api/')))('%s %s', (method, pattern) => {
    const concrete = pattern.replace(/\{[^}]+\}/g, 'X-1');
    const operation = findOperation(method, concrete);
    expect(operation?.method).toBe(method);
  });
});

describe("the client's calls, made against the emulator, are documented requests with documented answers", () => {
  it('every call of the use cases', async () => {
    const { model, site, exchanges, asApp, asUser } = emulatedSite();
    const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'Mailbox full' });
    model.transitionToStatus(site.users.sanne.accountId, issue.key, 'In Progress');
    const comment = model.addComment(site.users.sanne.accountId, issue.key, { body: 'On it', internal: false });

    const fieldIds = await asApp.discoverFieldIds();
    await asApp.getIssue(issue.id, { fieldIds, includeChangelog: true });
    await asApp.getChangelog(issue.id);
    await asApp.getChangelogPage(issue.id, { startAt: 0, maxResults: 10 });
    await asApp.getComment(issue.id, comment.id);
    await asApp.listFirstComments(issue.id, 50);
    await asApp.setIssueProperty(issue.id, CONTRACT_CLOCK_PROPERTY_KEY, { schemaVersion: 1, state: 'running', deadline: '2026-10-05T11:30:00.000Z' });
    await asApp.deleteIssueProperty(issue.id, CONTRACT_CLOCK_PROPERTY_KEY);
    await asApp.setContractDeadline({ fieldIdOrKey: fieldIds.contractDeadline ?? '', issueId: issue.id, deadline: new Date('2026-10-05T11:30:00Z') });
    await asApp.searchIssuesWithClock('issue.property[contract-clock].state = "running"');
    // the sweep's, the backfill's and a re-apply's searches: ids only
    expect(await asApp.searchIssueIds(`project in (${site.project.id}) AND statusCategory != Done ORDER BY created ASC`)).toEqual({ issueIds: [issue.id], nextPageToken: null });
    await asApp.listStatuses();
    await asApp.addRequestComment(issue.id, { body: 'At risk', isPublic: false });
    // the sweep's marked internal note, found again by its marker (ADR 0031)
    const note = await asApp.addInternalNote(issue.id, { body: 'At risk\nDeadline: 13:30', noteId: 'sweep:at-risk:x@y' });
    expect(note.isPublic).toBe(false);
    expect(await asApp.findAppNote(issue.id, 'sweep:at-risk:x@y', { since: new Date('2026-10-05T07:00:00Z') })).toEqual({ id: note.id });
    expect(await asApp.findAppNote(issue.id, 'sweep:at-risk:other', { since: new Date('2026-10-05T07:00:00Z') })).toBeNull();
    expect(model.findIssue(issue.key)?.comments.find((c) => c.id === note.id)?.internal).toBe(true);
    await asApp.notifyIssue(issue.id, { subject: 'At risk', textBody: 'At risk', to: { assignee: true, watchers: true } });
    const agent = asUser(site.users.sanne.accountId);
    await agent.getMyPermissions({ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], issueIdOrKey: issue.id });
    await agent.isJiraAdmin();
    await agent.getMyself();
    await agent.getUserDisplayName(site.users.alice.accountId);
    // the audit log's authors, in one batch (an unknown account is left out of Jira's answer)
    const names = await asUser(site.users.admin.accountId).getUserDisplayNames([site.users.admin.accountId, site.users.sanne.accountId, 'no-such-account']);
    expect([...names.keys()].sort()).toEqual([site.users.admin.accountId, site.users.sanne.accountId].sort());
    await asUser(site.users.admin.accountId).listPriorities();
    // the settings page's pickers
    await asUser(site.users.admin.accountId).listLabels(10);
    await asUser(site.users.admin.accountId).listProjectComponents(site.project.id);
    // the triage view: what the agent may see of its rows, as the agent
    const hidden = model.createRequest(site.users.henk.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'Hooli only' });
    // (customers never get here: Jira will not act as them, and the view is the agents')
    const listed = await agent.listBrowsableIssues([hidden.id, issue.id, '99999']);
    expect(listed.map((i) => i.id)).toEqual([issue.id, hidden.id].sort((a, b) => Number(a) - Number(b)));
    expect(listed.find((i) => i.id === issue.id)).toMatchObject({ summary: 'Mailbox full', status: { name: 'In Progress', category: 'indeterminate' }, assignee: null });

    const platform = exchanges.filter((e) => e.path.startsWith('/rest/api/'));
    const operations = new Set(platform.map((e) => findOperation(e.method, e.path)?.operationId ?? `${e.method} ${e.path}`));
    // every platform operation of the client (src/adapters/jira), each once at least
    expect([...operations].sort()).toEqual(
      [
        'addComment',
        'bulkFetchIssues',
        'bulkGetUsers',
        'deleteIssueProperty',
        'getChangeLogs',
        'getComment',
        'getComments',
        'getCurrentUser',
        'getAllLabels',
        'getFields',
        'getIssue',
        'getMyPermissions',
        'getPriorities',
        'getProjectComponents',
        'getStatuses',
        'getUser',
        'notify',
        'searchAndReconsileIssuesUsingJqlPost',
        'setIssueProperty',
        'updateCustomFieldValue',
      ].sort(),
    );
    expect(platform.flatMap(checkExchange)).toEqual([]);
  });
});

describe("the emulator's answers to a standard client have the documented shape", () => {
  it('reads and writes beyond what the app calls', async () => {
    const { model, site, exchanges, fetch: recording } = emulatedSite();
    const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'Printer' });
    const comment = model.addComment(site.users.sanne.accountId, issue.key, { body: 'On it', internal: true });
    const auth = { Authorization: `Basic ${Buffer.from(`${site.users.sanne.emailAddress ?? ''}:x`).toString('base64')}`, 'content-type': 'application/json' };
    const call = (method: string, url: string, body?: unknown) =>
      recording(`http://jira.test${url}`, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    for (const url of [
      '/rest/api/3/serverInfo',
      '/rest/api/3/priority',
      '/rest/api/3/priority/1',
      '/rest/api/3/status/1',
      '/rest/api/3/statuscategory',
      '/rest/api/3/resolution',
      `/rest/api/3/project/${site.project.key}`,
      `/rest/api/3/project/${site.project.key}/components`,
      `/rest/api/3/issue/${issue.key}`,
      `/rest/api/3/issue/${issue.key}/transitions?expand=transitions.fields`,
      `/rest/api/3/issue/${issue.key}/comment`,
      `/rest/api/3/issue/${issue.key}/comment/${comment.id}?expand=properties`,
      `/rest/api/3/issue/${issue.key}/properties`,
      `/rest/api/3/search/jql?jql=project%20%3D%20ITS&fields=summary,status`,
    ]) {
      expect((await call('GET', url)).status).toBe(200);
    }
    expect((await call('POST', '/rest/api/3/search/approximate-count', { jql: 'project = ITS' })).status).toBe(200);
    expect((await call('POST', '/rest/api/3/issue', { fields: { project: { key: 'ITS' }, summary: 'Created by a client', issuetype: { name: 'Incident' } } })).status).toBe(201);
    expect((await call('POST', `/rest/api/3/issue/${issue.key}/comment`, { body: adf('Reply') })).status).toBe(201);
    expect((await call('POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: '11' } })).status).toBe(204);
    expect((await call('PUT', `/rest/api/3/issue/${issue.key}`, { fields: { labels: ['vip'] } })).status).toBe(204);
    expect((await call('PUT', `/rest/api/3/issue/${issue.key}/properties/x`, { a: 1 })).status).toBe(201);
    expect((await call('GET', `/rest/api/3/issue/${issue.key}/properties/x`)).status).toBe(200);
    expect((await call('DELETE', `/rest/api/3/issue/${issue.key}/properties/x`)).status).toBe(204);
    expect(exchanges.flatMap(checkExchange)).toEqual([]);
  });
});

describe('test fixtures', () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'jira');
  /** fixture → the documented answer it stands for */
  const answers: Record<string, [string, string, string]> = {
    'issue.json': ['GET', '/rest/api/3/issue/SD-42', '200'],
    'issue-resolved-with-changelog.json': ['GET', '/rest/api/3/issue/SD-43', '200'],
    'changelog-page-1.json': ['GET', '/rest/api/3/issue/SD-43/changelog', '200'],
    'changelog-page-2.json': ['GET', '/rest/api/3/issue/SD-43/changelog', '200'],
    'comment-public.json': ['GET', '/rest/api/3/issue/SD-42/comment/10001', '200'],
    'comment-internal.json': ['GET', '/rest/api/3/issue/SD-42/comment/10002', '200'],
    'fields.json': ['GET', '/rest/api/3/field', '200'],
    'mypermissions.json': ['GET', '/rest/api/3/mypermissions', '200'],
    'mypermissions-administer.json': ['GET', '/rest/api/3/mypermissions', '200'],
    'myself.json': ['GET', '/rest/api/3/myself', '200'],
    'priorities.json': ['GET', '/rest/api/3/priority', '200'],
    'statuses.json': ['GET', '/rest/api/3/status', '200'],
    'users-bulk.json': ['GET', '/rest/api/3/user/bulk', '200'],
    'issue-property.json': ['GET', '/rest/api/3/issue/SD-42/properties/contract-clock', '200'],
    'issue-property-keys.json': ['GET', '/rest/api/3/issue/SD-42/properties', '200'],
  };

  it.each(Object.entries(answers))('%s has the documented shape of its answer', (file, [method, concrete, status]) => {
    const operation = findOperation(method, concrete);
    expect(operation).toBeDefined();
    const value: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    expect(checkShape(value, operation?.responses[status] ?? null)).toEqual([]);
  });

  it('every fixture is declared hand-made in the fixtures README', () => {
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) expect(readme).toContain(file);
  });
});
