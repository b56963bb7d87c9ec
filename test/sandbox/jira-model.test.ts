/**
 * The Jira emulator in-process: JQL (table of named queries and errors), the workflow, permissions,
 * state export/restore, the event dispatcher (delay, duplicates, reordering, snapshots), date
 * formatting, the manifest reader and the socket-free request handler.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readJiraAppDefinition, type JiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { JiraError } from '../../sandbox/jira/jira-errors';
import { createEventDispatcher, type EventTimers, type ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import { createJiraModel, type JiraModel } from '../../sandbox/jira/jira-model';
import { createJiraApp } from '../../sandbox/jira/jira-server';
import { createJiraRouter } from '../../sandbox/jira/jira-router';
import { EMULATED_ROUTES } from '../../sandbox/jira/jira-routes';
import { createInProcessFetch } from '../../sandbox/runtime/in-process-fetch';
import { searchIssues } from '../../sandbox/jira/jira-search';
import { sweepSearchJql } from '../../src/app/sweep-open-clocks';
import { seedBaseSite, type BaseSite } from '../../sandbox/jira/jira-seed';
import { formatJiraDateTime, formatJsmDate, zonedWallTimeToMs } from '../../sandbox/jira/jira-time';

/** A fixed app definition, so these tests do not move when manifest.yml does. */
const app: JiraAppDefinition = {
  appId: '00000000-0000-4000-8000-000000000000',
  environmentId: '5a6d7b1e-0000-4000-8000-5a0db0c10c00',
  environmentKey: 'DEVELOPMENT',
  name: 'Contract Clock',
  accountId: '712020:5ab0c10c-c0a7-4c1c-8000-00000000a991',
  customFields: [{ moduleKey: 'contract-deadline', name: 'Contract deadline', description: '', type: 'datetime', readOnly: true }],
  indexedProperties: [
    { propertyKey: 'contract-clock', path: 'deadline', type: 'date', searchAlias: 'contractDeadline' },
    { propertyKey: 'contract-clock', path: 'state', type: 'string', searchAlias: 'contractState' },
    { propertyKey: 'contract-clock', path: 'terms.level.name', type: 'string', searchAlias: 'contractLevel' },
  ],
  scopes: ['read:jira-work', 'write:jira-work', 'read:jira-user', 'write:app-data:jira', 'read:servicedesk-request', 'write:servicedesk-request'],
};

function newSite(startIso = '2026-04-01T08:00:00.000Z'): { model: JiraModel; site: BaseSite; clock: { set(iso: string): void; advance(ms: number): void } } {
  let now = Date.parse(startIso);
  const model = createJiraModel({ clock: { now: () => new Date(now) }, app });
  return {
    model,
    site: seedBaseSite(model),
    clock: {
      set: (iso) => {
        now = Date.parse(iso);
      },
      advance: (ms) => {
        now += ms;
      },
    },
  };
}

