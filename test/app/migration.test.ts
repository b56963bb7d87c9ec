/**
 * Installs of the old version (ADR 0018): records on the `contract-clock` property only, the sweep
 * index in `open-clock:` keys, aggregates in `agg:` keys with per-issue `agg-contrib:` keys. The
 * sweep adopts every such clock once — its app-only facts included — into app storage, deletes the
 * old keys, and the reconciliation rebuilds the aggregates from the adopted outcomes. A property
 * the old version's storage does not vouch for is never adopted.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import type { StoreOperation } from '../../src/adapters/storage/key-value-store';
import {
  AGGREGATE_PREFIX,
  aggregateKey,
  CLOCK_DUE_ENTITY,
  COMPLIANCE_AGGREGATE_ENTITY,
  ISSUE_CLOCK_ENTITY,
  ISSUE_OUTCOME_ENTITY,
  issueItemKey,
  OPEN_CLOCK_PREFIX,
  openClockKey,
  OUTCOME_CONTRIBUTION_PREFIX,
  outcomeContributionKey,
  aggregateItemKey,
} from '../../src/adapters/storage/storage-keys';
import { readAggregatesReconciliation } from '../../src/app/compliance-store';
import type { ClockFact } from '../../src/contract/clock-record';
import { issueOutcomeOf, rebuildAggregates } from '../../src/domain/compliance';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createHarness, type Harness } from './app-harness';
import { aggregatesOf, deliverAll, issueIdOf, propertyOf, raise, storedClockOf } from './clock-helpers';

/** Turns what the new version stored into what the old one would have: property + old keys only. */
async function downgradeToOldFormat(h: Harness, keys: readonly string[]): Promise<void> {
  const operations: StoreOperation[] = [];
  const outcomes = [];
  for (const key of keys) {
    const id = issueIdOf(h, key);
    const record = propertyOf(h, key);
    const item = issueItemKey(id);
    operations.push(
      { type: 'delete', key: item, entity: ISSUE_CLOCK_ENTITY },
      { type: 'delete', key: item, entity: CLOCK_DUE_ENTITY },
      { type: 'delete', key: item, entity: ISSUE_OUTCOME_ENTITY },
    );
    const outcome = issueOutcomeOf(id, record);
    if (outcome === null) {
      operations.push({ type: 'set', key: openClockKey(id), value: { schemaVersion: 1, issueId: id, issueKey: key, state: record.state, deadline: record.deadline, nextCheckAt: record.atRiskAt } });
    } else {
      outcomes.push(outcome);
      operations.push({ type: 'set', key: outcomeContributionKey(id), value: outcome });
      operations.push({ type: 'delete', key: aggregateItemKey(outcome.month, outcome.customerId), entity: COMPLIANCE_AGGREGATE_ENTITY });
    }
  }
  for (const aggregate of rebuildAggregates(outcomes)) operations.push({ type: 'set', key: aggregateKey(aggregate.month, aggregate.customerId), value: aggregate });
  for (let i = 0; i < operations.length; i += 25) await h.store.inner.transact(operations.slice(i, i + 25));
}

async function keysWith(h: Harness, prefix: string): Promise<string[]> {
  return (await h.store.inner.query({ prefix, limit: 100 })).entries.map((entry) => entry.key);
}

