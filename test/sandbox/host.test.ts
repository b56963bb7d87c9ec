/**
 * The sandbox end to end, without a browser: it starts on an ephemeral port from the base site
 * (contract database, no history), serves the host pages, injects the bridge shim into a Custom UI
 * bundle, runs the app's real trigger handlers when a customer raises a request over REST, answers
 * `invoke` with the real panel resolver, and moves the clock (running the sweep).
 * The panel bundle is a small fixture, so the test does not depend on `npm run build:ui`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createJiraModel } from '../../sandbox/jira/jira-model';
import { openSandbox, type Sandbox } from '../../sandbox/open-sandbox';
import { readManifestModules, type ManifestModules } from '../../sandbox/runtime/manifest-modules';

jest.setTimeout(60_000);

const dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-host-'));
const bundleDir = path.join(dataDir, 'panel-bundle');
let sandbox: Sandbox;

/** The manifest, with the issue panel pointing at a fixture bundle and the other pages at missing ones. */
function fixtureModules(): ManifestModules {
  const modules = readManifestModules();
  return {
    ...modules,
    uiModules: modules.uiModules.map((m) => {
      if (m.type === 'jira:issuePanel') return { ...m, resourceDir: bundleDir };
      if (m.type === 'jira:adminPage') return { ...m, resourceDir: path.join(dataDir, 'no-admin-bundle') };
      if (m.type === 'jira:dashboardGadget' || m.type === 'jira:globalPage') return { ...m, resourceDir: path.join(dataDir, 'no-bundle') };
      return m;
    }),
  };
}

const users = () => {
  const all = sandbox.model().users();
  const find = (role: string) => {
    const user = all.find((u) => u.role === role);
    if (user === undefined) throw new Error(`no ${role} in the base site`);
    return user;
  };
  return { admin: find('admin'), agent: find('agent'), customer: find('customer') };
};

async function get(pathname: string, accountId?: string): Promise<Response> {
  return fetch(`${sandbox.url}${pathname}`, {
    redirect: 'manual',
    headers: accountId === undefined ? {} : { cookie: `sandbox-user=${encodeURIComponent(accountId)}` },
  });
}

async function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sandbox.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function basic(email: string | null): string {
  return `Basic ${Buffer.from(`${email ?? ''}:any-token`).toString('base64')}`;
}

