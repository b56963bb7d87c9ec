/**
 * The contract database store: revisioned saves written conditionally (a save that lost a race is
 * refused, issue 12.6), history that cannot be rewritten except by a confirmed restore (12.8), the
 * audit log (12.7), the terms index an event reads in one operation (10.12), migration of schema
 * version 1 installs, and a failed save that leaves the previous database intact.
 */
import { CountingStore } from './app-harness';
import { MemoryKvsStore } from '../../src/adapters/storage/memory-kvs-store';
import type { StoreOperation } from '../../src/adapters/storage/key-value-store';
import { StorageError } from '../../src/adapters/storage/key-value-store';
import { writeDocument } from '../../src/adapters/storage/typed-value';
import { z } from 'zod';
import {
  buildAuditEntry,
  checkDatabaseChange,
  ensureContractStore,
  listAuditLog,
  loadContractDatabase,
  loadTermsDatabase,
  readAuditLog,
  saveContractDatabase,
  type DatabaseChange,
} from '../../src/app/contract-database-store';
import { AUDIT_LOG_LIMITS } from '../../src/contract/admin-api';
import { parseContractDatabase, type ContractDatabase } from '../../src/contract/contract-database';
import { resolveTerms } from '../../src/domain/resolve-terms';
import example from '../fixtures/contract-database.example.json';
import v1Example from '../fixtures/contract-database.v1.example.json';

function exampleDatabase(): ContractDatabase {
  const parsed = parseContractDatabase(example);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.database;
}

const now = new Date('2026-10-05T08:00:00Z');
const admin = '5b10ac8d82e05b22cc7d4ef5';
const change = (input: unknown, baseRevision: number, extra: Partial<DatabaseChange> = {}): DatabaseChange => ({ input, baseRevision, by: admin, now, action: 'save', ...extra });

async function seeded(): Promise<MemoryKvsStore> {
  const store = new MemoryKvsStore();
  const saved = await saveContractDatabase(store, change(example, 0, { action: 'import' }));
  if (!saved.ok || saved.revision !== 1) throw new Error('seed failed');
  return store;
}

function edited(edit: (db: ContractDatabase) => void): ContractDatabase {
  const db = structuredClone(exampleDatabase());
  edit(db);
  return db;
}

describe('saving and loading', () => {
  it('answers an empty database at revision 0 before anything was saved', async () => {
    const loaded = await loadContractDatabase(new MemoryKvsStore());
    expect(loaded).toMatchObject({ status: 'missing', revision: 0, savedAt: null });
    expect(loaded.database.contracts).toEqual([]);
  });

  it('stores revision 1, reads it back, and answers unchanged for the same content', async () => {
    const store = await seeded();
    expect(await loadContractDatabase(store)).toMatchObject({ status: 'found', revision: 1, savedAt: now.toISOString(), database: exampleDatabase() });
    const again = await saveContractDatabase(store, change(example, 1));
    expect(again).toMatchObject({ ok: true, unchanged: true, revision: 1, changes: [] });
  });

  it('writes nothing when the document is invalid, and reports each error with its path', async () => {
    const store = await seeded();
    const broken = structuredClone(example) as { calendars: { week: Record<string, unknown> }[] };
    broken.calendars[0]!.week.mon = [['09:00', '25:00']];
    const result = await saveContractDatabase(store, change(broken, 1));
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    if (!result.ok && result.kind !== 'stale') expect(result.errors.map((e) => e.path)).toContain('calendars.0.week.mon.0.1');
    expect(await loadContractDatabase(store)).toMatchObject({ status: 'found', revision: 1, database: exampleDatabase() });
  });

  it('keeps one generation of chunks: the replaced one is removed', async () => {
    const store = await seeded();
    await saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 80; }), 1));
    const chunks = await store.query({ prefix: 'doc-chunk:', limit: 100 });
    expect(chunks.entries).toHaveLength(1);
  });
});