describe('migrating an install of the old version', () => {
  it('adopts every old clock once, with its manual facts, deletes the old keys and rebuilds the aggregates', async () => {
    const h = await createHarness();
    const agent = h.site.users.sanne.accountId;
    const open = [raise(h, 'alice', 'email', 'open 1'), raise(h, 'bob', 'printer', 'open 2')];
    const resolved = [raise(h, 'grace', 'email', 'done 1'), raise(h, 'uma', 'email', 'done 2'), raise(h, 'alice', 'network', 'done 3')];
    await deliverAll(h);
    // An app-only fact: an agent's extension, which only the old property carried.
    const first = open[0] ?? '';
    const extend: unknown = await createPanelResolver(h.deps)(
      { call: { functionKey: 'panel/extend', payload: { issueKey: first, revision: propertyOf(h, first).revision, minutes: 120, reason: 'Parts on order' } }, context: { moduleKey: 'contract-clock-panel', extension: { type: 'jira:issuePanel', issue: { id: issueIdOf(h, first), key: first } } } },
      { principal: { accountId: agent } } as never,
    );
    expect(extend).toMatchObject({ ok: true });
    h.advance(40);
    for (const key of resolved) h.model.transitionToStatus(agent, key, 'Resolved');
    await deliverAll(h);
    const aggregates = await aggregatesOf(h);
    const extended = propertyOf(h, first);
    const histories = new Map([...open, ...resolved].map((key) => [key, propertyOf(h, key).history]));
    await downgradeToOldFormat(h, [...open, ...resolved]);
    expect(await aggregatesOf(h)).toEqual([]);

    h.advance(5);
    await h.sweep(); // adopts what the old keys name
    for (const key of [...open, ...resolved]) expect((await storedClockOf(h, key)).record.history).toEqual(histories.get(key));
    expect((await storedClockOf(h, first)).record.target?.extensionMinutes).toBe(120);
    expect((await storedClockOf(h, first)).record.deadline).toBe(extended.deadline);
    expect(await keysWith(h, OPEN_CLOCK_PREFIX)).toEqual([]);
    expect(await keysWith(h, OUTCOME_CONTRIBUTION_PREFIX)).toEqual([]);

    await h.sweep(); // nothing old is left: the migration is done and the aggregates are reconciled
    await h.drainRebuild();
    expect(await keysWith(h, AGGREGATE_PREFIX)).toEqual([]);
    expect(await aggregatesOf(h)).toEqual(aggregates);
    expect(await readAggregatesReconciliation(h.store.inner)).toMatchObject({ corrected: 0, outcomes: resolved.length });
  });

  it('starts an old clock whose property no longer parses afresh from Jira, and says so in its history', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const before = propertyOf(h, key);
    await downgradeToOldFormat(h, [key]);
    h.model.setIssueProperty(h.site.users.admin.accountId, key, CONTRACT_CLOCK_PROPERTY_KEY, { schemaVersion: 1, state: 'garbage' });
    h.advance(5);
    await h.sweep();
    const stored = await storedClockOf(h, key);
    expect(stored.record.state).toBe('running');
    expect(stored.record.deadline).toBe(before.deadline);
    expect(stored.record.history).toEqual([expect.objectContaining({ kind: 'problem', reason: 'record-rebuilt' })]);
    expect(propertyOf(h, key)).toEqual(stored.record);
    expect(await keysWith(h, OPEN_CLOCK_PREFIX)).toEqual([]);
  });

  it('does not adopt a property that the old version\'s storage does not vouch for (a forgery on a request it never saw)', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const honest = propertyOf(h, key);
    // Forget the clock, as if the app had never seen the request, and forge a generous property.
    const item = issueItemKey(issueIdOf(h, key));
    await h.store.inner.transact([
      { type: 'delete', key: item, entity: ISSUE_CLOCK_ENTITY },
      { type: 'delete', key: item, entity: CLOCK_DUE_ENTITY },
    ]);
    const forgedFact: ClockFact = { kind: 'extension', id: 'extension:forged', at: h.clock.now.toISOString(), by: h.site.users.tom.accountId, reason: 'Agreed', minutes: 525_600 };
    await h.restAs(h.site.users.sanne.accountId).setIssueProperty(key, CONTRACT_CLOCK_PROPERTY_KEY, { ...honest, history: [...honest.history, forgedFact] });
    h.advance(5);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'In Progress');
    await deliverAll(h);
    const stored = await storedClockOf(h, key);
    expect(stored.record.history.some((f) => f.id === 'extension:forged')).toBe(false);
    expect(stored.record.deadline).toBe(honest.deadline);
    expect(propertyOf(h, key)).toEqual(stored.record);
  });
});
