/**
 * The contract database as app data: one revisioned, validated document, an index of terms-resolution
 * slices per organization bucket, and an audit log.
 *
 * Layout (keys in storage-keys.ts, entities in manifest.yml):
 * - the document's JSON text in KVS chunks of one generation (`doc-chunk:contract-database:<gen>:<n>`);
 * - the commit pointer, the `contract-database` entity item `current`: revision, generation, SHA-256,
 *   who saved when, and up to which revision the slices are written (`indexedRevision`). A save
 *   writes the new generation's chunks first (unreferenced, invisible), then commits — pointer and
 *   audit entry in one transaction — on the condition that the revision is still the one the admin
 *   loaded. A save that lost a race is refused; a failed save leaves the previous database readable.
 * - one `contract-terms` item per bucket of organizations (src/domain/terms-slice.ts), written after
 *   the commit (only the buckets whose slice changed, each on the condition that it holds an older
 *   revision): an event reads one item — 1 storage operation, a few KB — instead of the database.
 *   A bucket missing (never indexed, a v1 install) sends the reader to the whole database; a save
 *   that failed midway leaves some buckets one save behind until the next save or admin page load
 *   rewrites them (each bucket is always a consistent slice of one saved revision).
 * - `database-audit` items, one per revision, the newest AUDIT_LOG_LIMITS.maxEntries kept: the
 *   commit that writes entry r deletes entry r − maxEntries.
 * - schema version 1 (real installs before this release) lived in `doc:contract-database`
 *   (typed-value.ts writeDocument); it is read and migrated when there is no pointer yet, and the
 *   first save or admin page load stores it as version 2 (the old keys are left as they were).
 *
 * Rules every change passes — save, import and validate run the same checks (src/domain): the schema
 * with every rule, history (versions and level revisions in force are immutable), the revision the
 * admin loaded, and whether every slice fits one storage item. An import (restoring a backup) may
 * rewrite history only with explicit confirmation, which its audit entry records.
 *
 * Uses the storage port; no Forge imports.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EntityCondition } from '../adapters/storage/entity-rules';
import { isConditionFailed, KVS_LIMITS, type KeyValueStore, type StoreOperation } from '../adapters/storage/key-value-store';
import {
  CONTRACT_DATABASE_ENTITY,
  CONTRACT_TERMS_ENTITY,
  DATABASE_AUDIT_ENTITY,
  contractDatabasePointerKey,
  contractTermsBucketKey,
  databaseAuditKey,
  documentChunkKey,
} from '../adapters/storage/storage-keys';
import { packTransactions, readDocument, splitForChunks } from '../adapters/storage/typed-value';
import { AUDIT_LOG_LIMITS, auditEntrySchema, type AuditEntry } from '../contract/admin-api';
import {
  emptyContractDatabase as emptyDatabase,
  parseContractDatabase,
  storedContractDatabaseSchema,
  utf8Length,
  type ContractDatabase,
  type ContractDatabaseError,
} from '../contract/contract-database';
import { vt } from '../contract/validation-message';
import { canonicalJson } from '../domain/calendar-cache';
import { describeDatabaseChanges } from '../domain/database-changes';
import { findHistoryConflicts } from '../domain/database-history';
import { bucketsOf, buildTermsBuckets, mergeSlices, TERMS_BUCKETS, type TermsSlice } from '../domain/terms-slice';

/** A database with no contracts: every request is uncovered until an admin saves one. */
export function emptyContractDatabase(): ContractDatabase {
  return emptyDatabase();
}

// ---------------------------------------------------------------------------------------------
// Stored items