describe('a save that lost a race is refused (issue 12.6)', () => {
  it('refuses a save from an older revision, with who-and-when, and stores nothing', async () => {
    const store = await seeded();
    const first = await saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 80; }), 1));
    expect(first).toMatchObject({ ok: true, revision: 2 });
    const late = await saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 60; }), 1));
    expect(late).toMatchObject({
      ok: false,
      kind: 'stale',
      currentRevision: 2,
      savedAt: '2026-10-05T08:00:00.000Z',
      savedBy: expect.any(String),
      message: expect.stringMatching(/Another administrator \(.+\) saved the contract database at 2026-10-05T08:00:00.000Z \(revision 2\) after you loaded revision 1/),
    });
    expect((await loadContractDatabase(store)).database.settings.atRiskThresholdPercent).toBe(80);
  });

  it('lets exactly one of two concurrent saves from the same revision win', async () => {
    const store = await seeded();
    const results = await Promise.all([
      saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 80; }), 1)),
      saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 60; }), 1)),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([expect.objectContaining({ kind: 'stale' })]);
    const stored = await loadContractDatabase(store);
    expect(stored.revision).toBe(2);
    expect(stored.database.settings.atRiskThresholdPercent).toBe(winners[0]?.ok === true ? winners[0].database.settings.atRiskThresholdPercent : -1);
    expect((await readAuditLog(store)).map((e) => e.revision)).toEqual([2, 1]);
    // The loser's chunks were removed again: one generation is stored.
    expect((await store.query({ prefix: 'doc-chunk:', limit: 100 })).entries).toHaveLength(1);
  });

  it('accepts the same content from an older revision (nothing would be lost)', async () => {
    const store = await seeded();
    await saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 80; }), 1));
    expect(await saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 80; }), 1))).toMatchObject({ ok: true, unchanged: true, revision: 2 });
  });
});

describe('history (issue 12.8)', () => {
  it('refuses editing the Gold revision in force, and validate says the same as save', async () => {
    const store = await seeded();
    const input = edited((db) => { db.levels[0]!.revisions[0]!.targets.P1.resolutionMinutes = 180; });
    const checked = await checkDatabaseChange(store, change(input, 1));
    const saved = await saveContractDatabase(store, change(input, 1));
    expect(checked).toMatchObject({ ok: false, kind: 'history', errors: [{ path: 'levels.0.revisions.0', message: expect.stringMatching(/cannot be edited/) }] });
    expect(saved).toEqual(checked);
    expect((await loadContractDatabase(store)).revision).toBe(1);
  });

  it('accepts the same change as a new revision from tomorrow, and logs it in words', async () => {
    const store = await seeded();
    const input = edited((db) => {
      const gold = db.levels[0]!;
      gold.revisions.splice(1, 0, { ...structuredClone(gold.revisions[0]!), effectiveFrom: '2026-10-06', targets: { ...gold.revisions[0]!.targets, P1: { resolutionMinutes: 180, responseMinutes: 30 } } });
    });
    expect(await checkDatabaseChange(store, change(input, 1))).toMatchObject({ ok: true });
    const saved = await saveContractDatabase(store, change(input, 1));
    expect(saved).toMatchObject({ ok: true, revision: 2, changes: ["Level 'Gold': P1 resolution 4 h → 3 h from 2026-10-06"] });
    expect((await listAuditLog(store, { limit: 1 })).entries).toEqual([
      { revision: 2, at: now.toISOString(), by: admin, action: 'save', changes: ["Level 'Gold': P1 resolution 4 h → 3 h from 2026-10-06"], changeCount: 1, notes: [] },
    ]);
  });
});

describe('import restores a backup (issue 12.8)', () => {
  const acmeGone = () => edited((db) => { db.contracts = db.contracts.filter((c) => c.id !== 'acme'); });

  it('restores a backup taken before a contract came into force only with confirmation, and records what it rewrote', async () => {
    // The backup lacks ACME (in force since 2025): restoring it would rewrite what requests used.
    const store = await seeded();
    const backup = acmeGone();
    const refused = await saveContractDatabase(store, change(backup, 1, { action: 'import' }));
    expect(refused).toMatchObject({ ok: false, kind: 'history', errors: [{ path: 'contracts', message: expect.stringMatching(/ACME Managed Workplace.*cannot be removed/) }] });
    expect((await loadContractDatabase(store)).revision).toBe(1);
    const restored = await saveContractDatabase(store, change(backup, 1, { action: 'import', confirmHistoryRewrite: true, notes: ['Restored the backup of revision 1.'] }));
    expect(restored).toMatchObject({ ok: true, revision: 2 });
    const [entry] = (await listAuditLog(store, { limit: 1 })).entries;
    expect(entry).toMatchObject({ action: 'import', changes: ["Contract 'ACME Managed Workplace' (acme) removed"] });
    expect(entry?.notes).toEqual(['Restored the backup of revision 1.', expect.stringMatching(/^History rewritten with confirmation: Contract 'ACME Managed Workplace' \(acme\) has been in force since 2025-01-01/)]);
  });

  it('a save can never rewrite history, confirmed or not', async () => {
    const store = await seeded();
    expect(await saveContractDatabase(store, change(acmeGone(), 1, { confirmHistoryRewrite: true }))).toMatchObject({ ok: false, kind: 'history' });
  });
});

