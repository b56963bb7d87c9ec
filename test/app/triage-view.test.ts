/**
 * Issue 11 item 1: the triage view through its real resolver (as Forge calls it from the queue page)
 * against the Jira emulator, with clocks written by the real triggers — concurrently — so the index
 * it reads is the one `writeClock` keeps. At 22:00 the running 24x7 outage comes before every
 * office-hours request stopped for the night, however overdue; by day the most overdue running clock
 * leads. Filters, "mine", who may see it, closing a request, and the cost of a call.
 */
import type { AppDeps } from '../../src/app/deps';
import type { Envelope } from '../../src/contract/envelope';
import { TRIAGE_RESOLVER_KEYS, triageViewSchema, type TriageView } from '../../src/contract/triage-api';
import { createTriageResolver } from '../../src/entry/triage-resolver';
import { TRIAGE_ENTRY_ENTITY } from '../../src/adapters/storage/storage-keys';
import { createHarness, type Harness } from './app-harness';
import { deliverAll, deliverConcurrently } from './clock-helpers';

jest.setTimeout(60_000);

async function triage(h: Harness, payload: Record<string, unknown> = {}, who: string | null = h.site.users.sanne.accountId, deps: AppDeps = h.deps): Promise<Envelope<unknown>> {
  const project = h.site.project;
  const answer: unknown = await createTriageResolver(deps)(
    {
      call: { functionKey: TRIAGE_RESOLVER_KEYS.get, payload },
      context: { moduleKey: 'contract-clock-triage', extension: { type: 'jiraServiceManagement:queuePage', project: { id: project.id, key: project.key, type: 'service_desk' } } },
    },
    { principal: who === null ? undefined : { accountId: who } } as never,
  );
  return answer as Envelope<unknown>;
}

async function viewOf(h: Harness, payload: Record<string, unknown> = {}): Promise<TriageView> {
  const answer = await triage(h, payload);
  if (!answer.ok) throw new Error(`triage/get failed: ${JSON.stringify(answer)}`);
  return triageViewSchema.parse(answer.data);
}

function raise(h: Harness, customer: keyof Harness['site']['users'], type: keyof Harness['site']['requestTypes'], summary: string, priority?: string): string {
  return h.model.createRequest(h.site.users[customer].accountId, {
    serviceDeskId: h.site.serviceDesk.id,
    requestTypeId: h.site.requestTypes[type].id,
    summary,
    ...(priority === undefined ? {} : { priority }),
  }).key;
}

/**
 * Monday 5 October 2026. 09:30 Amsterdam: eight office-hours requests (Acme and Globex e-mail, Gold
 * P1 at Highest: 4 business hours) and one from Hooli (no contract). 21:59: Umbrella's network is
 * down (bespoke 24x7: first response within 15 min, resolved within 2 h).
 */
async function night(h: Harness): Promise<{ office: string[]; outage: string; hooli: string }> {
  h.clock.now = new Date('2026-10-05T07:30:00Z');
  const office = Array.from({ length: 8 }, (_, i) => raise(h, i % 2 === 0 ? 'alice' : 'bob', 'email', `Mail problem ${i + 1}`, 'Highest'));
  const hooli = raise(h, 'henk', 'email', 'Calendar invites arrive twice');
  await deliverConcurrently(h);
  h.clock.now = new Date('2026-10-05T19:59:00Z');
  const outage = raise(h, 'uma', 'network', 'Night clinic network down', 'Highest');
  await deliverAll(h);
  h.clock.now = new Date('2026-10-05T20:00:00Z'); // 22:00 in Amsterdam
  return { office, outage, hooli };
}

