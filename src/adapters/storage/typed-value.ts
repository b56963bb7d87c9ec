/**
 * Typed access to the storage port: every stored value carries `schemaVersion` and is parsed with its
 * zod schema on read and validated before it is written, so nothing unchecked enters or leaves
 * storage (no casts). A stored value that does not parse is an expected outcome (someone or an old
 * version wrote garbage), answered as `{ status: 'invalid', error }` naming the key and the fields.
 *
 * Documents (the contract database) may outgrow one KVS value (240 KiB). `writeDocument` stores the
 * JSON text inline in the manifest key when it fits, otherwise as chunks of a fresh generation; the
 * manifest, written last, is the only pointer to them, so a save that fails at any point leaves the
 * previous document readable, and a reader never sees a mix of two saves (checked by SHA-256).
 * Concurrent saves: the last manifest written wins. Keys come from storage-keys.ts.
 * Touches storage only through the KeyValueStore it is given.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EntityCondition } from './entity-rules';
import { isConditionFailed, KVS_LIMITS, type KeyValueStore, type StoreOperation } from './key-value-store';
import { documentChunkKey, documentManifestKey, type DocumentName } from './storage-keys';
import { groupFieldErrors } from '../../contract/envelope';

/** What every stored value has. */
export interface Versioned {
  readonly schemaVersion: number;
}

/** The schema of a stored value: its output carries `schemaVersion`. */
export type StoredSchema<T extends Versioned> = z.ZodType<T>;

/** A value that does not match its schema: read from storage, or about to be written to it. */
export class StoredValueError extends Error {
  override readonly name = 'StoredValueError';
  readonly key: string;
  /** `{ "path.to.field": ["message"] }`; the value as a whole is "(root)". */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;

  constructor(key: string, fieldErrors: Record<string, string[]>, detail?: string) {
    const fields = Object.entries(fieldErrors)
      .slice(0, 5)
      .map(([path, messages]) => `${path}: ${messages.join('; ')}`)
      .join(', ');
    super(`Stored value "${key}" is invalid${detail === undefined ? '' : ` (${detail})`}: ${fields}`);
    this.key = key;
    this.fieldErrors = fieldErrors;
  }
}

export type ReadResult<T> =
  | { readonly status: 'found'; readonly value: T }
  | { readonly status: 'missing' }
  | { readonly status: 'invalid'; readonly error: StoredValueError };

function flattenIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  return groupFieldErrors(issues.map((issue) => ({ path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'), message: issue.message })));
}

/**
 * Parses a value read from storage (e.g. an entry of a query page).
 *
 * @example parseStoredValue(entry.key, entry.value, openClockSchema)
 */
export function parseStoredValue<T extends Versioned>(key: string, raw: unknown, schema: StoredSchema<T>): ReadResult<T> {
  if (raw === undefined) return { status: 'missing' };
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { status: 'found', value: parsed.data }
    : { status: 'invalid', error: new StoredValueError(key, flattenIssues(parsed.error.issues)) };
}

/**
 * Reads and parses one value.
 *
 * @example
 * const settings = await readValue(store, settingsKey(), settingsSchema);
 * if (settings.status === 'found') use(settings.value);
 */
export async function readValue<T extends Versioned>(
  store: KeyValueStore,
  key: string,
  schema: StoredSchema<T>,
): Promise<ReadResult<T>> {
  return parseStoredValue(key, await store.get(key), schema);
}

/** Validates a value before it is written; throws StoredValueError naming the key and fields. */
export function validateForWrite<T extends Versioned>(key: string, schema: StoredSchema<T>, value: NoInfer<T>): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredValueError(key, flattenIssues(parsed.error.issues), 'not written');
  return parsed.data;
}

/** Validates and writes one value. Nothing is written when validation fails. */
export async function writeValue<T extends Versioned>(
  store: KeyValueStore,
  key: string,
  schema: StoredSchema<T>,
  value: NoInfer<T>,
): Promise<void> {
  await store.set(key, validateForWrite(key, schema, value));
}

/**
 * A validated `set` for `store.transact`, for changes that must land together (an aggregate and the
 * issue's contribution to it).
 */
export function buildSetOperation<T extends Versioned>(key: string, schema: StoredSchema<T>, value: NoInfer<T>): StoreOperation {
  return { type: 'set', key, value: validateForWrite(key, schema, value) };
}

// ---------------------------------------------------------------------------------------------
// Custom entity items with a revision: optimistic concurrency

/** An entity item written conditionally: `revision` is bumped by every write. */
export interface Revisioned extends Versioned {
  readonly revision: number;
}

/** Where a revisioned item lives and how it parses. */
export interface RevisionedItem<T extends Revisioned> {
  readonly entity: string;
  readonly key: string;
  readonly schema: StoredSchema<T>;
}

/**
 * Reads and parses one entity item.
 *
 * @example const state = await readEntity(store, 'clock-state', issueId, clockStateSchema);
 */
export async function readEntity<T extends Versioned>(store: KeyValueStore, entity: string, key: string, schema: StoredSchema<T>): Promise<ReadResult<T>> {
  return parseStoredValue(`${entity}/${key}`, await store.getEntity(entity, key), schema);
}

/**
 * A validated, unconditional `set` of an entity item (for items guarded by another item's condition
 * in the same transaction, such as an index entry next to its revisioned owner).
 */
export function buildEntitySetOperation<T extends Versioned>(entity: string, key: string, schema: StoredSchema<T>, value: NoInfer<T>): StoreOperation {
  return { type: 'set', key, entity, value: validateForWrite(`${entity}/${key}`, schema, value) };
}

/**
 * A revisioned item as read for a conditional write: its parsed value (null when missing or
 * unreadable) and the revision a write must find unchanged (null: the item must still have none).
 */
export interface RevisionedSnapshot<T> {
  readonly value: T | null;
  readonly revision: number | null;
}

/**
 * Reads a revisioned item for a conditional write. A stored value that does not parse is answered as
 * null with its revision when it has a readable one, so it is overwritten conditionally.
 *
 * @example const read = await readRevisioned(store, { entity: 'compliance-aggregate', key, schema });
 */
export async function readRevisioned<T extends Revisioned>(store: KeyValueStore, item: RevisionedItem<T>): Promise<RevisionedSnapshot<T>> {
  const raw = await store.getEntity(item.entity, item.key);
  const parsed = parseStoredValue(`${item.entity}/${item.key}`, raw, item.schema);
  return parsed.status === 'found' ? { value: parsed.value, revision: parsed.value.revision } : { value: null, revision: revisionOf(raw) };
}

/** The conditions under which an item is still as it was read. */
export function unchangedSince(snapshot: RevisionedSnapshot<unknown>): EntityCondition[] {
  return snapshot.revision === null
    ? [{ attribute: 'revision', condition: 'NOT_EXISTS' }]
    : [{ attribute: 'revision', condition: 'EQUAL_TO', value: snapshot.revision }];
}

/**
 * The conditional write of an item's next value (or its deletion for null): `revision` becomes the
 * read revision + 1 whatever the value says, and the write holds only if nobody wrote since the read.
 *
 * @example const { operation } = revisionedWrite(item, read, { ...read.value, cells });
 */
export function revisionedWrite<T extends Revisioned>(
  item: RevisionedItem<T>,
  snapshot: RevisionedSnapshot<T>,
  next: NoInfer<T> | null,
): { operation: StoreOperation; value: T | null } {
  const conditions = unchangedSince(snapshot);
  if (next === null) return { operation: { type: 'delete', key: item.key, entity: item.entity, conditions }, value: null };
  const value = validateForWrite(`${item.entity}/${item.key}`, item.schema, { ...next, revision: (snapshot.revision ?? 0) + 1 });
  return { operation: { type: 'set', key: item.key, entity: item.entity, value, conditions }, value };
}

/** What an update wants written: the next value (or null to delete it) and writes that must land with it. */
export interface RevisionedChange<T> {
  readonly next: T | null;
  /** Further operations committed in the same transaction (e.g. an index entry). */
  readonly alongside?: readonly StoreOperation[];
}

export interface RevisionedUpdateOptions {
  /** Attempts before RevisionConflictError (default 20). */
  readonly maxAttempts?: number;
  /** Waits between attempts (default setTimeout); tests may pass one that does not wait. */
  readonly pause?: (ms: number) => Promise<void>;
}

const defaultPause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Waits before attempt `attempt` (> 1) of an optimistic write: writers that lost together would
 * retry together, so a random pause (growing with the attempt, at most 200 ms) spreads them out.
 *
 * @example for (let attempt = 1; ; attempt += 1) { await pauseBeforeRetry(attempt); … }
 */
export async function pauseBeforeRetry(attempt: number, pause: (ms: number) => Promise<void> = defaultPause): Promise<void> {
  if (attempt > 1) await pause(Math.random() * Math.min(200, 4 * 2 ** attempt));
}

export type RevisionedUpdateResult<T> =
  | { readonly status: 'written'; readonly value: T | null; readonly attempts: number }
  | { readonly status: 'unchanged'; readonly value: T | null; readonly attempts: number };

/** The item changed under every attempt of an update: too much contention, or a writer that never stops. */
export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
}

/**
 * Read-modify-write of one revisioned entity item that never loses a concurrent update: reads the
 * item, asks `plan` for the change (null: nothing to do), and writes it with the condition that the
 * revision is still the one read (or that the item still does not exist); when another writer came
 * first, reads again and re-plans. The written value gets `revision` = read revision + 1 (the plan's
 * own revision is ignored). A stored value that does not parse is handed to `plan` as null — the
 * plan rebuilds it — and is overwritten conditionally on its revision when it has one.
 *
 * @example
 * await updateRevisionedEntity(store, { entity: 'aggregate', key, schema }, (current) => ({ next: add(current, outcome) }));
 */
export async function updateRevisionedEntity<T extends Revisioned>(
  store: KeyValueStore,
  item: RevisionedItem<T>,
  plan: (current: T | null) => RevisionedChange<T> | null,
  options: RevisionedUpdateOptions = {},
): Promise<RevisionedUpdateResult<T>> {
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    await pauseBeforeRetry(attempt, options.pause);
    const read = await readRevisioned(store, item);
    const change = plan(read.value);
    if (change === null) return { status: 'unchanged', value: read.value, attempts: attempt };
    const { operation, value } = revisionedWrite(item, read, change.next);
    try {
      await store.transact([operation, ...(change.alongside ?? [])]);
      return { status: 'written', value, attempts: attempt };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  throw new RevisionConflictError(`${item.entity}/${item.key} changed under each of ${maxAttempts} attempts to update it.`);
}

/** The revision of a stored item that does not parse, when it has a readable one. */
function revisionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || !('revision' in raw)) return null;
  return typeof raw.revision === 'number' ? raw.revision : null;
}

