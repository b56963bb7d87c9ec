/**
 * Issue 11 items 3, 4, 5 and 7 through the real panel resolvers, triggers and sweep against the Jira
 * emulator: a new expected time told to the customer is recorded as a promise (app storage only),
 * shown instead of the stale deadline, warned about once before it lapses, and survives concurrent
 * writers; uncovered requests get the reason and a best-effort message with the out-of-contract
 * rate; re-apply warns before it breaches a request at once; history names who changed the
 * priority; notes stamp the instant a threshold was crossed.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY, NEEDS_AUTHENTICATION_ERR } from '../../src/app/jira-ports';
import { loadPanelView } from '../../src/app/panel-service';
import { loadContractDatabase, saveContractDatabase } from '../../src/app/contract-database-store';
import type { ClockFact } from '../../src/contract/clock-record';
import type { Envelope } from '../../src/contract/envelope';
import { panelViewSchema, promisePreviewSchema, reapplyPreviewSchema, type PanelView } from '../../src/contract/panel-api';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createHarness, type Harness } from './app-harness';
import { deliver, deliverAll, dueItemOf, issueIdOf, propertyOf, raise, storedClockOf, takeEvents } from './clock-helpers';

async function panelCall(h: Harness, key: string, functionKey: string, payload: unknown, who = h.site.users.sanne.accountId): Promise<Envelope<unknown>> {
  const answer: unknown = await createPanelResolver(h.deps)(
    { call: { functionKey, payload }, context: { moduleKey: 'contract-clock-panel', extension: { type: 'jira:issuePanel', issue: { id: issueIdOf(h, key), key } } } },
    { principal: { accountId: who } } as never,
  );
  return answer as Envelope<unknown>;
}

async function viewOf(h: Harness, key: string, who = h.site.users.sanne.accountId): Promise<PanelView> {
  const answer = await panelCall(h, key, 'panel/get', {}, who);
  if (!answer.ok) throw new Error(`panel/get failed: ${JSON.stringify(answer)}`);
  return panelViewSchema.parse(answer.data);
}

function appNotes(h: Harness, key: string): string[] {
  return (h.model.findIssue(key)?.comments ?? []).filter((c) => c.authorId === h.model.appUser().accountId).map((c) => JSON.stringify(c.body));
}

function notices(h: Harness, key: string): string[] {
  return h.model.notifications().filter((n) => n.issueKey === key && n.source === 'notify-api').map((n) => n.subject);
}

/**
 * Alice (Acme, Gold e-mail, P3: 16 business hours in Amsterdam office hours 08:30–17:30) raises a
 * request on Monday 5 October 2026 09:30: due Tuesday 16:30. On Wednesday 10:00 it is breached
 * and the breach was noted.
 */
async function breachedRequest(h: Harness): Promise<string> {
  const key = raise(h, 'alice', 'email');
  await deliverAll(h);
  h.clock.now = new Date('2026-10-07T08:00:00Z');
  await h.sweep();
  return key;
}

