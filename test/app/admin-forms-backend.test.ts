/**
 * The backend of the settings forms (issue 12) through the real admin resolver definitions against
 * the Jira emulator: the pickers' site names, health warnings and history locks, the preview before
 * saving (checks, changes, an example deadline with the panel's explanation, in the caller's
 * language), a lost race naming who saved, and the re-apply to open requests — previewed, then
 * applied conditionally, concurrently with events on the same requests.
 */
import type { ContractDatabase } from '../../src/contract/contract-database';
import type { Envelope } from '../../src/contract/envelope';
import { adminGetDataSchema, previewDataSchema, reapplyDataSchema, type ReapplyJobData } from '../../src/contract/admin-api';
import { loadContractDatabase } from '../../src/app/contract-database-store';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createHarness, recordJiraSearches, type Harness } from './app-harness';
import { deliverAll, deliverConcurrently, propertyOf, raise, storedClockOf } from './clock-helpers';

type Definitions = ReturnType<typeof createAdminResolver>;

async function call(definitions: Definitions, functionKey: string, payload: unknown, accountId: string, locale?: string, timezone?: string): Promise<Envelope<unknown>> {
  const answer: unknown = await definitions(
    { call: { functionKey, payload }, context: { moduleKey: 'contract-clock-admin', extension: { type: 'jira:adminPage' }, ...(locale === undefined ? {} : { locale }), ...(timezone === undefined ? {} : { timezone }) } },
    { principal: { accountId } } as never,
  );
  return answer as Envelope<unknown>;
}

function admin(h: Harness, key: string, payload: unknown = {}, options: { who?: string; locale?: string; timezone?: string } = {}) {
  return call(createAdminResolver(h.deps), key, payload, options.who ?? h.site.users.admin.accountId, options.locale, options.timezone);
}

async function stored(h: Harness): Promise<{ database: ContractDatabase; revision: number }> {
  const loaded = await loadContractDatabase(h.store);
  return { database: structuredClone(loaded.database), revision: loaded.revision };
}

