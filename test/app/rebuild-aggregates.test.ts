/** The queue-driven reconciliation of compliance aggregates with the outcomes stored with the clocks. */
import { AGGREGATE_PREFIX, aggregateItemKey, COMPLIANCE_AGGREGATE_ENTITY } from '../../src/adapters/storage/storage-keys';
import { readAggregatesReconciliation } from '../../src/app/compliance-store';
import { startRebuild } from '../../src/app/rebuild-aggregates';
import { createHarness, type Harness } from './app-harness';
import { aggregatesOf, deliverAll } from './clock-helpers';

async function resolveRequests(h: Harness): Promise<void> {
  const agent = h.site.users.sanne.accountId;
  const customers = ['alice', 'bob', 'grace', 'uma', 'sam'] as const;
  for (const [i, customer] of customers.entries()) {
    const issue = h.model.createRequest(h.site.users[customer].accountId, {
      serviceDeskId: h.site.serviceDesk.id,
      requestTypeId: h.site.requestTypes.email.id,
      summary: `Request ${i}`,
    });
    await deliverAll(h);
    h.advance(i % 2 === 0 ? 30 : 60 * 24 * 4); // some on time, some days late
    h.model.transitionToStatus(agent, issue.key, 'Resolved');
    await deliverAll(h);
  }
}

describe('reconciling compliance aggregates', () => {
  it('gives back exactly the aggregates the triggers built, after they were lost or corrupted, and says when', async () => {
    const h = await createHarness();
    await resolveRequests(h);
    const aggregates = await aggregatesOf(h);
    expect(aggregates.length).toBeGreaterThan(1);
    expect(await readAggregatesReconciliation(h.store.inner)).toBeNull();

    // Lose one aggregate, zero the counts of another and leave a stale one behind, plus an old-format key.
    const [first, second] = aggregates;
    await h.store.inner.transact([
      { type: 'delete', key: aggregateItemKey(first!.month, first!.customerId), entity: COMPLIANCE_AGGREGATE_ENTITY },
      {
        type: 'set',
        key: aggregateItemKey(second!.month, second!.customerId),
        entity: COMPLIANCE_AGGREGATE_ENTITY,
        value: { ...second!, cells: [], revision: 7 },
      },
      {
        type: 'set',
        key: aggregateItemKey('2025-01', 'nobody'),
        entity: COMPLIANCE_AGGREGATE_ENTITY,
        value: { schemaVersion: 1, month: '2025-01', customerId: 'nobody', cells: [{ serviceId: 's', levelId: 'l', priorityClass: 'P3', met: 4, breached: 0, responseMet: 0, responseBreached: 0, extended: 0, extensions: 0 }], revision: 1 },
      },
      { type: 'set', key: `${AGGREGATE_PREFIX}2025-01:nobody`, value: { schemaVersion: 1, month: '2025-01', customerId: 'nobody', cells: [] } },
    ]);

    await startRebuild(h.deps, 'job-1');
    await h.drainRebuild();
    expect(await aggregatesOf(h)).toEqual(aggregates);
    expect((await h.store.inner.query({ prefix: AGGREGATE_PREFIX, limit: 10 })).entries).toEqual([]);
    const reconciled = await readAggregatesReconciliation(h.store.inner);
    expect(reconciled).toMatchObject({ jobId: 'job-1', at: h.clock.now.toISOString(), aggregates: aggregates.length + 1, corrected: 3, outcomes: 5 });
  });
});
