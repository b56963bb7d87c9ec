/**
 * Notice reminders to account managers (issue 14.3, ADR 0024), through the real sweep (scheduled
 * trigger → `renewals` job → queue consumer) against the Jira emulator: sent once through Jira's
 * issue notification on the customer's latest request, in the manager's language; never twice —
 * also when sweeps overlap and several jobs race for the same reminder; a refused notification is
 * tried again, one without an answer is not; not before its day or after the notice date.
 *
 * The demo database's Acme contract (Europe/Amsterdam) has notice by 2026-10-31, 30 days of
 * reminder, and Ada (the admin, Dutch) as account manager: the reminder is due from 2026-10-01.
 */
import { JiraError, NEEDS_AUTHENTICATION_ERR } from '../../src/app/jira-ports';
import { RENEWAL_REMINDER_ENTITY } from '../../src/adapters/storage/storage-keys';
import { readReminderItems, sendNoticeReminders } from '../../src/app/renewal-reminders';
import { startSweep } from '../../src/app/sweep-open-clocks';
import { REPORTS_RESOLVER_KEYS, reviewReportSchema, type ReviewReport } from '../../src/contract/compliance-api';
import { adminGetDataSchema } from '../../src/contract/admin-api';
import type { AdminRenewal } from '../../src/contract/renewals-api';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createReportsResolver } from '../../src/entry/reports-resolver';
import { createOnSweepEvent, SWEEP_METHOD } from '../../src/entry/on-sweep-event';
import { createHarness, type Harness, type HarnessOptions } from './app-harness';

jest.setTimeout(60_000);

async function raiseAcmeRequest(h: Harness, summary: string): Promise<string> {
  const key = h.model.createRequest(h.site.users.alice.accountId, { serviceDeskId: h.site.serviceDesk.id, requestTypeId: h.site.requestTypes.email.id, summary }).key;
  const created = createOnIssueCreated(h.deps);
  for (const event of h.events.splice(0)) if (event.eventType === 'avi:jira:created:issue') await created(event);
  return key;
}

function reminders(h: Harness) {
  return h.model.notifications().filter((n) => n.source === 'notify-api' && n.subject.startsWith('Contract Clock: opzeggen'));
}

function queueCall(body: unknown) {
  return { call: { functionKey: SWEEP_METHOD, payload: { body, queueName: 'test', jobId: 'job', eventId: 'event' }, jobId: 'job' }, context: {} };
}

