/**
 * Nothing lost, nothing forged (issue 10 items 1, 2, 7, 9), through the real handlers, resolvers and
 * sweep against the Jira emulator: the property is a projection that a user's PUT cannot change the
 * clock through; concurrent writers keep every fact; the sweep reconciles from the issue before it
 * notifies and repairs requests without a record within one cycle; a record larger in UTF-8 than in
 * characters is still stored and storage never runs ahead of Jira; a clock that recovers from a
 * breach is scheduled and notified again.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import { clockRecordSchema, type ClockFact } from '../../src/contract/clock-record';
import type { Envelope } from '../../src/contract/envelope';
import { panelViewSchema } from '../../src/contract/panel-api';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createHarness, type Harness } from './app-harness';
import {
  clockNotifications,
  countedOutcomes,
  deliver,
  deliverAll,
  dueItemOf,
  issueIdOf,
  propertyOf,
  raise,
  storedClockOf,
  takeEvents,
} from './clock-helpers';

async function panelCall(h: Harness, key: string, functionKey: string, payload: unknown, who = h.site.users.sanne.accountId): Promise<Envelope<unknown>> {
  const answer: unknown = await createPanelResolver(h.deps)(
    { call: { functionKey, payload }, context: { moduleKey: 'contract-clock-panel', extension: { type: 'jira:issuePanel', issue: { id: issueIdOf(h, key), key } } } },
    { principal: { accountId: who } } as never,
  );
  return answer as Envelope<unknown>;
}

/** The app's own notes on an issue (the sweep's at-risk and breach notices). */
function appNotes(h: Harness, key: string): string[] {
  return (h.model.findIssue(key)?.comments ?? []).filter((c) => c.authorId === h.model.appUser().accountId).map((c) => JSON.stringify(c.body));
}

function notices(h: Harness, key: string): number {
  return clockNotifications(h, key).length;
}