describe('the audit log (issue 12.7)', () => {
  it('keeps the newest AUDIT_LOG_LIMITS.maxEntries entries', async () => {
    // A small database, so that 104 saves stay quick.
    const store = new MemoryKvsStore();
    let revision = 0;
    for (let i = 0; i < AUDIT_LOG_LIMITS.maxEntries + 4; i++) {
      const saved = await saveContractDatabase(store, change({ schemaVersion: 2, settings: { atRiskThresholdPercent: 10 + (i % 80) } }, revision));
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      revision = saved.revision;
    }
    const log = await readAuditLog(store);
    expect(log).toHaveLength(AUDIT_LOG_LIMITS.maxEntries);
    expect(log[0]?.revision).toBe(revision);
    expect(log.at(-1)?.revision).toBe(revision - AUDIT_LOG_LIMITS.maxEntries + 1);
    const all = await store.queryEntity({ entity: 'database-audit', index: 'revision', limit: 100 });
    expect(all.entries).toHaveLength(100);
  });

  it('bounds one entry: lines are cut, and dropped until it fits AUDIT_LOG_LIMITS.maxEntryBytes', () => {
    const long = Array.from({ length: 50 }, (_, i) => `Contract '${'é'.repeat(150)}' ${i}: version 1: covered services changed`);
    const entry = buildAuditEntry({ revision: 3, at: now.toISOString(), by: admin, action: 'save', changes: long, notes: long });
    expect(entry.changeCount).toBe(50);
    expect(entry.changes.length).toBeLessThanOrEqual(AUDIT_LOG_LIMITS.maxChangesPerEntry);
    expect(entry.changes.every((line) => line.length <= AUDIT_LOG_LIMITS.maxLineLength)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify({ schemaVersion: 1, ...entry }))).toBeLessThanOrEqual(AUDIT_LOG_LIMITS.maxEntryBytes);
  });
});

describe('the terms index (issue 10.12)', () => {
  it('answers the organizations\' slice in one storage read, resolving what the whole database resolves', async () => {
    const inner = await seeded();
    const store = new CountingStore(inner);
    const terms = await loadTermsDatabase(store, ['1']);
    expect(store.operations).toEqual([expect.stringMatching(/^get contract-terms\/bucket-\d\d$/)]);
    expect(terms.source).toBe('index');
    expect(terms.database.contracts.map((c) => c.id)).toEqual(['acme']);
    const facts = { organizations: [{ id: '1', name: 'ACME' }], requestTypeId: '12', components: [], labels: [], priority: 'Highest' };
    expect(resolveTerms(terms.database, facts, now)).toEqual(resolveTerms(exampleDatabase(), facts, now));
  });

  it('reads the whole database while the index is missing', async () => {
    const store = await seeded();
    for (let bucket = 0; bucket < 64; bucket++) await store.transact([{ type: 'delete', entity: 'contract-terms', key: `bucket-${String(bucket).padStart(2, '0')}` }]);
    const terms = await loadTermsDatabase(store, ['1']);
    expect(terms.source).toBe('database');
    expect(terms.database).toEqual(exampleDatabase());
    // Opening the admin page (ensureContractStore) writes it again.
    // (As after a save that failed before its index was written: the pointer says revision 1 is not indexed.)
    const pointer = z.looseObject({}).parse(await store.getEntity('contract-database', 'current'));
    await store.transact([{ type: 'set', entity: 'contract-database', key: 'current', value: { ...pointer, indexedRevision: 0 } }]);
    await ensureContractStore(store, now);
    expect((await loadTermsDatabase(store, ['1'])).source).toBe('index');
  });

  it('rewrites only the buckets whose slice changed', async () => {
    const inner = await seeded();
    const store = new CountingStore(inner);
    await saveContractDatabase(store, change(edited((db) => { db.contracts.find((c) => c.id === 'initech')!.name = 'Initech Basic 2026'; }), 1));
    const bucketWrites = store.operations.filter((op) => op.includes('contract-terms/')).flatMap((op) => op.match(/contract-terms\/bucket-\d\d/g) ?? []);
    expect(bucketWrites).toEqual([expect.stringMatching(/bucket-\d\d/)]);
    expect((await loadTermsDatabase(inner, ['4'])).database.contracts.map((c) => c.name)).toEqual(['Initech Basic 2026']);
  });
});

