/**
 * The access checks where the emulator's roles are too coarse to tell them apart (its staff hold every
 * project permission everywhere): Jira permission schemes can give an agent one service project and
 * not another, or take Edit Issues / Add Comments away. These tests play such a scheme by answering
 * `mypermissions` for the caller as that scheme would, over the real harness; the authorization
 * matrix (resolver-authorization.test.ts) covers the roles. Written for the mutation run (ADR 0024):
 * each assertion fails when the check it names is removed or weakened.
 */
import { checkComplianceAccess } from '../../src/app/compliance-access';
import type { AppDeps } from '../../src/app/deps';
import { isActingAsUserRefused, JiraError, type JiraAsUser } from '../../src/app/jira-ports';
import { GADGET_RESOLVER_KEYS, gadgetViewSchema, REPORTS_RESOLVER_KEYS, reviewReportSchema } from '../../src/contract/compliance-api';
import { createGadgetResolver } from '../../src/entry/gadget-resolver';
import { createReportsResolver } from '../../src/entry/reports-resolver';
import { buildResolver, defineResolver } from '../../src/entry/resolver-kit';
import { ok } from '../../src/contract/envelope';
import { z } from 'zod';
import { createHarness, type Harness } from './app-harness';
import { deliverAll, raise } from './clock-helpers';
import { RESOLVER_ACCESS } from './resolver-access';
import { createFixture, discoverResolvers, invoke, SCOPE_EXTENSIONS, snapshotState, type ResolverFixture } from './resolver-surface';

type Scheme = (accountId: string, query: Parameters<JiraAsUser['getMyPermissions']>[0], granted: Record<string, boolean>) => Record<string, boolean>;

/** The harness's deps, with Jira answering `mypermissions` through `scheme` (on top of what the emulator grants). */
function withScheme(h: Harness, scheme: Scheme): AppDeps {
  return {
    ...h.deps,
    jiraAsUser: (accountId) => {
      const real = h.deps.jiraAsUser(accountId);
      return { ...real, getMyPermissions: async (query) => scheme(accountId, query, await real.getMyPermissions(query)) };
    },
  };
}

describe('compliance access with two service projects', () => {
  async function twoDesks() {
    const h = await createHarness();
    const other = h.model.addProject({ key: 'HR', name: 'HR Service Desk', projectTypeKey: 'service_desk', leadAccountId: h.site.users.admin.accountId });
    h.model.addServiceDesk({ project: other.key });
    return { h, its: h.site.project, hr: other };
  }

  it('lets an agent of one service project in, and lists only the projects they may browse', async () => {
    const { h, its, hr } = await twoDesks();
    const sanne = h.site.users.sanne.accountId;
    // Sanne is an agent of ITS only; in HR she is nobody.
    const deps = withScheme(h, (accountId, query, granted) => (accountId === sanne && query.projectKey === hr.key ? { SERVICEDESK_AGENT: false, BROWSE_PROJECTS: false } : granted));
    const access = await checkComplianceAccess(deps, sanne);
    expect(access).toEqual({ allowed: true, isJiraAdmin: false, browsableProjectIds: new Set([its.id]) });
  });

  it('lets in a Jira admin who is no agent anywhere, and lists what they may browse', async () => {
    const { h, hr } = await twoDesks();
    const admin = h.site.users.admin.accountId;
    const deps = withScheme(h, (accountId, query, granted) => (accountId === admin ? { SERVICEDESK_AGENT: false, BROWSE_PROJECTS: query.projectKey === hr.key } : granted));
    expect(await checkComplianceAccess(deps, admin)).toEqual({ allowed: true, isJiraAdmin: true, browsableProjectIds: new Set([hr.id]) });
  });

  it('refuses someone who may browse a service project but is not its agent, nor an admin', async () => {
    const { h } = await twoDesks();
    const tom = h.site.users.tom.accountId;
    const deps = withScheme(h, (accountId, _query, granted) => (accountId === tom ? { SERVICEDESK_AGENT: false, BROWSE_PROJECTS: true } : granted));
    expect(await checkComplianceAccess(deps, tom)).toEqual({ allowed: false });
  });
});