describe('JQL', () => {
  const { model, site, clock } = newSite();
  const agent = site.users.sanne.accountId;
  const raise = (customer: string, summary: string, requestTypeId: string, extra: { priority?: string; labels?: string[]; components?: string[] } = {}) =>
    model.createRequest(customer, { serviceDeskId: site.serviceDesk.id, requestTypeId, summary, description: `${summary} details`, ...extra }).key;

  // ITS-1 .. ITS-6, created a day apart from 2026-04-01 10:00 Amsterdam
  const k1 = raise(site.users.alice.accountId, 'Printer jams', site.requestTypes.printer.id, { components: ['Printing'] });
  clock.advance(86_400_000);
  const k2 = raise(site.users.grace.accountId, 'Mailbox full', site.requestTypes.email.id, { priority: 'High', labels: ['vip'] });
  clock.advance(86_400_000);
  const k3 = raise(site.users.ian.accountId, 'VPN down', site.requestTypes.network.id, { priority: 'Highest' });
  clock.advance(86_400_000);
  const k4 = raise(site.users.uma.accountId, 'New laptop', site.requestTypes.workplace.id, { priority: 'Low' });
  clock.advance(86_400_000);
  const k5 = raise(site.users.bob.accountId, 'Toner empty', site.requestTypes.printer.id, { priority: 'Lowest' });
  clock.advance(86_400_000);
  const k6 = raise(site.users.henk.accountId, 'Other question', site.requestTypes.other.id);
  model.assignIssue(agent, k2, agent);
  model.transitionToStatus(agent, k3, 'Waiting for customer');
  model.transitionIssue(agent, k4, 'Resolve');
  model.transitionIssue(agent, k5, 'Resolve', { resolution: 'Duplicate' });
  model.addComment(agent, k1, { body: 'Replaced the fuser unit' });
  model.addComment(agent, k6, { body: 'secret printer note', internal: true });
  const put = (key: string, value: unknown): void => {
    model.setIssueProperty(model.app.accountId, key, 'contract-clock', value);
  };
  put(k1, { deadline: '2026-04-03T10:00:00Z', state: 'running', terms: { level: { name: 'Gold' } } });
  put(k2, { deadline: '2026-04-02T10:00:00Z', state: 'at-risk', terms: { level: { name: 'Silver' } } });
  put(k3, { deadline: '2026-04-06T10:00:00Z', state: 'paused', terms: { level: { name: 'Gold' } } });
  put(k4, { deadline: '2026-04-04T10:00:00Z', state: 'met', secret: 'x' });
  model.setAppFieldValues(model.app.accountId, [{ field: 'contract-deadline', issueIds: [model.findIssue(k1)?.id ?? ''], value: '2026-04-03T10:00:00Z' }]);

  const keys = (jql: string, viewer = site.users.sanne): string[] => searchIssues(model, viewer, jql, 0, 100).issues.map((i) => i.key);

  it.each<[string, string, string[]]>([
    ['status by name', 'status = Open', [k6, k2, k1]],
    ['status IN with a quoted name', 'status in ("Waiting for customer", Resolved) ORDER BY key ASC', [k3, k4, k5]],
    ['statusCategory', 'statusCategory != Done ORDER BY key ASC', [k1, k2, k3, k6]],
    ['resolution = Unresolved means EMPTY', 'resolution = Unresolved ORDER BY key ASC', [k1, k2, k3, k6]],
    ['a named resolution', 'resolution = Duplicate', [k5]],
    ['priority compared by rank', 'priority >= High ORDER BY priority DESC', [k3, k2]],
    ['labels', 'labels = vip', [k2]],
    ['component', 'component = Printing', [k1]],
    ['organizations by name', 'Organizations = "Acme Logistics" ORDER BY key ASC', [k1, k5]],
    ['request type by name', '"Request Type" = "E-mail problem"', [k2]],
    ['currentUser()', 'assignee = currentUser()', [k2]],
    ['assignee EMPTY', 'assignee is EMPTY AND project = ITS ORDER BY key ASC', [k1, k3, k4, k5, k6]],
    ['an absolute date in the viewer\'s zone', 'created >= "2026-04-04" ORDER BY key ASC', [k4, k5, k6]],
    ['a relative date', 'created > -2d ORDER BY key ASC', [k5, k6]],
    ['an indexed property by alias', 'contractState = running', [k1]],
    ['an indexed property that is EMPTY (no property at all)', 'contractState IS EMPTY ORDER BY key ASC', [k5, k6]],
    ['NOT IN on a property never matches EMPTY, as in Jira', 'contractState not in (running, "at-risk") ORDER BY key ASC', [k3, k4]],
    ['a property path', 'issue.property[contract-clock].terms.level.name = Gold ORDER BY key ASC', [k1, k3]],
    ['a property date (viewer in Amsterdam: 13:00 is 11:00 UTC)', 'issue.property[contract-clock].deadline < "2026-04-03 13:00" ORDER BY key ASC', [k1, k2]],
    ['an unindexed property path matches nothing', 'issue.property[contract-clock].secret = x', []],
    ['the app field by name', '"Contract deadline" <= "2026-04-03 12:00"', [k1]],
    ['the app field EMPTY', 'cf[10050] is EMPTY AND key in (ITS-1, ITS-2)', [k2]],
    ['NOT, AND, OR and parentheses', 'NOT status = Open AND (priority = Highest OR resolution = Duplicate) ORDER BY key ASC', [k3, k5]],
    ['text search includes visible comments', 'text ~ "fuser"', [k1]],
    ['key in a list', 'key in (ITS-3, its-1) ORDER BY key DESC', [k3, k1]],
    ['ORDER BY the deadline alias: EMPTY last ascending', 'project = ITS ORDER BY contractDeadline ASC', [k2, k1, k4, k3, k6, k5]],
    ['ORDER BY the deadline alias: EMPTY first descending', 'project = ITS ORDER BY contractDeadline DESC', [k6, k5, k3, k4, k1, k2]],
  ])('%s: %s', (_name, jql, expected) => {
    expect(keys(jql)).toEqual(expected);
  });

  it("answers the sweep's search: requests without a record, records that contradict the status, and requests updated within the window", () => {
    const projectId = model.findProject('ITS')?.id ?? '';
    clock.advance(10 * 60_000); // nothing updated in the last ten minutes
    expect(keys(sweepSearchJql([projectId], 5))).toEqual([k6, k5]); // updated at the same instant: Jira breaks the tie
    put(k1, { state: 'running', deadline: '2026-04-03T10:00:00Z' });
    model.transitionIssue(agent, k1, 'Resolve'); // resolved, but its record still says running
    put(k6, { state: 'met' }); // a record that says met on an open request
    clock.advance(10 * 60_000);
    expect(keys(sweepSearchJql([projectId], 5))).toEqual([k6, k5, k1]); // by updated, oldest first (a property write does not bump it)
    // an agent's reply four minutes ago: within a five-minute window, not within a three-minute one
    model.addComment(agent, k2, { body: 'On it', internal: false });
    clock.advance(4 * 60_000);
    expect(keys(sweepSearchJql([projectId], 5))).toEqual([k6, k5, k1, k2]);
    expect(keys(sweepSearchJql([projectId], 3))).toEqual([k6, k5, k1]);
    // A project that no longer exists is a 400, as in Jira (the sweep looks the projects up again).
    expect(() => keys(sweepSearchJql(['99999'], 5))).toThrow("The value '99999' does not exist for the field 'project'.");
  });

  it('keeps internal comments out of a customer\'s text search', () => {
    expect(keys('text ~ "secret"', site.users.sanne)).toEqual([k6]);
    expect(keys('text ~ "secret"', site.users.henk)).toEqual([]);
  });

  it.each([
    ['a missing issue key', 'key = ITS-999', "An issue with key 'ITS-999' does not exist"],
    ['a date that is not a JQL date', 'created > "tomorrow"', "Date value 'tomorrow' for field 'created' is invalid"],
    ['~ on an exact field', 'priority ~ High', "The operator '~' is not supported by the 'priority' field."],
    ['= on a text field', 'summary = x', "The operator '=' is not supported by the 'summary' field."],
    ['an unfinished quote', 'status = "Open', 'has not been completed'],
    ['a dangling operator', 'status =', 'Expecting either a value, list or function'],
    ['an unknown function', 'created > yesterday()', "Unable to find JQL function 'yesterday()'"],
  ])('rejects %s', (_name, jql, message) => {
    let caught: unknown;
    try {
      keys(jql);
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JiraError);
    expect(caught).toMatchObject({ status: 400, message: expect.stringContaining(message) });
  });
});

