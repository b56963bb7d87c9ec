/**
 * The admin and panel resolvers through their real @forge/resolver definitions (as Forge calls them),
 * against the Jira emulator: authorization per role, envelope errors that name fields, stale input,
 * and actions that either apply completely or not at all.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import { loadContractDatabase } from '../../src/app/contract-database-store';
import { clockRecordSchema } from '../../src/contract/clock-record';
import type { Envelope } from '../../src/contract/envelope';
import { panelViewSchema } from '../../src/contract/panel-api';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createHarness, type Harness } from './app-harness';
import { createJiraClient } from '../../src/adapters/jira/jira-client';
import { installationOf } from '../../sandbox/runtime/app-wiring';
import v1Example from '../fixtures/contract-database.v1.example.json';

type Definitions = ReturnType<typeof createAdminResolver>;

async function call(definitions: Definitions, functionKey: string, payload: unknown, accountId: string, extension: Record<string, unknown>): Promise<Envelope<unknown>> {
  const answer: unknown = await definitions(
    { call: { functionKey, payload }, context: { moduleKey: 'contract-clock', extension } },
    { principal: { accountId } } as never,
  );
  return answer as Envelope<unknown>;
}

async function createdRequest(h: Harness): Promise<{ key: string; id: string }> {
  const issue = h.model.createRequest(h.site.users.alice.accountId, {
    serviceDeskId: h.site.serviceDesk.id,
    requestTypeId: h.site.requestTypes.email.id,
    summary: 'Mailbox full',
  });
  for (const event of h.events.splice(0)) if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
  return { key: issue.key, id: issue.id };
}

describe('admin resolvers', () => {
  const admin = (h: Harness, key: string, payload: unknown = {}, who = h.site.users.admin.accountId) =>
    call(createAdminResolver(h.deps), key, payload, who, { type: 'jira:adminPage' });

  it('answers Jira administrators only', async () => {
    const h = await createHarness();
    const asAgent = await admin(h, 'admin/get', {}, h.site.users.sanne.accountId);
    expect(asAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asAdmin = await admin(h, 'admin/get');
    expect(asAdmin).toMatchObject({ ok: true, data: { status: 'found', summary: { contracts: 6 } } });
  });

  it('rejects an import with every error and its path, and changes nothing', async () => {
    const h = await createHarness();
    const before = await loadContractDatabase(h.store);
    const exported = await admin(h, 'admin/export');
    if (!exported.ok) throw new Error('export failed');
    const backup = JSON.parse((exported.data as { json: string }).json) as { database: { calendars: { timeZone: string }[]; levels: { revisions: { calendarId: string }[] }[] } };
    backup.database.calendars[0]!.timeZone = 'Mars/Olympus_Mons';
    backup.database.levels[0]!.revisions[0]!.calendarId = 'nowhere';
    const answer = await admin(h, 'admin/import', { json: JSON.stringify(backup), revision: 1 });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-input');
    // Paths in the file: the database of a backup is under `database`.
    expect(Object.keys(answer.error.fieldErrors ?? {})).toEqual(expect.arrayContaining(['database.calendars.0.timeZone', 'database.levels.0.revisions.0.calendarId']));
    expect(await loadContractDatabase(h.store)).toEqual(before);
  });

  it('names the json field for broken JSON and for an oversized import', async () => {
    const h = await createHarness();
    const broken = await admin(h, 'admin/import', { json: '{"schemaVersion": 1,', revision: 1 });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { json: [expect.stringContaining('not valid JSON')] } } });
    const huge = await admin(h, 'admin/import', { json: `{"x":"${'a'.repeat(3_700_000)}"}`, revision: 1 });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { json: [expect.stringContaining('larger than')] } } });
  });

  it('refuses to edit a contract version that is in force: versions, not edits', async () => {
    const h = await createHarness();
    const loaded = await loadContractDatabase(h.store);
    const database = structuredClone(loaded.database);
    const version = database.contracts[0]!.versions[0]!;
    version.defaultServiceId = version.coveredServices[version.coveredServices.length - 1]!.serviceId === version.defaultServiceId ? version.coveredServices[0]!.serviceId : version.coveredServices[version.coveredServices.length - 1]!.serviceId;
    const answer = await admin(h, 'admin/save', { database, revision: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { 'contracts.0.versions.0': [expect.stringContaining('cannot be edited')] } } });
    // "Validate" runs the same checks: it does not call valid what "Save" refuses.
    expect(await admin(h, 'admin/validate', { database, revision: 1 })).toMatchObject({ ok: true, data: { valid: false, errors: [{ path: 'contracts.0.versions.0' }] } });
  });

  it('names an unknown payload key, with the key it resembles', async () => {
    const h = await createHarness();
    const { database } = await loadContractDatabase(h.store);
    const answer = await admin(h, 'admin/save', { database, revison: 1 });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fieldErrors: { revison: ["Unknown field 'revison' (did you mean 'revision'?)."], revision: [expect.any(String)] } },
    });
  });

  it('refuses a save that lost the race with another admin\'s save, and logs who changed what', async () => {
    const h = await createHarness();
    const { database } = await loadContractDatabase(h.store);
    const mine = { ...database, settings: { ...database.settings, atRiskThresholdPercent: 80 } };
    const theirs = { ...database, settings: { ...database.settings, atRiskThresholdPercent: 60 } };
    expect(await admin(h, 'admin/save', { database: theirs, revision: 1 }, h.site.users.admin.accountId)).toMatchObject({ ok: true, data: { revision: 2, changes: ['Settings: at-risk threshold 75 % → 60 %'] } });
    expect(await admin(h, 'admin/save', { database: mine, revision: 1 })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Another administrator \(Ada de Boer\) saved/) } });
    expect((await loadContractDatabase(h.store)).database.settings.atRiskThresholdPercent).toBe(60);
    expect(await admin(h, 'admin/audit-log', { limit: 5 })).toMatchObject({
      ok: true,
      data: { entries: [{ revision: 2, by: h.site.users.admin.accountId, action: 'save', changes: ['Settings: at-risk threshold 75 % → 60 %'] }, { revision: 1, action: 'import' }], nextCursor: null },
    });
  });

  it('names the audit log\'s authors in one batched Jira call, and answers without names when Jira refuses', async () => {
    const h = await createHarness();
    const { admin: ada, sanne } = h.site.users;
    h.jiraCalls.length = 0;
    const answer = await admin(h, 'admin/display-names', { accountIds: [ada.accountId, sanne.accountId, ada.accountId, 'no-such-account'] });
    expect(answer).toEqual({ ok: true, data: { names: { [ada.accountId]: ada.displayName, [sanne.accountId]: sanne.displayName } } });
    expect(h.jiraCalls.filter((c) => c.startsWith('GET /rest/api/3/user'))).toEqual(['GET /rest/api/3/user/bulk']);
    expect(await admin(h, 'admin/display-names', { accountIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await admin(h, 'admin/display-names', { accountIds: [ada.accountId] }, sanne.accountId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Jira refuses (403): the page falls back to the account ids, the call itself does not fail
    const refusing = createJiraClient({
      transport: () => Promise.resolve({ status: 403, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorMessages: ['You are not allowed to browse users.'], errors: {} }) }),
      retry: { sleep: () => Promise.resolve() },
      installation: () => installationOf(h.model.app),
    });
    const deps = { ...h.deps, jiraAsUser: (accountId: string) => ({ ...h.deps.jiraAsUser(accountId), getUserDisplayNames: refusing.getUserDisplayNames }) };
    const refused = await call(createAdminResolver(deps), 'admin/display-names', { accountIds: [ada.accountId] }, ada.accountId, { type: 'jira:adminPage' });
    expect(refused).toEqual({ ok: true, data: { names: {} } });
  });

  it('exports a backup that imports back unchanged, and restores an older one only with confirmation', async () => {
    const h = await createHarness();
    const exported = await admin(h, 'admin/export');
    if (!exported.ok) throw new Error('export failed');
    const json = (exported.data as { json: string }).json;
    expect(JSON.parse(json)).toMatchObject({ format: 'contract-clock-backup', formatVersion: 1, revision: 1, auditLog: [{ revision: 1 }] });
    expect(await admin(h, 'admin/import', { json, revision: 1 })).toMatchObject({ ok: true, data: { unchanged: true, revision: 1 } });
    // A contract that comes into force after the backup was taken: the backup would remove it.
    const { database } = await loadContractDatabase(h.store);
    const newcomer = { ...structuredClone(database.contracts[0]!), id: 'newcomer', name: 'Newcomer', customer: { id: 'newcomer', name: 'Newcomer BV', organizationIds: ['n-1'] } };
    newcomer.versions = [{ ...newcomer.versions[0]!, version: 1, effectiveFrom: '2026-10-06' }];
    expect(await admin(h, 'admin/save', { database: { ...database, contracts: [...database.contracts, newcomer] }, revision: 1 })).toMatchObject({ ok: true, data: { revision: 2 } });
    h.advance(3 * 24 * 60); // the newcomer is in force now
    const refused = await admin(h, 'admin/import', { json, revision: 2 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'confirmation-required', fieldErrors: { 'database.contracts': [expect.stringMatching(/Newcomer.*cannot be removed/)] } } });
    expect(await admin(h, 'admin/import', { json, revision: 2, confirmHistoryRewrite: true })).toMatchObject({ ok: true, data: { revision: 3 } });
    expect((await loadContractDatabase(h.store)).database.contracts.map((c) => c.id)).not.toContain('newcomer');
  });
});

describe('admin import of schema version 1 exports', () => {
  it('migrates an old export on import, and the audit entry says so', async () => {
    const h = await createHarness(undefined, { database: () => ({ schemaVersion: 2 }) });
    const admin = (key: string, payload: unknown) => call(createAdminResolver(h.deps), key, payload, h.site.users.admin.accountId, { type: 'jira:adminPage' });
    const imported = await admin('admin/import', { json: JSON.stringify(v1Example), revision: 1 });
    expect(imported).toMatchObject({ ok: true, data: { unchanged: false, revision: 2 } });
    const { database } = await loadContractDatabase(h.store);
    expect(database.schemaVersion).toBe(2);
    expect(database.levels.find((l) => l.id === 'gold')?.revisions[0]?.monthlyPrices.email).toBe(40_000);
    const log = await admin('admin/audit-log', {});
    expect(log).toMatchObject({ ok: true, data: { entries: [{ revision: 2, action: 'import', notes: [expect.stringMatching(/^Migrated from schema version 1 to 2/), expect.any(String), expect.any(String)] }, { revision: 1 }] } });
  });
});

describe('panel resolvers', () => {
  const panel = (h: Harness, issue: { key: string; id: string }, key: string, payload: unknown, who = h.site.users.sanne.accountId) =>
    call(createPanelResolver(h.deps), key, payload, who, { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key } });

  it('loads the whole view in one call, for agents who can see the issue only', async () => {
    const h = await createHarness();
    const issue = await createdRequest(h);
    const answer = await panel(h, issue, 'panel/get', {});
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const view = panelViewSchema.parse(answer.data);
    expect(view.state).toBe('on-track');
    expect(view.terms?.level.name).toBe('Gold');
    expect(view.drafts.expected).toMatch(/(We expect|We verwachten|verwachten)/);
    expect(view.explanation.map((s) => s.kind)).toEqual(expect.arrayContaining(['customer', 'contract', 'service', 'level', 'priority']));
    const otherCustomer = await panel(h, issue, 'panel/get', {}, h.site.users.henk.accountId);
    expect(otherCustomer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('pauses by hand with a reason, and refuses a stale revision without changing anything', async () => {
    const h = await createHarness();
    const issue = await createdRequest(h);
    const stale = await panel(h, issue, 'panel/pause', { issueKey: issue.key, revision: 99, reason: 'Waiting for the supplier' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const record = () => clockRecordSchema.parse(h.model.findIssue(issue.key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    const revision = record().revision;
    const paused = await panel(h, issue, 'panel/pause', { issueKey: issue.key, revision, reason: 'Waiting for the supplier' });
    expect(paused).toEqual({ ok: true, data: { revision: revision + 1 } });
    expect(record().state).toBe('paused');
    expect(record().pauses.at(-1)).toMatchObject({ kind: 'manual', reason: 'Waiting for the supplier', by: h.site.users.sanne.accountId });
    const again = await panel(h, issue, 'panel/pause', { issueKey: issue.key, revision: revision + 1, reason: 'twice' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('names the field of a bad action payload', async () => {
    const h = await createHarness();
    const issue = await createdRequest(h);
    const answer = await panel(h, issue, 'panel/extend', { issueKey: issue.key, revision: 1, minutes: -5, reason: '  ' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { minutes: expect.any(Array), reason: expect.any(Array) } } });
  });

  it('extends the deadline and posts a public reply as the agent', async () => {
    const h = await createHarness();
    const issue = await createdRequest(h);
    const before = clockRecordSchema.parse(h.model.findIssue(issue.key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    const extended = await panel(h, issue, 'panel/extend', { issueKey: issue.key, revision: before.revision, minutes: 60, reason: 'Customer asked for a later visit' });
    expect(extended.ok).toBe(true);
    const after = clockRecordSchema.parse(h.model.findIssue(issue.key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    expect(after.target?.extensionMinutes).toBe(60);
    expect(Date.parse(after.deadline ?? '')).toBeGreaterThan(Date.parse(before.deadline ?? ''));
    const posted = await panel(h, issue, 'panel/post-message', { issueKey: issue.key, revision: after.revision, body: 'We expect to resolve this tomorrow.', visibility: 'public' });
    expect(posted).toMatchObject({ ok: true, data: { visibility: 'public' } });
    const comment = h.model.findIssue(issue.key)?.comments.at(-1);
    expect(comment).toMatchObject({ authorId: h.site.users.sanne.accountId, internal: false });
    const responded = clockRecordSchema.parse(h.model.findIssue(issue.key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    expect(responded.response?.outcome).toBe('met');
    expect(responded.history.filter((f) => f.kind === 'public-comment')).toEqual([expect.objectContaining({ id: `comment:${comment?.id ?? ''}` })]);
  });
});

describe('resolver function keys', () => {
  // @forge/resolver looks keys up with `in` on a plain object: these reach Object.prototype.
  const keys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'panel/no-such-function'];

  it.each(keys)('answers %s with the envelope\'s not-found, leaking nothing of the invocation', async (functionKey) => {
    const h = await createHarness();
    const issue = await createdRequest(h);
    for (const definitions of [createPanelResolver(h.deps), createAdminResolver(h.deps)]) {
      const answer: unknown = await definitions(
        { call: { functionKey, payload: { secret: 'payload' } }, context: { moduleKey: 'contract-clock', extension: { type: 'jira:issuePanel', issue }, secret: 'context' } },
        { principal: { accountId: h.site.users.sanne.accountId }, installContext: 'ari:cloud:jira::site/secret' } as never,
      );
      expect(answer).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringContaining(JSON.stringify(functionKey)) } });
      expect(JSON.stringify(answer)).not.toMatch(/secret/);
    }
  });
});

describe('the first response', () => {
  const panel = (h: Harness, issue: { key: string; id: string }, key: string, payload: unknown, who: string) =>
    call(createPanelResolver(h.deps), key, payload, who, { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key } });

  it('is not met by a customer, neither through the panel resolver nor by commenting, and is by an agent', async () => {
    const h = await createHarness();
    const issue = await createdRequest(h);
    const record = () => clockRecordSchema.parse(h.model.findIssue(issue.key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    const comments = () => h.model.findIssue(issue.key)?.comments.length;
    const before = comments();
    // The panel is the agents' view: the customer who raised the request may browse it, not use the panel.
    const byCustomer = await panel(h, issue, 'panel/post-message', { issueKey: issue.key, revision: record().revision, body: 'Any news?', visibility: 'public' }, h.site.users.alice.accountId);
    expect(byCustomer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(comments()).toBe(before);
    // JSM lets the customer comment in the portal; the comment trigger sees it…
    h.model.addComment(h.site.users.alice.accountId, issue.key, { body: 'Any news?' });
    for (const event of h.events.splice(0)) if (event.eventType === 'avi:jira:commented:issue') await createOnIssueCommented(h.deps)(event);
    expect(comments()).toBe((before ?? 0) + 1);
    expect(record().response).toMatchObject({ respondedAt: null, outcome: null }); // …but it is no response
    expect(record().history.some((f) => f.kind === 'public-comment')).toBe(false);
    h.advance(5);
    const byAgent = await panel(h, issue, 'panel/post-message', { issueKey: issue.key, revision: record().revision, body: 'We are on it.', visibility: 'public' }, h.site.users.sanne.accountId);
    expect(byAgent).toMatchObject({ ok: true });
    expect(record().response).toMatchObject({ respondedBy: 'comment', outcome: 'met' });
    expect(record().history.filter((f) => f.kind === 'public-comment')).toEqual([expect.objectContaining({ by: h.site.users.sanne.accountId })]);
  });
});

describe('panel resolvers before the created event arrived', () => {
  it('starts the clock on first view instead of showing an empty panel', async () => {
    const h = await createHarness();
    const issue = h.model.createRequest(h.site.users.alice.accountId, {
      serviceDeskId: h.site.serviceDesk.id,
      requestTypeId: h.site.requestTypes.email.id,
      summary: 'Mailbox full',
    });
    h.events.length = 0; // the created event is late
    const answer: unknown = await createPanelResolver(h.deps)(
      { call: { functionKey: 'panel/get', payload: {} }, context: { moduleKey: 'contract-clock-panel', extension: { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key } } } },
      { principal: { accountId: h.site.users.sanne.accountId } } as never,
    );
    expect(answer).toMatchObject({ ok: true, data: { state: 'on-track', revision: 1, terms: { level: { name: 'Gold' } } } });
    expect(h.model.findIssue(issue.key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]).toBeDefined();
  });
});
