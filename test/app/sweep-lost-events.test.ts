/**
 * Lost or failed commented and updated events are caught up within one sweep cycle (issue 10 item 2,
 * the concurrency soak's ITS-184 and ITS-103): the sweep searches the requests updated since its
 * previous run and reconciles them, reading the changelog entries the clock has not read and, while
 * no first response is recorded, the earliest comments. A quiet site's sweep reconciles nothing.
 */
import { recentWindowMinutes, sweepSearchJql } from '../../src/app/sweep-open-clocks';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createHarness, recordJiraSearches, type Harness } from './app-harness';
import { deliver, deliverAll, propertyOf, raise, storedClockOf, takeEvents } from './clock-helpers';

/** The Jira reads a reconcile makes of one issue (GET of the issue itself), counted by the harness. */
function issueReads(h: Harness): number {
  return h.jiraCalls.filter((call) => /^GET \/rest\/api\/3\/issue\/[^/]+$/.test(call)).length;
}

/** Jira as the app, except that every write fails (a trigger that fails under faults; the handler may log rather than throw). */
function failingWrites(h: Harness): Harness['deps'] {
  const real = h.deps.jiraAsApp;
  return {
    ...h.deps,
    jiraAsApp: {
      ...real,
      setIssueProperty: () => Promise.reject(new Error('Jira is down')),
      setContractDeadline: () => Promise.reject(new Error('Jira is down')),
    },
  };
}

/** A new e-mail request whose created event was delivered and swept: its clock is stored and running. */
async function sweptRequest(): Promise<{ h: Harness; key: string }> {
  const h = await createHarness();
  const key = raise(h, 'alice', 'email');
  await deliverAll(h);
  await h.sweep();
  return { h, key };
}

/** An agent's public reply ten minutes into the request, whose commented event does not arrive. */
function agentReplies(h: Harness, key: string): { createdMs: number } {
  h.advance(10);
  return h.model.addComment(h.site.users.sanne.accountId, key, { body: 'We are on it.' });
}

describe('the sweep catches up requests whose commented or updated event was lost or failed', () => {
  it("records a first response whose commented event was never delivered (the soak's ITS-184)", async () => {
    const { h, key } = await sweptRequest();
    const reply = agentReplies(h, key);
    expect(takeEvents(h)).toHaveLength(1); // lost: Forge does not retry a trigger that threw
    expect((await storedClockOf(h, key)).record.response?.respondedAt).toBeNull();
    h.advance(5);
    await h.sweep();
    const respondedAt = new Date(reply.createdMs).toISOString();
    expect((await storedClockOf(h, key)).record.response?.respondedAt).toBe(respondedAt);
    expect(propertyOf(h, key).response?.respondedAt).toBe(respondedAt);
  });

  it('records a first response whose commented handler failed', async () => {
    const { h, key } = await sweptRequest();
    const reply = agentReplies(h, key);
    for (const event of takeEvents(h)) await createOnIssueCommented(failingWrites(h))(event).catch(() => undefined);
    expect((await storedClockOf(h, key)).record.response?.respondedAt).toBeNull();
    h.advance(5);
    await h.sweep();
    expect((await storedClockOf(h, key)).record.response?.respondedAt).toBe(new Date(reply.createdMs).toISOString());
  });

  it("records a pause whose transition event failed (the soak's ITS-103), and its end whose event was lost", async () => {
    const { h, key } = await sweptRequest();
    h.advance(20);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Waiting for customer');
    for (const event of takeEvents(h)) await createOnIssueUpdated(failingWrites(h))(event).catch(() => undefined);
    expect((await storedClockOf(h, key)).record.pauses).toEqual([]);
    expect(propertyOf(h, key).state).toBe('running');
    h.advance(5);
    await h.sweep();
    const paused = (await storedClockOf(h, key)).record;
    expect(paused.state).toBe('paused');
    expect(paused.pauses).toHaveLength(1);
    expect(paused.pauses[0]).toMatchObject({ kind: 'status', reason: 'Waiting for customer', to: null });
    expect(propertyOf(h, key).state).toBe('paused');

    h.advance(30);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'In Progress');
    expect(takeEvents(h).length).toBeGreaterThan(0); // lost
    h.advance(5);
    await h.sweep();
    const resumed = (await storedClockOf(h, key)).record;
    expect(resumed.state).not.toBe('paused');
    expect(resumed.pauses).toHaveLength(1);
    expect(resumed.pauses[0]?.to).not.toBeNull();
  });

  it('reads a lost first reply of a request that is due in the same sweep, and still sends the notice it owes once', async () => {
    const { h, key } = await sweptRequest();
    const atRisk = Date.parse(propertyOf(h, key).atRiskAt ?? '');
    h.clock.now = new Date(atRisk - 2 * 60_000);
    await h.sweep();
    const reply = h.model.addComment(h.site.users.sanne.accountId, key, { body: 'We are on it.' });
    expect(takeEvents(h)).toHaveLength(1); // lost
    h.clock.now = new Date(atRisk + 60_000);
    await h.sweep();
    const stored = await storedClockOf(h, key);
    expect(stored.record.response?.respondedAt).toBe(new Date(reply.createdMs).toISOString());
    expect(stored.record.markers.atRiskNotifiedAt).not.toBeNull();
    const notes = (h.model.findIssue(key)?.comments ?? []).filter((c) => c.authorId === h.model.appUser().accountId);
    expect(notes).toHaveLength(1);
  });

  it('agrees with the late events it races: the catch-up and the commented and updated events, interleaved, record one first response and one pause', async () => {
    const { h, key } = await sweptRequest();
    const reply = agentReplies(h, key);
    h.advance(1);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Waiting for customer');
    const late = takeEvents(h); // arrive while the next sweep runs
    expect(late.length).toBeGreaterThanOrEqual(2);
    h.advance(4);
    const before = (await storedClockOf(h, key)).revision;
    await Promise.all([h.sweep({ concurrency: 2 }), ...late.map((event) => deliver(h, event)), ...late.map((event) => deliver(h, event))]);
    const stored = await storedClockOf(h, key);
    expect(stored.record.response?.respondedAt).toBe(new Date(reply.createdMs).toISOString());
    expect(stored.record.state).toBe('paused');
    expect(stored.record.pauses).toHaveLength(1);
    expect(stored.revision).toBeGreaterThan(before);
    expect(propertyOf(h, key).state).toBe('paused');
    expect(propertyOf(h, key).response?.respondedAt).toBe(stored.record.response?.respondedAt);
  });

  it("converges: the sweep's catch-up of a delivered event writes nothing, and the next sweep does not look at it again", async () => {
    const { h, key } = await sweptRequest();
    h.advance(10);
    h.model.addComment(h.site.users.sanne.accountId, key, { body: 'We are on it.' });
    await deliverAll(h);
    const before = await storedClockOf(h, key);
    h.advance(5);
    h.reset();
    await h.sweep();
    expect(issueReads(h)).toBe(1); // caught up once, found nothing missing
    expect((await storedClockOf(h, key)).revision).toBe(before.revision);
    h.advance(5);
    h.reset();
    await h.sweep();
    expect(issueReads(h)).toBe(0);
  });
});