describe('the compliance lists under a permission scheme', () => {
  const JULY = { customerId: null, period: { kind: 'custom', period: { from: '2026-07', to: '2026-07' } } } as const;

  /** July: Acme's office offline (Gold P1, 4 business hours) resolved late, and Hooli's request (no contract). */
  async function july() {
    const h = await createHarness(new Date('2026-07-01T07:00:00Z')); // Wed 1 Jul 09:00 Amsterdam
    const late = h.model.createRequest(h.site.users.alice.accountId, { serviceDeskId: h.site.serviceDesk.id, requestTypeId: h.site.requestTypes.network.id, summary: 'Whole office offline', priority: 'Highest' }).key;
    const uncovered = raise(h, 'henk', 'email', 'Calendar invites arrive twice');
    await deliverAll(h);
    h.clock.now = new Date('2026-07-01T14:00:00Z'); // 16:00: three hours past the deadline
    h.model.transitionToStatus(h.site.users.sanne.accountId, late, 'Resolved');
    h.model.transitionToStatus(h.site.users.sanne.accountId, uncovered, 'Resolved');
    await deliverAll(h);
    h.clock.now = new Date('2026-08-03T07:00:00Z');
    return { h, late, uncovered };
  }

  async function lists(deps: AppDeps, accountId: string) {
    const extension = { type: 'jira:globalPage' };
    const reports = createReportsResolver(deps);
    const report = await invoke(reports, REPORTS_RESOLVER_KEYS.get, JULY, accountId, extension);
    const gadget = await invoke(createGadgetResolver(deps), GADGET_RESOLVER_KEYS.get, {}, accountId, { type: 'jira:dashboardGadget', gadgetConfiguration: { period: JULY.period } });
    if (!report.ok || !gadget.ok) throw new Error(JSON.stringify({ report, gadget }));
    const { missed, uncovered, figures } = reviewReportSchema.parse(report.data);
    return { missed: missed.map((m) => m.issueKey), uncovered: uncovered.map((u) => u.issueKey), worst: gadgetViewSchema.parse(gadget.data).worstBreaches.map((b) => b.issueKey), resolved: figures.resolved };
  }

  it('name requests only of service projects the caller may browse; the counts stay', async () => {
    const { h, late, uncovered } = await july();
    const admin = h.site.users.admin.accountId;
    expect(await lists(h.deps, admin)).toEqual({ missed: [late], uncovered: [uncovered], worst: [late], resolved: 1 });
    // The app reads these requests as itself: a Jira admin whose scheme hides the project gets none of their keys.
    const hidden = withScheme(h, (accountId, _query, granted) => (accountId === admin ? { ...granted, BROWSE_PROJECTS: false } : granted));
    expect(await lists(hidden, admin)).toEqual({ missed: [], uncovered: [], worst: [], resolved: 1 });
  });

  it('skip a found request without a project or without a readable record (a tampered property) instead of failing', async () => {
    const { h, late, uncovered } = await july();
    const odd: AppDeps = {
      ...h.deps,
      jiraAsApp: {
        ...h.deps.jiraAsApp,
        searchIssueDigests: async (jql, options) => {
          const answer = await h.deps.jiraAsApp.searchIssueDigests(jql, options);
          const extra = answer.issues.flatMap((digest) => [
            { ...digest, id: `${digest.id}0`, key: `${digest.key}0`, project: null },
            { ...digest, id: `${digest.id}1`, key: `${digest.key}1`, contractClock: null },
          ]);
          return { ...answer, issues: [...answer.issues, ...extra] };
        },
      },
    };
    expect(await lists(odd, h.site.users.admin.accountId)).toEqual({ missed: [late], uncovered: [uncovered], worst: [late], resolved: 1 });
  });
});