describe('the notice reminder', () => {
  it('goes out once, on the customer’s latest request, to the account manager in their language', async () => {
    const h = await createHarness(new Date('2026-10-05T07:30:00Z'));
    await raiseAcmeRequest(h, 'Printer offline');
    const latest = await raiseAcmeRequest(h, 'Mailbox full');
    await h.sweep();
    const sent = reminders(h);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ issueKey: latest, recipientIds: [h.site.users.admin.accountId] });
    expect(sent[0]?.subject).toBe('Contract Clock: opzeggen voor Acme Logistics uiterlijk 31 okt 2026 (over 26 dagen)');
    expect(sent[0]?.textBody).toContain('De afgesproken looptijd eindigt op 31 dec 2026');
    expect(sent[0]?.textBody).toMatch(/per maand waard/);
    const stored = await readReminderItems(h.store, '2026-10-31', '2026-10-31');
    expect([...stored.values()]).toEqual([expect.objectContaining({ contractId: 'acme-2026', version: 1, status: 'sent', issueKey: latest })]);

    // Later sweeps, the same hour and the next days: nothing more.
    await h.sweep();
    h.advance(60);
    await h.sweep();
    h.advance(3 * 24 * 60);
    await h.sweep();
    expect(reminders(h)).toHaveLength(1);
  });

  it('is looked at once an hour by the scheduled trigger', async () => {
    const h = await createHarness(new Date('2026-10-05T07:30:00Z'));
    expect((await startSweep(h.deps)).renewals).toBe(true);
    h.advance(5);
    expect((await startSweep(h.deps)).renewals).toBe(false);
    h.advance(25); // 08:00: a new hour
    expect((await startSweep(h.deps)).renewals).toBe(true);
    expect(h.sweepJobs.filter((j) => j.kind === 'renewals')).toHaveLength(2);
  });

  it('is sent once when sweeps overlap and their jobs race for it', async () => {
    const h = await createHarness(new Date('2026-10-05T07:30:00Z'));
    await raiseAcmeRequest(h, 'Mailbox full');
    // Two scheduled triggers at once both read the old sweep state and both queue a renewals job.
    await Promise.all([startSweep(h.deps), startSweep(h.deps)]);
    const jobs = h.sweepJobs.splice(0).filter((j) => j.kind === 'renewals');
    expect(jobs).toHaveLength(2);
    const consumer = createOnSweepEvent(h.deps);
    // Both consumers, and five more direct runs, interleaved.
    const runs = await Promise.all([
      ...jobs.map((job) => consumer(queueCall(job))),
      ...Array.from({ length: 5 }, () => sendNoticeReminders(h.deps)),
    ]);
    expect(reminders(h)).toHaveLength(1);
    const direct = runs.slice(jobs.length) as Awaited<ReturnType<typeof sendNoticeReminders>>[];
    expect(direct.every((r) => r.due === 1 && r.sent.length + r.alreadyClaimed === 1)).toBe(true);
  });

  it('is not sent before its day, nor after the notice date', async () => {
    const h = await createHarness(new Date('2026-09-30T21:30:00Z')); // 23:30 on 30 September in Amsterdam
    await raiseAcmeRequest(h, 'Mailbox full');
    expect((await sendNoticeReminders(h.deps)).due).toBe(0);
    h.clock.now = new Date('2026-09-30T22:30:00Z'); // 1 October in Amsterdam
    expect((await sendNoticeReminders(h.deps)).sent).toHaveLength(1);

    const late = await createHarness(new Date('2026-10-31T23:30:00Z')); // 1 November in Amsterdam
    await raiseAcmeRequest(late, 'Mailbox full');
    expect(await sendNoticeReminders(late.deps)).toMatchObject({ due: 0, sent: [] });
    expect(reminders(late)).toEqual([]);
  });

  it('is tried again after Jira refused it, and not after a notification that got no answer', async () => {
    const h = await createHarness(new Date('2026-10-05T07:30:00Z'));
    await raiseAcmeRequest(h, 'Mailbox full');
    const notify = h.deps.jiraAsApp.notifyIssue;
    const failing = (error: Error) => ({ ...h.deps, jiraAsApp: { ...h.deps.jiraAsApp, notifyIssue: () => Promise.reject(error) } });
    const refused = new JiraError('refused', { kind: 'http', method: 'POST', path: '/rest/api/3/issue/ITS-1/notify', status: 400, errorMessages: ['no'], fieldErrors: {}, issues: [] });
    expect(await sendNoticeReminders(failing(refused))).toMatchObject({ sent: [], retryLater: [{ contractId: 'acme-2026', reason: 'refused' }] });
    expect((await readReminderItems(h.store, '2026-10-31', '2026-10-31')).size).toBe(0);

    // Jira's "resource limit" 503 (with Retry-After) changed nothing: tried again too.
    const shed = new JiraError('busy', { kind: 'http', method: 'POST', path: '/rest/api/3/issue/ITS-1/notify', status: 503, errorMessages: [], fieldErrors: {}, issues: [], retryAfter: '1' });
    expect(await sendNoticeReminders(failing(shed))).toMatchObject({ sent: [], retryLater: [{ contractId: 'acme-2026', reason: 'refused' }] });
    expect((await readReminderItems(h.store, '2026-10-31', '2026-10-31')).size).toBe(0);

    // A gateway's 503 without Retry-After may have been carried out: like no answer at all.
    const gateway = new JiraError('unavailable', { kind: 'http', method: 'POST', path: '/rest/api/3/issue/ITS-1/notify', status: 503, errorMessages: [], fieldErrors: {}, issues: [] });
    expect(await sendNoticeReminders(failing(gateway))).toMatchObject({ sent: [], unknown: 1 });
    expect([...(await readReminderItems(h.store, '2026-10-31', '2026-10-31')).values()]).toEqual([expect.objectContaining({ status: 'claimed' })]);
    await h.store.transact([...(await readReminderItems(h.store, '2026-10-31', '2026-10-31')).keys()].map((key) => ({ type: 'delete' as const, entity: RENEWAL_REMINDER_ENTITY, key })));

    const lost = new JiraError('no answer', { kind: 'network', method: 'POST', path: '/rest/api/3/issue/ITS-1/notify', status: undefined, errorMessages: [], fieldErrors: {}, issues: [] });
    expect(await sendNoticeReminders(failing(lost))).toMatchObject({ sent: [], unknown: 1 });
    expect([...(await readReminderItems(h.store, '2026-10-31', '2026-10-31')).values()]).toEqual([expect.objectContaining({ status: 'claimed' })]);
    // Jira answers again: still not sent a second time (it may have reached the account manager).
    expect(await sendNoticeReminders({ ...h.deps, jiraAsApp: { ...h.deps.jiraAsApp, notifyIssue: notify } })).toMatchObject({ sent: [], alreadyClaimed: 1 });
    expect(reminders(h)).toEqual([]);
  });

  it('waits for a request of the customer to send it on', async () => {
    const h = await createHarness(new Date('2026-10-05T07:30:00Z'));
    expect(await sendNoticeReminders(h.deps)).toMatchObject({ due: 1, sent: [], retryLater: [{ contractId: 'acme-2026', reason: 'no-request' }] });
    expect((await readReminderItems(h.store, '2026-10-31', '2026-10-31')).size).toBe(0);
    await raiseAcmeRequest(h, 'Mailbox full');
    expect((await sendNoticeReminders(h.deps)).sent).toHaveLength(1);
  });

  it('costs one read of the database when no reminder is due', async () => {
    const h = await createHarness(new Date('2026-08-05T07:30:00Z'));
    h.reset();
    expect((await sendNoticeReminders(h.deps)).due).toBe(0);
    expect(h.jiraCalls).toEqual([]);
    expect(h.store.operations.every((op) => !op.includes('renewal-reminder'))).toBe(true);
  });
});