const pointerSchema = z.object({
  schemaVersion: z.literal(1),
  revision: z.number().int().positive(),
  indexedRevision: z.number().int().nonnegative(),
  generation: z.string().regex(/^[a-z0-9]{1,40}$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  chunkCount: z.number().int().positive(),
  savedAt: z.iso.datetime({ offset: true }),
  savedBy: z.string().min(1).max(128),
});
type Pointer = z.infer<typeof pointerSchema>;

const chunkSchema = z.object({ schemaVersion: z.literal(1), data: z.string() });

const termsBucketSchema = z.object({
  schemaVersion: z.literal(1),
  revision: z.number().int().positive(),
  bucket: z.number().int().min(0).max(TERMS_BUCKETS - 1),
  content: storedContractDatabaseSchema,
  contractOrder: z.array(z.number().int().nonnegative()),
});

const storedAuditEntrySchema = auditEntrySchema.extend({ schemaVersion: z.literal(1) });

/** Room in one storage item for a slice: Forge's 240 KiB less a margin for the item's other attributes. */
export const TERMS_SLICE_MAX_BYTES = KVS_LIMITS.maxValueBytes - 4 * 1024;

const legacyDocumentSchema = z.looseObject({ schemaVersion: z.number() });

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Where a stored revision's text lives (for removing it once replaced); null for version 1 installs. */
export type StoredChunks = { readonly generation: string; readonly count: number } | null;

interface LoadedBase {
  readonly database: ContractDatabase;
  /** 0 before the first save of schema version 2. */
  readonly revision: number;
  readonly savedAt: string | null;
  /** Who saved the stored revision (an account id, or `app`); null before the first save. */
  readonly savedBy: string | null;
  readonly indexedRevision: number;
  /** True for a schema version 1 install (no pointer yet). */
  readonly legacy: boolean;
  readonly chunks: StoredChunks;
}

export type LoadedDatabase =
  | (LoadedBase & { readonly status: 'found'; readonly migrationNotes: readonly string[] })
  | (LoadedBase & { readonly status: 'missing' })
  | (LoadedBase & { readonly status: 'invalid'; readonly detail: string });

const NOTHING_STORED = { revision: 0, savedAt: null, savedBy: null, indexedRevision: 0, legacy: false, chunks: null } as const;

async function readPointer(store: KeyValueStore): Promise<Pointer | 'missing' | 'invalid'> {
  const raw = await store.getEntity(CONTRACT_DATABASE_ENTITY, contractDatabasePointerKey());
  if (raw === undefined) return 'missing';
  const parsed = pointerSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'invalid';
}

async function readChunks(store: KeyValueStore, pointer: Pointer): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const keys = Array.from({ length: pointer.chunkCount }, (_, i) => documentChunkKey('contract-database', pointer.generation, i));
  const raws = await Promise.all(keys.map((key) => store.get(key)));
  const pieces: string[] = [];
  for (const [index, raw] of raws.entries()) {
    const chunk = chunkSchema.safeParse(raw);
    if (!chunk.success) return { ok: false, reason: `chunk ${index + 1} of ${keys.length} is ${raw === undefined ? 'missing' : 'invalid'}` };
    pieces.push(chunk.data.data);
  }
  const text = pieces.join('');
  if (utf8Length(text) !== pointer.bytes || sha256(text) !== pointer.sha256) return { ok: false, reason: 'the content does not match its checksum' };
  return { ok: true, text };
}

/**
 * Reads the whole contract database: the pointer and its chunks (1 + chunks storage reads), or the
 * schema version 1 document of an install that has not saved since. A stored document that no longer
 * parses is reported, and the empty database is used so requests become `uncovered` with a reason
 * rather than crash.
 *
 * @example const { database, revision } = await loadContractDatabase(store);
 */
export async function loadContractDatabase(store: KeyValueStore): Promise<LoadedDatabase> {
  let pointer = await readPointer(store);
  for (let attempt = 1; pointer !== 'missing' && pointer !== 'invalid'; attempt++) {
    const current: Pointer = pointer;
    const read = await readChunks(store, current);
    const base = {
      revision: current.revision,
      savedAt: current.savedAt,
      savedBy: current.savedBy,
      indexedRevision: current.indexedRevision,
      legacy: false,
      chunks: { generation: current.generation, count: current.chunkCount },
    } as const;
    if (read.ok) {
      let raw: unknown;
      try {
        raw = JSON.parse(read.text);
      } catch {
        return { status: 'invalid', database: emptyDatabase(), ...base, detail: 'The stored contract database is not valid JSON.' };
      }
      const parsed = parseContractDatabase(raw, 'stored');
      if (parsed.ok) return { status: 'found', database: parsed.database, ...base, migrationNotes: parsed.migrationNotes };
      const detail = parsed.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
      return { status: 'invalid', database: emptyDatabase(), ...base, detail: `The stored contract database is invalid: ${detail}` };
    }
    // A save replaced the generation while we read it: read the new pointer (at most twice more).
    const again = await readPointer(store);
    const moved = typeof again === 'object' && again.generation !== current.generation;
    if (!moved || attempt >= 3) {
      return { status: 'invalid', database: emptyDatabase(), ...base, detail: `The stored contract database is unreadable: ${read.reason}.` };
    }
    pointer = again;
  }
  if (pointer === 'invalid') {
    return { status: 'invalid', database: emptyDatabase(), ...NOTHING_STORED, detail: 'The stored commit pointer of the contract database is invalid.' };
  }
  return loadLegacy(store);
}