// ---------------------------------------------------------------------------------------------
// Documents

const manifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    generation: z.string().regex(/^[a-z0-9]{1,40}$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    chunkCount: z.number().int().nonnegative(),
    inline: z.string().optional(),
  })
  .refine((manifest) => (manifest.chunkCount === 0) === (manifest.inline !== undefined), {
    error: 'a manifest holds either the inline text or chunks',
  });
type Manifest = z.infer<typeof manifestSchema>;

const chunkSchema = z.object({ schemaVersion: z.literal(1), data: z.string() });

/** Room left in a 240 KiB value for the chunk wrapper `{"schemaVersion":1,"data":"…"}`. */
const CHUNK_DATA_BYTES = KVS_LIMITS.maxValueBytes - 1024;

export interface WriteDocumentResult {
  /** `unchanged`: the stored document already had this content; nothing was written. */
  readonly status: 'written' | 'unchanged';
  readonly generation: string;
  /** 0 when the document is stored inline in its manifest. */
  readonly chunkCount: number;
  /** Size of the document's JSON text in UTF-8 bytes. */
  readonly bytes: number;
  /** Removal of the replaced generation's chunks; `failed` only leaves unreferenced chunks behind. */
  readonly cleanup: 'none' | 'done' | 'failed';
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Bytes a string takes inside a JSON string literal (escapes included), encoded as UTF-8. */
function jsonStringBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8') - 2;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Splits text, never inside a surrogate pair, so that each piece as a JSON string fits `budget` bytes.
 * Sizes are measured with the native JSON.stringify on candidate slices (shrunk in proportion until
 * they fit) rather than character by character in JavaScript — about 0.1 s for a 3 MB document;
 * pieces may come out a little under the budget. A code point larger than the budget is a piece.
 */
export function splitForChunks(text: string, budget: number = CHUNK_DATA_BYTES): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let length = Math.min(text.length - start, budget);
    for (;;) {
      const end = start + length;
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) {
        length = length === 1 ? 2 : length - 1;
      }
      const bytes = jsonStringBytes(text.slice(start, start + length));
      const singleCodePoint = length === String.fromCodePoint(text.codePointAt(start) ?? 0).length;
      if (bytes <= budget || singleCodePoint) break;
      length = Math.max(1, Math.floor((length * budget) / bytes));
    }
    pieces.push(text.slice(start, start + length));
    start += length;
  }
  if (pieces.length === 0) pieces.push('');
  return pieces;
}

