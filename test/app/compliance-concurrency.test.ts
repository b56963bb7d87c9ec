/**
 * The compliance aggregates are exact under concurrency (issue 8 item 4): resolutions, reopens and
 * re-resolutions delivered to the real handlers all at once — duplicated and shuffled, as Forge
 * delivers them — leave aggregates equal to a recomputation from the clocks in app storage, and
 * equal to what the reconciliation job recounts: 0 lost, 0 double-counted.
 */
import { ISSUE_CLOCK_ENTITY } from '../../src/adapters/storage/storage-keys';
import { readAggregatesReconciliation } from '../../src/app/compliance-store';
import { startRebuild } from '../../src/app/rebuild-aggregates';
import { issueClockItemSchema } from '../../src/contract/clock-storage';
import type { ComplianceAggregate, IssueOutcome } from '../../src/contract/compliance-aggregate';
import { issueOutcomeOf, rebuildAggregates } from '../../src/domain/compliance';
import type { ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import { createHarness, type Harness } from './app-harness';
import { aggregatesOf, countedOutcomes, deliver, deliverAll, raise, takeEvents } from './clock-helpers';

/** What the aggregates must be: recomputed from every clock the app stored. */
async function recomputed(h: Harness): Promise<ComplianceAggregate[]> {
  const outcomes: IssueOutcome[] = [];
  for (const key of h.model.issues().map((issue) => issue.id)) {
    const raw = await h.store.inner.getEntity(ISSUE_CLOCK_ENTITY, key);
    if (raw === undefined) continue;
    const item = issueClockItemSchema.parse(raw);
    const outcome = issueOutcomeOf(item.issueId, item.record);
    if (outcome !== null) outcomes.push(outcome);
  }
  return rebuildAggregates(outcomes);
}

/** Every event twice, in a shuffled order (a seeded shuffle, so a failure can be replayed). */
function duplicatedAndShuffled(events: readonly ForgeJiraEvent[], seed: number): ForgeJiraEvent[] {
  const all = [...events, ...events];
  let state = seed;
  for (let i = all.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

// Each case runs dozens of handlers through the emulator: seconds on a quiet machine, more on a shared one.
jest.setTimeout(60_000);

describe('compliance aggregates under concurrent resolutions', () => {
  it('counts 24 resolutions of one customer in one month, delivered at once, exactly once each', async () => {
    const h = await createHarness();
    const keys = Array.from({ length: 24 }, (_, i) => raise(h, i % 2 === 0 ? 'alice' : 'bob', 'email', `Request ${i}`));
    await deliverAll(h);
    h.advance(30);
    for (const key of keys) h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    await Promise.all(duplicatedAndShuffled(takeEvents(h), 7).map((event) => deliver(h, event)));
    const aggregates = await aggregatesOf(h);
    expect(aggregates).toHaveLength(1); // one customer, one month
    expect(await countedOutcomes(h)).toEqual({ met: 24, breached: 0 });
    expect(aggregates).toEqual(await recomputed(h));
  });

  it('stays exact through interleaved reopens and re-resolutions, and the reconciliation agrees', async () => {
    const h = await createHarness();
    const agent = h.site.users.sanne.accountId;
    const keys = Array.from({ length: 20 }, (_, i) => raise(h, ['alice', 'bob', 'grace', 'uma'][i % 4] as 'alice', 'email', `Request ${i}`));
    await deliverAll(h);
    h.advance(30);
    for (const key of keys) h.model.transitionToStatus(agent, key, 'Resolved');
    const resolved = takeEvents(h);
    h.advance(60 * 24 * 30); // a month later: the re-resolved ones move to November's aggregates
    for (const key of keys.filter((_, i) => i % 2 === 0)) h.model.transitionToStatus(agent, key, 'Open');
    const reopened = takeEvents(h);
    h.advance(30);
    for (const key of keys.filter((_, i) => i % 4 === 0)) h.model.transitionToStatus(agent, key, 'Resolved');
    const again = takeEvents(h);
    // All of it at once, twice, in any order: handlers read the issue's current state.
    await Promise.all(duplicatedAndShuffled([...resolved, ...reopened, ...again], 11).map((event) => deliver(h, event)));

    // 10 never reopened, 5 reopened and left open (not counted), 5 resolved again in November; time
    // spent resolved counts as paused, so those still met their target.
    expect(await countedOutcomes(h)).toEqual({ met: 15, breached: 0 });
    const aggregates = await aggregatesOf(h);
    expect(new Set(aggregates.map((a) => a.month))).toEqual(new Set(['2026-10', '2026-11']));
    expect(aggregates).toEqual(await recomputed(h));

    await startRebuild(h.deps, 'check');
    await h.drainRebuild();
    expect(await aggregatesOf(h)).toEqual(aggregates);
    expect(await readAggregatesReconciliation(h.store.inner)).toMatchObject({ jobId: 'check', corrected: 0, outcomes: 15 });
  });

  it('recounts exactly while resolutions keep arriving during the reconciliation', async () => {
    const h = await createHarness();
    const keys = Array.from({ length: 12 }, (_, i) => raise(h, i % 2 === 0 ? 'alice' : 'grace', 'email', `Request ${i}`));
    await deliverAll(h);
    h.advance(30);
    for (const key of keys) h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    const events = takeEvents(h);
    await startRebuild(h.deps, 'during');
    await Promise.all([h.drainRebuild(), ...events.map((event) => deliver(h, event))]);
    expect(await countedOutcomes(h)).toEqual({ met: 12, breached: 0 });
    expect(await aggregatesOf(h)).toEqual(await recomputed(h));
  });
});