describe('the review page’s renewals list', () => {
  async function report(h: Harness, customerId: string | null = null, deps = h.deps): Promise<ReviewReport> {
    const answer: unknown = await createReportsResolver(deps)(
      { call: { functionKey: REPORTS_RESOLVER_KEYS.get, payload: { customerId, period: { kind: 'preset', preset: 'last-quarter' } } }, context: { moduleKey: 'contract-clock-reviews', extension: { type: 'jira:globalPage' }, timezone: 'Europe/Amsterdam' } },
      { principal: { accountId: h.site.users.tom.accountId } } as never,
    );
    const envelope = answer as { ok: boolean; data?: unknown; error?: unknown };
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return reviewReportSchema.parse(envelope.data);
  }

  it('lists the contracts with notice or end in 90 days, soonest first, with the account manager and the reminder’s state', async () => {
    const h = await createHarness(new Date('2026-09-20T07:30:00Z'));
    await raiseAcmeRequest(h, 'Mailbox full');
    let renewals = (await report(h)).renewals;
    // 20 September: notice by 31 October is 41 days away, the reminder (30 days before) is on 1 October.
    const acme = renewals.find((r) => r.contract.id === 'acme-2026');
    expect(acme).toMatchObject({
      customer: { id: 'acme', name: 'Acme Logistics' },
      notice: { date: '2026-10-31', days: 41 },
      end: null, // 31 December is 102 days away: beyond the horizon
      accountManager: { id: h.site.users.admin.accountId, name: 'Ada de Boer' },
      reminder: { days: 30, on: '2026-10-01', status: 'scheduled', sentAt: null, issueKey: null },
      requestsJql: 'contractCustomer = "Acme Logistics" ORDER BY created DESC',
    });
    const next = renewals.map((r) => r.notice?.date ?? r.end?.date ?? '');
    expect(next).toEqual([...next].sort());
    expect(renewals.every((r) => (r.notice?.days ?? 0) <= 90 && (r.end?.days ?? 0) <= 90)).toBe(true);

    // 1 October, before the hourly run: due; after it: sent, on the request, with the time.
    h.clock.now = new Date('2026-10-01T06:10:00Z');
    expect((await report(h)).renewals.find((r) => r.contract.id === 'acme-2026')?.reminder?.status).toBe('due');
    await sendNoticeReminders(h.deps);
    renewals = (await report(h, 'acme')).renewals;
    expect(renewals.map((r) => r.contract.id)).toEqual(['acme-2026']);
    expect(renewals[0]?.reminder).toMatchObject({ status: 'sent', sentAt: '2026-10-01T06:10:00.000Z', issueKey: expect.stringMatching(/^[A-Z]+-\d+$/) });
  });

  it('shows a reminder whose notification got no answer as unknown (never sent again)', async () => {
    const h = await createHarness(new Date('2026-10-05T07:30:00Z'));
    await raiseAcmeRequest(h, 'Mailbox full');
    const lost = new JiraError('no answer', { kind: 'network', method: 'POST', path: '/rest/api/3/issue/ITS-1/notify', status: undefined, errorMessages: [], fieldErrors: {}, issues: [] });
    await sendNoticeReminders({ ...h.deps, jiraAsApp: { ...h.deps.jiraAsApp, notifyIssue: () => Promise.reject(lost) } });
    const acme = (await report(h, 'acme')).renewals[0];
    expect(acme?.reminder).toMatchObject({ status: 'unknown', sentAt: '2026-10-05T07:30:00.000Z' });
  });

  describe('names the account managers in one batched look-up, as the reader (ADR 0033)', () => {
    /** An account id of the right shape that the site does not know (a removed account). */
    const GONE = '712020:6f3c1e5a-0d4b-4c8e-9a21-5b7d0e2f9c44';
    /** In the 90 days from 5 October: Acme (Ada, the demo's), Globex (Sanne) and Initech (the removed account). */
    const withManagers: HarnessOptions['database'] = (site, demo) => {
      const managers: Record<string, string> = { 'acme-2026': site.users.admin.accountId, 'globex-us': site.users.sanne.accountId, 'initech-2026': GONE };
      return { ...demo, contracts: demo.contracts?.map((c) => (managers[c.id] === undefined ? c : { ...c, accountManagerAccountId: managers[c.id] })) };
    };
    const userCalls = (h: Harness) => h.jiraCalls.filter((c) => c.startsWith('GET /rest/api/3/user')).sort();
    const managersOf = (renewals: readonly AdminRenewal[]) => Object.fromEntries(renewals.map((r) => [r.contract.id, r.accountManager]));

    async function settingsPage(h: Harness) {
      const answer = (await createAdminResolver(h.deps)(
        { call: { functionKey: 'admin/get', payload: {} }, context: { moduleKey: 'contract-clock-admin', extension: { type: 'jira:adminPage' } } },
        { principal: { accountId: h.site.users.admin.accountId } } as never,
      )) as { ok: boolean; data?: unknown; error?: unknown };
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      return adminGetDataSchema.parse(answer.data);
    }

    it('asks Jira once for three managers on the review page and on the settings page, not once per manager', async () => {
      const h = await createHarness(new Date('2026-10-05T07:30:00Z'), { database: withManagers });
      const { admin, sanne } = h.site.users;
      const expected = {
        'acme-2026': { id: admin.accountId, name: 'Ada de Boer' },
        'globex-us': { id: sanne.accountId, name: 'Sanne Visser' },
        // Jira gives no name for an account it does not know: the id is shown
        'initech-2026': { id: GONE, name: GONE },
      };
      h.reset();
      expect(managersOf((await report(h)).renewals)).toEqual(expected);
      expect(userCalls(h)).toEqual(['GET /rest/api/3/user/bulk']);
      h.reset();
      expect(managersOf((await settingsPage(h)).renewals)).toEqual(expected);
      expect(userCalls(h)).toEqual(['GET /rest/api/3/user/bulk']);
    });

    it('shows account ids when Jira refuses the look-up, and lets Forge’s consent prompt through', async () => {
      const h = await createHarness(new Date('2026-10-05T07:30:00Z'), { database: withManagers });
      const { admin, sanne } = h.site.users;
      h.intercept = (request, forward) =>
        request.path === '/rest/api/3/user/bulk'
          ? Promise.resolve(new Response(JSON.stringify({ errorMessages: ['You are not allowed to browse users.'], errors: {} }), { status: 403, headers: { 'content-type': 'application/json' } }))
          : forward();
      expect(managersOf((await report(h)).renewals)).toEqual({
        'acme-2026': { id: admin.accountId, name: admin.accountId },
        'globex-us': { id: sanne.accountId, name: sanne.accountId },
        'initech-2026': { id: GONE, name: GONE },
      });
      h.intercept = null;
      const consent = Object.assign(new Error('Authentication required'), { name: NEEDS_AUTHENTICATION_ERR });
      const deps = { ...h.deps, jiraAsUser: (accountId: string) => ({ ...h.deps.jiraAsUser(accountId), getUserDisplayNames: () => Promise.reject(consent) }) };
      await expect(report(h, null, deps)).rejects.toBe(consent);
    });
  });
});
