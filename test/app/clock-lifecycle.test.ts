/**
 * The contract clock end to end through the real trigger handlers, Jira client and storage adapters,
 * against the sandbox's Jira emulator: start, budget, pause/resume, re-target, resolution,
 * idempotency under duplicated and shuffled events, bad input.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import { CLOCK_DUE_ENTITY, ISSUE_CLOCK_ENTITY, ISSUE_OUTCOME_ENTITY, issueItemKey } from '../../src/adapters/storage/storage-keys';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createHarness } from './app-harness';
import {
  aggregatesOf,
  clockNotifications,
  comparable,
  countedOutcomes,
  deliver,
  deliverAll,
  dueItemOf,
  issueIdOf,
  propertyOf as recordOf,
  raise,
  storedClockOf,
} from './clock-helpers';

describe('the contract clock through the real handlers', () => {
  it('stores the clock in app storage and attaches its projection and the Contract deadline when a request is created', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const record = recordOf(h, key);
    expect(record.state).toBe('running');
    expect(record.terms?.customer?.name).toMatch(/Acme/);
    expect(record.terms?.service?.name).toBe('E-mail');
    expect(record.terms?.level.name).toBe('Gold');
    expect(record.deadline).not.toBeNull();
    const issue = h.model.findIssue(key);
    const field = h.model.appFields[0];
    expect(field).toBeDefined();
    const fieldValue: unknown = issue?.appFieldValues[field?.id ?? ''];
    expect(typeof fieldValue).toBe('string');
    expect(Date.parse(String(fieldValue))).toBe(Date.parse(record.deadline ?? ''));
    const stored = await storedClockOf(h, key);
    expect(stored.record).toEqual(record);
    expect(stored.changelog).toMatchObject({ read: 0, lastId: null });
    expect(await dueItemOf(h, key)).toMatchObject({ issueKey: key, dueAt: record.atRiskAt });
  });

  it('stays within 4 Jira calls and 3 storage operations per created request in steady state', async () => {
    const h = await createHarness();
    raise(h, 'alice', 'email');
    await deliverAll(h); // the first run also discovers the site's field ids
    h.reset();
    raise(h, 'bob', 'printer', 'Printer on floor 2 jams');
    await deliverAll(h);
    expect(h.jiraCalls).toHaveLength(3); // the issue (with property and changelog), the property, the field
    expect(h.jiraCalls.length).toBeLessThanOrEqual(4);
    expect(h.store.operations.length).toBeLessThanOrEqual(3);
    expect(h.jiraCalls).toEqual(expect.arrayContaining([expect.stringMatching(/^PUT \/rest\/api\/3\/issue\/\d+\/properties\/contract-clock$/)]));
  });

  it('pauses while waiting for the customer and moves the deadline by the paused business time', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const before = recordOf(h, key);
    const agent = h.site.users.sanne.accountId;
    h.advance(30);
    h.model.transitionToStatus(agent, key, 'Waiting for customer');
    await deliverAll(h);
    expect(recordOf(h, key).state).toBe('paused');
    h.advance(60);
    h.model.transitionToStatus(agent, key, 'In Progress');
    await deliverAll(h);
    const after = recordOf(h, key);
    expect(after.state).toBe('running');
    expect(after.pauses).toHaveLength(1);
    expect(Date.parse(after.deadline ?? '') - Date.parse(before.deadline ?? '')).toBe(60 * 60_000);
  });

  it('re-targets on a priority change, keeping the elapsed time and the old target in history', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    const before = recordOf(h, key);
    h.advance(15);
    h.model.setPriority(h.site.users.sanne.accountId, key, 'Highest');
    await deliverAll(h);
    const after = recordOf(h, key);
    expect(after.target?.priorityClass).toBe('P1');
    expect(after.retargets).toHaveLength(1);
    expect(after.retargets[0]?.from.priorityClass).toBe(before.target?.priorityClass);
    expect(after.retargets[0]?.elapsedMinutes).toBe(15);
    expect(Date.parse(after.deadline ?? '')).toBeLessThan(Date.parse(before.deadline ?? ''));
  });

  it('freezes the outcome on resolution and counts it once in the month aggregate, however often the event comes', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    h.advance(45);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    const resolvedEvents = [...h.events];
    await deliverAll(h);
    for (const event of resolvedEvents) await deliver(h, event); // Forge redelivers
    const record = recordOf(h, key);
    expect(record.state).toBe('met');
    expect(record.outcome).toBe('met');
    expect(await aggregatesOf(h)).toHaveLength(1);
    expect(await countedOutcomes(h)).toEqual({ met: 1, breached: 0 });
    expect(await dueItemOf(h, key)).toBeNull();
  });

  it('gives the same record whatever the order and number of deliveries', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'network', 'Router down at the depot');
    const agent = h.site.users.sanne.accountId;
    const steps: (() => void)[] = [
      () => h.model.setPriority(agent, key, 'High'),
      () => h.model.transitionToStatus(agent, key, 'Waiting for customer'),
      () => h.model.transitionToStatus(agent, key, 'In Progress'),
      () => h.model.addComment(agent, key, { body: 'We are on it.' }),
      () => h.model.setPriority(agent, key, 'Highest'),
    ];
    for (const step of steps) {
      h.advance(20);
      step();
    }
    const all = h.events.splice(0);
    for (const event of all) await deliver(h, event);
    const inOrder = comparable(recordOf(h, key));

    // Forget everything (Jira's projection and app storage) and replay.
    const item = issueItemKey(issueIdOf(h, key));
    h.model.deleteIssueProperty(h.model.appUser().accountId, key, CONTRACT_CLOCK_PROPERTY_KEY);
    await h.store.inner.transact([
      { type: 'delete', key: item, entity: ISSUE_CLOCK_ENTITY },
      { type: 'delete', key: item, entity: CLOCK_DUE_ENTITY },
      { type: 'delete', key: item, entity: ISSUE_OUTCOME_ENTITY },
    ]);
    h.events.length = 0;
    // Reversed, with every event twice.
    const shuffled = [...all].reverse().flatMap((event) => [event, event]);
    for (const event of shuffled) await deliver(h, event);
    expect(comparable(recordOf(h, key))).toEqual(inOrder);
    expect(recordOf(h, key).response?.outcome).toBe('met');
  });

  it('marks requests of customers without a contract, or with an expired one, as uncovered with a reason', async () => {
    const h = await createHarness();
    const hooli = raise(h, 'henk', 'email');
    const wayne = raise(h, 'wendy', 'email');
    await deliverAll(h);
    expect(recordOf(h, hooli).state).toBe('uncovered');
    expect(recordOf(h, hooli).uncovered?.reason).toBe('unknown-organization');
    expect(recordOf(h, wayne).uncovered?.reason).toBe('contract-expired');
  });

  it('puts back a contract-clock property overwritten with garbage, from app storage, on the next event', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    h.advance(10);
    h.model.setPriority(h.site.users.sanne.accountId, key, 'High');
    await deliverAll(h);
    const before = await storedClockOf(h, key);
    h.model.setIssueProperty(h.site.users.admin.accountId, key, CONTRACT_CLOCK_PROPERTY_KEY, { hello: 'world' });
    h.events.length = 0;
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'In Progress');
    await deliverAll(h);
    const record = recordOf(h, key);
    expect(record.state).toBe('running');
    expect(record).toEqual((await storedClockOf(h, key)).record);
    // Nothing was rebuilt or lost: the stored history carries on.
    expect(record.history.some((fact) => fact.kind === 'problem')).toBe(false);
    expect(record.retargets).toEqual(before.record.retargets);
  });

  it('drops malformed event payloads without throwing or writing anything', async () => {
    const h = await createHarness();
    h.reset();
    await expect(createOnIssueCreated(h.deps)({ issue: { id: 'not-a-number' } })).resolves.toBeUndefined();
    await expect(createOnIssueUpdated(h.deps)(null)).resolves.toBeUndefined();
    expect(h.jiraCalls).toEqual([]);
    expect(h.store.operations).toEqual([]);
  });

  it('lets the sweep mark a clock at risk and breached once each, with an internal note', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    h.model.setPriority(h.site.users.sanne.accountId, key, 'Highest');
    await deliverAll(h);
    const deadline = Date.parse(recordOf(h, key).deadline ?? '');
    h.clock.now = new Date(deadline - 30 * 60_000);
    await h.sweep();
    await h.sweep();
    expect(recordOf(h, key).markers.atRiskNotifiedAt).not.toBeNull();
    h.clock.now = new Date(deadline + 60_000);
    await h.sweep();
    await h.sweep();
    const record = recordOf(h, key);
    expect(record.state).toBe('breached');
    expect(record.markers.breachedNotifiedAt).not.toBeNull();
    const issue = h.model.findIssue(key);
    const notes = (issue?.comments ?? []).filter((c) => c.authorId === h.model.appUser().accountId);
    expect(notes).toHaveLength(2);
    expect(notes.every((c) => c.internal)).toBe(true);
    expect(clockNotifications(h, key)).toHaveLength(2);
  });

  it('keeps storage and the aggregates where they were when the property write fails, and catches up on the next delivery', async () => {
    const h = await createHarness();
    const key = raise(h, 'alice', 'email');
    await deliverAll(h);
    h.advance(45);
    h.model.transitionToStatus(h.site.users.sanne.accountId, key, 'Resolved');
    const resolved = h.events.splice(0).filter((event) => event.atlassianId !== h.model.app.accountId);
    const real = h.deps.jiraAsApp;
    let failures = 1;
    const flaky: typeof real = {
      ...real,
      setIssueProperty: (...args) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new Error('Jira is down'));
        }
        return real.setIssueProperty(...args);
      },
    };
    const flakyDeps = { ...h.deps, jiraAsApp: flaky };
    for (const event of resolved) await createOnIssueUpdated(flakyDeps)(event);
    // The write failed: Jira has the old record, and so does storage — nothing moved on alone.
    expect(recordOf(h, key).state).toBe('running');
    expect((await storedClockOf(h, key)).record.state).toBe('running');
    expect(await countedOutcomes(h)).toEqual({ met: 0, breached: 0 });
    for (const event of resolved) await createOnIssueUpdated(flakyDeps)(event); // Forge's next delivery
    expect(recordOf(h, key).state).toBe('met');
    expect((await storedClockOf(h, key)).record.state).toBe('met');
    expect(await countedOutcomes(h)).toEqual({ met: 1, breached: 0 });
  });
});