/** Packs operations into transactions within Forge's operation and payload limits, in order. */
export function packTransactions(operations: readonly StoreOperation[]): StoreOperation[][] {
  const groups: StoreOperation[][] = [];
  let current: StoreOperation[] = [];
  let payload = 64;
  for (const operation of operations) {
    // Generous estimate of the operation's share of the request body (see checkTransaction).
    const cost =
      64 + operation.key.length + (operation.type === 'set' ? Buffer.byteLength(JSON.stringify(operation.value), 'utf8') : 0);
    if (
      current.length > 0 &&
      (current.length >= KVS_LIMITS.maxTransactionOperations || payload + cost > KVS_LIMITS.maxTransactionPayloadBytes)
    ) {
      groups.push(current);
      current = [];
      payload = 64;
    }
    current.push(operation);
    payload += cost;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

async function readManifest(store: KeyValueStore, key: string): Promise<ReadResult<Manifest>> {
  const raw = await store.get(key);
  if (raw === undefined) return { status: 'missing' };
  const parsed = manifestSchema.safeParse(raw);
  return parsed.success
    ? { status: 'found', value: parsed.data }
    : { status: 'invalid', error: new StoredValueError(key, flattenIssues(parsed.error.issues), 'document manifest') };
}

function chunkKeys(document: DocumentName, manifest: Manifest): string[] {
  return Array.from({ length: manifest.chunkCount }, (_, index) => documentChunkKey(document, manifest.generation, index));
}

async function deleteKeys(store: KeyValueStore, keys: readonly string[]): Promise<void> {
  for (const group of packTransactions(keys.map((key): StoreOperation => ({ type: 'delete', key })))) {
    await store.transact(group);
  }
}

/**
 * Validates and saves a whole document so that a failure leaves the previous one intact: new chunks
 * are written under a fresh generation, then the manifest is swapped (together with the last chunks,
 * in one transaction), then the replaced generation's chunks are removed. Throws StoredValueError
 * when the value does not match its schema (nothing written), or the store's error when a write
 * fails (the previous document still reads back).
 *
 * @example await writeDocument(store, 'contract-database', contractDatabaseSchema, database);
 */
export async function writeDocument<T extends Versioned>(
  store: KeyValueStore,
  document: DocumentName,
  schema: StoredSchema<T>,
  value: NoInfer<T>,
): Promise<WriteDocumentResult> {
  const manifestKey = documentManifestKey(document);
  const text = JSON.stringify(validateForWrite(manifestKey, schema, value));
  const bytes = Buffer.byteLength(text, 'utf8');
  const checksum = sha256(text);

  const previous = await readManifest(store, manifestKey);
  if (previous.status === 'found' && previous.value.sha256 === checksum && previous.value.bytes === bytes) {
    // Same content: nothing to write — unless a chunk went missing, which a save must repair.
    const stored = await assemble(store, document, previous.value);
    if (stored.ok && sha256(stored.text) === checksum) {
      return { status: 'unchanged', generation: previous.value.generation, chunkCount: previous.value.chunkCount, bytes, cleanup: 'none' };
    }
  }

  const generation = randomBytes(8).toString('hex');
  const inline: Manifest = { schemaVersion: 1, generation, sha256: checksum, bytes, chunkCount: 0, inline: text };
  let manifest: Manifest;
  let groups: StoreOperation[][];
  if (Buffer.byteLength(JSON.stringify(inline), 'utf8') <= KVS_LIMITS.maxValueBytes) {
    manifest = inline;
    groups = [[{ type: 'set', key: manifestKey, value: manifest }]];
  } else {
    const pieces = splitForChunks(text);
    manifest = { schemaVersion: 1, generation, sha256: checksum, bytes, chunkCount: pieces.length };
    const chunkOperations = pieces.map(
      (data, index): StoreOperation => ({
        type: 'set',
        key: documentChunkKey(document, generation, index),
        value: { schemaVersion: 1, data },
      }),
    );
    // The manifest goes last, so the transaction that holds it is the commit point.
    groups = packTransactions([...chunkOperations, { type: 'set', key: manifestKey, value: manifest }]);
  }

  for (const [index, group] of groups.entries()) {
    try {
      await store.transact(group);
    } catch (error) {
      await abandonGeneration(store, document, manifestKey, manifest, index === groups.length - 1);
      throw error;
    }
  }

  let cleanup: WriteDocumentResult['cleanup'] = 'none';
  if (previous.status === 'found' && previous.value.chunkCount > 0) {
    try {
      await deleteKeys(store, chunkKeys(document, previous.value));
      cleanup = 'done';
    } catch {
      cleanup = 'failed';
    }
  }
  return { status: 'written', generation, chunkCount: manifest.chunkCount, bytes, cleanup };
}

/**
 * After a failed save, removes the chunks it may have written — unless the failing request was the
 * commit and did land after all (a timeout after the write), which only the manifest can tell.
 */
async function abandonGeneration(
  store: KeyValueStore,
  document: DocumentName,
  manifestKey: string,
  manifest: Manifest,
  failedAtCommit: boolean,
): Promise<void> {
  if (manifest.chunkCount === 0) return;
  try {
    if (failedAtCommit) {
      const current = await readManifest(store, manifestKey);
      if (current.status === 'found' && current.value.generation === manifest.generation) return;
    }
    await deleteKeys(store, chunkKeys(document, manifest));
  } catch {
    // Best effort: leftover chunks are unreferenced and never read.
  }
}

type AssembleResult = { ok: true; text: string } | { ok: false; reason: string };

async function assemble(store: KeyValueStore, document: DocumentName, manifest: Manifest): Promise<AssembleResult> {
  if (manifest.inline !== undefined) return { ok: true, text: manifest.inline };
  const keys = chunkKeys(document, manifest);
  const raws = await Promise.all(keys.map((key) => store.get(key)));
  const pieces: string[] = [];
  for (const [index, raw] of raws.entries()) {
    const chunk = chunkSchema.safeParse(raw);
    if (!chunk.success) return { ok: false, reason: `chunk ${index} of ${keys.length} is ${raw === undefined ? 'missing' : 'invalid'}` };
    pieces.push(chunk.data.data);
  }
  return { ok: true, text: pieces.join('') };
}

/**
 * Reads a document saved by `writeDocument` and parses it with its schema. A chunk that is missing or
 * a checksum that does not match means a save replaced the document while it was read: the read is
 * retried, and reported as invalid only when the manifest did not change.
 *
 * @example
 * const database = await readDocument(store, 'contract-database', contractDatabaseSchema);
 */
export async function readDocument<T extends Versioned>(
  store: KeyValueStore,
  document: DocumentName,
  schema: StoredSchema<T>,
): Promise<ReadResult<T>> {
  const manifestKey = documentManifestKey(document);
  let manifest = await readManifest(store, manifestKey);
  for (let attempt = 1; ; attempt += 1) {
    if (manifest.status !== 'found') return manifest;
    const assembled = await assemble(store, document, manifest.value);
    const reason = !assembled.ok
      ? assembled.reason
      : Buffer.byteLength(assembled.text, 'utf8') !== manifest.value.bytes || sha256(assembled.text) !== manifest.value.sha256
        ? 'content does not match its checksum'
        : undefined;
    if (assembled.ok && reason === undefined) {
      let raw: unknown;
      try {
        raw = JSON.parse(assembled.text);
      } catch {
        return { status: 'invalid', error: new StoredValueError(manifestKey, { '(root)': ['not valid JSON'] }, 'document') };
      }
      const parsed = parseStoredValue(manifestKey, raw, schema);
      return parsed.status === 'missing'
        ? { status: 'invalid', error: new StoredValueError(manifestKey, { '(root)': ['empty document'] }, 'document') }
        : parsed;
    }
    const again = await readManifest(store, manifestKey);
    const changed = again.status !== 'found' || again.value.generation !== manifest.value.generation;
    if (!changed || attempt >= 3) {
      return {
        status: 'invalid',
        error: new StoredValueError(manifestKey, { '(root)': [reason ?? 'unreadable'] }, `document generation ${manifest.value.generation}`),
      };
    }
    manifest = again;
  }
}