describe('schema version 1 installs', () => {
  async function legacyStore(): Promise<MemoryKvsStore> {
    const store = new MemoryKvsStore();
    await writeDocument(store, 'contract-database', z.looseObject({ schemaVersion: z.number() }), v1Example);
    return store;
  }

  it('read the version 1 document, migrated, at revision 0', async () => {
    const loaded = await loadContractDatabase(await legacyStore());
    expect(loaded).toMatchObject({ status: 'found', revision: 0, legacy: true });
    expect(loaded.database.schemaVersion).toBe(2);
    expect(loaded.database.levels[0]?.revisions[0]?.monthlyPrices).toEqual({ email: 40_000, network: 65_000, workplace: 90_000 });
  });

  it('are stored as version 2 on the first admin page load, with a migration entry and the index', async () => {
    const store = await legacyStore();
    const before = await loadTermsDatabase(store, ['1']);
    expect(before.source).toBe('database');
    const loaded = await ensureContractStore(store, now);
    expect(loaded).toMatchObject({ status: 'found', revision: 1, legacy: false });
    const [entry] = await readAuditLog(store);
    expect(entry).toMatchObject({ revision: 1, action: 'migration', by: 'app' });
    expect(entry?.notes[0]).toMatch(/Migrated from schema version 1 to 2/);
    const after = await loadTermsDatabase(store, ['1']);
    expect(after.source).toBe('index');
    const facts = { organizations: [{ id: '1', name: 'ACME' }], requestTypeId: '12', components: [], labels: [], priority: 'Highest' };
    expect(resolveTerms(after.database, facts, now)).toEqual(resolveTerms(before.database, facts, now));
  });

  it('accept a first save from revision 0', async () => {
    const store = await legacyStore();
    const { database } = await loadContractDatabase(store);
    const saved = await saveContractDatabase(store, change({ ...database, settings: { ...database.settings, atRiskThresholdPercent: 80 } }, 0));
    expect(saved).toMatchObject({ ok: true, revision: 1 });
  });
});

describe('a failed save leaves the previous database intact', () => {
  /** A store whose n-th transaction (counted from the first one after `arm`) fails. */
  class FailingStore extends MemoryKvsStore {
    failAt: number | null = null;
    private count = 0;
    arm(failAt: number): void {
      this.failAt = failAt;
      this.count = 0;
    }
    override transact(operations: readonly StoreOperation[]): Promise<void> {
      this.count += 1;
      if (this.failAt !== null && this.count === this.failAt) return Promise.reject(new StorageError('UNAVAILABLE', 'storage down', { status: 503 }));
      return super.transact(operations);
    }
  }

  it.each([
    ['while writing the chunks', 1],
    ['at the commit', 2],
  ])('%s: the old revision reads back, no chunks are left behind', async (_name, failAt) => {
    const store = new FailingStore();
    await saveContractDatabase(store, change(example, 0, { action: 'import' }));
    store.arm(failAt);
    await expect(saveContractDatabase(store, change(edited((db) => { db.settings.atRiskThresholdPercent = 80; }), 1))).rejects.toThrow('storage down');
    store.failAt = null;
    expect(await loadContractDatabase(store)).toMatchObject({ status: 'found', revision: 1, database: exampleDatabase() });
    expect((await store.query({ prefix: 'doc-chunk:', limit: 100 })).entries).toHaveLength(1);
  });

  it('after the commit (while writing the index): the new revision stands, and the next load repairs the index', async () => {
    const store = new FailingStore();
    await saveContractDatabase(store, change(example, 0, { action: 'import' }));
    store.arm(4); // 1 chunks, 2 commit, 3 old chunks removed, 4 the first bucket batch
    const input = edited((db) => { db.contracts.find((c) => c.id === 'initech')!.name = 'Initech Basic 2026'; });
    await expect(saveContractDatabase(store, change(input, 1))).rejects.toThrow('storage down');
    store.failAt = null;
    const loaded = await loadContractDatabase(store);
    expect(loaded).toMatchObject({ revision: 2, indexedRevision: 1 });
    expect((await loadTermsDatabase(store, ['4'])).database.contracts[0]?.name).toBe('Initech Basic');
    await ensureContractStore(store, now);
    expect((await loadTermsDatabase(store, ['4'])).database.contracts[0]?.name).toBe('Initech Basic 2026');
    expect((await loadContractDatabase(store)).indexedRevision).toBe(2);
  });
});