describe('panel actions under a permission scheme', () => {
  let fixture: ResolverFixture;
  beforeEach(async () => {
    fixture = await createFixture(await createHarness());
  });

  async function asSanne(deps: AppDeps, key: string) {
    const panel = discoverResolvers(deps).find((r) => r.scope === 'panel');
    if (panel === undefined) throw new Error('no panel resolver');
    const before = snapshotState(fixture.h);
    const answer = await invoke(panel.create(deps), key, await RESOLVER_ACCESS[key]!.example(fixture), fixture.accountOf.agent, SCOPE_EXTENSIONS.panel!(fixture));
    return { answer, changed: snapshotState(fixture.h) !== before };
  }

  const without = (permission: string): Scheme => (accountId, _query, granted) => (accountId === fixture.accountOf.agent ? { ...granted, [permission]: false } : granted);

  it.each(['panel/pause', 'panel/extend', 'panel/reapply', 'panel/preview-reapply'])('%s needs Edit Issues', async (key) => {
    const refused = await asSanne(withScheme(fixture.h, without('EDIT_ISSUES')), key);
    expect(refused).toEqual({ answer: { ok: false, error: { code: 'forbidden', message: 'You may not change the clock of this request.' } }, changed: false });
  });

  it('panel/post-message needs Add Comments', async () => {
    const refused = await asSanne(withScheme(fixture.h, without('ADD_COMMENTS')), 'panel/post-message');
    expect(refused).toEqual({ answer: { ok: false, error: { code: 'forbidden', message: 'You may not comment on this request.' } }, changed: false });
  });

  it('the panel needs Browse Projects even for an agent', async () => {
    const refused = await asSanne(withScheme(fixture.h, without('BROWSE_PROJECTS')), 'panel/get');
    expect(refused).toEqual({ answer: { ok: false, error: { code: 'forbidden', message: 'You cannot see this request.' } }, changed: false });
  });

  it('a Jira admin who is not an agent of the project may use the panel; someone who is neither may not', async () => {
    const admin = fixture.accountOf.admin!;
    const deps = withScheme(fixture.h, (accountId, _query, granted) => (accountId === admin ? { ...granted, SERVICEDESK_AGENT: false } : granted));
    const panel = discoverResolvers(deps).find((r) => r.scope === 'panel')!.create(deps);
    expect(await invoke(panel, 'panel/get', {}, admin, SCOPE_EXTENSIONS.panel!(fixture))).toMatchObject({ ok: true });
    const neither = withScheme(fixture.h, without('SERVICEDESK_AGENT'));
    expect(await asSanne(neither, 'panel/get')).toEqual({ answer: { ok: false, error: { code: 'forbidden', message: 'The contract panel is for agents of this service project.' } }, changed: false });
  });
});