describe('a new expected time told to the customer is a tracked promise (item 3)', () => {
  it('is picked in business time or as a date, recorded when the reply is posted, shown, and warned about once before it lapses', async () => {
    const h = await createHarness();
    const key = await breachedRequest(h);
    const before = await viewOf(h, key);
    expect(before.state).toBe('breached');
    expect(before.can.promise).toBe(true);
    expect(before.drafts.missedPromise).not.toBeNull();
    const revision = before.revision;

    // 6 business hours from Wednesday 10:00 Amsterdam: 16:00 the same day
    const inBusinessTime = await panelCall(h, key, 'panel/preview-promise', { issueKey: key, revision, promise: { basis: 'business-time', hours: 6 } });
    const preview = promisePreviewSchema.parse((inBusinessTime as { data: unknown }).data);
    expect(preview).toMatchObject({ expectedAt: '2026-10-07T14:00:00.000Z', businessMinutes: 360, language: 'nl', languageOf: 'customer' });
    expect(preview.draft).toContain('16:00');
    // a date and time in the agent's zone
    const atDate = await panelCall(h, key, 'panel/preview-promise', { issueKey: key, revision, promise: { basis: 'date-time', local: '2026-10-08T11:00', timeZone: 'Europe/Amsterdam' } });
    // Wednesday 10:00–17:30 and Thursday 08:30–11:00
    expect(atDate).toMatchObject({ ok: true, data: { expectedAt: '2026-10-08T09:00:00.000Z', businessMinutes: 600 } });
    // not in the past, and only as a reply to the customer
    const past = await panelCall(h, key, 'panel/preview-promise', { issueKey: key, revision, promise: { basis: 'date-time', local: '2026-10-06T11:00', timeZone: 'Europe/Amsterdam' } });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { 'promise.local': ['Pick a time in the future.'] } } });
    const comments = h.model.findIssue(key)?.comments.length ?? 0;
    const internal = await panelCall(h, key, 'panel/post-message', { issueKey: key, revision, body: preview.draft, visibility: 'internal', promise: { expectedAt: preview.expectedAt, basis: 'business-time' } });
    expect(internal).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { visibility: expect.any(Array) } } });
    expect(h.model.findIssue(key)?.comments.length).toBe(comments);

    const posted = await panelCall(h, key, 'panel/post-message', { issueKey: key, revision, body: preview.draft, visibility: 'public', promise: { expectedAt: preview.expectedAt, basis: 'business-time' } });
    expect(posted).toMatchObject({ ok: true, data: { visibility: 'public', promised: '2026-10-07T14:00:00.000Z' } });
    const reply = h.model.findIssue(key)?.comments.at(-1);
    expect(reply).toMatchObject({ authorId: h.site.users.sanne.accountId, internal: false });
    await deliverAll(h);

    // app storage holds the promise (the property only projects it), with the reply that told it
    const stored = await storedClockOf(h, key);
    expect(stored.record.history.filter((f) => f.kind === 'promise')).toEqual([
      expect.objectContaining({ id: `promise:${reply?.id ?? ''}`, by: h.site.users.sanne.accountId, expectedAt: '2026-10-07T14:00:00.000Z', basis: 'business-time', commentId: reply?.id }),
    ]);
    expect(stored.record.promise).toMatchObject({ state: 'pending', warnAt: '2026-10-07T13:00:00.000Z', warnedAt: null });
    expect(propertyOf(h, key).promise).toEqual(stored.record.promise);
    // the due index wakes the sweep at the warning instant
    expect((await dueItemOf(h, key))?.dueAt).toBe('2026-10-07T13:00:00.000Z');

    const shown = await viewOf(h, key);
    expect(shown.promise).toMatchObject({ expectedAt: '2026-10-07T14:00:00.000Z', state: 'pending', businessMinutesLeft: 360, by: { type: 'user', accountId: h.site.users.sanne.accountId } });
    expect(shown.history.find((e) => e.kind === 'promised')).toMatchObject({ by: { type: 'user', accountId: h.site.users.sanne.accountId } });

    // no warning before its instant…
    const notesBefore = appNotes(h, key).length;
    h.clock.now = new Date('2026-10-07T12:55:00Z');
    await h.sweep();
    expect(appNotes(h, key)).toHaveLength(notesBefore);
    // …one at it (an internal note and a notification), and never a second
    h.clock.now = new Date('2026-10-07T13:00:00Z');
    await h.sweep();
    h.clock.now = new Date('2026-10-07T13:05:00Z');
    await h.sweep();
    await h.sweep();
    expect(appNotes(h, key)).toHaveLength(notesBefore + 1);
    expect(appNotes(h, key).at(-1)).toMatch(/promised a resolution by Wed,? 7 Oct 2026,? 16:00 \(Europe\/Amsterdam\)/);
    expect(notices(h, key).filter((s) => s.includes('promised'))).toHaveLength(1);
    expect((await storedClockOf(h, key)).record.promise?.warnedAt).toBe('2026-10-07T13:00:00.000Z');
    expect((await viewOf(h, key)).history.filter((e) => e.kind === 'promise-warned')).toHaveLength(1);

    // resolved in time: kept
    h.clock.now = new Date('2026-10-07T13:30:00Z');
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    await deliverAll(h);
    expect((await storedClockOf(h, key)).record.promise?.state).toBe('kept');
  });

  it('is not offered while the deadline can still be met', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const view = await viewOf(h, key);
    expect(view.can.promise).toBe(false);
    expect(view.drafts.missedPromise).toBeNull();
    const refused = await panelCall(h, key, 'panel/preview-promise', { issueKey: key, revision: view.revision, promise: { basis: 'business-time', hours: 2 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('is kept when events, the sweep and a colleague write the clock at the same time', async () => {
    const h = await createHarness();
    const key = await breachedRequest(h);
    const { revision } = await viewOf(h, key);
    h.model.setPriority(h.site.users.tom.accountId, key, 'High');
    const events = takeEvents(h);
    const answers = await Promise.all([
      panelCall(h, key, 'panel/post-message', { issueKey: key, revision, body: 'We now expect to resolve this by 16:00.', visibility: 'public', promise: { expectedAt: '2026-10-07T14:00:00.000Z', basis: 'date-time' } }),
      ...events.map((event) => deliver(h, event).then(() => null)),
      h.sweep({ concurrency: 2 }).then(() => null),
      panelCall(h, key, 'panel/extend', { issueKey: key, revision, minutes: 60, reason: 'Parts on order' }, h.site.users.tom.accountId),
    ]);
    await deliverAll(h);
    expect(answers[0]).toMatchObject({ ok: true, data: { promised: '2026-10-07T14:00:00.000Z' } });
    const stored = await storedClockOf(h, key);
    expect(stored.record.history.filter((f) => f.kind === 'promise')).toHaveLength(1);
    expect(stored.record.history.some((f) => f.kind === 'priority')).toBe(true);
    expect(stored.record.promise?.expectedAt).toBe('2026-10-07T14:00:00.000Z');
    const extend = answers.at(-1);
    expect(stored.record.history.some((f) => f.kind === 'extension')).toBe(extend !== null && extend !== undefined && extend.ok);
    expect(propertyOf(h, key)).toEqual(stored.record);
  });

  it('is never taken from the issue property: a forged promise is ignored and the projection restored', async () => {
    const h = await createHarness();
    const key = await breachedRequest(h);
    const honest = propertyOf(h, key);
    const forged: ClockFact = { kind: 'promise', id: 'promise:forged', at: h.clock.now.toISOString(), by: h.site.users.tom.accountId, expectedAt: '2027-01-01T09:00:00.000Z', basis: 'date-time', commentId: null };
    await h.restAs(h.site.users.sanne.accountId).setIssueProperty(key, CONTRACT_CLOCK_PROPERTY_KEY, { ...honest, history: [...honest.history, forged] });
    const view = await viewOf(h, key);
    expect(view.promise).toBeNull();
    expect((await storedClockOf(h, key)).record.history.some((f) => f.id === 'promise:forged')).toBe(false);
    expect(propertyOf(h, key).history.some((f) => f.id === 'promise:forged')).toBe(false);
  });
});

describe('uncovered requests get help too (item 4)', () => {
  it('says the service is not covered and drafts a best-effort message with the out-of-contract rate', async () => {
    const h = await createHarness();
    // Sam (Stark Manufacturing, Bronze without network; network work at € 85 an hour) reports a network problem.
    const key = raise(h, 'sam', 'network', 'VPN is down');
    await deliverAll(h);
    const view = await viewOf(h, key);
    expect(view.state).toBe('uncovered');
    expect(view.uncovered).toEqual({
      reason: 'service-not-covered',
      bestEffort: false,
      contract: 'Stark Manufacturing — basis',
      service: 'Network',
      rate: '€\u00a085,00 per uur',
      pricesHidden: true,
    });
    // Sam reads English: the message is English whatever the agent reads
    expect(view.drafts.uncovered).toBe(
      'Your contract with us does not cover Network, so this request is not covered by your contract. We handle it on a best-effort basis, without a guaranteed resolution time. Work outside the contract is charged at €85.00 per hour.',
    );
    expect(view.can.postMessage).toBe(true);
  });

  it('says when no contract names the customer, and drafts the message without a rate', async () => {
    const h = await createHarness();
    const key = raise(h, 'henk', 'email', 'Printer offline');
    await deliverAll(h);
    const view = await viewOf(h, key, h.site.users.tom.accountId);
    expect(view.uncovered).toMatchObject({ reason: 'unknown-organization', contract: null, rate: null });
    expect(view.drafts.uncovered).toBe('This request is not covered by your contract. We handle it on a best-effort basis, without a guaranteed resolution time.');
  });

  it('says when the contract expired', async () => {
    const h = await createHarness();
    const key = raise(h, 'wendy', 'email', 'Mailbox full');
    await deliverAll(h);
    const view = await viewOf(h, key, h.site.users.tom.accountId);
    expect(view.uncovered).toMatchObject({ reason: 'contract-expired', contract: 'Wayne Foundation 2025–2026' });
    expect(view.drafts.uncovered).toMatch(/^Your contract with us has ended/);
  });
});

describe('safer actions (item 5)', () => {
  it('warns before a re-apply makes a request breached at once, with how late, and needs a confirmation', async () => {
    const h = await createHarness();
    // Henk (Hooli Labs, no contract) raises an e-mail request on Monday 09:30; by Wednesday 12:00 …
    const key = raise(h, 'henk', 'email', 'Mailbox full');
    await deliverAll(h);
    h.clock.now = new Date('2026-10-07T10:00:00Z');
    // … Hooli's Gold contract from 1 October is imported, with the admin's confirmation that it changes history
    const current = await loadContractDatabase(h.store.inner);
    const database = current.database;
    const hooli = { id: 'hooli-2026', name: 'Hooli Labs — Gold', customer: { id: 'hooli', name: 'Hooli Labs', organizationIds: [h.site.organizations.hooli.id] }, timeZone: 'Europe/Amsterdam', versions: [{ version: 1, effectiveFrom: '2026-10-01', coveredServices: [{ serviceId: 'email', levelId: 'gold' }], defaultServiceId: 'email' }] };
    const saved = await saveContractDatabase(h.store.inner, { input: { ...database, contracts: [...database.contracts, hooli] }, baseRevision: current.revision, by: h.site.users.admin.accountId, now: h.clock.now, action: 'import', confirmHistoryRewrite: true });
    expect(saved.ok).toBe(true);
    const view = await viewOf(h, key);
    const previewAnswer = await panelCall(h, key, 'panel/preview-reapply', { issueKey: key, revision: view.revision });
    const preview = reapplyPreviewSchema.parse((previewAnswer as { data: unknown }).data);
    // Gold P3: 16 business hours from Monday 09:30 → Tuesday 16:30; Wednesday 12:00 is 4 h 30 min of business time later
    expect(preview.breachesAtOnce).toEqual({ overdueMinutes: 270 });
    const unconfirmed = await panelCall(h, key, 'panel/reapply', { issueKey: key, revision: view.revision, reason: 'Contract signed retroactively' });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'confirmation-required' } });
    expect((await storedClockOf(h, key)).record.state).toBe('uncovered');
    const confirmed = await panelCall(h, key, 'panel/reapply', { issueKey: key, revision: view.revision, reason: 'Contract signed retroactively', acceptBreach: true });
    expect(confirmed.ok).toBe(true);
    expect((await storedClockOf(h, key)).record.state).toBe('breached');
  });

  it('names who lowered the priority in the history', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    h.clock.now = new Date('2026-10-05T08:00:00Z');
    h.model.setPriority(h.site.users.tom.accountId, key, 'Lowest');
    await deliverAll(h);
    const entry = (await viewOf(h, key)).history.find((e) => e.kind === 'retargeted');
    expect(entry).toMatchObject({ by: { type: 'user', accountId: h.site.users.tom.accountId, displayName: 'Tom Becker' } });
    expect(entry?.detail).toMatch(/^prioriteit verlaagd: P3 16 u → P5/);
  });

  describe('names the people in the history with one batched look-up (ADR 0033)', () => {
    /** Each agent extends the clock by a minute through the panel, so the history names them all. */
    async function extendedBy(h: Harness, key: string, agents: readonly string[]): Promise<void> {
      for (const agent of agents) {
        const { revision } = (await storedClockOf(h, key)).record;
        const answer = await panelCall(h, key, 'panel/extend', { issueKey: key, revision, minutes: 1, reason: 'Waiting for the supplier' }, agent);
        expect(answer.ok).toBe(true);
      }
    }
    const extenders = (view: PanelView) => view.history.filter((e) => e.kind === 'extended').map((e) => e.by);
    const userCalls = (h: Harness) => h.jiraCalls.filter((c) => c.startsWith('GET /rest/api/3/user')).sort();

    it('asks Jira once for four people, not once per person', async () => {
      const h = await createHarness();
      const key = raise(h, 'alice', 'email');
      await deliverAll(h);
      const { admin, sanne, tom, noor } = h.site.users;
      await extendedBy(h, key, [sanne, tom, noor, admin, tom].map((u) => u.accountId));
      h.reset();
      const view = await viewOf(h, key);
      expect(new Set(extenders(view).map((by) => (by.type === 'user' ? by.displayName : by.type)))).toEqual(new Set(['Sanne Visser', 'Tom Becker', 'Noor Bakker', 'Ada de Boer']));
      // the names in one request as the agent; the customer's locale (for the drafts) as the app
      expect(userCalls(h)).toEqual(['GET /rest/api/3/user', 'GET /rest/api/3/user/bulk']);
    });

    it('asks in batches of 50: 53 people cost two requests, and every one is named', async () => {
      const h = await createHarness();
      const key = raise(h, 'alice', 'email');
      await deliverAll(h);
      const agents = Array.from({ length: 53 }, (_, i) =>
        h.model.addUser({ displayName: `Agent ${String(i + 1)}`, emailAddress: `agent${String(i + 1)}@polder-it.example`, role: 'agent', timeZone: 'Europe/Amsterdam' }),
      );
      await extendedBy(h, key, agents.map((a) => a.accountId));
      h.reset();
      const view = await viewOf(h, key);
      expect(extenders(view)).toHaveLength(53);
      expect(new Set(extenders(view))).toEqual(new Set(agents.map((a) => ({ type: 'user', accountId: a.accountId, displayName: a.displayName }))));
      expect(userCalls(h)).toEqual(['GET /rest/api/3/user', 'GET /rest/api/3/user/bulk', 'GET /rest/api/3/user/bulk']);
    });

    it('shows account ids when Jira refuses the look-up, and lets Forge’s consent prompt through', async () => {
      const h = await createHarness();
      const key = raise(h, 'alice', 'email');
      await deliverAll(h);
      const { sanne, tom } = h.site.users;
      await extendedBy(h, key, [sanne.accountId, tom.accountId]);
      h.intercept = (request, forward) =>
        request.path === '/rest/api/3/user/bulk'
          ? Promise.resolve(new Response(JSON.stringify({ errorMessages: ['You are not allowed to browse users.'], errors: {} }), { status: 403, headers: { 'content-type': 'application/json' } }))
          : forward();
      const refused = await viewOf(h, key);
      expect(extenders(refused)).toEqual(expect.arrayContaining([{ type: 'user', accountId: sanne.accountId, displayName: sanne.accountId }, { type: 'user', accountId: tom.accountId, displayName: tom.accountId }]));
      h.intercept = null;
      const consent = Object.assign(new Error('Authentication required'), { name: NEEDS_AUTHENTICATION_ERR });
      const deps = { ...h.deps, jiraAsUser: (accountId: string) => ({ ...h.deps.jiraAsUser(accountId), getUserDisplayNames: () => Promise.reject(consent) }) };
      const caller = { accountId: sanne.accountId, issueId: issueIdOf(h, key), issueKey: key, locale: null, timeZone: null };
      await expect(loadPanelView(deps, caller)).rejects.toBe(consent);
    });
  });

  it('shows an extension apart from the contract target in the notes', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const { revision } = await viewOf(h, key);
    await panelCall(h, key, 'panel/extend', { issueKey: key, revision, minutes: 60, reason: 'Customer asked' });
    h.clock.now = new Date('2026-10-07T08:00:00Z');
    await h.sweep();
    expect(appNotes(h, key).at(-1)).toContain('16 h + 1 h extension');
  });
});

describe('notes stamp the instant, not the sweep (item 7)', () => {
  it('names when the deadline passed and how much of the target was used then, even when the sweep looks much later', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    // The sweep only looks on Wednesday 10:00; the deadline passed on Tuesday 16:30.
    h.clock.now = new Date('2026-10-07T08:00:00Z');
    await h.sweep();
    expect(appNotes(h, key).at(-1)).toMatch(/passed at Tue,? 6 Oct 2026,? 16:30 \(Europe\/Amsterdam\); 100% of the target was used then/);
    const history = (await viewOf(h, key, h.site.users.tom.accountId)).history;
    expect(history.find((e) => e.kind === 'breached')).toMatchObject({ at: '2026-10-06T14:30:00.000Z', detail: '100% of the 16 h target used' });
    // at risk at 75 %: 12 business hours in, Tuesday 12:30
    expect(history.find((e) => e.kind === 'at-risk')).toMatchObject({ at: '2026-10-06T10:30:00.000Z', detail: '75% of the 16 h target used' });
  });
});