/** An install of schema version 1: the document under `doc:contract-database`, migrated in memory. */
async function loadLegacy(store: KeyValueStore): Promise<LoadedDatabase> {
  const read = await readDocument(store, 'contract-database', legacyDocumentSchema);
  if (read.status === 'missing') return { status: 'missing', database: emptyDatabase(), ...NOTHING_STORED };
  if (read.status === 'invalid') return { status: 'invalid', database: emptyDatabase(), ...NOTHING_STORED, legacy: true, detail: read.error.message };
  const parsed = parseContractDatabase(read.value, 'stored');
  if (!parsed.ok) {
    const detail = parsed.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
    return { status: 'invalid', database: emptyDatabase(), ...NOTHING_STORED, legacy: true, detail: `The stored contract database is invalid: ${detail}` };
  }
  return { status: 'found', database: parsed.database, ...NOTHING_STORED, legacy: true, migrationNotes: parsed.migrationNotes };
}

/** What terms resolution got, and from where. */
export interface TermsDatabase {
  /** The database (or the slice of it) that applies to the organizations. */
  readonly database: ContractDatabase;
  /** `index`: the organizations' slices (1 read per bucket); `database`: the whole database (not indexed yet). */
  readonly source: 'index' | 'database';
}

/**
 * What terms resolution needs for requests of these organizations — the contracts that can apply to
 * them plus the levels, calendars, services and settings those reference (src/domain/terms-slice.ts)
 * — in one storage read per organization bucket (one for nearly every request), instead of reading
 * the whole database. Falls back to the whole database while the index is not written.
 *
 * @example
 * const { database } = await loadTermsDatabase(store, issue.organizations.map((o) => o.id));
 * resolveTerms(database, requestFactsOf(issue), issue.createdAt);
 */
export async function loadTermsDatabase(store: KeyValueStore, organizationIds: readonly string[]): Promise<TermsDatabase> {
  const buckets = bucketsOf(organizationIds);
  const raws = await Promise.all(buckets.map((bucket) => store.getEntity(CONTRACT_TERMS_ENTITY, contractTermsBucketKey(bucket))));
  const slices: TermsSlice[] = [];
  for (const raw of raws) {
    const parsed = termsBucketSchema.safeParse(raw);
    if (!parsed.success) break;
    slices.push({ database: parsed.data.content, contractOrder: parsed.data.contractOrder });
  }
  if (slices.length === buckets.length) return { database: mergeSlices(slices), source: 'index' };
  const loaded = await loadContractDatabase(store);
  return { database: loaded.database, source: 'database' };
}

// ---------------------------------------------------------------------------------------------
// Checking a change (validate, save, import)

/** What a change is and who makes it. */
export interface DatabaseChange {
  /** The document as typed or imported (schema version 1 or 2). */
  readonly input: unknown;
  /** The revision the admin loaded (`admin/get`); a save from an older one is refused. */
  readonly baseRevision: number;
  /** The admin's Atlassian account id. */
  readonly by: string;
  readonly now: Date;
  readonly action: 'save' | 'import';
  /** Import only: restore even though it rewrites history (the audit entry records what). */
  readonly confirmHistoryRewrite?: boolean;
  /** Notes for the audit entry (e.g. that a backup was restored, and from when). */
  readonly notes?: readonly string[];
}