describe('a permission check Jira does not answer', () => {
  /** The harness's deps with every "who is this caller" question to Jira (as the user) failing with `status`. */
  function failing(h: Harness, status: number): AppDeps {
    const error = (path: string) => new JiraError(`Jira answered ${status}`, { kind: 'http', method: 'GET', path, status, errorMessages: [], fieldErrors: {}, issues: [] });
    return {
      ...h.deps,
      jiraAsUser: (accountId) => ({
        ...h.deps.jiraAsUser(accountId),
        isJiraAdmin: () => Promise.reject(error('/rest/api/3/mypermissions?permissions=ADMINISTER')),
        getMyPermissions: () => Promise.reject(error('/rest/api/3/mypermissions')),
        getMyself: () => Promise.reject(error('/rest/api/3/myself')),
      }),
    };
  }

  /** Every key of the staff's surfaces (the portal's customers are never asked about as themselves), called as a Jira admin. */
  async function answers(fixture: ResolverFixture, deps: AppDeps) {
    const out: Record<string, unknown> = {};
    for (const resolver of discoverResolvers(deps).filter((r) => r.scope !== 'portal')) {
      const handler = resolver.create(deps);
      for (const key of resolver.functionKeys) {
        const answer = await invoke(handler, key, await RESOLVER_ACCESS[key]!.example(fixture), fixture.accountOf.admin, SCOPE_EXTENSIONS[resolver.scope]!(fixture), 'licensed');
        out[key] = answer.ok ? 'ok' : answer.error.code;
      }
    }
    return out;
  }

  it('is an error (unavailable), never a refusal and never a pass, and changes nothing', async () => {
    const fixture = await createFixture(await createHarness());
    const before = snapshotState(fixture.h);
    const got = await answers(fixture, failing(fixture.h, 503));
    expect(Object.keys(got).length).toBeGreaterThan(15);
    expect(got).toEqual(Object.fromEntries(Object.keys(got).map((key) => [key, 'unavailable'])));
    expect(snapshotState(fixture.h)).toBe(before);
  });

  it('refuses when Jira will not act as the caller at all (401: no asUser() for customers)', async () => {
    const fixture = await createFixture(await createHarness());
    const before = snapshotState(fixture.h);
    const got = await answers(fixture, failing(fixture.h, 401));
    expect(got).toEqual(Object.fromEntries(Object.keys(got).map((key) => [key, 'forbidden'])));
    expect(snapshotState(fixture.h)).toBe(before);
  });

  it('answers a request Jira hides from the caller (404) in the panel as one they may not see', async () => {
    const fixture = await createFixture(await createHarness());
    const hidden: AppDeps = {
      ...fixture.h.deps,
      jiraAsUser: (accountId) => ({
        ...fixture.h.deps.jiraAsUser(accountId),
        getMyPermissions: () => Promise.reject(new JiraError('Jira answered 404', { kind: 'http', method: 'GET', path: '/rest/api/3/mypermissions', status: 404, errorMessages: [], fieldErrors: {}, issues: [] })),
      }),
    };
    const panel = discoverResolvers(hidden).find((r) => r.scope === 'panel')!;
    const before = snapshotState(fixture.h);
    for (const key of panel.functionKeys) {
      const answer = await invoke(panel.create(hidden), key, await RESOLVER_ACCESS[key]!.example(fixture), fixture.accountOf.admin, SCOPE_EXTENSIONS.panel!(fixture), 'licensed');
      expect({ key, answer }).toEqual({ key, answer: { ok: false, error: { code: 'forbidden', message: 'You cannot see this request.' } } });
    }
    expect(snapshotState(fixture.h)).toBe(before);
  });

  it('tells only a 401 from Jira apart as "will not act as this user"', () => {
    const jira = (status: number | undefined) => new JiraError('Jira', { kind: 'http', method: 'GET', path: '/rest/api/3/myself', status, errorMessages: [], fieldErrors: {}, issues: [] });
    expect([401, 403, 404, 429, 500, undefined].map((status) => isActingAsUserRefused(jira(status)))).toEqual([true, false, false, false, false, false]);
    expect(isActingAsUserRefused(Object.assign(new Error('Unauthorized'), { status: 401 }))).toBe(false);
  });
});

describe('the resolver kit', () => {
  it('refuses a call without a Forge context before anything runs', async () => {
    const h = await createHarness();
    const before = snapshotState(h);
    for (const resolver of discoverResolvers(h.deps)) {
      const handler = resolver.create(h.deps);
      for (const key of resolver.functionKeys) {
        const answer: unknown = await handler({ call: { functionKey: key, payload: {} }, context: { extension: { type: 'jira:adminPage' } } }, { principal: { accountId: h.site.users.admin.accountId } } as never);
        expect({ key, answer }).toEqual({ key, answer: { ok: false, error: { code: 'invalid-input', message: 'The request did not come from a Forge module.' } } });
      }
    }
    expect(snapshotState(h)).toBe(before);
  });

  it.each(['constructor', '__proto__', 'toString', 'no/such-function'])('answers the key %s with not-found, for every resolver and caller', async (functionKey) => {
    const h = await createHarness();
    for (const resolver of discoverResolvers(h.deps)) {
      const answer = await invoke(resolver.create(h.deps), functionKey, {}, h.site.users.admin.accountId, { type: 'jira:adminPage' });
      expect({ scope: resolver.scope, answer }).toEqual({ scope: resolver.scope, answer: { ok: false, error: { code: 'not-found', message: expect.stringContaining(JSON.stringify(functionKey)) } } });
    }
  });
});

