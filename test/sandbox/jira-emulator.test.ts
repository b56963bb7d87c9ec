/**
 * The Jira emulator over HTTP, driven by the unchanged jira.js client (every response validated by
 * jira.js's schemas, mismatches throw): each endpoint family, permissions per role, paging, and the
 * Forge events the changes fire.
 */
import { z } from 'zod';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import type { ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import { createJiraModel, type JiraModel } from '../../sandbox/jira/jira-model';
import { seedBaseSite, type BaseSite } from '../../sandbox/jira/jira-seed';
import { startJiraServer, type JiraServer } from '../../sandbox/jira/jira-server';
import { startJiraJsDriver, type DriverAuth, type JiraJsDriver } from './support/jira-js-client';

const START = Date.parse('2026-04-01T08:00:00.000Z'); // a Wednesday; Amsterdam is UTC+2, New York UTC-4
const ADMIN: DriverAuth = null; // no credentials: the demo admin
const SANNE: DriverAuth = { email: 'sanne@polder-it.example' };
const TOM: DriverAuth = { email: 'tom@polder-it.example' };
const ALICE: DriverAuth = { email: 'alice@acme.example' };
const BOB: DriverAuth = { email: 'bob@acme.example' };
const GRACE: DriverAuth = { email: 'grace@globex.example' };
const APP: DriverAuth = { bearer: 'sandbox-app-token' };

const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let nowMs = START;
let model: JiraModel;
let site: BaseSite;
let server: JiraServer;
let jira: JiraJsDriver;
const events: ForgeJiraEvent[] = [];

const cloud = (auth: DriverAuth, group: string, method: string, params?: unknown) => jira.call(auth, 'cloud', group, method, params);
const desk = (auth: DriverAuth, group: string, method: string, params?: unknown) => jira.call(auth, 'serviceDesk', group, method, params);

/** The HTTP status a call fails with (and the error body), or a test failure when it succeeds. */
async function failure(auth: DriverAuth, surface: 'cloud' | 'serviceDesk', group: string, method: string, params?: unknown) {
  const answer = await jira.attempt(auth, surface, group, method, params);
  if (answer.ok) throw new Error(`${group}.${method} succeeded but should have failed`);
  return answer.error;
}

const requestSchema = z.object({ issueId: z.string(), issueKey: z.string() });

/** Raises a portal request as a customer and returns its key and id. */
async function raise(auth: DriverAuth, summary: string, requestTypeId = site.requestTypes.printer.id) {
  return requestSchema.parse(
    await desk(auth, 'request', 'createCustomerRequest', {
      serviceDeskId: site.serviceDesk.id,
      requestTypeId,
      requestFieldValues: { summary, description: `${summary}, please help.` },
    }),
  );
}

// starting Node with tsx and loading jira.js takes a second, more on a busy machine
beforeAll(async () => {
  model = createJiraModel({ clock: { now: () => new Date(nowMs) }, app: readJiraAppDefinition() });
  site = seedBaseSite(model);
  model.events.on((event) => events.push(event));
  server = await startJiraServer({ model });
  jira = await startJiraJsDriver(server.url);
}, 30_000);

afterAll(async () => {
  await Promise.all([jira.close(), server.stop()]);
}, 10_000);

beforeEach(() => {
  nowMs += 60_000;
});

describe('site and user', () => {
  it('answers serverInfo with the sandbox clock as server time', async () => {
    nowMs = Date.parse('2026-04-01T09:15:00.000Z');
    const info = z.object({ serverTime: z.string(), deploymentType: z.string(), baseUrl: z.string() }).parse(
      await cloud(ADMIN, 'serverInfo', 'getServerInfo'),
    );
    expect(new Date(info.serverTime).toISOString()).toBe('2026-04-01T09:15:00.000Z');
    expect(info.deploymentType).toBe('Cloud');
    expect(info.baseUrl).toBe(server.url);
  });

  it.each([
    ['no credentials → the demo admin', ADMIN, 'Ada de Boer', 'atlassian', 'Europe/Amsterdam'],
    ['an agent by e-mail', TOM, 'Tom Becker', 'atlassian', 'America/New_York'],
    ['a customer by e-mail', ALICE, 'Alice Jansen', 'customer', 'Europe/Amsterdam'],
  ])('myself: %s', async (_name, auth, displayName, accountType, timeZone) => {
    const me = z.object({ displayName: z.string(), accountType: z.string(), timeZone: z.string(), accountId: z.string() }).parse(
      await cloud(auth, 'myself', 'getCurrentUser'),
    );
    expect(me).toMatchObject({ displayName, accountType, timeZone });
  });

  // GET /rest/api/3/user: the User's `locale` is hidden by the user's privacy setting (left out).
  it.each([
    ['Alice reads Dutch', 'alice', 'nl_NL'],
    ['Bob hides his locale', 'bob', undefined],
    ['Tom reads English', 'tom', 'en_US'],
  ] as const)('user by account id: %s', async (_name, who, locale) => {
    const user = z
      .object({ accountId: z.string(), locale: z.string().optional() })
      .parse(await cloud(TOM, 'users', 'getUser', { accountId: site.users[who].accountId }));
    expect(user).toEqual({ accountId: site.users[who].accountId, locale });
  });

  // GET /rest/api/3/user/bulk (Atlassian's OpenAPI: bulkGetUsers): accountId repeated, a PageBeanUser
  // paged with startAt / maxResults (default 10); jira.js has no method for it, so plain fetch.
  it('answers users in bulk: the known ones of the ids asked, paged, and 400 without an account id', async () => {
    const pageSchema = z.object({
      self: z.string(),
      nextPage: z.string().optional(),
      startAt: z.number(),
      maxResults: z.number(),
      total: z.number(),
      isLast: z.boolean(),
      values: z.array(z.object({ accountId: z.string(), displayName: z.string() })),
    });
    const ids = [site.users.tom.accountId, 'no-such-account', site.users.alice.accountId];
    const query = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
    const all = pageSchema.parse(await (await fetch(`${server.url}/rest/api/3/user/bulk?${query}`)).json());
    expect(all).toMatchObject({ startAt: 0, maxResults: 10, total: 2, isLast: true });
    expect(all.values.map((u) => u.displayName)).toEqual(['Tom Becker', 'Alice Jansen']);
    const first = pageSchema.parse(await (await fetch(`${server.url}/rest/api/3/user/bulk?${query}&maxResults=1`)).json());
    expect(first).toMatchObject({ maxResults: 1, total: 2, isLast: false, values: [{ displayName: 'Tom Becker' }] });
    const second = pageSchema.parse(await (await fetch(first.nextPage ?? '')).json());
    expect(second).toMatchObject({ startAt: 1, isLast: true, values: [{ displayName: 'Alice Jansen' }] });
    expect((await fetch(`${server.url}/rest/api/3/user/bulk`)).status).toBe(400);
  });

  it('refuses an unknown e-mail and an unknown bearer token with 401', async () => {
    expect((await failure({ email: 'nobody@nowhere.example' }, 'cloud', 'myself', 'getCurrentUser')).status).toBe(401);
    expect((await failure({ bearer: 'wrong' }, 'cloud', 'myself', 'getCurrentUser')).status).toBe(401);
  });

  it('lists the JSM fields and the app field with its Forge key', async () => {
    const fields = z
      .array(z.object({ id: z.string(), key: z.string(), name: z.string(), schema: z.object({ custom: z.string().optional(), type: z.string() }).optional() }))
      .parse(await cloud(ADMIN, 'issueFields', 'getFields'));
    const byId = new Map(fields.map((f) => [f.id, f]));
    expect(byId.get('customfield_10010')?.schema?.custom).toBe('com.atlassian.servicedesk:vp-origin');
    expect(byId.get('customfield_10002')?.schema?.custom).toBe('com.atlassian.servicedesk:sd-customer-organizations');
    const deadline = fields.find((f) => f.name === 'Contract deadline');
    expect(deadline?.schema?.type).toBe('datetime');
    expect(deadline?.schema?.custom).toBe(
      `ari:cloud:ecosystem::extension/${model.app.appId}/${model.app.environmentId}/static/contract-deadline`,
    );
    expect(deadline?.key).toBe(`${model.app.appId}__DEVELOPMENT__contract-deadline`);
  });

  it('lists priorities Highest..Lowest (search and the plain list) and the statuses with categories', async () => {
    const page = z.object({ values: z.array(z.object({ name: z.string() })), total: z.number(), isLast: z.boolean() }).parse(
      await cloud(ADMIN, 'issuePriorities', 'searchPriorities', {}),
    );
    expect(page.values.map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(page).toMatchObject({ total: 5, isLast: true });
    const plain = z.array(z.object({ name: z.string(), statusColor: z.string() })).parse(await (await fetch(`${server.url}/rest/api/3/priority`)).json());
    expect(plain.map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);

    const statuses = z
      .array(z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }))
      .parse(await cloud(ADMIN, 'workflowStatuses', 'getStatuses'));
    expect(Object.fromEntries(statuses.map((s) => [s.name, s.statusCategory.key]))).toEqual({
      Open: 'new',
      'In Progress': 'indeterminate',
      'Waiting for customer': 'indeterminate',
      Resolved: 'done',
      Closed: 'done',
    });
  });
});