export type ChangeCheck =
  | { readonly ok: true; readonly database: ContractDatabase; readonly current: LoadedDatabase; readonly unchanged: boolean; readonly changes: string[]; readonly historyRewritten: string[]; readonly migrationNotes: string[]; readonly slices: TermsSlice[] }
  | { readonly ok: false; readonly kind: 'invalid'; readonly errors: ContractDatabaseError[] }
  | { readonly ok: false; readonly kind: 'history'; readonly errors: ContractDatabaseError[] }
  | {
      readonly ok: false;
      readonly kind: 'stale';
      readonly message: string;
      readonly currentRevision: number;
      /** Who saved the revision that overtook this change, and when (null when unknown). */
      readonly savedBy: string | null;
      readonly savedAt: string | null;
      /** Found before anything was written (`loaded`), or when the commit's condition failed (`writing`). */
      readonly phase: 'loaded' | 'writing';
    };

/**
 * The message of a change another admin's save overtook: who (a name, or the account id) saved which
 * revision when, and that nothing was saved. `phase`: found before writing (`loaded`), or while writing.
 *
 * @example staleMessage('loaded', { who: 'Ada Admin', at: '2026-10-05T09:00:00.000Z', revision: 8, loaded: 7 })
 */
export function staleMessage(phase: 'loaded' | 'writing', facts: { who: string | null; at: string | null; revision: number; loaded: number }): string {
  const values = { who: facts.who ?? '?', at: facts.at ?? '?', revision: facts.revision };
  return phase === 'loaded' ? vt('validation.stale.loaded', { ...values, loaded: facts.loaded }) : vt('validation.stale.writing', values);
}

/** Slices that do not fit one storage item, as errors naming what makes them large. */
function sliceProblems(slices: readonly TermsSlice[]): ContractDatabaseError[] {
  const errors: ContractDatabaseError[] = [];
  for (const slice of slices) {
    const bytes = utf8Length(JSON.stringify(slice.database)) + utf8Length(JSON.stringify(slice.contractOrder));
    if (bytes <= TERMS_SLICE_MAX_BYTES) continue;
    const largest = [...slice.database.contracts].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
    errors.push({
      path: '(root)',
      message: vt('validation.sliceTooLarge', {
        count: slice.database.contracts.length,
        largest: largest?.name ?? '—',
        size: Math.round(bytes / 1024),
        max: Math.round(TERMS_SLICE_MAX_BYTES / 1024),
      }),
    });
    if (errors.length >= 3) break;
  }
  return errors;
}

/**
 * Every check of a save, without writing anything: what `admin/validate` answers and what a save
 * runs before it writes.
 *
 * @example const check = await checkDatabaseChange(store, { input, baseRevision: 7, by, now, action: 'save' });
 */
export async function checkDatabaseChange(store: KeyValueStore, change: DatabaseChange): Promise<ChangeCheck> {
  const parsed = parseContractDatabase(change.input);
  if (!parsed.ok) return { ok: false, kind: 'invalid', errors: parsed.errors };
  const current = await loadContractDatabase(store);
  const unchanged = current.status === 'found' && !current.legacy && canonicalJson(current.database) === canonicalJson(parsed.database);
  if (current.revision !== change.baseRevision && !unchanged) {
    return {
      ok: false,
      kind: 'stale',
      currentRevision: current.revision,
      savedBy: current.savedBy,
      savedAt: current.savedAt,
      phase: 'loaded',
      message: staleMessage('loaded', { who: current.savedBy, at: current.savedAt, revision: current.revision, loaded: change.baseRevision }),
    };
  }
  const conflicts = current.status === 'found' ? findHistoryConflicts(current.database, parsed.database, change.now) : [];
  const mayRewrite = change.action === 'import' && change.confirmHistoryRewrite === true;
  if (conflicts.length > 0 && !mayRewrite) return { ok: false, kind: 'history', errors: conflicts };
  const slices = buildTermsBuckets(parsed.database);
  const tooLarge = sliceProblems(slices);
  if (tooLarge.length > 0) return { ok: false, kind: 'invalid', errors: tooLarge };
  const before = current.status === 'found' ? current.database : emptyDatabase();
  return {
    ok: true,
    database: parsed.database,
    current,
    unchanged,
    changes: describeDatabaseChanges(before, parsed.database),
    historyRewritten: conflicts.map((c) => c.message),
    migrationNotes: [...(current.status === 'found' ? current.migrationNotes : []), ...parsed.migrationNotes],
    slices,
  };
}

// ---------------------------------------------------------------------------------------------
// Saving

