/**
 * The admin harness's mock backend answers like src/entry/admin-resolver.ts: every answer fits the
 * shared data schemas, a failed save or import lists every error with its path and changes
 * nothing, a good import stores the database, and the failure switches answer their error code.
 * The same calls go to the real resolver where the answer can be compared.
 */
import {
  ADMIN_RESOLVER_KEYS,
  adminGetDataSchema,
  auditLogDataSchema,
  displayNamesDataSchema,
  exportDataSchema,
  jiraOptionsDataSchema,
  parseIcsDataSchema,
  previewDataSchema,
  reapplyDataSchema,
  rebuildDataSchema,
  saveDataSchema,
  validateDataSchema,
} from '../../src/contract/admin-api';
import { envelopeSchema } from '../../src/contract/envelope';
import { createMockAdminBackend } from '../../static/admin/dev/mock-admin-backend';
import { buildDemoDatabase } from '../../static/admin/dev/fixtures';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createHarness } from '../app/app-harness';

type Key = (typeof ADMIN_RESOLVER_KEYS)[keyof typeof ADMIN_RESOLVER_KEYS];

/** The answer schema per key (the same as adminApi[key].data, spelled out so each keeps its type). */
const answers = {
  [ADMIN_RESOLVER_KEYS.get]: envelopeSchema(adminGetDataSchema),
  [ADMIN_RESOLVER_KEYS.validate]: envelopeSchema(validateDataSchema),
  [ADMIN_RESOLVER_KEYS.save]: envelopeSchema(saveDataSchema),
  [ADMIN_RESOLVER_KEYS.import]: envelopeSchema(saveDataSchema),
  [ADMIN_RESOLVER_KEYS.export]: envelopeSchema(exportDataSchema),
  [ADMIN_RESOLVER_KEYS.auditLog]: envelopeSchema(auditLogDataSchema),
  [ADMIN_RESOLVER_KEYS.displayNames]: envelopeSchema(displayNamesDataSchema),
  [ADMIN_RESOLVER_KEYS.jiraOptions]: envelopeSchema(jiraOptionsDataSchema),
  [ADMIN_RESOLVER_KEYS.rebuildAggregates]: envelopeSchema(rebuildDataSchema),
  [ADMIN_RESOLVER_KEYS.preview]: envelopeSchema(previewDataSchema),
  [ADMIN_RESOLVER_KEYS.reapplyPreview]: envelopeSchema(reapplyDataSchema),
  [ADMIN_RESOLVER_KEYS.reapplyApply]: envelopeSchema(reapplyDataSchema),
  [ADMIN_RESOLVER_KEYS.reapplyStatus]: envelopeSchema(reapplyDataSchema),
  [ADMIN_RESOLVER_KEYS.parseIcs]: envelopeSchema(parseIcsDataSchema),
};

function parse<K extends Key>(key: K, answer: unknown): ReturnType<(typeof answers)[K]['parse']> {
  return answers[key].parse(answer) as ReturnType<(typeof answers)[K]['parse']>;
}

