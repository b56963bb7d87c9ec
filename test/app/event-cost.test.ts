/**
 * What an event costs does not grow with the issue's changelog (issue 10 item 11): the app keeps how
 * far it read the changelog with the clock, so an event reads only the entries it has not seen, and a
 * redelivered event costs the same two Jira reads and two storage reads at 10 or 1 200 entries — and
 * writes nothing. `ignoredFacts` does not grow with redeliveries.
 */
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import type { ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import { createHarness, type Harness } from './app-harness';
import { deliverAll, propertyOf, raise, storedClockOf, takeEvents } from './clock-helpers';

/** A request whose changelog holds `entries` entries, processed by the app up to its last priority change. */
async function requestWithChangelog(entries: number): Promise<{ h: Harness; key: string; last: ForgeJiraEvent }> {
  const h = await createHarness();
  const key = raise(h, 'alice', 'email');
  await deliverAll(h);
  const agent = h.site.users.sanne.accountId;
  const existing = h.model.findIssue(key)?.changelog.length ?? 0;
  for (let i = existing; i < entries - 1; i += 1) h.model.editIssue(agent, key, { summary: `Outlook keeps asking for my password (${i})` });
  h.events.length = 0; // edits the clock ignores (the trigger skips them without a call)
  h.model.setPriority(agent, key, 'High');
  const last = takeEvents(h).find((event) => event.eventType === 'avi:jira:updated:issue');
  if (last === undefined) throw new Error('no update event');
  await createOnIssueUpdated(h.deps)(last);
  await deliverAll(h);
  expect(h.model.findIssue(key)?.changelog.length).toBeGreaterThanOrEqual(entries);
  return { h, key, last };
}

async function costOfRedelivery(h: Harness, event: ForgeJiraEvent) {
  h.reset();
  await createOnIssueUpdated(h.deps)(event);
  return {
    calls: [...h.jiraCalls],
    bytes: h.jiraResponseBytes.reduce((sum, n) => sum + n, 0),
    storage: [...h.store.operations],
  };
}

describe('the cost of an event', () => {
  it('is two Jira reads and two storage reads for a redelivery, whatever the changelog length, and writes nothing', async () => {
    const short = await requestWithChangelog(10);
    const long = await requestWithChangelog(1_200);
    const shortCost = await costOfRedelivery(short.h, short.last);
    const longCost = await costOfRedelivery(long.h, long.last);
    for (const cost of [shortCost, longCost]) {
      expect(cost.calls).toEqual([expect.stringMatching(/^GET \/rest\/api\/3\/issue\/\d+$/), expect.stringMatching(/^GET \/rest\/api\/3\/issue\/\d+\/changelog$/)]);
      expect(cost.storage).toEqual(['get jira-field:site', expect.stringMatching(/^get issue-clock\/\d+$/)]);
    }
    // The same answers up to the sizes of the entries read: not 1.3 MB of changelog.
    expect(longCost.bytes).toBeLessThan(shortCost.bytes * 1.5);
    expect(longCost.bytes).toBeLessThan(20_000);
  });

  it('reads only what is new for a new event, and ignoredFacts does not grow with redeliveries', async () => {
    const { h, key, last } = await requestWithChangelog(1_200);
    const before = await storedClockOf(h, key);
    expect(before.changelog?.read).toBe(h.model.findIssue(key)?.changelog.length);
    for (let i = 0; i < 5; i += 1) await createOnIssueUpdated(h.deps)(last);
    expect((await storedClockOf(h, key)).revision).toBe(before.revision);
    h.reset();
    h.advance(5);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Waiting for customer');
    await deliverAll(h);
    // The issue, one page of changelog (the new entry and the one before), the property and the
    // deadline field — plus, the first time a status is seen, the status catalogue.
    expect(h.jiraCalls.filter((call) => call.endsWith('/changelog'))).toHaveLength(1);
    expect(h.jiraCalls.filter((call) => !call.endsWith('/status'))).toHaveLength(4);
    expect(propertyOf(h, key).state).toBe('paused');
    expect(propertyOf(h, key).ignoredFacts).toBe(0);
  });

  it('does not count folded facts again on every delivery (ignoredFacts stays flat past the history cap)', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const agent = h.site.users.sanne.accountId;
    for (let i = 0; i < 130; i += 1) {
      h.advance(1);
      h.model.setPriority(agent, key, i % 2 === 0 ? 'High' : 'Medium');
      await deliverAll(h);
    }
    const folded = propertyOf(h, key);
    expect(folded.checkpoint).not.toBeNull(); // past 100 facts: the oldest are folded
    const last = h.model.findIssue(key)?.changelog.at(-1);
    h.model.setPriority(agent, key, 'Highest');
    const event = takeEvents(h)[0];
    if (event === undefined || last === undefined) throw new Error('no event');
    for (let i = 0; i < 5; i += 1) await createOnIssueUpdated(h.deps)(event);
    expect(propertyOf(h, key).ignoredFacts).toBe(folded.ignoredFacts);
    expect(propertyOf(h, key).ignoredFacts).toBe(0);
  });
});