/** The data of a successful answer, typed by the caller (it knows which resolver answered). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the resolver's data type
function data<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data as T;
}

describe('every admin resolver key is for Jira administrators only', () => {
  it.each(['admin/preview', 'admin/reapply-preview', 'admin/reapply-apply', 'admin/reapply-status', 'admin/jira-options', 'admin/get'])('%s refuses an agent', async (key) => {
    const h = await createHarness();
    const payloads: Record<string, unknown> = {
      'admin/preview': { database: {}, revision: 1 },
      'admin/reapply-apply': { previewJobId: 'x', reason: 'because' },
      'admin/reapply-status': { jobId: 'x' },
    };
    expect(await admin(h, key, payloads[key] ?? {}, { who: h.site.users.sanne.accountId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the pickers: the site as the admin sees it', () => {
  it('lists organizations by name, request types per service desk, components of the service projects and labels', async () => {
    const h = await createHarness();
    const issue = raise(h, 'alice', 'email');
    h.model.editIssue(h.site.users.sanne.accountId, issue, { labels: ['vip'] });
    const options = data<{ organizations: { id: string; name: string }[]; components: { name: string; projects: string[] }[]; labels: string[]; labelsComplete: boolean; serviceDesks: { projectId: string; requestTypes: unknown[] }[] }>(
      await admin(h, 'admin/jira-options'),
    );
    expect(options.organizations).toContainEqual({ id: h.site.organizations.acme.id, name: 'Acme Logistics' });
    expect(options.organizations.map((o) => o.name)).toEqual([...options.organizations.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
    expect(options.components).toContainEqual({ name: 'E-mail', projects: ['IT Support'] });
    // Only the service projects' components: the software project's are not offered.
    expect(options.components.map((c) => c.name)).not.toContain('Frontend');
    expect(options.labels).toEqual(expect.arrayContaining(['vip']));
    expect(options.labelsComplete).toBe(true);
    expect(options.serviceDesks[0]).toMatchObject({ projectId: h.site.project.id, requestTypes: expect.arrayContaining([{ id: h.site.requestTypes.email.id, name: 'E-mail problem' }]) });
  });
});

describe('admin/get: health warnings and what history fixes', () => {
  it('answers the warnings of the demo database and its locks', async () => {
    const h = await createHarness();
    const got = data<{ health: { kind: string }[]; locks: { contracts: Record<string, { startedVersions: number[] }>; levels: Record<string, { fixedRevisions: string[] }> } }>(await admin(h, 'admin/get'));
    // Acme's notice date (31 October) is within its 30 reminder days; Wayne's contract ended in August.
    expect(got.health).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'notice-near', contractId: 'acme-2026', days: 26 }), expect.objectContaining({ kind: 'contract-expired', contractId: 'wayne-2025' })]));
    expect(got.locks.contracts['acme-2026']?.startedVersions).toEqual([1]);
    expect(got.locks.levels['gold']?.fixedRevisions).toEqual(['2025-07-01']);
  });
});

describe('admin/get: contract value and renewals for the overview (issue 14.2, 14.3)', () => {
  it('answers the value of each version in force today and the renewals of the next 90 days with manager and reminder', async () => {
    const h = await createHarness();
    const got = adminGetDataSchema.parse(data(await admin(h, 'admin/get')));
    expect(got.valuesInForce.map((v) => v.contractId).sort()).toEqual(got.database.contracts.map((c) => c.id).sort());

    // Acme: version 1 is in force on Monday 5 October 2026 (Amsterdam); a year is twelve months.
    const acme = got.valuesInForce.find((v) => v.contractId === 'acme-2026');
    expect(acme).toMatchObject({ currency: 'EUR', today: '2026-10-05', inForce: { version: 1 } });
    expect(acme?.inForce?.monthlyMinor).toBeGreaterThan(0);
    expect(acme?.inForce?.yearlyMinor).toBe((acme?.inForce?.monthlyMinor ?? 0) * 12);
    // the same amount the summary gives for that version's period today
    const summaryPeriod = got.summary.contractValues
      .find((v) => v.contractId === 'acme-2026')
      ?.versions.find((v) => v.version === 1)
      ?.periods.find((p) => p.from <= '2026-10-05' && (p.to === null || p.to >= '2026-10-05'));
    expect(acme?.inForce?.monthlyMinor).toBe(summaryPeriod?.monthlyMinor);
    // Wayne's contract ended in August: no version in force.
    expect(got.valuesInForce.find((v) => v.contractId === 'wayne-2025')?.inForce).toBeNull();

    // Acme must give notice by 31 October: in 26 days, with its account manager and the reminder 30 days before.
    const renewal = got.renewals.find((r) => r.contract.id === 'acme-2026');
    expect(renewal).toMatchObject({ version: 1, notice: { date: '2026-10-31', days: 26 }, accountManager: { id: h.site.users.admin.accountId, name: 'Ada de Boer' } });
    expect(renewal?.monthlyValue?.amountMinor).toBe(acme?.inForce?.monthlyMinor);
    expect(renewal?.reminder).toMatchObject({ days: 30, on: '2026-10-01', status: 'due', sentAt: null });
    // only dates within the next 90 days
    for (const r of got.renewals) expect([r.notice?.days, r.end?.days].some((d) => d !== undefined && d <= 90)).toBe(true);
  });
});

describe('admin/preview: before saving', () => {
  it("answers the example's deadline and the panel's explanation under the draft, and what would change", async () => {
    const h = await createHarness();
    const { database, revision } = await stored(h);
    const gold = database.levels.find((l) => l.id === 'gold')!;
    gold.revisions.push({ ...structuredClone(gold.revisions[0]!), effectiveFrom: '2026-10-06', targets: { ...gold.revisions[0]!.targets, P1: { resolutionMinutes: 120, responseMinutes: 30 } } });
    const example = {
      organizations: [{ id: h.site.organizations.acme.id, name: 'Acme Logistics' }],
      requestType: { id: h.site.requestTypes.email.id, name: 'E-mail problem' },
      components: [],
      labels: [],
      priority: 'Highest',
    };
    const preview = previewDataSchema.parse(data(await admin(h, 'admin/preview', { database, revision, example })));
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toEqual([expect.stringMatching(/Gold.*P1 resolution 4 h → 2 h.*2026-10-06/)]);
    // Monday 09:30 in Amsterdam, Gold P1: 4 business hours → 13:30 the same day (the new revision starts tomorrow).
    expect(preview.example).toMatchObject({ status: 'covered', deadline: '2026-10-05T11:30:00.000Z', responseDeadline: '2026-10-05T08:00:00.000Z', timeZone: 'Europe/Amsterdam', priorityClass: 'P1', resolutionMinutes: 240 });
    expect(preview.example?.explanation.map((s) => s.kind)).toEqual(['customer', 'contract', 'service', 'level', 'priority', 'target', 'calendar']);
    expect(preview.example?.explanation.find((s) => s.kind === 'service')).toMatchObject({ value: 'E-mail', because: expect.stringContaining('E-mail problem') });
  });

  it('lists the errors a save would refuse, in Dutch for a Dutch admin, with nothing stored', async () => {
    const h = await createHarness();
    const { database, revision } = await stored(h);
    database.calendars[0]!.week = { ...database.calendars[0]!.week, sat: [['09:00', '08:00']] };
    database.levels[0]!.revisions[0]!.targets.P1.resolutionMinutes = 100; // a revision in force
    const preview = previewDataSchema.parse(data(await admin(h, 'admin/preview', { database, revision, example: null }, { locale: 'nl-NL' })));
    expect(preview.errors).toContainEqual({ path: 'calendars.0.week.sat.0', message: 'Het interval 09:00–08:00 moet beginnen voordat het eindigt.' });
    database.calendars[0]!.week = (await stored(h)).database.calendars[0]!.week;
    const history = previewDataSchema.parse(data(await admin(h, 'admin/preview', { database, revision, example: null }, { locale: 'nl-NL' })));
    expect(history.errors).toEqual([{ path: 'levels.0.revisions.0', message: expect.stringMatching(/^Serviceniveau 'Gold': de herziening die sinds 2025-07-01 geldt, kan niet worden gewijzigd/) }]);
    expect((await stored(h)).revision).toBe(revision);
  });
});

describe('the audit log in the reader\'s language (ADR 0035)', () => {
  it('stores change lines in English and answers them in Dutch to a Dutch admin: audit log, save and preview; the export keeps English', async () => {
    const h = await createHarness();
    const { database, revision } = await stored(h);
    database.settings.atRiskThresholdPercent = 80;
    database.levels.find((l) => l.id === 'gold')!.revisions[1]!.monthlyPrices.email = 125_050;
    const english = ["Level 'Gold': revision from 2027-01-01: price E-mail €465.00 → €1,250.50", 'Settings: at-risk threshold 75 % → 80 %'];
    const dutch = ["Serviceniveau 'Gold': voorwaarden vanaf 2027-01-01: prijs E-mail €\u00a0465,00 → €\u00a01.250,50", 'Instellingen: drempel voor risico 75 % → 80 %'];

    const preview = previewDataSchema.parse(data(await admin(h, 'admin/preview', { database, revision, example: null }, { locale: 'nl-NL' })));
    expect(preview.changes).toEqual(dutch);
    // Saved by an English admin: the entry is stored in English, as every entry so far was.
    expect(data(await admin(h, 'admin/save', { database, revision }, { locale: 'en-GB' }))).toMatchObject({ revision: revision + 1, changes: english });

    const dutchLog = data<{ entries: { revision: number; changes: string[] }[] }>(await admin(h, 'admin/audit-log', { limit: 5 }, { locale: 'nl-NL' }));
    expect(dutchLog.entries[0]).toMatchObject({ revision: revision + 1, changes: dutch });
    const englishLog = data<{ entries: { revision: number; changes: string[] }[] }>(await admin(h, 'admin/audit-log', { limit: 5 }, { locale: 'en-US' }));
    expect(englishLog.entries[0]).toMatchObject({ revision: revision + 1, changes: english });
    expect(data<{ entries: unknown[] }>(await admin(h, 'admin/audit-log', { limit: 5 })).entries[0]).toMatchObject({ changes: english });

    const backup = JSON.parse(data<{ json: string }>(await admin(h, 'admin/export', {}, { locale: 'nl-NL' })).json) as { auditLog: { revision: number; changes: string[] }[] };
    expect(backup.auditLog[0]).toMatchObject({ revision: revision + 1, changes: english });

    // A Dutch admin's own save answers Dutch lines and stores English ones.
    const next = await stored(h);
    next.database.settings.atRiskThresholdPercent = 70;
    expect(data(await admin(h, 'admin/save', next, { locale: 'nl-NL' }))).toMatchObject({ changes: ['Instellingen: drempel voor risico 80 % → 70 %'] });
    expect(data<{ entries: { changes: string[] }[] }>(await admin(h, 'admin/audit-log', { limit: 1 }, { locale: 'en-GB' })).entries[0]?.changes).toEqual(['Settings: at-risk threshold 80 % → 70 %']);
  });
});

describe('two admins saving at once', () => {
  it('stores exactly one of two concurrent saves; the other is refused naming who saved and when', async () => {
    const h = await createHarness();
    const { database, revision } = await stored(h);
    const mine = structuredClone(database);
    mine.settings.atRiskThresholdPercent = 80;
    const theirs = structuredClone(database);
    theirs.settings.atRiskThresholdPercent = 60;
    const [a, b] = await Promise.all([
      admin(h, 'admin/save', { database: mine, revision }),
      admin(h, 'admin/save', { database: theirs, revision }, { who: h.site.users.admin.accountId }),
    ]);
    const answers = [a, b];
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    const lost = answers.find((x) => !x.ok);
    expect(lost).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Another administrator \(Ada de Boer\) saved the contract database at Mon, 5 Oct 2026, 07:30 UTC \(revision 2\)/) } });
    const after = await stored(h);
    expect(after.revision).toBe(2);
    expect([60, 80]).toContain(after.database.settings.atRiskThresholdPercent);
    const third = structuredClone(database);
    third.settings.atRiskThresholdPercent = 70;
    // Dutch for a Dutch admin, at the time in their own zone (07:30Z is 09:30 in Amsterdam).
    expect(await admin(h, 'admin/save', { database: third, revision }, { locale: 'nl-NL', timezone: 'Europe/Amsterdam' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^Een andere beheerder \(Ada de Boer\) heeft de contractdatabase opgeslagen op ma 5 okt 2026,? 09:30 \(revisie 2\)/) },
    });
    // An unusable zone in the context: UTC, said so.
    expect(await admin(h, 'admin/save', { database: third, revision }, { timezone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('at Mon, 5 Oct 2026, 07:30 UTC (revision 2)') } });
  });
});

describe('re-apply to open requests', () => {
  /** Two open requests (Acme e-mail, Hooli without contract) and a resolved one; then a save that changes their terms. */
  async function scene() {
    const h = await createHarness();
    const acme = raise(h, 'alice', 'email', 'Mailbox full');
    const hooli = raise(h, 'henk', 'network', 'VPN down');
    const done = raise(h, 'bob', 'email', 'Old one');
    await deliverAll(h);
    h.model.transitionIssue(h.site.users.sanne.accountId, done, 'Resolve', { resolution: 'Done' });
    await deliverAll(h);
    const { database, revision } = await stored(h);
    // Tomorrow the office is closed after all, and Hooli joins Initech's contract (organizations are not versioned).
    database.calendars.find((c) => c.id === 'nl-office')!.holidays!.push({ date: '2026-10-06', name: 'Company day' });
    database.contracts.find((c) => c.id === 'initech-2026')!.customer.organizationIds.push(h.site.organizations.hooli.id);
    expect(await admin(h, 'admin/save', { database, revision })).toMatchObject({ ok: true });
    return { h, acme, hooli, done };
  }

  async function finished(h: Harness, answer: Envelope<unknown>): Promise<ReapplyJobData> {
    const { job } = reapplyDataSchema.parse(data(answer));
    await h.drainReapply();
    return reapplyDataSchema.parse(data(await admin(h, 'admin/reapply-status', { jobId: job.jobId }))).job;
  }

  it('previews how many open requests change and how their deadlines move, writing nothing', async () => {
    const { h, acme, hooli } = await scene();
    const before = [await storedClockOf(h, acme), await storedClockOf(h, hooli)];
    const searches = recordJiraSearches(h);
    const preview = await finished(h, await admin(h, 'admin/reapply-preview'));
    // the job's page of open requests comes from Jira as ids only; each is read on its own
    expect(searches.map(({ sent }) => sent)).toEqual([{ jql: searches[0]?.jql, fields: ['id'], maxResults: 25 }]);
    expect(searches[0]?.issues).toHaveLength(2);
    expect(searches[0]?.issues).toEqual(expect.arrayContaining([acme, hooli].map((key) => ({ id: h.model.findIssue(key)?.id }))));
    expect(preview).toMatchObject({ kind: 'preview', status: 'done', changed: 2, later: 1, earlier: 0, unchanged: 0 });
    const acmeMove = preview.moves.find((m) => m.issueKey === acme);
    // Gold P3 (16 business hours) from Monday 09:30: Tuesday 16:30, now Wednesday 16:30 (Tuesday is a holiday).
    expect(acmeMove).toMatchObject({ from: '2026-10-06T14:30:00.000Z', to: '2026-10-07T14:30:00.000Z' });
    expect(preview.mostLaterMinutes).toBe(24 * 60);
    expect(preview.moves.find((m) => m.issueKey === hooli)).toMatchObject({ from: null, to: expect.any(String), toTerms: expect.stringContaining('Initech') });
    expect([await storedClockOf(h, acme), await storedClockOf(h, hooli)]).toEqual(before);
  });

  it('applies the previewed revision: new terms, old ones in history, the projection rewritten; a second apply changes nothing', async () => {
    const { h, acme, hooli } = await scene();
    const preview = await finished(h, await admin(h, 'admin/reapply-preview'));
    const applied = await finished(h, await admin(h, 'admin/reapply-apply', { previewJobId: preview.jobId, reason: 'Company day added to the calendar' }));
    expect(applied).toMatchObject({ kind: 'apply', status: 'done', changed: 2, previewJobId: preview.jobId });
    const record = (await storedClockOf(h, acme)).record;
    expect(record.deadline).toBe('2026-10-07T14:30:00.000Z');
    expect(record.termsHistory).toEqual([expect.objectContaining({ reason: 'Company day added to the calendar', by: h.site.users.admin.accountId, actionId: `reapply:${applied.jobId}` })]);
    expect(propertyOf(h, acme).deadline).toBe('2026-10-07T14:30:00.000Z');
    expect((await storedClockOf(h, hooli)).record).toMatchObject({ state: 'running', terms: { contract: { id: 'initech-2026' } } });
    const again = await finished(h, await admin(h, 'admin/reapply-apply', { previewJobId: preview.jobId, reason: 'Again' }));
    expect(again).toMatchObject({ status: 'done', changed: 0, unchanged: 2 });
    expect((await storedClockOf(h, acme)).record.termsHistory).toHaveLength(1);
  });

  it('refuses to apply a preview of an older revision, and stops a running apply when the database is saved again', async () => {
    const { h } = await scene();
    const preview = await finished(h, await admin(h, 'admin/reapply-preview'));
    const { database, revision } = await stored(h);
    database.settings.atRiskThresholdPercent = 70;
    expect(await admin(h, 'admin/save', { database, revision })).toMatchObject({ ok: true });
    expect(await admin(h, 'admin/reapply-apply', { previewJobId: preview.jobId, reason: 'Too late' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/saved again/) } });

    const fresh = await finished(h, await admin(h, 'admin/reapply-preview'));
    const started = reapplyDataSchema.parse(data(await admin(h, 'admin/reapply-apply', { previewJobId: fresh.jobId, reason: 'Now' })));
    const latest = await stored(h);
    latest.database.settings.atRiskThresholdPercent = 65;
    expect(await admin(h, 'admin/save', { database: latest.database, revision: latest.revision })).toMatchObject({ ok: true });
    await h.drainReapply();
    expect(reapplyDataSchema.parse(data(await admin(h, 'admin/reapply-status', { jobId: started.job.jobId }))).job).toMatchObject({ status: 'stale', changed: 0 });
  });

  it('loses nothing when events change the same requests while the apply job writes them', async () => {
    const { h, acme, hooli } = await scene();
    const preview = await finished(h, await admin(h, 'admin/reapply-preview'));
    await admin(h, 'admin/reapply-apply', { previewJobId: preview.jobId, reason: 'Company day' });
    // The agent moves both requests on while the job runs: a pause status and a priority change.
    h.model.transitionToStatus(h.site.users.sanne.accountId, acme, 'Waiting for customer');
    h.model.setPriority(h.site.users.sanne.accountId, hooli, 'High');
    await Promise.all([h.drainReapply(), deliverConcurrently(h)]);
    await deliverAll(h);
    const acmeRecord = (await storedClockOf(h, acme)).record;
    expect(acmeRecord.termsHistory).toHaveLength(1);
    expect(acmeRecord.history.some((f) => f.kind === 'status' && f.status === 'Waiting for customer')).toBe(true);
    expect(acmeRecord.state).toBe('paused');
    const hooliRecord = (await storedClockOf(h, hooli)).record;
    expect(hooliRecord.terms?.contract?.id).toBe('initech-2026');
    expect(hooliRecord.target?.priorityClass).toBe('P2');
    expect(propertyOf(h, acme).revision).toBe(acmeRecord.revision);
    expect(propertyOf(h, hooli).revision).toBe(hooliRecord.revision);
  });
});