describe('app-only facts live in app storage; the property is a projection (item 1)', () => {
  it('ignores a forged property PUT through the REST API (a one-year extension credited to another agent) and restores it', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const honest = propertyOf(h, key);
    const forgedFact: ClockFact = { kind: 'extension', id: 'extension:forged', at: h.clock.now.toISOString(), by: h.site.users.tom.accountId, reason: 'Agreed with the customer', minutes: 525_600 };
    const forged = {
      ...honest,
      history: [...honest.history, forgedFact],
      deadline: '2027-10-05T11:30:00.000Z',
      target: honest.target === null ? null : { ...honest.target, extensionMinutes: 525_600, extensions: 1 },
    };
    // Any user with Edit Issues can do this, through Jira's public REST API.
    await h.restAs(h.site.users.sanne.accountId).setIssueProperty(key, CONTRACT_CLOCK_PROPERTY_KEY, forged);
    expect(propertyOf(h, key).deadline).toBe('2027-10-05T11:30:00.000Z');

    // The panel shows the app's clock, not the forgery, and puts the property back.
    const view = await panelCall(h, key, 'panel/get', {});
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(panelViewSchema.parse(view.data).resolution?.deadline).toBe(honest.deadline);
    expect(propertyOf(h, key)).toEqual(honest);

    // Forged again: the next event replays nothing of it and restores the property.
    await h.restAs(h.site.users.sanne.accountId).setIssueProperty(key, CONTRACT_CLOCK_PROPERTY_KEY, forged);
    h.events.length = 0;
    h.advance(10);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'In Progress');
    await deliverAll(h);
    const after = propertyOf(h, key);
    expect(after.deadline).toBe(honest.deadline);
    expect(after.target?.extensionMinutes).toBe(0);
    expect(after.history.some((f) => f.id === 'extension:forged')).toBe(false);
    expect((await storedClockOf(h, key)).record).toEqual(after);

    // And the sweep, when the clock is due, restores it too — and notifies at the honest time.
    await h.restAs(h.site.users.sanne.accountId).setIssueProperty(key, CONTRACT_CLOCK_PROPERTY_KEY, forged);
    h.clock.now = new Date(Date.parse(after.atRiskAt ?? '') + 60_000);
    await h.sweep();
    expect(propertyOf(h, key).state).toBe('at-risk');
    expect(propertyOf(h, key).history.some((f) => f.id === 'extension:forged')).toBe(false);
    expect(appNotes(h, key)).toHaveLength(1);
  });

  it('keeps every fact when events, the sweep and two agents write the same clock at once', async () => {
    const h = await createHarness();
    // Raised half an hour apart, so that each turns at risk in its own sweep (a sweep also catches
    // up the requests updated since the previous one, and would notify a later one early).
    const keys: string[] = [];
    for (const [who, summary] of [['alice', 'A'], ['bob', 'B'], ['grace', 'C']] as const) {
      keys.push(raise(h, who, 'email', summary));
      h.advance(30);
    }
    await deliverAll(h);
    const agent = h.site.users.sanne.accountId;
    const colleague = h.site.users.tom.accountId;
    for (const key of keys) {
      // At risk by now, so the sweep has a marker to write.
      h.clock.now = new Date(Date.parse(propertyOf(h, key).atRiskAt ?? '') + 60_000);
      // The record's revision, as the panel shows it (the item's counts bookkeeping writes too).
      const revision = (await storedClockOf(h, key)).record.revision;
      h.model.setPriority(agent, key, 'High');
      h.model.addComment(agent, key, { body: 'We are looking into it.' });
      const events = takeEvents(h);
      const answers = await Promise.all([
        ...events.map((event) => deliver(h, event).then(() => null)),
        h.sweep({ concurrency: 2 }).then(() => null),
        panelCall(h, key, 'panel/extend', { issueKey: key, revision, minutes: 30, reason: 'Parts on order' }, agent),
        panelCall(h, key, 'panel/extend', { issueKey: key, revision, minutes: 45, reason: 'Customer on holiday' }, colleague),
        panelCall(h, key, 'panel/pause', { issueKey: key, revision, reason: 'Waiting for the supplier' }, colleague),
      ]);
      await deliverAll(h); // a straggler event, if any
      const stored = await storedClockOf(h, key);
      const kinds = new Set(stored.record.history.map((f) => f.kind));
      // Jira's facts and the sweep's marker are never lost…
      expect(stored.record.history.some((f) => f.kind === 'priority')).toBe(true);
      expect(kinds.has('public-comment')).toBe(true);
      expect(stored.record.markers.atRiskNotifiedAt).not.toBeNull();
      expect(appNotes(h, key)).toHaveLength(1);
      // …and every action an agent was told succeeded is in the clock; the others were refused.
      const actions = answers.filter((a): a is Envelope<unknown> => a !== null);
      expect(actions.every((a) => a.ok || a.error.code === 'conflict')).toBe(true);
      const extensions = stored.record.history.filter((f) => f.kind === 'extension');
      const acknowledgedExtensions = actions.slice(0, 2).filter((a) => a.ok).length;
      expect(extensions).toHaveLength(acknowledgedExtensions);
      expect(stored.record.history.some((f) => f.kind === 'manual-pause')).toBe(actions[2]?.ok === true);
      expect(actions.some((a) => a.ok)).toBe(true);
      // Jira shows the latest clock, not whichever writer's projection landed last.
      expect(propertyOf(h, key)).toEqual(stored.record);
      const field = h.model.appFields[0]?.id ?? '';
      const shown = h.model.findIssue(key)?.appFieldValues[field];
      expect(Math.floor(Date.parse(String(shown)) / 1000)).toBe(Math.floor(Date.parse(stored.record.deadline ?? '') / 1000));
    }
  });
});