beforeAll(async () => {
  mkdirSync(path.join(bundleDir, 'assets'), { recursive: true });
  writeFileSync(path.join(bundleDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/panel.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(bundleDir, 'assets', 'panel.js'), 'document.getElementById("root").textContent = typeof window.__bridge;');
  sandbox = await openSandbox({ dataDir, port: 0, start: 'base', print: 'silent', frozenClock: true, modules: fixtureModules() });
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('serving', () => {
  it('listens on 127.0.0.1 and answers the Jira REST API on the same port', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const info = await get('/rest/api/3/serverInfo');
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ deploymentType: 'Cloud' });
  });

  it.each([
    ['the queue, for an agent', '/', 'agent', 200, 'Open requests'],
    ['the portal, for a customer', '/portal', 'customer', 200, 'Raise a request'],
    ['the admin page, for an admin: its bundle is not built', '/admin', 'admin', 200, 'not built yet'],
    ['the admin page, for an agent: no access', '/admin', 'agent', 403, 'do not have access'],
    ['the dashboard: its gadgets, whose bundle is not built', '/dashboard', 'agent', 200, 'not built yet'],
    ['the review page: its bundle is not built', '/reports', 'admin', 200, 'not built yet'],
    ['the issue navigator running JQL on the app’s aliases', '/issues/?jql=contractState%20%3D%20%22running%22', 'agent', 200, 'work item'],
    ['the issue navigator with JQL Jira rejects', '/issues/?jql=contractState%20%3D', 'agent', 200, 'Error in the JQL Query'],
    ['the app notifications page', '/activity', 'agent', 200, 'What Contract Clock sent'],
    ['an unknown page', '/nope', 'agent', 404, 'Page not found'],
  ] as const)('renders %s', async (_name, pathname, role, status, text) => {
    const response = await get(pathname, users()[role].accountId);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(text);
  });

  it.each(['/', '/dashboard', '/reports', '/issues/?jql=project%20%3D%20ITS'])('sends a customer who opens %s to the portal', async (pathname) => {
    const response = await get(pathname, users().customer.accountId);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/portal');
  });

  it('offers the triage view in the queues, not to customers', async () => {
    const triage = await get('/triage', users().agent.accountId);
    expect(triage.status).toBe(200);
    expect(await triage.text()).toContain('Contract triage');
    expect(await (await get('/', users().agent.accountId)).text()).toContain('href="/triage"');
    const customer = await get('/triage', users().customer.accountId);
    expect(customer.status).toBe(302);
    expect(customer.headers.get('location')).toBe('/portal');
  });

  it('opens as the demo admin; HTTP Basic auth selects the user on pages as on REST (issue 11 item 8)', async () => {
    const asDefault = await get('/admin');
    expect(asDefault.status).toBe(200);
    const { agent, customer } = users();
    const asAgent = await fetch(`${sandbox.url}/admin`, { redirect: 'manual', headers: { authorization: basic(agent.emailAddress) } });
    expect(asAgent.status).toBe(403);
    const asCustomer = await fetch(`${sandbox.url}/`, { redirect: 'manual', headers: { authorization: basic(customer.emailAddress) } });
    expect(asCustomer.status).toBe(302);
    expect(asCustomer.headers.get('location')).toBe('/portal');
    const unknown = await fetch(`${sandbox.url}/`, { redirect: 'manual', headers: { authorization: basic('nobody@nowhere.example') } });
    expect(unknown.status).toBe(401);
  });

  it('shows the portal profile page (My contract) to whoever HTTP Basic auth names, before the top bar\'s choice', async () => {
    const { agent, customer } = users();
    const asCustomer = await fetch(`${sandbox.url}/portal/profile`, {
      headers: { authorization: basic(customer.emailAddress), cookie: `sandbox-user=${encodeURIComponent(agent.accountId)}` },
    });
    expect(asCustomer.status).toBe(200);
    const page = await asCustomer.text();
    expect(page).toContain(`<h1>${customer.displayName}</h1>`);
    expect(page).toContain('<title>My contract');
    // JSM's own profile path leads to the same page
    const jsm = await get('/servicedesk/customer/user/profile', customer.accountId);
    expect(jsm.status).toBe(302);
    expect(jsm.headers.get('location')).toBe('/portal/profile');
    // credentials that name nobody are refused, never taken for the default user
    const nobody = await fetch(`${sandbox.url}/portal/profile`, { headers: { authorization: basic('nobody@nowhere.example') } });
    expect(nobody.status).toBe(401);
  });

  it('offers the dashboard and the review page in the top navigation, not to customers', async () => {
    expect(await (await get('/', users().agent.accountId)).text()).toContain('href="/reports"');
    expect(await (await get('/portal', users().customer.accountId)).text()).not.toContain('href="/reports"');
  });

});