describe('the triage view (issue 11 item 1)', () => {
  it('at 22:00 puts the running 24x7 outage first, then the office-hours requests stopped for the night, then those without a clock', async () => {
    const h = await createHarness();
    const { office, outage, hooli } = await night(h);
    const view = await viewOf(h);
    expect(view.rows.map((r) => r.issueKey)).toHaveLength(10);
    const first = view.rows[0];
    expect(first).toMatchObject({
      issueKey: outage,
      group: 'running',
      allHours: true,
      bespoke: true,
      customer: { name: 'Umbrella Health' },
      nearest: { target: 'response', businessMinutesLeft: 14, state: 'on-track' },
      resolution: { businessMinutesLeft: 119, targetMinutes: 120 },
    });
    const stopped = view.rows.slice(1, 9);
    expect(new Set(stopped.map((r) => r.issueKey))).toEqual(new Set(office));
    for (const row of stopped) {
      // breached at 13:30, stopped since 17:30, counting again at 08:30 on Tuesday
      expect(row).toMatchObject({ group: 'calendar', allHours: false, resumesAt: '2026-10-06T06:30:00.000Z', nearest: { state: 'breached' } });
      expect(row.resolution?.businessMinutesLeft).toBeLessThan(0);
    }
    expect(view.rows[9]).toMatchObject({ issueKey: hooli, group: 'no-clock', uncovered: 'unknown-organization', nearest: null });
    expect(view).toMatchObject({ total: 10, hidden: 0, truncated: false, nextOffset: null });
    expect(view.options.customers.map((c) => c.name)).toEqual(expect.arrayContaining(['Acme Logistics', 'Umbrella Health']));
  });

  it('by day orders the running clocks by business time left, most overdue first', async () => {
    const h = await createHarness();
    const { office, outage } = await night(h);
    // Tuesday 10:30 in Amsterdam; the first office request was answered and its priority lowered
    h.clock.now = new Date('2026-10-06T08:30:00Z');
    h.model.setPriority(h.site.users.sanne.accountId, office[0] ?? '', 'Low');
    await deliverAll(h);
    const view = await viewOf(h);
    const clocked = view.rows.filter((r) => r.group !== 'no-clock');
    expect(clocked.every((r) => r.group === 'running')).toBe(true);
    const left = clocked.map((r) => r.nearest?.businessMinutesLeft ?? Infinity);
    expect(left).toEqual([...left].sort((a, b) => a - b));
    // the outage (24x7) has been overdue all night: 10.5 h − 2 h + … it leads by day too
    expect(clocked[0]?.issueKey).toBe(outage);
    expect(clocked[0]?.nearest?.state).toBe('breached');
    expect(clocked.at(-1)?.issueKey).toBe(office[0]);
  });

  it('filters by customer, level, service and "mine", and gives the same selection as JQL', async () => {
    const h = await createHarness();
    const { office, outage } = await night(h);
    h.model.assignIssue(h.site.users.sanne.accountId, office[1] ?? '', h.site.users.sanne.accountId);
    await deliverAll(h);
    const all = await viewOf(h);
    const umbrella = all.options.customers.find((c) => c.name === 'Umbrella Health');
    expect(umbrella).toBeDefined();
    const byCustomer = await viewOf(h, { customerId: umbrella?.id });
    expect(byCustomer.rows.map((r) => r.issueKey)).toEqual([outage]);
    expect(byCustomer.jql).toBe(`project = "${h.site.project.key}" AND statusCategory != Done AND contractCustomer = "Umbrella Health" ORDER BY contractDeadline ASC`);
    const mine = await viewOf(h, { mine: true });
    expect(mine.rows.map((r) => r.issueKey)).toEqual([office[1]]);
    expect(mine.rows[0]?.assignee?.accountId).toBe(h.site.users.sanne.accountId);
    expect(mine.jql).toContain('assignee = currentUser()');
    const network = all.options.services.find((s) => s.name === 'Network');
    const byService = await viewOf(h, { serviceId: network?.id });
    expect(byService.rows.map((r) => r.issueKey)).toEqual([outage]);
    const gold = all.options.levels.find((l) => l.name === 'Gold');
    expect((await viewOf(h, { levelId: gold?.id })).total).toBe(9);
  });

  it('drops a request once it is resolved, and shows a page at a time', async () => {
    const h = await createHarness();
    const { outage } = await night(h);
    h.model.transitionToStatus(h.site.users.sanne.accountId, outage, 'Resolved');
    await deliverAll(h);
    const view = await viewOf(h);
    expect(view.rows.map((r) => r.issueKey)).not.toContain(outage);
    expect(view.total).toBe(9);
    expect(await h.store.getEntity(TRIAGE_ENTRY_ENTITY, h.model.findIssue(outage)?.id ?? '')).toBeUndefined();
    const beyond = await viewOf(h, { offset: 25 });
    expect(beyond.rows).toEqual([]);
  });

  it('is for the agents of the project and Jira admins; customers and anonymous callers are refused', async () => {
    const h = await createHarness();
    await night(h);
    expect(await triage(h, {}, h.site.users.admin.accountId)).toMatchObject({ ok: true });
    expect(await triage(h, {}, h.site.users.alice.accountId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await triage(h, {}, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await triage(h, { offset: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('lets in a Jira admin who is no agent of the project, and refuses an agent of other projects only', async () => {
    const h = await createHarness();
    await night(h);
    const { admin, sanne } = h.site.users;
    // A permission scheme that makes neither of them an agent of this project (the emulator's staff are agents everywhere).
    const notAgents: AppDeps = {
      ...h.deps,
      jiraAsUser: (accountId) => {
        const real = h.deps.jiraAsUser(accountId);
        return { ...real, getMyPermissions: async (query) => ({ ...(await real.getMyPermissions(query)), SERVICEDESK_AGENT: false }) };
      },
    };
    expect(await triage(h, {}, admin.accountId, notAgents)).toMatchObject({ ok: true, data: { total: 10 } });
    expect(await triage(h, {}, sanne.accountId, notAgents)).toEqual({ ok: false, error: { code: 'forbidden', message: 'The triage view is for the agents of this service project.' } });
  });

  it('lists only the requests Jira lets the caller browse (issue security), counting the rest', async () => {
    const h = await createHarness();
    const { outage } = await night(h);
    const secret = h.model.findIssue(outage)?.id;
    // Issue-level security hides the outage from the caller: Jira's bulk fetch as them leaves it out.
    const secured: AppDeps = {
      ...h.deps,
      jiraAsUser: (accountId) => {
        const real = h.deps.jiraAsUser(accountId);
        return { ...real, listBrowsableIssues: async (ids) => (await real.listBrowsableIssues(ids)).filter((issue) => issue.id !== secret) };
      },
    };
    const answer = await triage(h, {}, h.site.users.sanne.accountId, secured);
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    const view = triageViewSchema.parse(answer.data);
    expect(view.rows.map((r) => r.issueKey)).not.toContain(outage);
    expect({ rows: view.rows.length, total: view.total, hidden: view.hidden }).toEqual({ rows: 9, total: 10, hidden: 1 });
    expect((await viewOf(h)).rows.map((r) => r.issueKey)).toContain(outage);
  });

  it('reads only the index: one query per shard, the calendars used, and one Jira bulk fetch as the caller', async () => {
    const h = await createHarness();
    await night(h);
    h.store.operations = [];
    h.jiraCalls.length = 0;
    await viewOf(h);
    const queries = h.store.operations.filter((o) => o.startsWith('query '));
    expect(queries).toHaveLength(16);
    expect(queries.every((q) => q === 'query triage-entry/by-project')).toBe(true);
    const gets = h.store.operations.filter((o) => o.startsWith('get '));
    expect(gets.every((g) => g.startsWith('get triage-calendar/'))).toBe(true);
    expect(gets.length).toBeLessThanOrEqual(3);
    expect(h.store.operations.filter((o) => o.startsWith('transact') || o.startsWith('set'))).toEqual([]);
    expect(h.jiraCalls.filter((c) => c.includes('/search'))).toEqual([]);
    expect(h.jiraCalls.filter((c) => c.includes('/issue/bulkfetch'))).toHaveLength(1);
  });
});

describe('the triage view past its last page', () => {
  it('asks Jira nothing about an empty page', async () => {
    const h = await createHarness();
    await night(h);
    h.jiraCalls.length = 0;
    expect((await viewOf(h, { offset: 25 })).rows).toEqual([]);
    expect(h.jiraCalls.filter((c) => c.includes('/issue/bulkfetch'))).toEqual([]);
  });
});