describe('labels', () => {
  it("pages the site's labels with startAt / maxResults, sorted, as jira.js reads them", async () => {
    const labelsPage = z.object({ values: z.array(z.string()), startAt: z.number(), maxResults: z.number(), total: z.number(), isLast: z.boolean() });
    const before = labelsPage.parse(await cloud(ADMIN, 'labels', 'getAllLabels', {}));
    const issue = await raise(ALICE, 'Labelled request');
    expect((await jira.attempt(SANNE, 'cloud', 'issues', 'editIssue', { issueIdOrKey: issue.issueKey, fields: { labels: ['zz-vip', 'aa-first'] } })).ok).toBe(true);
    const all = labelsPage.parse(await cloud(ADMIN, 'labels', 'getAllLabels', {}));
    expect(all.values).toEqual([...before.values, 'aa-first', 'zz-vip'].sort());
    const first = labelsPage.parse(await cloud(ADMIN, 'labels', 'getAllLabels', { startAt: 0, maxResults: 1 }));
    const rest = labelsPage.parse(await cloud(ADMIN, 'labels', 'getAllLabels', { startAt: 1, maxResults: 1000 }));
    expect(first).toMatchObject({ values: [all.values[0]], isLast: false, total: all.values.length });
    expect([...first.values, ...rest.values]).toEqual(all.values);
    expect(rest.isLast).toBe(true);
  });
});

describe('permissions per role', () => {
  const permissionsSchema = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })) });
  const have = async (auth: DriverAuth, params: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(permissionsSchema.parse(await cloud(auth, 'permissions', 'getMyPermissions', params)).permissions).map(([k, v]) => [k, v.havePermission]),
    );
  const keys = 'ADMINISTER,BROWSE_PROJECTS,ADD_COMMENTS,EDIT_ISSUES,TRANSITION_ISSUES,SERVICEDESK_AGENT';

  it.each([
    ['admin', ADMIN, { ADMINISTER: true, BROWSE_PROJECTS: true, ADD_COMMENTS: true, EDIT_ISSUES: true, TRANSITION_ISSUES: true, SERVICEDESK_AGENT: true }],
    ['agent', SANNE, { ADMINISTER: false, BROWSE_PROJECTS: true, ADD_COMMENTS: true, EDIT_ISSUES: true, TRANSITION_ISSUES: true, SERVICEDESK_AGENT: true }],
    ['customer', ALICE, { ADMINISTER: false, BROWSE_PROJECTS: true, ADD_COMMENTS: true, EDIT_ISSUES: false, TRANSITION_ISSUES: false, SERVICEDESK_AGENT: false }],
  ])('%s on the project', async (_role, auth, expected) => {
    expect(await have(auth, { permissions: keys, projectKey: 'ITS' })).toEqual(expected);
  });

  it('gives a customer no permissions on a request of another organization (404 on the issue)', async () => {
    const request = await raise(ALICE, 'Mailbox full');
    expect(await have(BOB, { permissions: 'BROWSE_PROJECTS,ADD_COMMENTS', issueKey: request.issueKey })).toEqual({ BROWSE_PROJECTS: true, ADD_COMMENTS: true });
    expect((await failure(GRACE, 'cloud', 'permissions', 'getMyPermissions', { permissions: 'BROWSE_PROJECTS', issueKey: request.issueKey })).status).toBe(404);
  });

  it('answers 400 without a permissions parameter or with an unknown key', async () => {
    expect((await failure(ADMIN, 'cloud', 'permissions', 'getMyPermissions', {})).status).toBe(400);
    expect((await failure(ADMIN, 'cloud', 'permissions', 'getMyPermissions', { permissions: 'FLY' })).status).toBe(400);
  });
});