describe('the sweep reconciles from the issue before it notifies (item 2)', () => {
  it('sends no breach notice when the "resolved" event is late, and counts the request as met', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    h.model.setPriority(h.site.users.sanne.accountId, key, 'Highest');
    await deliverAll(h);
    const deadline = Date.parse(propertyOf(h, key).deadline ?? '');
    h.clock.now = new Date(deadline - 5 * 60_000);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    const late = takeEvents(h); // not delivered yet
    h.clock.now = new Date(deadline + 10 * 60_000);
    await h.sweep();
    expect(appNotes(h, key)).toEqual([]);
    expect(notices(h, key)).toBe(0);
    expect(propertyOf(h, key).state).toBe('met');
    for (const event of late) await deliver(h, event);
    expect(propertyOf(h, key).state).toBe('met');
    expect(await countedOutcomes(h)).toEqual({ met: 1, breached: 0 });
  });

  it('repairs within one cycle a paused clock whose "resolved" update failed (nothing was due)', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    h.advance(20);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Waiting for customer');
    await deliverAll(h);
    expect(await dueItemOf(h, key)).toBeNull(); // paused: only an event or the repair can change it
    h.advance(20);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    const real = h.deps.jiraAsApp;
    const failing: typeof real = { ...real, setIssueProperty: () => Promise.reject(new Error('Jira is down')) };
    for (const event of takeEvents(h)) await createOnIssueUpdated({ ...h.deps, jiraAsApp: failing })(event);
    expect(propertyOf(h, key).state).toBe('paused');
    h.advance(5);
    await h.sweep();
    expect(propertyOf(h, key).state).toBe('met');
    expect((await storedClockOf(h, key)).record.state).toBe('met');
    expect(await countedOutcomes(h)).toEqual({ met: 1, breached: 0 });
  });

  it('finds and starts, within one cycle, requests whose created event was lost', async () => {
    const h = await createHarness();
    const lost = [raise(h, 'alice', 'email', 'lost 1'), raise(h, 'bob', 'printer', 'lost 2')];
    h.events.length = 0;
    expect(h.model.findIssue(lost[0] ?? '')?.properties[CONTRACT_CLOCK_PROPERTY_KEY]).toBeUndefined();
    h.advance(5);
    await h.sweep();
    for (const key of lost) {
      expect(propertyOf(h, key).state).toBe('running');
      expect((await storedClockOf(h, key)).record).toEqual(propertyOf(h, key));
    }
  });
});

describe('a lost commented event does not move the first response', () => {
  it("takes the earliest agent reply as the first response when that reply's own event was lost (the soak's ITS-3)", async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    expect((await storedClockOf(h, key)).record.response?.respondedAt).toBeNull();
    h.advance(10);
    const first = h.model.addComment(h.site.users.sanne.accountId, key, { body: 'We are on it.' });
    expect(takeEvents(h)).toHaveLength(1); // lost: never delivered (Forge does not retry a failed trigger)
    h.advance(120);
    h.model.addComment(h.site.users.tom.accountId, key, { body: 'Still on it.' });
    await deliverAll(h);
    const response = (await storedClockOf(h, key)).record.response;
    expect(response?.respondedAt).toBe(new Date(first.createdMs).toISOString());
    const replies = (await storedClockOf(h, key)).record.history.filter((f) => f.kind === 'public-comment');
    expect(replies.map((f) => f.id)).toEqual([`comment:${first.id}`]);
    expect(propertyOf(h, key).response?.respondedAt).toBe(new Date(first.createdMs).toISOString());
  });

  it('reads only the named comment once a first response is recorded (one Jira call either way)', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    h.model.addComment(h.site.users.sanne.accountId, key, { body: 'We are on it.' });
    await deliverAll(h);
    expect((await storedClockOf(h, key)).record.response?.respondedAt).not.toBeNull();
    const calls: string[] = [];
    const real = h.deps.jiraAsApp;
    const counting: typeof real = {
      ...real,
      getComment: (...args) => (calls.push('getComment'), real.getComment(...args)),
      listFirstComments: (...args) => (calls.push('listFirstComments'), real.listFirstComments(...args)),
    };
    h.model.addComment(h.site.users.tom.accountId, key, { body: 'Update: the mailbox is back.' });
    for (const event of takeEvents(h)) await createOnIssueCommented({ ...h.deps, jiraAsApp: counting })(event);
    expect(calls).toEqual(['getComment']);
  });
});