describe('dashboard gadgets', () => {
  const gadgetsOf = (page: string): string[] => [...page.matchAll(/data-gadget-id="(\d+)"/g)].map((m) => m[1] ?? '');
  const save = (gadgetId: string, configuration: unknown, accountId: string) =>
    post('/sandbox/api/gadget-configuration', { gadgetId, configuration }, { cookie: `sandbox-user=${encodeURIComponent(accountId)}` });

  it('holds two gadgets of the app, each in view mode; Edit opens one in edit mode', async () => {
    const page = await (await get('/dashboard', users().agent.accountId)).text();
    expect(gadgetsOf(page)).toEqual(['10001', '10002']);
    expect(page).toContain('href="/dashboard?edit=10001"');
    const editing = await (await get('/dashboard?edit=10002', users().agent.accountId)).text();
    expect(editing).toMatch(/data-gadget-id="10002" data-mode="edit"/);
    expect(editing).toMatch(/data-gadget-id="10001" data-mode="view"/);
  });

  it('saves what an edit view submits for that gadget only, and refuses customers and unknown gadgets', async () => {
    const configuration = { customerId: 'globex', period: { kind: 'preset', preset: 'last-month' }, serviceId: null, levelId: null };
    expect((await save('10001', configuration, users().agent.accountId)).status).toBe(200);
    expect((await save('10001', { customerId: 'x' }, users().customer.accountId)).status).toBe(403);
    expect((await save('99999', configuration, users().agent.accountId)).status).toBe(400);
    expect((await save('10002', 'not an object', users().agent.accountId)).status).toBe(400);
    const dashboard = JSON.parse(readFileSync(path.join(dataDir, 'state', 'dashboard.json'), 'utf8')) as { gadgets: { id: string; configuration: unknown }[] };
    expect(dashboard.gadgets.find((g) => g.id === '10001')?.configuration).toEqual(configuration);
    expect(dashboard.gadgets.find((g) => g.id === '10002')?.configuration).toMatchObject({ customerId: 'acme' });
  });

  it('hands the saved configuration to the gadget resolver in the Forge context, as Jira does', async () => {
    const { agent } = users();
    const answer = await post(
      '/sandbox/api/invoke',
      { frame: { moduleKey: 'contract-clock-compliance-gadget', gadgetId: '10001' }, functionKey: 'gadget/options', payload: {} },
      { cookie: `sandbox-user=${encodeURIComponent(agent.accountId)}` },
    );
    expect(await answer.json()).toMatchObject({ ok: true, value: { ok: true, data: { configuration: { customerId: 'globex', period: { preset: 'last-month' } } } } });
    const unknown = await post('/sandbox/api/invoke', { frame: { moduleKey: 'contract-clock-compliance-gadget', gadgetId: '4' }, functionKey: 'gadget/get', payload: {} });
    expect(unknown.status).toBe(404);
  });
});