describe('workflow and permissions', () => {
  it('sets the resolution on Resolve, keeps it on Close, clears it on Reopen', () => {
    const { model, site, clock } = newSite();
    const agent = site.users.tom.accountId;
    const key = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'x' }).key;
    clock.advance(3_600_000);
    const resolved = model.transitionIssue(agent, key, 'Resolve');
    expect(resolved.items.map((i) => `${i.field}:${i.toString ?? ''}`)).toEqual(['status:Resolved', 'resolution:Done']);
    expect(model.findIssue(key)).toMatchObject({ resolutionId: '10000', resolutionDateMs: Date.parse('2026-04-01T09:00:00Z') });
    model.transitionIssue(agent, key, 'Close');
    expect(model.findIssue(key)?.resolutionId).toBe('10000');
    const reopened = model.transitionIssue(agent, key, 'Reopen');
    expect(reopened.items.map((i) => `${i.field}:${i.toString ?? 'null'}`)).toEqual(['status:Open', 'resolution:null']);
    expect(model.findIssue(key)).toMatchObject({ resolutionId: null, resolutionDateMs: null, statusId: '1' });
    expect(() => model.transitionToStatus(agent, key, 'Closed')).toThrow(JiraError);
  });

  it.each([
    ['admin', 'ADMINISTER', true],
    ['sanne', 'ADMINISTER', false],
    ['sanne', 'SERVICEDESK_AGENT', true],
    ['alice', 'BROWSE_PROJECTS', true],
    ['alice', 'EDIT_ISSUES', false],
    ['alice', 'ADD_COMMENTS', true],
    ['grace', 'ADD_COMMENTS', false],
  ] as const)('%s holds %s on an Acme request: %s', (user, permission, expected) => {
    const { model, site } = newSite();
    const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.other.id, summary: 'x' });
    const stored = model.findIssue(issue.key);
    if (stored === undefined) throw new Error('issue missing');
    expect(model.hasPermission(site.users[user], permission, { issue: stored })).toBe(expected);
  });

  it('lets a participant see a request of another organization', () => {
    const { model, site } = newSite();
    const issue = model.createRequest(site.users.alice.accountId, {
      serviceDeskId: site.serviceDesk.id,
      requestTypeId: site.requestTypes.other.id,
      summary: 'x',
      participants: [site.users.grace.accountId],
    });
    const stored = model.findIssue(issue.key);
    if (stored === undefined) throw new Error('issue missing');
    expect(model.canBrowse(site.users.grace, stored)).toBe(true);
    expect(model.canBrowse(site.users.henk, stored)).toBe(false);
  });

  it('e-mails the customer on a public agent reply, not on an internal note', () => {
    const { model, site } = newSite();
    const key = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.other.id, summary: 'x' }).key;
    model.addComment(site.users.sanne.accountId, key, { body: 'note', internal: true });
    model.addComment(site.users.sanne.accountId, key, { body: 'reply' });
    expect(model.notifications().map((n) => [n.source, n.textBody, n.recipientIds])).toEqual([['public-comment', 'reply', [site.users.alice.accountId]]]);
  });
});

