/**
 * The sweep finds due work by due time, not by scanning every open clock, and never starves
 * (issue 10 item 10): clocks that were noted and then paused are no longer due; a cycle with more
 * due clocks than one page fans them out over the queue by shard and handles all of them; what the
 * scheduled trigger reads does not grow with the number of open clocks.
 */
import { createRunSweep } from '../../src/entry/run-sweep';
import { createHarness, type Harness } from './app-harness';
import { deliverAll, dueItemOf, propertyOf, raise } from './clock-helpers';

function appNotes(h: Harness, key: string): number {
  return (h.model.findIssue(key)?.comments ?? []).filter((c) => c.authorId === h.model.appUser().accountId).length;
}

async function raiseMany(h: Harness, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => raise(h, i % 2 === 0 ? 'alice' : 'bob', 'email', `Request ${i}`));
  await deliverAll(h);
  return keys;
}

describe('the sweep at scale', () => {
  it('still notes a new at-risk clock after 60 noted clocks were paused (no starvation)', async () => {
    const h = await createHarness();
    const first = await raiseMany(h, 60);
    h.clock.now = new Date(Date.parse(propertyOf(h, first[0] ?? '').atRiskAt ?? '') + 60_000);
    await h.sweep({ concurrency: 4 });
    expect(first.every((key) => appNotes(h, key) === 1)).toBe(true);
    for (const key of first) h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Waiting for customer');
    await deliverAll(h);
    for (const key of first) expect(await dueItemOf(h, key)).toBeNull();

    const late = raise(h, 'grace', 'email', 'Later request');
    await deliverAll(h);
    h.clock.now = new Date(Date.parse(propertyOf(h, late).atRiskAt ?? '') + 60_000);
    await h.sweep();
    expect(appNotes(h, late)).toBe(1);
    expect(propertyOf(h, late).state).toBe('at-risk');
  });

  it('fans more than a page of due clocks out by shard and handles every one in one cycle', async () => {
    const h = await createHarness();
    const keys = await raiseMany(h, 130);
    h.clock.now = new Date(Date.parse(propertyOf(h, keys[0] ?? '').atRiskAt ?? '') + 60_000);
    await createRunSweep(h.deps)();
    expect(h.sweepJobs.filter((job) => job.kind === 'due')).toHaveLength(16);
    h.sweepJobs.length = 0;
    await h.sweep({ concurrency: 8 });
    expect(keys.filter((key) => appNotes(h, key) !== 1)).toEqual([]);
    expect(keys.every((key) => propertyOf(h, key).state === 'at-risk')).toBe(true);
  });

  it('still handles due clocks when Jira refuses the repair search (a service project was deleted), and looks the projects up again', async () => {
    const h = await createHarness();
    const [key] = await raiseMany(h, 1);
    await h.sweep();
    h.clock.now = new Date(Date.parse(propertyOf(h, key ?? '').atRiskAt ?? '') + 60_000);
    await h.store.inner.set('sweep-state', { schemaVersion: 1, serviceProjects: { ids: ['99999'], at: h.clock.now.toISOString() }, legacy: 'done' });
    await h.sweep();
    expect(appNotes(h, key ?? '')).toBe(1);
    expect(await h.store.inner.get('sweep-state')).toMatchObject({ serviceProjects: null });
    await h.sweep();
    expect(await h.store.inner.get('sweep-state')).toMatchObject({ serviceProjects: { ids: [h.site.serviceDesk.projectId] } });
  });

  it('reads the same from storage whether 5 or 150 clocks are open and none is due', async () => {
    const reads = async (open: number): Promise<string[]> => {
      const h = await createHarness();
      await raiseMany(h, open);
      await h.sweep(); // the first cycle looks up the service projects and finishes the (empty) migration
      h.reset();
      await createRunSweep(h.deps)();
      return h.store.operations;
    };
    const few = await reads(5);
    const many = await reads(150);
    expect(many).toEqual(few);
    // …and writes only its own state: where the next recent-activity search starts.
    expect(many).toEqual(['get sweep-state', 'query clock-due/dueAt', 'set sweep-state']);
  });
});