describe('a request raised in the portal, end to end', () => {
  let issueKey = '';

  beforeAll(async () => {
    const { customer } = users();
    const desk = sandbox.model().serviceDesks()[0];
    const requestType = desk?.requestTypes.find((t) => t.name === 'Network problem');
    const response = await post(
      '/rest/servicedeskapi/request',
      { serviceDeskId: desk?.id, requestTypeId: requestType?.id, requestFieldValues: { summary: 'VPN down', description: 'Nobody can connect.', priority: { id: '1' } } },
      { authorization: basic(customer.emailAddress) },
    );
    expect(response.status).toBe(201);
    const created: unknown = await response.json();
    issueKey = typeof created === 'object' && created !== null && 'issueKey' in created ? String(created.issueKey) : '';
    await post('/sandbox/api/settle', {});
  });

  it('ran the real trigger handler: the issue carries a contract-clock record with a deadline', () => {
    const issue = sandbox.model().findIssue(issueKey);
    const record = issue?.properties['contract-clock'];
    expect(record).toMatchObject({ schemaVersion: 1, state: 'running' });
    expect(record).toHaveProperty('deadline', expect.stringMatching(/^2026-10-05T/));
  });

  it('shows the request in the queue with its deadline, and the issue panel frame on the request view', async () => {
    const queue = await (await get('/', users().agent.accountId)).text();
    expect(queue).toContain(`href="/browse/${issueKey}"`);
    expect(queue).toContain('data-deadline=');
    const view = await (await get(`/browse/${issueKey}`, users().agent.accountId)).text();
    const src = /<iframe data-forge-frame="([^"]+)" src="([^"]+)"/.exec(view);
    expect(src?.[2]).toMatch(/^\/sandbox\/frames\/panel\/index\.html\?frame=/);
    expect(view).toContain('id="forge-frames"');
    expect(view).toContain('data-forge-sandbox-host');
  });

  it('serves the bundle with the bridge shim injected before the bundle script', async () => {
    const html = await (await get('/sandbox/frames/panel/index.html?frame=frame-9')).text();
    expect(html.indexOf('window.__bridge')).toBeGreaterThan(0);
    expect(html.indexOf('window.__bridge')).toBeLessThan(html.indexOf('./assets/panel.js'));
    const script = await get('/sandbox/frames/panel/assets/panel.js');
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('invoke reaches the real panel resolver with the Forge context of the sandbox user', async () => {
    const { agent } = users();
    const response = await post(
      '/sandbox/api/invoke',
      { frame: { moduleKey: 'contract-clock-panel', issueKey }, functionKey: 'panel/get', payload: {} },
      { cookie: `sandbox-user=${encodeURIComponent(agent.accountId)}` },
    );
    expect(response.status).toBe(200);
    const answer: unknown = await response.json();
    expect(answer).toMatchObject({ ok: true, value: { ok: true, data: { issueKey } } });
  });

  it.each(['constructor', '__proto__', 'toString'])('invoke of the function key %s answers the envelope\'s clear error, not a 500 or the context', async (functionKey) => {
    const { agent } = users();
    const response = await post(
      '/sandbox/api/invoke',
      { frame: { moduleKey: 'contract-clock-panel', issueKey }, functionKey, payload: {} },
      { cookie: `sandbox-user=${encodeURIComponent(agent.accountId)}` },
    );
    expect(response.status).toBe(200);
    const answer: unknown = await response.json();
    expect(answer).toEqual({ ok: true, value: { ok: false, error: { code: 'not-found', message: expect.stringContaining(functionKey) } } });
  });

  it('rejects invoke for a module the manifest does not have', async () => {
    const response = await post('/sandbox/api/invoke', { frame: { moduleKey: 'nope' }, functionKey: 'x', payload: {} });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, message: expect.stringContaining('nope') });
  });

  it('moving the clock past the deadline runs the sweep: the request is breached', async () => {
    const before = Date.parse(sandbox.clock.now().toISOString());
    const moved = await post('/sandbox/api/clock', { action: 'advance', ms: 2 * 24 * 3_600_000 });
    expect(moved.status).toBe(200);
    const state: unknown = await moved.json();
    expect(state).toMatchObject({ ok: true, value: { frozen: true } });
    expect(sandbox.clock.now().getTime() - before).toBe(2 * 24 * 3_600_000);
    const record = sandbox.model().findIssue(issueKey)?.properties['contract-clock'];
    expect(record).toMatchObject({ state: 'breached' });
  });

  it('sets the clock to a wall time in the user’s zone', async () => {
    const moved = await post('/sandbox/api/clock', { action: 'set', local: '2026-10-12T09:00', timeZone: 'Europe/Amsterdam' });
    expect(moved.status).toBe(200);
    expect(sandbox.clock.now().toISOString()).toBe('2026-10-12T07:00:00.000Z');
  });

  it('asks before setting the clock back: 409 with what it would do, then moves on confirmation (issue 11 item 8)', async () => {
    const before = sandbox.clock.now().toISOString();
    const refused = await post('/sandbox/api/clock', { action: 'set', local: '2026-10-12T08:00', timeZone: 'Europe/Amsterdam' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ ok: false, message: expect.stringContaining('sets the clock back') });
    expect((await post('/sandbox/api/clock', { action: 'advance', ms: -60_000 })).status).toBe(409);
    expect(sandbox.clock.now().toISOString()).toBe(before);
    const confirmed = await post('/sandbox/api/clock', { action: 'set', local: '2026-10-12T08:00', timeZone: 'Europe/Amsterdam', confirmBackwards: true });
    expect(confirmed.status).toBe(200);
    expect(sandbox.clock.now().toISOString()).toBe('2026-10-12T06:00:00.000Z');
  });

  it('resets to the starting site without a restart', async () => {
    const response = await post('/sandbox/api/reset', {});
    expect(response.status).toBe(200);
    expect(sandbox.model().findIssue(issueKey)).toBeUndefined();
    expect(sandbox.clock.now().toISOString()).toBe('2026-10-05T07:30:00.000Z');
    expect((await get('/', users().agent.accountId)).status).toBe(200);
  });

  it('refuses a bad clock action, naming the field', async () => {
    const response = await post('/sandbox/api/clock', { action: 'advance', ms: 'soon' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, message: expect.stringContaining('ms') });
  });
});