function get(backend: ReturnType<typeof createMockAdminBackend>) {
  const answer = parse(ADMIN_RESOLVER_KEYS.get, backend.handle(ADMIN_RESOLVER_KEYS.get, {}));
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

/** The demo database with a date that does not exist and a level nobody defined. */
function brokenDemo(): unknown {
  const document = structuredClone(buildDemoDatabase());
  const version = document.contracts[0]!.versions[0]!;
  version.effectiveFrom = '2026-13-45';
  version.coveredServices[0]!.levelId = 'platinum';
  return document;
}

describe('mock admin backend', () => {
  it.each(['found', 'missing', 'invalid'] as const)('answers admin/get for the %s scenario in the shared shape', (scenario) => {
    const data = get(createMockAdminBackend({ scenario }));
    expect(data.status).toBe(scenario);
    expect(data.detail === null).toBe(scenario !== 'invalid');
    expect(data.summary.contracts).toBe(data.database.contracts.length);
  });

  it('validates the demo database and lists the errors of a broken one with their paths', () => {
    const backend = createMockAdminBackend({ scenario: 'found' });
    expect(backend.handle(ADMIN_RESOLVER_KEYS.validate, { database: buildDemoDatabase(), revision: 1 })).toEqual({ ok: true, data: { valid: true, errors: [] } });
    const answer = parse(ADMIN_RESOLVER_KEYS.validate, backend.handle(ADMIN_RESOLVER_KEYS.validate, { database: brokenDemo(), revision: 1 }));
    expect(answer.ok && !answer.data.valid && answer.data.errors.map((e) => e.path)).toEqual(['contracts.0.versions.0.effectiveFrom', 'contracts.0.versions.0.coveredServices.0.levelId']);
  });

  it('saves nothing when the document has errors and answers invalid-input with field errors', () => {
    const backend = createMockAdminBackend({ scenario: 'found' });
    const before = get(backend);
    const answer = parse(ADMIN_RESOLVER_KEYS.save, backend.handle(ADMIN_RESOLVER_KEYS.save, { database: { schemaVersion: 2, levels: [{ id: 'gold' }] }, revision: 1 }));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-input');
    expect(Object.keys(answer.error.fieldErrors ?? {})).toEqual(expect.arrayContaining(['levels.0.name', 'levels.0.revisions']));
    expect(get(backend)).toEqual(before);
  });

  it('refuses a save from an older revision than the stored one, and saves from the current one', () => {
    const backend = createMockAdminBackend({ scenario: 'found' });
    const database = { ...buildDemoDatabase(), settings: { ...buildDemoDatabase().settings, atRiskThresholdPercent: 80 } };
    expect(backend.handle(ADMIN_RESOLVER_KEYS.save, { database, revision: 0 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(parse(ADMIN_RESOLVER_KEYS.save, backend.handle(ADMIN_RESOLVER_KEYS.save, { database, revision: 1 }))).toMatchObject({ ok: true, data: { revision: 2, changes: ['Settings: at-risk threshold 75 % → 80 %'] } });
    expect(parse(ADMIN_RESOLVER_KEYS.auditLog, backend.handle(ADMIN_RESOLVER_KEYS.auditLog, {}))).toMatchObject({ ok: true, data: { entries: [{ revision: 2, action: 'save', by: 'mock-admin' }] } });
    expect(parse(ADMIN_RESOLVER_KEYS.displayNames, backend.handle(ADMIN_RESOLVER_KEYS.displayNames, { accountIds: ['mock-admin', 'someone-else'] }))).toEqual({ ok: true, data: { names: { 'mock-admin': 'Mock Admin' } } });
  });

  it('imports: not JSON is one error at "json"; a good document is stored; the same again is unchanged', () => {
    const backend = createMockAdminBackend({ scenario: 'missing' });
    const notJson = parse(ADMIN_RESOLVER_KEYS.import, backend.handle(ADMIN_RESOLVER_KEYS.import, { json: '{"schemaVersion": 1,', revision: 0 }));
    expect(!notJson.ok && Object.keys(notJson.error.fieldErrors ?? {})).toEqual(['json']);
    expect(get(backend).status).toBe('missing');

    const json = JSON.stringify(buildDemoDatabase());
    expect(parse(ADMIN_RESOLVER_KEYS.import, backend.handle(ADMIN_RESOLVER_KEYS.import, { json, revision: 0 }))).toMatchObject({ ok: true, data: { unchanged: false, summary: { contracts: 6 } } });
    expect(get(backend).status).toBe('found');
    expect(parse(ADMIN_RESOLVER_KEYS.import, backend.handle(ADMIN_RESOLVER_KEYS.import, { json, revision: 1 }))).toMatchObject({ ok: true, data: { unchanged: true } });
  });

  it('exports the stored database as a backup file, which imports back unchanged', () => {
    const backend = createMockAdminBackend({ scenario: 'found', today: '2026-11-02' });
    const answer = parse(ADMIN_RESOLVER_KEYS.export, backend.handle(ADMIN_RESOLVER_KEYS.export, {}));
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.fileName).toBe('contract-database-2026-11-02-r1.json');
    expect(JSON.parse(answer.data.json)).toMatchObject({ format: 'contract-clock-backup', revision: 1, database: get(backend).database });
    expect(parse(ADMIN_RESOLVER_KEYS.import, backend.handle(ADMIN_RESOLVER_KEYS.import, { json: answer.data.json, revision: 1 }))).toMatchObject({ ok: true, data: { unchanged: true } });
  });

  it('answers Jira names and rebuild jobs in the shared shape', () => {
    const backend = createMockAdminBackend({ scenario: 'found' });
    expect(parse(ADMIN_RESOLVER_KEYS.jiraOptions, backend.handle(ADMIN_RESOLVER_KEYS.jiraOptions, {})).ok).toBe(true);
    const first = parse(ADMIN_RESOLVER_KEYS.rebuildAggregates, backend.handle(ADMIN_RESOLVER_KEYS.rebuildAggregates, {}));
    const second = parse(ADMIN_RESOLVER_KEYS.rebuildAggregates, backend.handle(ADMIN_RESOLVER_KEYS.rebuildAggregates, {}));
    expect(first.ok && second.ok && first.data.jobId !== second.data.jobId).toBe(true);
  });

  it('fails every call with failLoad, and every call but admin/get with failActions', () => {
    const forbidden = createMockAdminBackend({ scenario: 'found', failLoad: 'forbidden' });
    for (const key of Object.values(ADMIN_RESOLVER_KEYS)) expect(forbidden.handle(key, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const unavailable = createMockAdminBackend({ scenario: 'found', failActions: 'unavailable' });
    expect(get(unavailable).status).toBe('found');
    expect(unavailable.handle(ADMIN_RESOLVER_KEYS.save, { database: {}, revision: 1 })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('mock and real resolver agree', () => {
  async function real() {
    const h = await createHarness();
    const definitions = createAdminResolver(h.deps);
    return (functionKey: Key, payload: unknown): Promise<unknown> =>
      definitions(
        { call: { functionKey, payload }, context: { moduleKey: 'contract-clock-admin', extension: { type: 'jira:adminPage' } } },
        { principal: { accountId: h.site.users.admin.accountId } } as never,
      );
  }

  it('on the errors of a broken document (validate) and of text that is not JSON (import)', async () => {
    const invoke = await real();
    const mock = createMockAdminBackend({ scenario: 'missing' });
    const document = brokenDemo();
    expect(await invoke(ADMIN_RESOLVER_KEYS.validate, { database: document, revision: 1 })).toEqual(mock.handle(ADMIN_RESOLVER_KEYS.validate, { database: document, revision: 0 }));
    const realImport = parse(ADMIN_RESOLVER_KEYS.import, await invoke(ADMIN_RESOLVER_KEYS.import, { json: '[', revision: 1 }));
    const mockImport = parse(ADMIN_RESOLVER_KEYS.import, mock.handle(ADMIN_RESOLVER_KEYS.import, { json: '[', revision: 0 }));
    expect(!realImport.ok && Object.keys(realImport.error.fieldErrors ?? {})).toEqual(!mockImport.ok && Object.keys(mockImport.error.fieldErrors ?? {}));
  });
});
