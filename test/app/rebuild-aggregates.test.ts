/** The queue-driven rebuild of compliance aggregates from the records on the issues. */
import { scanPrefix } from '../../src/adapters/storage/key-value-store';
import { AGGREGATE_PREFIX, OUTCOME_CONTRIBUTION_PREFIX } from '../../src/adapters/storage/storage-keys';
import { rebuildJobBodySchema, runRebuildStep, startRebuild } from '../../src/app/rebuild-aggregates';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createHarness, type Harness } from './app-harness';

async function snapshot(h: Harness, prefix: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for await (const entry of scanPrefix(h.store.inner, prefix)) out[entry.key] = entry.value;
  return out;
}

async function deliverAll(h: Harness): Promise<void> {
  for (const event of h.events.splice(0).filter((e) => e.atlassianId !== h.model.app.accountId)) {
    if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
    else if (event.eventType === 'avi:jira:updated:issue') await createOnIssueUpdated(h.deps)(event);
  }
}

describe('rebuilding compliance aggregates', () => {
  it('gives back exactly the aggregates the triggers built, after they were lost', async () => {
    const h = await createHarness();
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
    const aggregates = await snapshot(h, AGGREGATE_PREFIX);
    const contributions = await snapshot(h, OUTCOME_CONTRIBUTION_PREFIX);
    expect(Object.keys(contributions)).toHaveLength(customers.length);
    expect(Object.keys(aggregates).length).toBeGreaterThan(0);

    // Lose one aggregate and corrupt the counts of the rest: the rebuild must not trust them.
    const [firstKey, ...rest] = Object.keys(aggregates);
    await h.store.inner.delete(firstKey!);
    for (const key of rest) await h.store.inner.set(key, { schemaVersion: 1, month: '2026-10', customerId: 'x', cells: [] });

    await startRebuild(h.deps, 'job-1');
    for (let steps = 0; h.jobs.length > 0; steps += 1) {
      expect(steps).toBeLessThan(50);
      const body = rebuildJobBodySchema.parse(h.jobs.shift());
      await runRebuildStep(h.deps, body);
    }
    expect(await snapshot(h, AGGREGATE_PREFIX)).toEqual(aggregates);
    expect(await snapshot(h, OUTCOME_CONTRIBUTION_PREFIX)).toEqual(contributions);
  });
});