describe('state', () => {
  it('exports a JSON site that restores with the same issues and continues numbering', () => {
    const { model, site } = newSite();
    const first = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.other.id, summary: 'Before restart' });
    model.setIssueProperty(model.app.accountId, first.key, 'contract-clock', { state: 'running' });
    const restored = createJiraModel({ clock: model.clock, app, state: JSON.parse(JSON.stringify(model.exportState())) });
    expect(restored.findIssue(first.key)?.properties).toEqual({ 'contract-clock': { state: 'running' } });
    expect(restored.findUserByEmail('alice@acme.example')?.accountId).toBe(site.users.alice.accountId);
    const next = restored.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.other.id, summary: 'After restart' });
    expect(next.key).toBe('ITS-2');
    expect(Number(next.id)).toBe(Number(first.id) + 1);
    expect(() => createJiraModel({ clock: model.clock, app, state: { schemaVersion: 2 } })).toThrow();
  });
});

/** Timers the test moves by hand. */
function manualTimers(): EventTimers & { advance(ms: number): void } {
  let now = 0;
  let tasks: { due: number; order: number; run: () => void }[] = [];
  let order = 0;
  return {
    now: () => now,
    schedule: (run, ms) => {
      const task = { due: now + ms, order: order++, run };
      tasks.push(task);
      return () => {
        tasks = tasks.filter((t) => t !== task);
      };
    },
    advance: (ms) => {
      now += ms;
      for (;;) {
        const due = tasks.filter((t) => t.due <= now).sort((a, b) => a.due - b.due || a.order - b.order)[0];
        if (due === undefined) return;
        tasks = tasks.filter((t) => t !== due);
        due.run();
      }
    },
  };
}