describe('requests and issues', () => {
  it('raises a portal request for the customer, shared with their organization', async () => {
    const request = await raise(ALICE, 'Printer on floor 2 jams');
    const issue = z
      .object({
        key: z.string(),
        fields: z.object({
          reporter: z.object({ displayName: z.string(), accountType: z.string() }),
          customfield_10010: z.object({ requestType: z.object({ id: z.string(), name: z.string() }), currentStatus: z.object({ status: z.string() }) }),
          customfield_10002: z.array(z.object({ id: z.string(), name: z.string() })),
          status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }),
          priority: z.object({ name: z.string() }),
          issuetype: z.object({ name: z.string() }),
          created: z.string(),
        }),
      })
      .parse(await cloud(ADMIN, 'issues', 'getIssue', { issueIdOrKey: request.issueKey }));
    expect(issue.fields.reporter).toMatchObject({ displayName: 'Alice Jansen', accountType: 'customer' });
    expect(issue.fields.customfield_10010.requestType.name).toBe('Printer problem');
    expect(issue.fields.customfield_10010.currentStatus.status).toBe('Open');
    expect(issue.fields.customfield_10002.map((o) => o.name)).toEqual(['Acme Logistics']);
    expect(issue.fields.status).toMatchObject({ name: 'Open', statusCategory: { key: 'new' } });
    expect(issue.fields.priority.name).toBe('Medium');
    expect(issue.fields.issuetype.name).toBe('Incident');
    // Jira writes instants in the viewer's time zone with a colon-less offset
    expect(issue.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0200$/);
  });

  it('writes dates in each viewer\'s time zone', async () => {
    nowMs = Date.parse('2026-04-01T12:00:00.000Z');
    const request = await raise(ALICE, 'Time zones');
    const created = async (auth: DriverAuth) =>
      z.object({ fields: z.object({ created: z.string() }) }).parse(await cloud(auth, 'issues', 'getIssue', { issueIdOrKey: request.issueKey, fields: ['created'] })).fields.created;
    expect(await created(ADMIN)).toBe('2026-04-01T14:00:00.000+0200');
    expect(await created(TOM)).toBe('2026-04-01T08:00:00.000-0400');
  });

  it('lets an agent raise a request on behalf of a customer, but not a customer for someone else', async () => {
    const request = requestSchema.parse(
      await desk(SANNE, 'request', 'createCustomerRequest', {
        serviceDeskId: site.serviceDesk.id,
        requestTypeId: site.requestTypes.network.id,
        raiseOnBehalfOf: site.users.grace.accountId,
        requestFieldValues: { summary: 'VPN drops every hour' },
      }),
    );
    const issue = z.object({ fields: z.object({ reporter: z.object({ accountId: z.string() }), creator: z.object({ accountId: z.string() }) }) }).parse(
      await cloud(ADMIN, 'issues', 'getIssue', { issueIdOrKey: request.issueKey }),
    );
    expect(issue.fields.reporter.accountId).toBe(site.users.grace.accountId);
    expect(issue.fields.creator.accountId).toBe(site.users.sanne.accountId);

    const refused = await failure(ALICE, 'serviceDesk', 'request', 'createCustomerRequest', {
      serviceDeskId: site.serviceDesk.id,
      requestTypeId: site.requestTypes.network.id,
      raiseOnBehalfOf: site.users.bob.accountId,
      requestFieldValues: { summary: 'For Bob' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ errorMessage: expect.stringContaining('on behalf') });
  });

  it('reads a customer request with expansions, and hides it from other organizations', async () => {
    const request = await raise(ALICE, 'Scanner offline');
    const view = z
      .object({
        issueKey: z.string(),
        requestTypeId: z.string(),
        reporter: z.object({ displayName: z.string() }),
        currentStatus: z.object({ status: z.string(), statusCategory: z.string() }),
        requestType: z.object({ name: z.string() }),
        serviceDesk: z.object({ projectKey: z.string() }),
        requestFieldValues: z.array(z.object({ fieldId: z.string(), value: z.unknown() })),
      })
      .parse(await desk(BOB, 'request', 'getCustomerRequestByIdOrKey', { issueIdOrKey: request.issueKey, expand: ['requestType', 'serviceDesk'] }));
    expect(view).toMatchObject({
      issueKey: request.issueKey,
      requestTypeId: site.requestTypes.printer.id,
      reporter: { displayName: 'Alice Jansen' },
      currentStatus: { status: 'Open', statusCategory: 'NEW' },
      requestType: { name: 'Printer problem' },
      serviceDesk: { projectKey: 'ITS' },
    });
    expect(view.requestFieldValues.find((v) => v.fieldId === 'summary')?.value).toBe('Scanner offline');
    const hidden = await failure(GRACE, 'serviceDesk', 'request', 'getCustomerRequestByIdOrKey', { issueIdOrKey: request.issueKey });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ errorMessage: expect.any(String) });
    expect((await failure(GRACE, 'cloud', 'issues', 'getIssue', { issueIdOrKey: request.issueKey })).status).toBe(404);
  });

  it('creates an issue through REST v3 with ADF, components and labels; rejects bad input with field errors', async () => {
    const createdIssue = z.object({ id: z.string(), key: z.string(), self: z.string() }).parse(
      await cloud(SANNE, 'issues', 'createIssue', {
        fields: {
          project: { key: 'ITS' },
          issuetype: { name: 'Incident' },
          summary: 'Mail relay down',
          description: adf('No mail since 09:00.'),
          priority: { name: 'Highest' },
          components: [{ name: 'E-mail' }],
          labels: ['outage'],
          reporter: { accountId: site.users.bob.accountId },
          customfield_10010: site.requestTypes.email.id,
          customfield_10002: [Number(site.organizations.acme.id)],
        },
      }),
    );
    expect(createdIssue.key).toMatch(/^ITS-\d+$/);
    const issue = z
      .object({ fields: z.object({ components: z.array(z.object({ name: z.string() })), labels: z.array(z.string()), priority: z.object({ name: z.string() }) }) })
      .parse(await cloud(SANNE, 'issues', 'getIssue', { issueIdOrKey: createdIssue.key }));
    expect(issue.fields).toMatchObject({ components: [{ name: 'E-mail' }], labels: ['outage'], priority: { name: 'Highest' } });

    const missing = await failure(SANNE, 'cloud', 'issues', 'createIssue', { fields: { project: { key: 'ITS' }, issuetype: { name: 'Incident' } } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } });
    const readOnly = await failure(SANNE, 'cloud', 'issues', 'createIssue', {
      fields: { project: { key: 'ITS' }, summary: 'x', customfield_10050: '2026-04-01T10:00:00Z' },
    });
    expect(readOnly.body).toMatchObject({ errors: { customfield_10050: expect.stringContaining('cannot be set') } });
    expect((await failure(ALICE, 'cloud', 'issues', 'createIssue', { fields: { project: { key: 'ITS' }, summary: 'x' } })).status).toBe(403);
  });

  it('selects fields, expands names, renderedFields and changelog, and returns requested properties', async () => {
    const request = await raise(ALICE, 'Expand me');
    model.setIssueProperty(model.app.accountId, request.issueKey, 'contract-clock', { deadline: '2026-04-03T10:00:00Z' });
    model.setPriority(site.users.sanne.accountId, request.issueKey, 'High');
    const issue = z
      .object({
        fields: z.record(z.string(), z.unknown()),
        names: z.record(z.string(), z.string()),
        renderedFields: z.object({ description: z.string() }),
        changelog: z.object({ total: z.number(), histories: z.array(z.object({ id: z.string(), items: z.array(z.object({ field: z.string() })) })) }),
        properties: z.record(z.string(), z.unknown()),
      })
      .parse(
        await cloud(SANNE, 'issues', 'getIssue', {
          issueIdOrKey: request.issueKey,
          fields: ['summary', 'description', 'priority'],
          expand: 'names,renderedFields,changelog',
          properties: ['contract-clock'],
        }),
      );
    expect(Object.keys(issue.fields).sort()).toEqual(['description', 'priority', 'summary']);
    expect(issue.names).toEqual({ summary: 'Summary', description: 'Description', priority: 'Priority' });
    expect(issue.renderedFields.description).toBe('<p>Expand me, please help.</p>');
    expect(issue.changelog.total).toBe(1);
    expect(issue.changelog.histories[0]?.items[0]?.field).toBe('priority');
    expect(issue.properties).toEqual({ 'contract-clock': { deadline: '2026-04-03T10:00:00Z' } });
  });

  it('edits fields with a changelog entry; a customer may not edit', async () => {
    const request = await raise(ALICE, 'Edit me');
    await cloud(SANNE, 'issues', 'editIssue', {
      issueIdOrKey: request.issueKey,
      fields: { priority: { name: 'Highest' }, components: [{ name: 'Printing' }] },
      update: { labels: [{ add: 'vip' }] },
    });
    const log = z
      .object({ values: z.array(z.object({ items: z.array(z.object({ field: z.string(), fromString: z.string().nullable(), toString: z.string().nullable() })) })) })
      .parse(await cloud(SANNE, 'issues', 'getChangeLogs', { issueIdOrKey: request.issueKey }));
    expect(log.values[0]?.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'priority', fromString: 'Medium', toString: 'Highest' }),
        expect.objectContaining({ field: 'labels', fromString: '', toString: 'vip' }),
        expect.objectContaining({ field: 'Component', fromString: null, toString: 'Printing' }),
      ]),
    );
    expect((await failure(ALICE, 'cloud', 'issues', 'editIssue', { issueIdOrKey: request.issueKey, fields: { summary: 'mine' } })).status).toBe(403);
  });
});