describe('a Jira Software project on the same site (issue 9)', () => {
  it('lists its issues under the queue, not in it', async () => {
    const page = await (await get('/', users().agent.accountId)).text();
    expect(page).toContain('data-testid="other-project"');
    expect(page).toContain('href="/browse/APP-1"');
    expect(page).not.toMatch(/data-issue-key="APP-/);
  });

  it("honours the panel's display condition: no Contract Clock panel on a software issue", async () => {
    const softwareIssue = await (await get('/browse/APP-1', users().agent.accountId)).text();
    expect(softwareIssue).toContain('Customers can download their monthly service report');
    expect(softwareIssue).not.toContain('data-testid="issue-panel"');
  });

  it("honours the triggers' filter: changing a software issue runs no handler and writes nothing", async () => {
    const before = sandbox.runtime().stats() as { triggers: { runs: number; filtered: number } };
    const { agent } = users();
    const response = await post('/rest/api/3/issue/APP-3/comment', { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Picked up' }] }] } }, { authorization: basic(agent.emailAddress) });
    expect(response.status).toBe(201);
    await sandbox.settle();
    const after = sandbox.runtime().stats() as { triggers: { runs: number; filtered: number } };
    expect(after.triggers.runs).toBe(before.triggers.runs);
    expect(after.triggers.filtered).toBeGreaterThan(before.triggers.filtered);
    const issue = sandbox.model().findIssue('APP-3');
    expect(issue?.properties).toEqual({});
    expect(issue?.appFieldValues).toEqual({});
    const keys = (await sandbox.store().query({ prefix: 'open-clock:', limit: 100 })).entries.map((e) => e.key);
    expect(keys).not.toContain(`open-clock:${issue?.id ?? ''}`);
  });
});

describe('user consent, as Forge asks for it (issue 9)', () => {
  const invokeAs = (accountId: string, issueKey: string) =>
    fetch(`${sandbox.url}/sandbox/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(accountId)}` },
      body: JSON.stringify({ frame: { moduleKey: 'contract-clock-panel', issueKey }, functionKey: 'panel/get', payload: {} }),
    });

  it("a user who has not allowed access gets Forge's consent answer; once allowed, the panel answers and the consent is kept", async () => {
    const model = sandbox.model();
    const noor = model.users().find((u) => u.emailAddress === 'noor@polder-it.example');
    if (noor === undefined) throw new Error('no Noor in the base site');
    expect(model.hasConsent(noor.accountId)).toBe(false);
    const { customer } = users();
    const desk = model.serviceDesks()[0];
    const issue = model.createRequest(customer.accountId, { serviceDeskId: desk?.id ?? '', requestTypeId: desk?.requestTypes[0]?.id ?? '', summary: 'First visit' });
    await sandbox.settle();

    const first = await invokeAs(noor.accountId, issue.key);
    expect(first.status).toBe(401);
    const body = (await first.json()) as { ok: boolean; consent?: { appName: string; scopes: string[] } };
    expect(body.ok).toBe(false);
    expect(body.consent?.appName).toBe('Contract Clock');
    expect(body.consent?.scopes).toEqual(expect.arrayContaining(['read:jira-work', 'read:jira-user']));

    const allowed = await fetch(`${sandbox.url}/sandbox/api/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(noor.accountId)}` },
      body: JSON.stringify({ allow: true }),
    });
    expect(allowed.status).toBe(200);
    expect(sandbox.model().hasConsent(noor.accountId)).toBe(true);
    expect(sandbox.model().exportState().consents.map((c) => c.accountId)).toContain(noor.accountId);

    const second = await invokeAs(noor.accountId, issue.key);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ ok: true, value: { ok: true, data: { issueKey: issue.key } } });
  });

  it('asks again when the app asks for a scope the user did not allow', () => {
    const model = sandbox.model();
    const { agent } = users();
    model.grantConsent(agent.accountId);
    expect(model.hasConsent(agent.accountId)).toBe(true);
    const state = model.exportState();
    const consent = state.consents.find((c) => c.accountId === agent.accountId);
    if (consent === undefined) throw new Error('no consent stored');
    consent.scopes = consent.scopes.slice(1);
    const restored = createJiraModel({ clock: model.clock, app: model.app, state });
    expect(restored.hasConsent(agent.accountId)).toBe(false);
  });
});