describe('what the Forge context must name', () => {
  it('answers an invocation without a function key, or with a long unknown one (shortened), with not-found and nothing of the invocation', async () => {
    const h = await createHarness();
    const long = `x${'y'.repeat(99)}`;
    for (const resolver of discoverResolvers(h.deps)) {
      const handler = resolver.create(h.deps);
      const unnamed: unknown = await handler({ context: { accountId: h.site.users.admin.accountId } } as never, { principal: { accountId: h.site.users.admin.accountId } } as never);
      expect({ scope: resolver.scope, unnamed }).toEqual({ scope: resolver.scope, unnamed: { ok: false, error: { code: 'not-found', message: expect.stringContaining('function without a name') } } });
      const answer = await invoke(handler, long, {}, h.site.users.admin.accountId, { type: 'jira:adminPage' });
      if (answer.ok) throw new Error(`${resolver.scope} answered ${long}`);
      expect(answer.error.message).toContain(JSON.stringify(long.slice(0, 60)));
      expect(answer.error.message).not.toContain(long.slice(0, 61));
    }
  });

  it('answers the panel opened outside an issue, and the triage view outside a project, without reading anything', async () => {
    const fixture = await createFixture(await createHarness());
    const { h } = fixture;
    const surfaces = discoverResolvers(h.deps);
    const panel = surfaces.find((r) => r.scope === 'panel')!;
    const triage = surfaces.find((r) => r.scope === 'triage')!;
    const payloads = new Map<string, unknown>();
    for (const key of [...panel.functionKeys, ...triage.functionKeys]) payloads.set(key, await RESOLVER_ACCESS[key]!.example(fixture));
    const before = snapshotState(h);
    h.store.operations = [];
    for (const key of panel.functionKeys) {
      const answer = await invoke(panel.create(h.deps), key, payloads.get(key), fixture.accountOf.agent, { type: 'jira:issuePanel' }, 'licensed');
      expect({ key, answer }).toEqual({ key, answer: { ok: false, error: { code: 'invalid-input', message: 'The panel was opened outside an issue.' } } });
    }
    for (const key of triage.functionKeys) {
      const answer = await invoke(triage.create(h.deps), key, payloads.get(key), fixture.accountOf.agent, { type: 'jiraServiceManagement:queuePage' }, 'licensed');
      expect({ key, answer }).toEqual({ key, answer: { ok: false, error: { code: 'not-found', message: 'The triage view opens in a service project (the queue page has no project).' } } });
    }
    expect({ operations: h.store.operations, unchanged: snapshotState(h) === before }).toEqual({ operations: [], unchanged: true });
  });
});

describe('compliance access for someone Jira will not act as', () => {
  it('is refused as exactly { allowed: false }: a customer is neither admin nor agent', async () => {
    const h = await createHarness();
    expect(await checkComplianceAccess(h.deps, h.site.users.alice.accountId)).toEqual({ allowed: false });
  });
});