describe('transitions', () => {
  const transitionsSchema = z.object({ transitions: z.array(z.object({ id: z.string(), name: z.string(), to: z.object({ name: z.string() }) })) });

  it('lists the workflow transitions from Open and resolves with a resolution and date', async () => {
    const request = await raise(ALICE, 'Resolve me');
    const list = transitionsSchema.parse(await cloud(SANNE, 'issues', 'getTransitions', { issueIdOrKey: request.issueKey }));
    expect(list.transitions.map((t) => `${t.name} → ${t.to.name}`)).toEqual([
      'Start progress → In Progress',
      'Wait for customer → Waiting for customer',
      'Resolve → Resolved',
    ]);
    nowMs = Date.parse('2026-04-02T09:30:00.000Z');
    await cloud(SANNE, 'issues', 'doTransition', { issueIdOrKey: request.issueKey, transition: { id: '51' }, fields: { resolution: { name: "Won't Do" } } });
    const issue = z
      .object({ fields: z.object({ status: z.object({ name: z.string() }), resolution: z.object({ name: z.string() }), resolutiondate: z.string() }) })
      .parse(await cloud(ADMIN, 'issues', 'getIssue', { issueIdOrKey: request.issueKey }));
    expect(issue.fields.status.name).toBe('Resolved');
    expect(issue.fields.resolution.name).toBe("Won't Do");
    expect(issue.fields.resolutiondate).toBe('2026-04-02T11:30:00.000+0200');

    await cloud(SANNE, 'issues', 'doTransition', { issueIdOrKey: request.issueKey, transition: { id: '61' } });
    const reopened = z.object({ fields: z.object({ resolution: z.null(), resolutiondate: z.null() }) }).safeParse(
      await cloud(ADMIN, 'issues', 'getIssue', { issueIdOrKey: request.issueKey, fields: ['resolution', 'resolutiondate'] }),
    );
    expect(reopened.success).toBe(true);
  });

  it('refuses an invalid transition (400) and any transition by a customer (403, empty list)', async () => {
    const request = await raise(ALICE, 'Stay open');
    const invalid = await failure(SANNE, 'cloud', 'issues', 'doTransition', { issueIdOrKey: request.issueKey, transition: { id: '71' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ errorMessages: ["Transition id '71' is not valid for this issue."] });
    expect(transitionsSchema.parse(await cloud(ALICE, 'issues', 'getTransitions', { issueIdOrKey: request.issueKey })).transitions).toEqual([]);
    expect((await failure(ALICE, 'cloud', 'issues', 'doTransition', { issueIdOrKey: request.issueKey, transition: { id: '11' } })).status).toBe(403);
  });
});

describe('comments', () => {
  const commentsSchema = z.object({
    total: z.number(),
    comments: z.array(z.object({ id: z.string(), jsdPublic: z.boolean(), author: z.object({ displayName: z.string() }) })),
  });

  it('keeps internal notes from customers in REST v3 and servicedeskapi', async () => {
    const request = await raise(ALICE, 'Comment on me');
    const internal = z.object({ id: z.string(), jsdPublic: z.boolean() }).parse(
      await cloud(SANNE, 'issueComments', 'addComment', {
        issueIdOrKey: request.issueKey,
        body: adf('Customer is on the Bronze plan.'),
        properties: [{ key: 'sd.public.comment', value: { internal: true } }],
      }),
    );
    expect(internal.jsdPublic).toBe(false);
    await desk(SANNE, 'request', 'createRequestComment', { issueIdOrKey: request.issueKey, body: 'We are on it.', public: true });

    expect(commentsSchema.parse(await cloud(SANNE, 'issueComments', 'getComments', { issueIdOrKey: request.issueKey })).total).toBe(2);
    const seenByCustomer = commentsSchema.parse(await cloud(ALICE, 'issueComments', 'getComments', { issueIdOrKey: request.issueKey }));
    expect(seenByCustomer.comments.map((c) => c.jsdPublic)).toEqual([true]);
    expect((await failure(ALICE, 'cloud', 'issueComments', 'getComment', { issueIdOrKey: request.issueKey, id: internal.id })).status).toBe(404);

    const withProperties = z.object({ properties: z.array(z.object({ key: z.string(), value: z.unknown() })) }).parse(
      await cloud(SANNE, 'issueComments', 'getComment', { issueIdOrKey: request.issueKey, id: internal.id, expand: 'properties' }),
    );
    expect(withProperties.properties).toContainEqual({ key: 'sd.public.comment', value: { internal: true } });

    const sdPage = z.object({ size: z.number(), values: z.array(z.object({ public: z.boolean(), body: z.string() })) });
    expect(sdPage.parse(await desk(SANNE, 'request', 'getRequestComments', { issueIdOrKey: request.issueKey })).values.map((c) => c.public)).toEqual([false, true]);
    expect(sdPage.parse(await desk(SANNE, 'request', 'getRequestComments', { issueIdOrKey: request.issueKey, internal: false })).size).toBe(1);
    expect(sdPage.parse(await desk(ALICE, 'request', 'getRequestComments', { issueIdOrKey: request.issueKey })).values).toEqual([
      expect.objectContaining({ public: true, body: 'We are on it.' }),
    ]);
  });

  it('refuses an internal note from a customer and lets a customer reply move the request back to the agents', async () => {
    const request = await raise(ALICE, 'Waiting game');
    expect((await failure(ALICE, 'serviceDesk', 'request', 'createRequestComment', { issueIdOrKey: request.issueKey, body: 'psst', public: false })).status).toBe(403);
    model.transitionToStatus(site.users.sanne.accountId, request.issueKey, 'Waiting for customer');
    await desk(ALICE, 'request', 'createRequestComment', { issueIdOrKey: request.issueKey, body: 'Here is the info.', public: true });
    const status = z.object({ currentStatus: z.object({ status: z.string() }) }).parse(
      await desk(ALICE, 'request', 'getCustomerRequestByIdOrKey', { issueIdOrKey: request.issueKey }),
    );
    expect(status.currentStatus.status).toBe('In Progress');
  });

  it('accepts a plain-text comment through REST v2, as jira.js sends strings', async () => {
    const request = await raise(ALICE, 'Text comment');
    const comment = z.object({ body: z.object({ type: z.literal('doc') }), jsdPublic: z.boolean() }).parse(
      await cloud(SANNE, 'issueComments', 'addComment', { issueIdOrKey: request.issueKey, body: 'Plain text' }),
    );
    expect(comment.jsdPublic).toBe(true);
  });
});

describe('changelog paging', () => {
  it('pages through the changelog with startAt / maxResults / total / isLast', async () => {
    const request = await raise(ALICE, 'Many changes');
    for (const priority of ['High', 'Low', 'Highest', 'Lowest', 'Medium']) model.setPriority(site.users.sanne.accountId, request.issueKey, priority);
    const pageSchema = z.object({
      startAt: z.number(),
      maxResults: z.number(),
      total: z.number(),
      isLast: z.boolean(),
      values: z.array(z.object({ id: z.string(), items: z.array(z.object({ toString: z.string().nullable() })) })),
    });
    const seen: string[] = [];
    let startAt = 0;
    for (;;) {
      const page = pageSchema.parse(await cloud(SANNE, 'issues', 'getChangeLogs', { issueIdOrKey: request.issueKey, startAt, maxResults: 2 }));
      expect(page.total).toBe(5);
      seen.push(...page.values.map((v) => v.items[0]?.toString ?? ''));
      if (page.isLast) break;
      startAt += page.maxResults;
    }
    expect(seen).toEqual(['High', 'Low', 'Highest', 'Lowest', 'Medium']);
  });
});

describe('issue properties', () => {
  it('sets (201 then 200), reads, lists and deletes a property; customers may not set one', async () => {
    const request = await raise(ALICE, 'Properties');
    const put = (value: unknown) =>
      fetch(`${server.url}/rest/api/3/issue/${request.issueKey}/properties/contract-clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(value),
      });
    expect((await put({ state: 'running' })).status).toBe(201);
    expect((await put({ state: 'paused' })).status).toBe(200);
    expect(await cloud(SANNE, 'issueProperties', 'getIssueProperty', { issueIdOrKey: request.issueKey, propertyKey: 'contract-clock' })).toEqual({
      key: 'contract-clock',
      value: { state: 'paused' },
    });
    const keys = z.object({ keys: z.array(z.object({ key: z.string(), self: z.string() })) }).parse(
      await cloud(ALICE, 'issueProperties', 'getIssuePropertyKeys', { issueIdOrKey: request.issueKey }),
    );
    expect(keys.keys.map((k) => k.key)).toEqual(['contract-clock']);
    expect((await failure(ALICE, 'cloud', 'issueProperties', 'setIssueProperty', { issueIdOrKey: request.issueKey, propertyKey: 'x', body: { a: 1 } })).status).toBe(403);
    const tooLarge = await failure(SANNE, 'cloud', 'issueProperties', 'setIssueProperty', {
      issueIdOrKey: request.issueKey,
      propertyKey: 'big',
      body: { blob: 'x'.repeat(33_000) },
    });
    expect(tooLarge.status).toBe(400);
    await cloud(SANNE, 'issueProperties', 'deleteIssueProperty', { issueIdOrKey: request.issueKey, propertyKey: 'contract-clock' });
    expect((await failure(SANNE, 'cloud', 'issueProperties', 'getIssueProperty', { issueIdOrKey: request.issueKey, propertyKey: 'contract-clock' })).status).toBe(404);
  });
});

describe('search', () => {
  const searchSchema = z.object({
    issues: z.array(z.object({ id: z.string(), key: z.string().optional(), fields: z.record(z.string(), z.unknown()).optional(), properties: z.record(z.string(), z.unknown()).optional() })),
    nextPageToken: z.string().optional(),
    isLast: z.boolean(),
  });

  it('orders a queue by the contract deadline property alias, empty deadlines last', async () => {
    const keys: string[] = [];
    for (const [summary, deadline] of [
      ['Queue B', '2026-05-02T10:00:00Z'],
      ['Queue none', null],
      ['Queue A', '2026-05-01T10:00:00Z'],
      ['Queue C', '2026-05-03T10:00:00Z'],
    ] as const) {
      const request = await raise(GRACE, summary, site.requestTypes.other.id);
      if (deadline !== null) model.setIssueProperty(model.app.accountId, request.issueKey, 'contract-clock', { deadline, state: 'running' });
      keys.push(request.issueKey);
    }
    const result = searchSchema.parse(
      await cloud(SANNE, 'issueSearch', 'searchAndReconsileIssuesUsingJqlPost', {
        jql: `project = ITS AND key in (${keys.join(', ')}) ORDER BY contractDeadline ASC`,
        fields: ['summary'],
        properties: ['contract-clock'],
      }),
    );
    expect(result.issues.map((i) => i.fields?.['summary'])).toEqual(['Queue A', 'Queue B', 'Queue C', 'Queue none']);
    expect(result.issues[0]?.properties).toEqual({ 'contract-clock': { deadline: '2026-05-01T10:00:00Z', state: 'running' } });
    const byProperty = searchSchema.parse(
      await cloud(SANNE, 'issueSearch', 'searchAndReconsileIssuesUsingJql', {
        jql: `key in (${keys.join(', ')}) AND issue.property[contract-clock].deadline < "2026-05-02" ORDER BY issue.property[contract-clock].deadline DESC`,
        fields: ['summary'],
      }),
    );
    expect(byProperty.issues.map((i) => i.fields?.['summary'])).toEqual(['Queue A']);
  });

  it('pages with nextPageToken and returns ids only when no fields are asked for', async () => {
    for (let i = 0; i < 3; i += 1) {
      nowMs += 1000;
      await raise(ALICE, `Paging ${i}`);
    }
    const jql = 'project = ITS AND summary ~ "Paging" ORDER BY created ASC';
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = searchSchema.parse(
        await cloud(SANNE, 'issueSearch', 'searchAndReconsileIssuesUsingJqlPost', { jql, maxResults: 2, ...(token === undefined ? {} : { nextPageToken: token }) }),
      );
      expect(page.issues.every((i) => i.key === undefined && i.fields === undefined)).toBe(true);
      ids.push(...page.issues.map((i) => i.id));
      token = page.nextPageToken;
      pages += 1;
      expect(page.isLast).toBe(token === undefined);
    } while (token !== undefined);
    expect(pages).toBe(2);
    expect(ids).toHaveLength(3);
    expect([...ids].sort()).toEqual(ids);
  });

  it("answers ids only to fields ['id'] (\"`id` Returns only issue IDs\"), also for issues with a property", async () => {
    const request = await raise(ALICE, 'Ids only please');
    model.setIssueProperty(model.app.accountId, request.issueKey, 'contract-clock', { deadline: '2026-05-01T10:00:00Z', state: 'running' });
    const jql = `project = ITS AND key = ${request.issueKey}`;
    const idsOnly = searchSchema.parse(await cloud(SANNE, 'issueSearch', 'searchAndReconsileIssuesUsingJqlPost', { jql, fields: ['id'] }));
    expect(idsOnly.issues).toEqual([{ id: request.issueId }]);
    const withProperty = searchSchema.parse(
      await cloud(SANNE, 'issueSearch', 'searchAndReconsileIssuesUsingJqlPost', { jql, fields: ['id'], properties: ['contract-clock'] }),
    );
    expect(withProperty.issues[0]).toMatchObject({ id: request.issueId, key: request.issueKey, properties: { 'contract-clock': { state: 'running' } } });
  });

  it('shows a customer only the requests they may see', async () => {
    const mine = await raise(BOB, 'Bob only');
    const theirs = await raise(GRACE, 'Grace only');
    const result = searchSchema.parse(
      await cloud(ALICE, 'issueSearch', 'searchAndReconsileIssuesUsingJqlPost', { jql: 'project = ITS AND summary ~ "only"', fields: ['summary'] }),
    );
    const found = result.issues.map((i) => i.key);
    expect(found).toContain(mine.issueKey);
    expect(found).not.toContain(theirs.issueKey);
  });

  it.each([
    ['an unbounded query', 'ORDER BY created DESC', 'Unbounded JQL'],
    ['an unknown field', 'colour = red', "Field 'colour' does not exist"],
    ['an unknown status', 'status = Parked', "The value 'Parked' does not exist for the field 'status'"],
    ['a syntax error', 'project = ITS AND', 'Error in the JQL Query'],
  ])('answers 400 for %s', async (_name, jql, message) => {
    const error = await failure(SANNE, 'cloud', 'issueSearch', 'searchAndReconsileIssuesUsingJqlPost', { jql });
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.body)).toContain(message);
  });

  it('answers 410 Gone for the removed /rest/api/3/search', async () => {
    const response = await fetch(`${server.url}/rest/api/3/search?jql=project%3DITS`);
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ errorMessages: [expect.stringContaining('/rest/api/3/search/jql')] });
  });
});

describe('app custom field values', () => {
  it('lets only the app write its field; the value drops milliseconds and fires a self-generated update', async () => {
    const request = await raise(ALICE, 'Deadline field');
    const before = events.length;
    await cloud(APP, 'issueCustomFieldValuesApps', 'updateCustomFieldValue', {
      fieldIdOrKey: `${model.app.appId}__DEVELOPMENT__contract-deadline`,
      updates: [{ issueIds: [Number(request.issueId)], value: '2026-04-03T14:00:00.789Z' }],
    });
    const field = model.findAppField('contract-deadline')?.id ?? '';
    const issue = z.object({ fields: z.record(z.string(), z.unknown()) }).parse(await cloud(ADMIN, 'issues', 'getIssue', { issueIdOrKey: request.issueKey, fields: [field] }));
    expect(issue.fields[field]).toBe('2026-04-03T16:00:00.000+0200');
    const update = events.slice(before).find((e) => e.eventType === 'avi:jira:updated:issue');
    expect(update).not.toHaveProperty('selfGenerated');
    expect(update).toMatchObject({ atlassianId: model.app.accountId, changelog: { items: [{ fieldId: field, field: 'Contract deadline' }] } });

    await cloud(APP, 'issueCustomFieldValuesApps', 'updateMultipleCustomFieldValues', {
      updates: [{ customField: field, issueIds: [Number(request.issueId)], value: null }],
    });
    expect(model.findIssue(request.issueKey)?.appFieldValues[field]).toBeNull();
    const refused = await failure(ADMIN, 'cloud', 'issueCustomFieldValuesApps', 'updateCustomFieldValue', {
      fieldIdOrKey: field,
      updates: [{ issueIds: [Number(request.issueId)], value: '2026-04-03T14:00:00Z' }],
    });
    expect(refused.status).toBe(403);
  });
});

describe('notifications', () => {
  it('keeps what the app sent and refuses customers', async () => {
    const request = await raise(ALICE, 'Notify me');
    model.assignIssue(site.users.sanne.accountId, request.issueKey, site.users.tom.accountId);
    await cloud(APP, 'issues', 'notify', { issueIdOrKey: request.issueKey, subject: 'At risk', textBody: '80% of the time used', to: { assignee: true, reporter: true } });
    const sent = model.notifications().filter((n) => n.issueKey === request.issueKey && n.source === 'notify-api');
    expect(sent).toEqual([
      expect.objectContaining({ subject: 'At risk', senderId: model.app.accountId, recipientIds: [site.users.alice.accountId, site.users.tom.accountId] }),
    ]);
    expect((await failure(ALICE, 'cloud', 'issues', 'notify', { issueIdOrKey: request.issueKey, textBody: 'hi', to: { assignee: true } })).status).toBe(403);
  });
});

describe('servicedeskapi directory', () => {
  const pageSchema = z.object({ size: z.number(), start: z.number(), limit: z.number(), isLastPage: z.boolean(), values: z.array(z.record(z.string(), z.unknown())) });

  it('lists the service desk and its request types', async () => {
    const desks = pageSchema.parse(await desk(ALICE, 'servicedesk', 'getServiceDesks', {}));
    expect(desks.values).toEqual([expect.objectContaining({ id: site.serviceDesk.id, projectKey: 'ITS', projectName: 'IT Support' })]);
    const types = pageSchema.parse(await desk(ALICE, 'servicedesk', 'getRequestTypes', { serviceDeskId: site.serviceDesk.id }));
    expect(types.values.map((t) => t['name'])).toEqual(['E-mail problem', 'Printer problem', 'Network problem', 'New workplace', 'Other']);
  });

  it('pages organizations and filters them by member', async () => {
    const first = pageSchema.parse(await desk(SANNE, 'organization', 'getOrganizations', { start: 0, limit: 5 }));
    const second = pageSchema.parse(await desk(SANNE, 'organization', 'getOrganizations', { start: 5, limit: 5 }));
    expect(first).toMatchObject({ size: 5, start: 0, limit: 5, isLastPage: false });
    expect(second).toMatchObject({ size: 2, start: 5, isLastPage: true });
    expect([...first.values, ...second.values].map((o) => o['name'])).toHaveLength(7);
    const pats = pageSchema.parse(await desk(SANNE, 'organization', 'getOrganizations', { accountId: site.users.pat.accountId }));
    expect(pats.values.map((o) => o['name'])).toEqual(['Globex Retail', 'Initech Finance']);
    const alices = pageSchema.parse(await desk(ALICE, 'organization', 'getOrganizations', {}));
    expect(alices.values.map((o) => o['name'])).toEqual(['Acme Logistics']);
  });

  it('lists the participants of a request to who may see it (jira.js reads the page)', async () => {
    const request = await raise(ALICE, 'Participants');
    model.editIssue(site.users.sanne.accountId, request.issueKey, { participants: [site.users.bob.accountId] });
    const participants = pageSchema.parse(await desk(ALICE, 'request', 'getRequestParticipants', { issueIdOrKey: request.issueKey }));
    expect(participants).toMatchObject({ size: 1, start: 0, isLastPage: true });
    expect(participants.values.map((u) => u['displayName'])).toEqual(['Bob Smit']);
    expect((await failure(GRACE, 'serviceDesk', 'request', 'getRequestParticipants', { issueIdOrKey: request.issueKey })).status).toBe(404);
  });

  it('lists organization members for agents only', async () => {
    const members = pageSchema.parse(await desk(SANNE, 'organization', 'getUsersInOrganization', { organizationId: site.organizations.acme.id }));
    expect(members.values.map((u) => u['displayName'])).toEqual(['Alice Jansen', 'Bob Smit']);
    expect((await failure(ALICE, 'serviceDesk', 'organization', 'getUsersInOrganization', { organizationId: site.organizations.acme.id })).status).toBe(403);
  });

  it('lists the customers of a service desk behind the experimental-API opt-in', async () => {
    const url = `${server.url}/rest/servicedeskapi/servicedesk/${site.serviceDesk.id}/customer?limit=3`;
    expect((await fetch(url)).status).toBe(400);
    const page = pageSchema.parse(await (await fetch(url, { headers: { 'X-ExperimentalApi': 'opt-in' } })).json());
    expect(page).toMatchObject({ size: 3, limit: 3, isLastPage: false });
    const asCustomer = await fetch(url, { headers: { 'X-ExperimentalApi': 'opt-in', authorization: `Basic ${Buffer.from('alice@acme.example:x').toString('base64')}` } });
    expect(asCustomer.status).toBe(403);
    expect(await asCustomer.json()).toMatchObject({ errorMessage: expect.any(String), i18nErrorMessage: expect.any(Object) });
  });
});

describe('Forge events', () => {
  it('fires created, updated (with changelog and associated statuses) and commented in Forge shapes', async () => {
    const before = events.length;
    const request = await raise(ALICE, 'Event shapes');
    await cloud(SANNE, 'issues', 'doTransition', { issueIdOrKey: request.issueKey, transition: { id: '11' } });
    await desk(SANNE, 'request', 'createRequestComment', { issueIdOrKey: request.issueKey, body: 'Working on it', public: true });
    const fired = events.slice(before);
    expect(fired.map((e) => e.eventType)).toEqual(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:commented:issue']);
    const [createdEvent, updated, commented] = fired;

    expect(createdEvent).toMatchObject({
      eventType: 'avi:jira:created:issue',
      atlassianId: site.users.alice.accountId,
      associatedUsers: [{ accountId: site.users.alice.accountId }],
      issue: {
        id: request.issueId,
        key: request.issueKey,
        fields: {
          summary: 'Event shapes',
          reporter: { accountId: site.users.alice.accountId },
          status: { name: 'Open', statusCategory: { key: 'new' } },
          customfield_10010: { requestType: { id: site.requestTypes.printer.id } },
        },
      },
    });

    const log = z.object({ values: z.array(z.object({ id: z.string() })) }).parse(await cloud(SANNE, 'issues', 'getChangeLogs', { issueIdOrKey: request.issueKey }));
    expect(updated).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: site.users.sanne.accountId,
      changelog: {
        id: log.values[0]?.id,
        items: [{ field: 'status', fieldId: 'status', from: '1', fromString: 'Open', to: '3', toString: 'In Progress' }],
      },
      associatedStatuses: [
        { id: '1', name: 'Open' },
        { id: '3', name: 'In Progress' },
      ],
      issue: { fields: { status: { name: 'In Progress' } } },
    });

    expect(commented).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      atlassianId: site.users.sanne.accountId,
      comment: { jsdPublic: true, author: { accountId: site.users.sanne.accountId, accountType: 'atlassian' }, body: { type: 'doc' } },
    });
  });
});

describe('REST v2, as Jira Cloud still serves it (issue 9)', () => {
  const basic = (email: string | null) => `Basic ${Buffer.from(`${email ?? ''}:token`).toString('base64')}`;
  const v2 = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: basic(site.users.sanne.emailAddress), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };

  it('answers every emulated platform route under /rest/api/2 too, rich text as plain strings', async () => {
    const created = await v2('POST', '/rest/api/2/issue', { fields: { project: { key: 'ITS' }, summary: 'Created over v2', description: 'Line one', issuetype: { name: 'Incident' } } });
    expect(created.status).toBe(201);
    const key = z.object({ key: z.string() }).parse(created.body).key;
    expect((await v2('POST', `/rest/api/2/issue/${key}/comment`, { body: 'Plain text reply' })).status).toBe(201);

    const issue = await v2('GET', `/rest/api/2/issue/${key}?fields=summary,description,status`);
    expect(issue).toMatchObject({ status: 200, body: { key, fields: { summary: 'Created over v2', description: 'Line one' } } });
    const comments = await v2('GET', `/rest/api/2/issue/${key}/comment`);
    expect(comments).toMatchObject({ status: 200, body: { comments: [{ body: 'Plain text reply' }] } });
    // the same issue over v3 answers ADF
    const v3 = await fetch(`${server.url}/rest/api/3/issue/${key}?fields=description`, { headers: { authorization: basic(site.users.sanne.emailAddress) } });
    expect(await v3.json()).toMatchObject({ fields: { description: { type: 'doc', version: 1 } } });

    for (const url of ['/rest/api/2/myself', '/rest/api/2/field', '/rest/api/2/status', '/rest/api/2/priority', `/rest/api/2/issue/${key}/changelog`, `/rest/api/2/search/jql?jql=key%3D${key}`]) {
      expect([url, (await v2('GET', url)).status]).toEqual([url, 200]);
    }
    expect((await v2('GET', '/rest/api/2/search?jql=project%3DITS')).status).toBe(410);
  });

  it("jira.js sends a string description to v2 (its documented behaviour) and the emulator takes it", async () => {
    const created = z
      .object({ key: z.string() })
      .parse(await cloud(SANNE, 'issues', 'createIssue', { fields: { project: { key: 'ITS' }, summary: 'Via jira.js', description: 'Wiki text', issuetype: { name: 'Incident' } } }));
    const issue = model.findIssue(created.key);
    expect(issue?.description).toMatchObject({ type: 'doc' });
  });
});
