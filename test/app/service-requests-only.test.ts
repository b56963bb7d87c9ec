/**
 * Issue 9, item 2: Contract Clock is for customer requests of service projects. Issues of a Jira
 * Software project get no clock: even when their events reach the handlers (the manifest's filter
 * normally keeps them away) and even when the panel is invoked on them, nothing is written — no
 * property, no field value, no storage entry — and no Jira write is made.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import type { Envelope } from '../../src/contract/envelope';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { reconcileClock } from '../../src/app/reconcile-clock';
import { seedSoftwareProject } from '../../sandbox/jira/jira-seed';
import { createHarness, type Harness } from './app-harness';

const WRITES = /^(set|delete|transact) /;

async function deliver(h: Harness): Promise<void> {
  // Forge's ignoreSelf drops the app's own events (its field writes)
  for (const event of h.events.splice(0).filter((e) => e.atlassianId !== h.model.app.accountId)) {
    if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
    if (event.eventType === 'avi:jira:updated:issue') await createOnIssueUpdated(h.deps)(event);
    if (event.eventType === 'avi:jira:commented:issue') await createOnIssueCommented(h.deps)(event);
  }
}

async function withSoftwareProject() {
  const h = await createHarness();
  // a service request first, so the site cache is warm, as on a live site
  h.model.createRequest(h.site.users.alice.accountId, { serviceDeskId: h.site.serviceDesk.id, requestTypeId: h.site.requestTypes.email.id, summary: 'Mailbox full' });
  await deliver(h);
  const software = seedSoftwareProject(h.model, h.site.users.admin.accountId, h.site.users.sanne.accountId);
  return { h, software };
}

function expectUntouched(h: Harness, keys: readonly string[]): void {
  for (const key of keys) {
    const issue = h.model.findIssue(key);
    expect(issue?.properties).toEqual({});
    expect(issue?.appFieldValues).toEqual({});
    expect(issue?.comments.some((c) => c.authorId === h.model.app.accountId)).toBe(false);
  }
  expect(h.store.operations.filter((op) => WRITES.test(op))).toEqual([]);
  expect(h.jiraCalls.filter((call) => !call.startsWith('GET '))).toEqual([]);
}

describe('issues of a Jira Software project', () => {
  it('the demo seed gives the site a software project with issues', async () => {
    const { h, software } = await withSoftwareProject();
    expect(software.project.projectTypeKey).toBe('software');
    expect(software.issueKeys).toHaveLength(3);
    expect(h.model.findIssue(software.issueKeys[0] ?? '')?.requestTypeId).toBeNull();
  });

  it('created, updated and commented events make the handlers write nothing, and mostly call nothing', async () => {
    const { h, software } = await withSoftwareProject();
    h.reset();
    h.model.transitionToStatus(h.site.users.sanne.accountId, software.issueKeys[2] ?? '', 'In Progress');
    h.model.addComment(h.site.users.sanne.accountId, software.issueKeys[0] ?? '', { body: 'Looks good', internal: false });
    expect(h.events.map((e) => e.eventType)).toEqual(expect.arrayContaining(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:commented:issue']));
    await deliver(h);
    expectUntouched(h, software.issueKeys);
    // the event says which project type it comes from: the handlers do no I/O at all for it
    expect(h.jiraCalls).toEqual([]);
    expect(h.store.operations).toEqual([]);
  });

  it('reconcileClock answers not-a-request after reading the issue, and writes nothing', async () => {
    const { h, software } = await withSoftwareProject();
    h.events.length = 0;
    h.reset();
    const outcome = await reconcileClock(h.deps, software.issueKeys[1] ?? '');
    expect(outcome).toEqual({ kind: 'not-a-request' });
    expectUntouched(h, software.issueKeys);
    expect(h.model.findIssue(software.issueKeys[1] ?? '')?.properties[CONTRACT_CLOCK_PROPERTY_KEY]).toBeUndefined();
  });

  it('the panel, if invoked on one anyway, answers not-found and starts no clock', async () => {
    const { h, software } = await withSoftwareProject();
    h.events.length = 0;
    h.reset();
    const issue = h.model.findIssue(software.issueKeys[0] ?? '');
    if (issue === undefined) throw new Error('no software issue');
    const extension = { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key }, project: { id: issue.projectId, key: 'APP', type: 'software' } };
    const answer = (await createPanelResolver(h.deps)(
      { call: { functionKey: 'panel/get', payload: {} }, context: { moduleKey: 'contract-clock-panel', extension } },
      { principal: { accountId: h.site.users.sanne.accountId } } as never,
    )) as Envelope<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const pause = (await createPanelResolver(h.deps)(
      { call: { functionKey: 'panel/pause', payload: { issueKey: issue.key, revision: 1, reason: 'x' } }, context: { moduleKey: 'contract-clock-panel', extension } },
      { principal: { accountId: h.site.users.sanne.accountId } } as never,
    )) as Envelope<unknown>;
    expect(pause).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expectUntouched(h, software.issueKeys);
  });
});