export type SaveDatabaseResult =
  | { ok: true; database: ContractDatabase; revision: number; unchanged: boolean; changes: string[] }
  | Exclude<ChangeCheck, { ok: true }>;

/** A line cut to AUDIT_LOG_LIMITS.maxLineLength characters. */
function line(text: string): string {
  return text.length <= AUDIT_LOG_LIMITS.maxLineLength ? text : `${text.slice(0, AUDIT_LOG_LIMITS.maxLineLength - 1)}…`;
}

/** The audit entry of a commit, within AUDIT_LOG_LIMITS (lines dropped from the end until it fits). */
export function buildAuditEntry(input: { revision: number; at: string; by: string; action: AuditEntry['action']; changes: readonly string[]; notes: readonly string[] }): AuditEntry {
  let changes = input.changes.slice(0, AUDIT_LOG_LIMITS.maxChangesPerEntry).map(line);
  let notes = input.notes.slice(0, AUDIT_LOG_LIMITS.maxNotes).map(line);
  const entry = (): AuditEntry => ({ revision: input.revision, at: input.at, by: input.by, action: input.action, changes, changeCount: input.changes.length, notes });
  while (utf8Length(JSON.stringify({ schemaVersion: 1, ...entry() })) > AUDIT_LOG_LIMITS.maxEntryBytes) {
    if (notes.length > changes.length) notes = notes.slice(0, -1);
    else changes = changes.slice(0, -1);
  }
  return entry();
}

function pointerConditions(revision: number): EntityCondition[] {
  return revision === 0 ? [{ attribute: 'revision', condition: 'NOT_EXISTS' }] : [{ attribute: 'revision', condition: 'EQUAL_TO', value: revision }];
}

async function deleteChunks(store: KeyValueStore, generation: string, count: number): Promise<void> {
  const keys = Array.from({ length: count }, (_, i) => documentChunkKey('contract-database', generation, i));
  for (const group of packTransactions(keys.map((key): StoreOperation => ({ type: 'delete', key })))) await store.transact(group);
}

/**
 * Validates a change (see checkDatabaseChange) and stores it as the next revision with its audit
 * entry, then brings the terms index up to date. Nothing is written when a check fails; a save that
 * another admin's save overtook while it was being written is refused as `stale` (its chunks are
 * removed again). Same content as stored: `unchanged`, nothing written (the index is still checked).
 *
 * @example
 * const result = await saveContractDatabase(store, { input, baseRevision: 7, by: accountId, now, action: 'save' });
 * if (result.ok) result.revision; // 8
 */
