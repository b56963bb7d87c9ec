/**
 * The triage index backfill (ADR 0032): clocks stored before the triage index existed have no entry
 * in it; the sweep finds them — one search page of open requests per run — and queues them for a
 * reconcile, whose conditional write adds the entry. Closed requests get none, a pass that finds
 * nothing left ends the backfill, and a trigger writing the same clock at the same time wins or
 * loses cleanly (the entry ends up with what the issue says last).
 */
import { ISSUE_CLOCK_ENTITY, issueItemKey, sweepStateKey, TRIAGE_ENTRY_ENTITY } from '../../src/adapters/storage/storage-keys';
import { issueClockItemSchema } from '../../src/contract/clock-storage';
import { triageEntrySchema } from '../../src/contract/triage-entry';
import { openRequestsJql } from '../../src/app/sweep-open-clocks';
import { createHarness, recordJiraSearches, type Harness, type RecordedSearch } from './app-harness';
import { deliverAll, deliverConcurrently, deliver, issueIdOf, raise, takeEvents } from './clock-helpers';

jest.setTimeout(120_000);

/**
 * Takes the store back to what a version before the triage index wrote: clocks without triage facts,
 * no entries, and the sweep's state as that version kept it (it had swept before).
 */
async function forgetTriage(h: Harness, issueIds: readonly string[]): Promise<void> {
  await h.store.set(sweepStateKey(), { schemaVersion: 1, serviceProjects: null, legacy: 'done' });
  for (const issueId of issueIds) {
    const raw = await h.store.getEntity(ISSUE_CLOCK_ENTITY, issueItemKey(issueId));
    const item = issueClockItemSchema.parse(raw);
    const { triage: _dropped, ...old } = item;
    await h.store.transact([
      { type: 'set', key: issueItemKey(issueId), entity: ISSUE_CLOCK_ENTITY, value: old },
      { type: 'delete', key: issueItemKey(issueId), entity: TRIAGE_ENTRY_ENTITY },
    ]);
  }
}

async function entryOf(h: Harness, issueId: string) {
  const raw = await h.store.getEntity(TRIAGE_ENTRY_ENTITY, issueItemKey(issueId));
  return raw === undefined || raw === null ? null : triageEntrySchema.parse(raw);
}

const isBackfillSearch = ({ jql }: RecordedSearch): boolean => jql === openRequestsJql([jql.match(/^project in \(([^)]*)\)/)?.[1] ?? '']);

async function backfillState(h: Harness): Promise<unknown> {
  const raw = (await h.store.get(sweepStateKey())) as { triageBackfill?: unknown } | undefined;
  return raw?.triageBackfill;
}