describe('records are capped by UTF-8 bytes; storage never runs ahead of Jira (item 7)', () => {
  it('stores a clock extended 30 times with long non-ASCII reasons, and Jira holds exactly what storage holds', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    // 500 characters, 1 500 bytes: thirty of them are 15 000 characters (under the old 24 000-character
    // cap) but 45 000 bytes (over Jira's 32 768).
    const reason = '交換部品の到着をお待ちください。'.repeat(40).slice(0, 500);
    for (let i = 0; i < 30; i += 1) {
      h.advance(1);
      const revision = (await storedClockOf(h, key)).revision;
      const answer = await panelCall(h, key, 'panel/extend', { issueKey: key, revision, minutes: 15, reason });
      expect(answer).toMatchObject({ ok: true });
    }
    const stored = await storedClockOf(h, key);
    const json = JSON.stringify(h.model.findIssue(key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(32_768);
    expect(json.length).toBeLessThan(Buffer.byteLength(json, 'utf8')); // the characters would have fooled a character cap
    expect(propertyOf(h, key)).toEqual(stored.record);
    expect(stored.record.target?.extensionMinutes).toBe(30 * 15);
    expect(clockRecordSchema.safeParse(stored.record).success).toBe(true);
  });
});

describe('a clock that is no longer breached is scheduled and notified again (item 9)', () => {
  it('handles the new at-risk instant and deadline after a priority downgrade past a notified breach', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    h.model.setPriority(h.site.users.sanne.accountId, key, 'Highest');
    await deliverAll(h);
    h.clock.now = new Date(Date.parse(propertyOf(h, key).deadline ?? '') + 60_000);
    await h.sweep();
    expect(propertyOf(h, key).state).toBe('breached');
    expect(appNotes(h, key)).toHaveLength(1);

    h.model.setPriority(h.site.users.sanne.accountId, key, 'Low');
    await deliverAll(h);
    const downgraded = propertyOf(h, key);
    expect(['running', 'at-risk']).toContain(downgraded.state);
    expect(downgraded.state).toBe('running');
    expect((await dueItemOf(h, key))?.dueAt).toBe(downgraded.atRiskAt);

    h.clock.now = new Date(Date.parse(downgraded.atRiskAt ?? '') + 60_000);
    await h.sweep();
    expect(propertyOf(h, key).state).toBe('at-risk');
    expect(appNotes(h, key)).toHaveLength(2);

    h.clock.now = new Date(Date.parse(downgraded.deadline ?? '') + 60_000);
    await h.sweep();
    await h.sweep();
    expect(propertyOf(h, key).state).toBe('breached');
    expect(appNotes(h, key)).toHaveLength(3);
    expect(notices(h, key)).toBe(3);
  });

  it('handles the new deadline of a clock extended after its breach notice, resolved and reopened', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    h.model.setPriority(h.site.users.sanne.accountId, key, 'Highest');
    await deliverAll(h);
    h.clock.now = new Date(Date.parse(propertyOf(h, key).deadline ?? '') + 60_000);
    await h.sweep();
    expect(appNotes(h, key)).toHaveLength(1); // breached
    const extended = await panelCall(h, key, 'panel/extend', { issueKey: key, revision: propertyOf(h, key).revision, minutes: 8 * 60, reason: 'Agreed a new date' });
    expect(extended).toMatchObject({ ok: true });
    expect(propertyOf(h, key).state).not.toBe('breached');
    h.advance(10);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    await deliverAll(h);
    expect(await countedOutcomes(h)).toEqual({ met: 1, breached: 0 });
    h.advance(60);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Open');
    await deliverAll(h);
    const reopened = propertyOf(h, key);
    expect(await countedOutcomes(h)).toEqual({ met: 0, breached: 0 }); // reopened: no longer counted
    expect((await dueItemOf(h, key))?.dueAt).toBeDefined();
    h.clock.now = new Date(Date.parse(reopened.deadline ?? '') + 60_000);
    await h.sweep();
    expect(propertyOf(h, key).state).toBe('breached');
    expect(appNotes(h, key)).toHaveLength(2); // the new deadline's breach is noted too
  });
});