export async function saveContractDatabase(store: KeyValueStore, change: DatabaseChange): Promise<SaveDatabaseResult> {
  const check = await checkDatabaseChange(store, change);
  if (!check.ok) return check;
  const { database, current } = check;
  if (check.unchanged) {
    await ensureTermsIndex(store, current, check.slices);
    return { ok: true, database, revision: current.revision, unchanged: true, changes: [] };
  }

  const text = JSON.stringify(database);
  const generation = randomBytes(8).toString('hex');
  const pieces = splitForChunks(text);
  const revision = current.revision + 1;
  const pointer: Pointer = {
    schemaVersion: 1,
    revision,
    indexedRevision: current.indexedRevision,
    generation,
    sha256: sha256(text),
    bytes: utf8Length(text),
    chunkCount: pieces.length,
    savedAt: change.now.toISOString(),
    savedBy: change.by,
  };
  const notes = [
    ...check.migrationNotes,
    ...(change.notes ?? []),
    ...check.historyRewritten.map((message) => `History rewritten with confirmation: ${message}`),
  ];
  const action: AuditEntry['action'] = change.action;
  const entry = buildAuditEntry({ revision, at: pointer.savedAt, by: change.by, action, changes: check.changes, notes });
  const chunkOperations = pieces.map((data, index): StoreOperation => ({ type: 'set', key: documentChunkKey('contract-database', generation, index), value: { schemaVersion: 1, data } }));
  const commit: StoreOperation[] = [
    { type: 'set', entity: CONTRACT_DATABASE_ENTITY, key: contractDatabasePointerKey(), value: pointer, conditions: pointerConditions(current.revision) },
    { type: 'set', entity: DATABASE_AUDIT_ENTITY, key: databaseAuditKey(revision), value: { schemaVersion: 1, ...entry } },
    ...(revision > AUDIT_LOG_LIMITS.maxEntries ? [{ type: 'delete', entity: DATABASE_AUDIT_ENTITY, key: databaseAuditKey(revision - AUDIT_LOG_LIMITS.maxEntries) } as const] : []),
  ];

  try {
    for (const group of packTransactions(chunkOperations)) await store.transact(group);
    await store.transact(commit);
  } catch (error) {
    // Remove what this save wrote, unless the commit did land (a timeout after the write).
    const landed = await readPointer(store).catch(() => 'unknown' as const);
    if (!(typeof landed === 'object' && landed.generation === generation)) {
      await deleteChunks(store, generation, pieces.length).catch(() => undefined);
      if (isConditionFailed(error)) {
        const now = typeof landed === 'object' ? landed : null;
        return {
          ok: false,
          kind: 'stale',
          currentRevision: now?.revision ?? current.revision,
          savedBy: now?.savedBy ?? null,
          savedAt: now?.savedAt ?? null,
          phase: 'writing',
          message: staleMessage('writing', { who: now?.savedBy ?? null, at: now?.savedAt ?? null, revision: now?.revision ?? current.revision, loaded: change.baseRevision }),
        };
      }
      throw error;
    }
  }

  // The previous generation is unreferenced now; removing it is housekeeping.
  if (current.chunks !== null) await deleteChunks(store, current.chunks.generation, current.chunks.count).catch(() => undefined);
  const committed: LoadedDatabase = {
    status: 'found',
    database,
    revision,
    savedAt: pointer.savedAt,
    savedBy: pointer.savedBy,
    indexedRevision: current.indexedRevision,
    legacy: false,
    chunks: { generation, count: pieces.length },
    migrationNotes: [],
  };
  await writeTermsIndex(store, committed, check.slices, current.status === 'found' && current.indexedRevision === current.revision && !current.legacy ? current.database : null, pointer);
  return { ok: true, database, revision, unchanged: false, changes: check.changes };
}

// ---------------------------------------------------------------------------------------------
// The terms index

function bucketItem(slice: TermsSlice, bucket: number, revision: number): Record<string, unknown> {
  return { schemaVersion: 1, revision, bucket, content: slice.database, contractOrder: slice.contractOrder };
}

/**
 * Writes one bucket unless it already holds this revision or a newer one: first on the condition of
 * an older revision, then (a bucket never written) of no revision at all.
 */