describe('the triage index backfill', () => {
  it('gives clocks stored before the index their entry, a page of open requests per sweep, and stops once a pass finds none', async () => {
    const h = await createHarness();
    // 130 open requests (more than one search page of 100) and one resolved
    const keys = Array.from({ length: 130 }, (_, i) => raise(h, i % 2 === 0 ? 'alice' : 'bob', 'email', `Mail problem ${i + 1}`));
    const closedKey = raise(h, 'alice', 'printer', 'Printer jammed');
    await deliverConcurrently(h);
    h.model.transitionToStatus(h.site.users.sanne.accountId, closedKey, 'Resolved');
    await deliverAll(h);
    const ids = keys.map((key) => issueIdOf(h, key));
    const closedId = issueIdOf(h, closedKey);
    expect(await entryOf(h, ids[0] ?? '')).not.toBeNull();

    await forgetTriage(h, [...ids, closedId]);
    for (const id of ids) expect(await entryOf(h, id)).toBeNull();

    // first sweep: the first page (the 100 oldest open requests); past the recent-activity search's
    // window, whose catch-up would give the just-raised requests their entries too
    const firstSearches = recordJiraSearches(h);
    h.advance(20);
    await h.sweep();
    expect(firstSearches.filter(isBackfillSearch)).toHaveLength(1);
    // the backfill's page asks Jira for the ids of the 100 requests only: no field, no clock property
    // comes back (whether a clock lacks its triage facts is read from app storage)
    const backfillPage = firstSearches.find(isBackfillSearch);
    expect(backfillPage?.sent).toEqual({ jql: backfillPage?.jql, fields: ['id'], maxResults: 100 });
    expect(backfillPage?.issues).toEqual(ids.slice(0, 100).map((id) => ({ id })));
    const afterFirst = await Promise.all(ids.map((id) => entryOf(h, id)));
    expect(afterFirst.filter((entry) => entry !== null)).toHaveLength(100);
    expect(afterFirst.slice(0, 100).every((entry) => entry !== null)).toBe(true);
    expect(await backfillState(h)).toMatchObject({ status: 'pending', pass: 1, queuedThisPass: 100 });

    // second sweep: the remaining 30; the pass ends having queued some, so a second pass follows
    h.advance(5);
    await h.sweep();
    const afterSecond = await Promise.all(ids.map((id) => entryOf(h, id)));
    expect(afterSecond.every((entry) => entry !== null)).toBe(true);
    expect(afterSecond.map((entry) => entry?.issueKey)).toEqual(keys);
    expect(await backfillState(h)).toMatchObject({ status: 'pending', pass: 2, queuedThisPass: 0 });
    // the resolved request is not listed, and its stored clock was not touched
    expect(await entryOf(h, closedId)).toBeNull();
    expect(issueClockItemSchema.parse(await h.store.getEntity(ISSUE_CLOCK_ENTITY, issueItemKey(closedId))).triage).toBeUndefined();

    // the second pass finds nothing missing (two pages) and ends the backfill
    h.advance(5);
    await h.sweep();
    h.advance(5);
    await h.sweep();
    expect(await backfillState(h)).toMatchObject({ status: 'done' });

    // once done, a sweep no longer searches for it
    const searches = recordJiraSearches(h);
    h.advance(5);
    await h.sweep();
    expect(searches.length).toBeGreaterThan(0); // the repair search
    expect(searches.filter(isBackfillSearch)).toEqual([]);
  });

  it('an install\u2019s first sweep ever has nothing to backfill: it marks the backfill done without searching', async () => {
    const h = await createHarness();
    raise(h, 'alice', 'email', 'Mail problem');
    await deliverAll(h);
    const searches = recordJiraSearches(h);
    h.advance(5);
    await h.sweep();
    expect(await backfillState(h)).toMatchObject({ status: 'done' });
    expect(searches.length).toBeGreaterThan(0); // the repair search
    expect(searches.filter(isBackfillSearch)).toEqual([]);
  });

  it('a trigger writing the same clock while the backfill reconciles it: the entry has what the issue says last', async () => {
    const h = await createHarness();
    const keys = Array.from({ length: 6 }, (_, i) => raise(h, 'alice', 'email', `Mail problem ${i + 1}`));
    await deliverConcurrently(h);
    const ids = keys.map((key) => issueIdOf(h, key));
    await forgetTriage(h, ids);

    // assign every request to Sanne; deliver those events at the same time as the backfill's sweep
    for (const key of keys) h.model.assignIssue(h.site.users.sanne.accountId, key, h.site.users.sanne.accountId);
    const events = takeEvents(h);
    h.advance(5);
    await Promise.all([h.sweep({ concurrency: 2 }), ...events.map((event) => deliver(h, event))]);

    for (const id of ids) {
      const entry = await entryOf(h, id);
      expect(entry?.assignee).toBe(h.site.users.sanne.accountId);
      const item = issueClockItemSchema.parse(await h.store.getEntity(ISSUE_CLOCK_ENTITY, issueItemKey(id)));
      expect(item.triage?.assignee).toBe(h.site.users.sanne.accountId);
      expect(item.triage?.entryHash).not.toBeNull();
    }
  });
});