describe("a quiet site's sweep", () => {
  it('reconciles nothing when no request was updated since the previous sweep (one search, no issue read)', async () => {
    const h = await createHarness();
    for (const who of ['alice', 'bob'] as const) raise(h, who, 'email');
    await deliverAll(h);
    h.advance(5);
    await h.sweep(); // catches up the two new requests once
    h.advance(5);
    h.reset();
    await h.sweep();
    expect(issueReads(h)).toBe(0);
    expect(h.jiraCalls.filter((call) => call.includes('/search/jql'))).toHaveLength(1); // one search: repair and recent updates together
  });
});

describe("the sweep's search", () => {
  it('asks Jira for the ids of the requests it finds only: no field and no clock record come back', async () => {
    const h = await createHarness();
    const keys = (['alice', 'bob'] as const).map((who) => raise(h, who, 'email'));
    await deliverAll(h);
    h.advance(5);
    const searches = recordJiraSearches(h);
    h.reset();
    await h.sweep(); // catches up the two new requests once
    // (the sweep's other search, the renewal reminders' carrier request, reads its key: not ids only)
    const reconcileSearches = searches.filter(({ jql }) => jql === sweepSearchJql([h.site.project.id], recentWindowMinutes(undefined, h.clock.now)));
    expect(reconcileSearches).toHaveLength(1);
    const [search] = reconcileSearches;
    expect(search?.sent).toEqual({ jql: search?.jql, fields: ['id'], maxResults: 100 });
    const ids = keys.map((key) => h.model.findIssue(key)?.id);
    expect(search?.issues).toHaveLength(2);
    expect(search?.issues).toEqual(expect.arrayContaining(ids.map((id) => ({ id }))));
    expect(issueReads(h)).toBe(2); // each found request is reconciled from its own read
  });

  it('reaches back to the previous sweep start with a margin, in documented JQL', () => {
    const now = new Date('2026-10-05T08:00:00Z');
    expect(recentWindowMinutes('2026-10-05T07:55:00Z', now)).toBe(8);
    expect(recentWindowMinutes('2026-10-05T07:54:30Z', now)).toBe(9);
    expect(recentWindowMinutes(undefined, now)).toBe(15);
    expect(recentWindowMinutes('2026-09-01T00:00:00Z', now)).toBe(7 * 24 * 60);
    const jql = sweepSearchJql(['10000', '10001'], 8);
    expect(jql.startsWith('project in (10000, 10001) AND (updated >= -8m OR ')).toBe(true);
    expect(jql.endsWith(') ORDER BY updated ASC')).toBe(true);
  });
});