async function writeBucket(store: KeyValueStore, bucket: number, value: Record<string, unknown>, revision: number): Promise<void> {
  const key = contractTermsBucketKey(bucket);
  for (const conditions of [[{ attribute: 'revision', condition: 'LESS_THAN', value: revision }], [{ attribute: 'revision', condition: 'NOT_EXISTS' }]] satisfies EntityCondition[][]) {
    try {
      await store.transact([{ type: 'set', entity: CONTRACT_TERMS_ENTITY, key, value, conditions }]);
      return;
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
}

/**
 * Writes the buckets of a committed revision: those whose slice differs from `indexedDatabase` (the
 * database the stored buckets were written from; null: all of them), in batched transactions on the
 * condition that each holds an older revision (or, before anything was indexed, none), one by one
 * where a batch's condition fails. Then records the revision as indexed.
 */
async function writeTermsIndex(
  store: KeyValueStore,
  committed: LoadedDatabase,
  slices: readonly TermsSlice[],
  indexedDatabase: ContractDatabase | null,
  pointer: Pointer | null,
): Promise<void> {
  const revision = committed.revision;
  const previous = indexedDatabase === null ? null : buildTermsBuckets(indexedDatabase);
  const changed: { bucket: number; value: Record<string, unknown> }[] = [];
  slices.forEach((slice, bucket) => {
    const old = previous?.[bucket];
    if (old !== undefined && canonicalJson(old) === canonicalJson(slice)) return;
    changed.push({ bucket, value: bucketItem(slice, bucket, revision) });
  });
  // Buckets exist once any revision was indexed: batch on "an older revision", else on "none yet".
  const batchCondition: EntityCondition =
    committed.indexedRevision > 0 ? { attribute: 'revision', condition: 'LESS_THAN', value: revision } : { attribute: 'revision', condition: 'NOT_EXISTS' };
  const operations = changed.map(
    ({ bucket, value }): StoreOperation => ({
      type: 'set',
      entity: CONTRACT_TERMS_ENTITY,
      key: contractTermsBucketKey(bucket),
      value,
      conditions: [batchCondition],
    }),
  );
  for (const group of packTransactions(operations)) {
    try {
      await store.transact(group);
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      for (const operation of group) {
        const bucket = changed.find((c) => contractTermsBucketKey(c.bucket) === operation.key);
        if (bucket !== undefined) await writeBucket(store, bucket.bucket, bucket.value, revision);
      }
    }
  }
  const current = pointer ?? (await readPointer(store));
  if (typeof current !== 'object' || current.revision !== revision || current.indexedRevision === revision) return;
  try {
    await store.transact([
      {
        type: 'set',
        entity: CONTRACT_DATABASE_ENTITY,
        key: contractDatabasePointerKey(),
        value: { ...current, indexedRevision: revision },
        conditions: [{ attribute: 'revision', condition: 'EQUAL_TO', value: revision }],
      },
    ]);
  } catch (error) {
    // A newer save committed meanwhile: it indexes its own revision.
    if (!isConditionFailed(error)) throw error;
  }
}

/**
 * Brings the store up to date without changing the database: a schema version 1 install is stored as
 * version 2 (revision 1, with a migration entry in the audit log), and terms buckets behind the
 * stored revision (a save that failed midway) are rewritten. Costs one pointer read when all is
 * current. The admin page load and save call it; so can a scheduled job.
 *
 * @example await ensureContractStore(store, now); // after an upgrade from schema version 1
 */
export async function ensureContractStore(store: KeyValueStore, now: Date): Promise<LoadedDatabase> {
  const loaded = await loadContractDatabase(store);
  if (loaded.status !== 'found') return loaded;
  if (loaded.legacy) {
    const saved = await saveContractDatabase(store, { input: loaded.database, baseRevision: 0, by: 'app', now, action: 'save', notes: loaded.migrationNotes });
    if (saved.ok && !saved.unchanged) {
      // Re-label the entry: this commit is the migration, not an admin's save.
      const key = databaseAuditKey(saved.revision);
      const raw = await store.getEntity(DATABASE_AUDIT_ENTITY, key);
      const entry = storedAuditEntrySchema.safeParse(raw);
      if (entry.success) await store.transact([{ type: 'set', entity: DATABASE_AUDIT_ENTITY, key, value: { ...entry.data, action: 'migration' } }]);
    }
    return loadContractDatabase(store);
  }
  await ensureTermsIndex(store, loaded, null);
  return loaded;
}

async function ensureTermsIndex(store: KeyValueStore, loaded: LoadedDatabase, slices: readonly TermsSlice[] | null): Promise<void> {
  if (loaded.status !== 'found' || loaded.legacy || loaded.indexedRevision === loaded.revision) return;
  await writeTermsIndex(store, loaded, slices ?? buildTermsBuckets(loaded.database), null, null);
}

// ---------------------------------------------------------------------------------------------
// The audit log

/**
 * One page of the audit log, newest first.
 *
 * @example const { entries, nextCursor } = await listAuditLog(store, { limit: 20 });
 */
export async function listAuditLog(store: KeyValueStore, page: { limit: number; cursor?: string }): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const result = await store.queryEntity({
    entity: DATABASE_AUDIT_ENTITY,
    index: 'revision',
    sort: 'DESC',
    limit: page.limit,
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
  });
  const entries: AuditEntry[] = [];
  for (const item of result.entries) {
    const parsed = storedAuditEntrySchema.safeParse(item.value);
    if (!parsed.success) continue; // an entry of a future format: skipped, never fatal
    const { schemaVersion: _version, ...entry } = parsed.data;
    entries.push(entry);
  }
  return { entries, nextCursor: result.nextCursor ?? null };
}

/** The whole audit log, newest first (at most AUDIT_LOG_LIMITS.maxEntries entries: two pages). */
export async function readAuditLog(store: KeyValueStore): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditLog(store, { limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    all.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && all.length < AUDIT_LOG_LIMITS.maxEntries);
  return all.slice(0, AUDIT_LOG_LIMITS.maxEntries);
}