describe('event dispatcher', () => {
  const setup = () => {
    const { model, site } = newSite();
    const raise = (summary: string) =>
      model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.other.id, summary }).key;
    return { model, site, raise };
  };

  it('delivers after the delay, not before', async () => {
    const { model, raise } = setup();
    const timers = manualTimers();
    const delivered: string[] = [];
    const dispatcher = createEventDispatcher(model.events, { deliver: (e) => void delivered.push(e.eventType), delayMs: 1000, timers });
    raise('late');
    timers.advance(999);
    await Promise.resolve();
    expect(delivered).toEqual([]);
    timers.advance(1);
    await dispatcher.whenIdle();
    expect(delivered).toEqual(['avi:jira:created:issue']);
  });

  it('reorders with jitter, and a late event still carries the state of its own moment', async () => {
    const { model, site, raise } = setup();
    const timers = manualTimers();
    const delivered: ForgeJiraEvent[] = [];
    const draws = [0.9, 0.1]; // the first event waits longer than the second
    const dispatcher = createEventDispatcher(model.events, {
      deliver: (e) => void delivered.push(e),
      jitterMs: 1000,
      random: () => draws.shift() ?? 0,
      timers,
    });
    const key = raise('race');
    model.transitionIssue(site.users.sanne.accountId, key, 'Start progress');
    timers.advance(1000);
    await dispatcher.whenIdle();
    expect(delivered.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:created:issue']);
    expect(delivered[1]?.issue.fields['status']).toMatchObject({ name: 'Open' });
    expect(dispatcher.log.map((r) => r.sequence)).toEqual([2, 1]);
  });

  it('duplicates deliveries, filters event types, and records handler errors', async () => {
    const { model, site, raise } = setup();
    const errors: unknown[] = [];
    let calls = 0;
    const dispatcher = createEventDispatcher(model.events, {
      deliver: () => {
        calls += 1;
        if (calls === 2) throw new Error('handler failed');
      },
      duplicateProbability: 1,
      eventTypes: ['avi:jira:commented:issue'],
      onError: (error) => errors.push(error),
      timers: manualTimers(),
    });
    const key = raise('dup');
    model.addComment(site.users.sanne.accountId, key, { body: 'hello' });
    expect(dispatcher.pendingCount()).toBe(2);
    await dispatcher.flush();
    expect(dispatcher.log.map((r) => [r.eventType, r.copy])).toEqual([
      ['avi:jira:commented:issue', 0],
      ['avi:jira:commented:issue', 1],
    ]);
    expect(dispatcher.log[1]?.error).toBeInstanceOf(Error);
    expect(errors).toHaveLength(1);
  });

  it('flushes events that handlers cause, and drops pending ones on stop', async () => {
    const { model, site, raise } = setup();
    const timers = manualTimers();
    const seen: string[] = [];
    const dispatcher = createEventDispatcher(model.events, {
      deliver: (event) => {
        seen.push(event.eventType);
        // like the app: react to a new issue by writing its field, which fires an update
        if (event.eventType === 'avi:jira:created:issue') {
          model.setAppFieldValues(model.app.accountId, [{ field: 'contract-deadline', issueIds: [event.issue.id], value: '2026-04-02T10:00:00Z' }]);
        }
      },
      delayMs: 5000,
      timers,
    });
    raise('chain');
    await dispatcher.flush();
    expect(seen).toEqual(['avi:jira:created:issue', 'avi:jira:updated:issue']);
    raise('dropped');
    dispatcher.stop();
    timers.advance(10_000);
    model.addComment(site.users.sanne.accountId, 'ITS-2', { body: 'after stop' });
    await dispatcher.whenIdle();
    expect(seen).toHaveLength(2);
  });
});