describe('the panel’s own checks', () => {
  it('acts only on the request of the Forge context: a payload naming another request is a conflict and changes nothing', async () => {
    const fixture = await createFixture(await createHarness());
    const panel = discoverResolvers(fixture.h.deps).find((r) => r.scope === 'panel')!;
    const extension = SCOPE_EXTENSIONS.panel!(fixture);
    const payload = (await RESOLVER_ACCESS['panel/pause']!.example(fixture)) as Record<string, unknown>;
    const before = snapshotState(fixture.h);
    const other = await invoke(panel.create(fixture.h.deps), 'panel/pause', { ...payload, issueKey: 'ITS-9999' }, fixture.accountOf.agent, extension, 'licensed');
    expect(other).toEqual({ ok: false, error: { code: 'conflict', message: 'This panel shows another request; reload it.' } });
    expect(snapshotState(fixture.h)).toBe(before);
    expect(await invoke(panel.create(fixture.h.deps), 'panel/pause', payload, fixture.accountOf.agent, extension, 'licensed')).toMatchObject({ ok: true });
  });

  it('needs the caller’s own profile: unavailable when Jira fails to answer it, refused when Jira will not act as them', async () => {
    const fixture = await createFixture(await createHarness());
    const profile = (status: number): AppDeps => ({
      ...fixture.h.deps,
      jiraAsUser: (accountId) => ({
        ...fixture.h.deps.jiraAsUser(accountId),
        getMyself: () => Promise.reject(new JiraError(`Jira answered ${status}`, { kind: 'http', method: 'GET', path: '/rest/api/3/myself', status, errorMessages: [], fieldErrors: {}, issues: [] })),
      }),
    });
    const get = (deps: AppDeps) => invoke(discoverResolvers(deps).find((r) => r.scope === 'panel')!.create(deps), 'panel/get', {}, fixture.accountOf.agent, SCOPE_EXTENSIONS.panel!(fixture), 'licensed');
    expect(await get(profile(503))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await get(profile(401))).toEqual({ ok: false, error: { code: 'forbidden', message: 'You cannot see this request.' } });
  });
});

describe('the panel’s display hints from the Forge context', () => {
  it('come into play when the caller’s Jira profile names no zone or language', async () => {
    const fixture = await createFixture(await createHarness());
    const noProfile: AppDeps = {
      ...fixture.h.deps,
      jiraAsUser: (accountId) => {
        const real = fixture.h.deps.jiraAsUser(accountId);
        return { ...real, getMyself: async () => ({ ...(await real.getMyself()), timeZone: null, locale: null }) };
      },
    };
    const panel = discoverResolvers(noProfile).find((r) => r.scope === 'panel')!.create(noProfile);
    const get = (hints: { timezone?: string; locale?: string }) =>
      panel(
        { call: { functionKey: 'panel/get', payload: {} }, context: { moduleKey: 'contract-clock', extension: SCOPE_EXTENSIONS.panel!(fixture), ...hints, accountId: fixture.accountOf.agent } },
        { principal: { accountId: fixture.accountOf.agent } } as never,
      );
    const dutch = await get({ timezone: 'Asia/Tokyo', locale: 'nl-NL' });
    expect(dutch).toMatchObject({ ok: true, data: { viewer: { timeZone: 'Asia/Tokyo' } } });
    expect(await get({ locale: 'nl-NL' })).toMatchObject({ ok: true, data: { viewer: { timeZone: 'UTC' } } });
    // The same view without the language hint is in English: the hint decided the language.
    expect(JSON.stringify(await get({ timezone: 'Asia/Tokyo' }))).not.toBe(JSON.stringify(dutch));
  });
});

describe('the resolver kit’s login check', () => {
  it('refuses a call without an account before any definition runs, even one that would answer anyone', async () => {
    const h = await createHarness();
    let ran = 0;
    const open = buildResolver('test', h.deps, {
      'test/anyone': defineResolver({ payload: z.object({}), run: () => { ran += 1; return Promise.resolve(ok('ran')); } }),
    });
    expect(await invoke(open, 'test/anyone', {}, undefined, { type: 'jira:adminPage' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'Log in to use Contract Clock.' } });
    expect(await invoke(open, 'test/anyone', {}, h.site.users.sanne.accountId, { type: 'jira:adminPage' })).toEqual({ ok: true, data: 'ran' });
    expect(ran).toBe(1);
  });
});