describe('time formatting', () => {
  it.each([
    ['UTC', '2026-04-01T07:30:00.000Z', 'UTC', '2026-04-01T07:30:00.000+0000'],
    ['Amsterdam in summer time', '2026-04-01T07:30:00.000Z', 'Europe/Amsterdam', '2026-04-01T09:30:00.000+0200'],
    ['Amsterdam in winter time', '2026-01-15T07:30:00.000Z', 'Europe/Amsterdam', '2026-01-15T08:30:00.000+0100'],
    ['New York', '2026-04-01T07:30:00.000Z', 'America/New_York', '2026-04-01T03:30:00.000-0400'],
    ['Kathmandu (+05:45)', '2026-04-01T07:30:00.000Z', 'Asia/Kathmandu', '2026-04-01T13:15:00.000+0545'],
  ])('formats an instant in %s', (_name, iso, zone, expected) => {
    expect(formatJiraDateTime(Date.parse(iso), zone)).toBe(expected);
  });

  it('finds the instant of a local wall time, also across a DST change', () => {
    expect(new Date(zonedWallTimeToMs({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, 'Europe/Amsterdam')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(zonedWallTimeToMs({ year: 2026, month: 4, day: 1 }, 'America/New_York')).toISOString()).toBe('2026-04-01T04:00:00.000Z');
  });

  it('writes JSM friendly dates relative to now', () => {
    const now = Date.parse('2026-04-03T12:00:00Z');
    expect(formatJsmDate(Date.parse('2026-04-03T07:05:00Z'), 'UTC', now).friendly).toBe('Today 7:05 AM');
    expect(formatJsmDate(Date.parse('2026-04-02T19:00:00Z'), 'UTC', now).friendly).toBe('Yesterday 7:00 PM');
    expect(formatJsmDate(Date.parse('2026-03-30T09:00:00Z'), 'UTC', now).friendly).toBe('Monday 9:00 AM');
    expect(formatJsmDate(Date.parse('2026-01-02T09:00:00Z'), 'UTC', now).friendly).toBe('02/Jan/26 9:00 AM');
  });
});

describe('manifest and in-process requests', () => {
  it('reads the app field and the indexed properties from manifest.yml', () => {
    const fromManifest = readJiraAppDefinition();
    expect(fromManifest.appId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fromManifest.customFields).toContainEqual(expect.objectContaining({ moduleKey: 'contract-deadline', type: 'datetime', readOnly: true }));
    expect(fromManifest.indexedProperties).toContainEqual({ propertyKey: 'contract-clock', path: 'deadline', type: 'date', searchAlias: 'contractDeadline' });
  });

  it('reads a manifest without app fields or properties as empty lists, and rejects one without an app id', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jira-app-'));
    writeFileSync(path.join(dir, 'manifest.yml'), 'app:\n  id: ari:cloud:ecosystem::app/abc\nmodules: {}\n');
    expect(readJiraAppDefinition({ manifestPath: path.join(dir, 'manifest.yml') })).toMatchObject({ appId: 'abc', customFields: [], indexedProperties: [] });
    writeFileSync(path.join(dir, 'manifest.yml'), 'modules: {}\n');
    expect(() => readJiraAppDefinition({ manifestPath: path.join(dir, 'manifest.yml') })).toThrow();
  });

  it('routes every emulated route in process to itself, the first one included', () => {
    const router = createJiraRouter();
    const misrouted = EMULATED_ROUTES.flatMap((route, index) => {
      const url = route.pattern.replace(/\{[^}]+\}/g, 'p1');
      const match = router.match(route.method, url);
      // a filled-in pattern may be a static route's path too; then that route is the right answer
      const expected = EMULATED_ROUTES.find((r) => r.method === route.method && r.pattern === url) ?? route;
      return typeof match === 'object' && match.route === expected ? [] : [`${index}: ${route.method} ${route.pattern} → ${typeof match === 'string' ? match : match.route.pattern}`];
    });
    expect(misrouted).toEqual([]);
  });

  it('answers a request in process exactly as over Fastify', async () => {
    // two identical sites: the same writes give the same ids
    const twin = () => {
      const { model, site } = newSite();
      const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.other.id, summary: 'x' });
      return { model, issue };
    };
    const overHttp = twin();
    const { model, issue } = twin();
    const app = createJiraApp({ model: () => overHttp.model });
    const inProcess = createInProcessFetch(model);
    const asApp = { authorization: `Bearer ${model.appToken}` };
    const requests: { method: string; url: string; headers?: Record<string, string>; body?: string }[] = [
      { method: 'GET', url: `/rest/api/3/issue/${issue.key}?fields=summary,status` },
      { method: 'GET', url: `/rest/api/2/issue/${issue.key}/` },
      { method: 'GET', url: '/rest/api/3/nothing?x=1' },
      { method: 'DELETE', url: '/rest/api/3/myself' },
      { method: 'HEAD', url: '/rest/api/3/myself' },
      { method: 'PROPFIND', url: '/rest/api/3/myself' },
      { method: 'POST', url: '/rest/api/3/issue', headers: { 'content-type': 'application/json' }, body: '{oops' },
      { method: 'POST', url: `/rest/api/3/issue/${issue.key}/comment`, headers: { 'content-type': 'text/plain' }, body: 'hello' },
      { method: 'POST', url: `/rest/servicedeskapi/request/${issue.key}/comment`, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"body":"hi","public":true}' },
      { method: 'PUT', url: `/rest/api/3/issue/${issue.key}/properties/a%20b`, headers: { ...asApp, 'content-type': 'application/json' }, body: '{"n":1}' },
      { method: 'GET', url: `/rest/api/3/issue/${issue.key}/properties/a%20b`, headers: asApp },
      { method: 'GET', url: '/rest/api/3/myself', headers: { authorization: 'Basic bm9ib2R5QGV4YW1wbGUuY29tOng=' } },
    ];
    for (const r of requests) {
      const viaFastify = await app.inject({ method: r.method as 'GET', url: r.url, headers: r.headers ?? {}, ...(r.body === undefined ? {} : { payload: r.body }) });
      const viaFetch = await inProcess(`http://jira.test${r.url}`, { method: r.method, headers: r.headers ?? {}, ...(r.body === undefined ? {} : { body: r.body }) });
      const text = await viaFetch.text();
      expect({ request: `${r.method} ${r.url}`, status: viaFetch.status, body: text }).toEqual({ request: `${r.method} ${r.url}`, status: viaFastify.statusCode, body: viaFastify.body });
    }
  });

  it('handles requests without a socket, through the same Fastify routes', async () => {
    const { model, site } = newSite();
    const issue = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.other.id, summary: 'x' });
    const app = createJiraApp({ model: () => model });
    const write = await app.inject({
      method: 'PUT',
      url: '/rest/api/3/app/field/contract-deadline/value',
      headers: { authorization: `Bearer ${model.appToken}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ updates: [{ issueIds: [Number(issue.id)], value: '2026-04-02T10:00:00Z' }] }),
    });
    expect(write.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/rest/api/3/nothing' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/rest/api/3/myself' })).statusCode).toBe(405);
    const badJson = await app.inject({ method: 'POST', url: '/rest/api/3/issue', headers: { 'content-type': 'application/json' }, payload: '{oops' });
    expect(badJson.statusCode).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ errorMessages: [expect.any(String)], errors: {} });
  });
});
